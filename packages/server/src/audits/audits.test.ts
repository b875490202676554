// Granskning on constructed data: eight households in Syd assisted in September and October
// 2026; only the first has a kartläggning and a plan followed up on time.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { seedDemoHistory } from '../demo/seed.ts';
import { createDecidedErrand, householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, loginAs, TEST_SEED, type TestApp } from '../testing.ts';
import { draw } from './audits.service.ts';

let t: TestApp;
let auditor: Login;
let committee: Login;
let households: { id: string; applicantId: string }[];
let first: { id: string; applicantId: string };
let firstName: string;

const criteria = { from: '2026-09', to: '2026-10', unitId: 'eb-syd' };

beforeAll(async () => {
  t = await buildTestApp();
  auditor = await loginAs(t.app, 'auditor');
  committee = await loginAs(t.app, 'committee');
  const db = t.db.db;
  households = await householdsOf(db, 'alvstad', 'eb-syd', 8);
  first = households[0] as { id: string; applicantId: string };
  const by = auditor.userId;
  for (const h of households)
    for (const month of ['2026-09', '2026-10'])
      await createDecidedErrand(db, {
        municipalityId: 'alvstad',
        householdId: h.id,
        month,
        decidedBy: by,
        items: [{ granted: 400_000 }],
        decidedAt: new Date(`${month}-02T10:00:00Z`),
      });
  await inTenant(db, 'alvstad', async (trx) => {
    const person = await trx
      .selectFrom('persons')
      .select(['firstName', 'lastName'])
      .where('id', '=', first.applicantId)
      .executeTakeFirstOrThrow();
    firstName = `${person.firstName} ${person.lastName}`;
    await trx
      .insertInto('assessments')
      .values({
        municipalityId: 'alvstad',
        id: randomUUID(),
        personId: first.applicantId,
        version: 1,
        sections: JSON.stringify({
          education: '',
          workExperience: '',
          swedishLanguage: '',
          healthAsDescribed: '',
          caringResponsibilities: '',
          housing: '',
          debts: '',
          strengths: '',
          ownGoals: 'Jobb inom vården',
          obstacles: '',
        }),
        supportBarrier: 'unemployedNoBenefit',
        workCapacity: null,
        createdBy: by,
        createdAt: new Date('2026-08-01T09:00:00Z'),
      })
      .execute();
    const planId = randomUUID();
    await trx
      .insertInto('plans')
      .values({
        municipalityId: 'alvstad',
        id: planId,
        personId: first.applicantId,
        createdBy: by,
        createdAt: new Date('2026-08-01T09:00:00Z'),
      })
      .execute();
    await trx
      .insertInto('planVersions')
      .values({
        municipalityId: 'alvstad',
        planId,
        version: 1,
        content: JSON.stringify({
          longTermGoal: 'Arbete inom vården',
          subGoals: [
            {
              id: 'g1',
              outcome: 'Har gått undersköterskeutbildningens första del',
              targetDate: '2027-01-31',
            },
          ],
          activities: [
            {
              description: 'Vuxenutbildning',
              responsible: { party: 'person', name: null },
              subGoalIds: ['g1'],
              hoursPerWeek: 30,
            },
          ],
          clientWords: '',
        }),
        agreedOn: '2026-08-01',
        agreementMethod: 'digital',
        createdBy: by,
        createdAt: new Date('2026-08-01T09:00:00Z'),
      })
      .execute();
    // Due 1 October (two months, Älvstad's cadence), held 28 September: on time.
    await trx
      .insertInto('planFollowUps')
      .values({
        municipalityId: 'alvstad',
        id: randomUUID(),
        planId,
        planVersion: 1,
        heldOn: '2026-09-28',
        progress: JSON.stringify([{ subGoalId: 'g1', status: 'ongoing', comment: '' }]),
        nextFollowUpOn: '2026-11-28',
        createdBy: by,
      })
      .execute();
  });
});
afterAll(() => t.close());

async function drawAudit(body: Record<string, unknown>, who = auditor) {
  return t.app.inject({ method: 'POST', url: '/api/v1/audits', headers: as(who), payload: body });
}
async function drawnHouseholds(sampleId: string) {
  const rows = await inTenant(t.db.db, 'alvstad', (trx) =>
    trx
      .selectFrom('auditSampleItems')
      .select('householdId')
      .where('sampleId', '=', sampleId)
      .orderBy('itemNo')
      .execute(),
  );
  return rows.map((r) => r.householdId);
}

describe('the candidates', () => {
  it('draws the same from the indicator cube as from the errands (before the cube has the months)', async () => {
    // Its own app with the demo's twelve months of history (long-term households among them).
    const own = await buildTestApp();
    try {
      await seedDemoHistory(own.db.db, TEST_SEED);
      const revisor = await loginAs(own.app, 'auditor');
      const drawIn = async (name: string, criteria: Record<string, unknown>) => {
        const response = await own.app.inject({
          method: 'POST',
          url: '/api/v1/audits',
          headers: as(revisor),
          payload: { name, size: 10, seed: 9, criteria },
        });
        expect(response.statusCode).toBe(201);
        const rows = await inTenant(own.db.db, 'alvstad', (trx) =>
          trx
            .selectFrom('auditSampleItems')
            .select('householdId')
            .where('sampleId', '=', response.json().id)
            .orderBy('itemNo')
            .execute(),
        );
        return rows.map((r) => r.householdId);
      };
      const wide = { from: '2025-12', to: '2026-10' };
      const longTerm = { ...wide, longTermOnly: true };
      const fromCube = await drawIn('Ur kuben', wide);
      const longFromCube = await drawIn('Långvariga, ur kuben', longTerm);
      const assisted = await inTenant(own.db.db, 'alvstad', (trx) =>
        trx.selectFrom('assistedHouseholds').select('householdId').execute(),
      );
      expect(assisted.length).toBeGreaterThan(10);
      expect(fromCube).toHaveLength(10);
      expect(longFromCube.length).toBeGreaterThan(0);
      // As right after the upgrade that added the months: the cube's generation has none yet.
      await inTenant(own.db.db, 'alvstad', (trx) => trx.deleteFrom('assistedHouseholds').execute());
      expect(await drawIn('Ur ärendena', wide)).toEqual(fromCube);
      expect(await drawIn('Långvariga, ur ärendena', longTerm)).toEqual(longFromCube);
    } finally {
      await own.close();
    }
  });
});

describe('drawing a sample', () => {
  it('is reproducible: the same seed and criteria draw the same files in the same order', async () => {
    const a = await drawAudit({ name: 'Försök A', size: 3, seed: 42, criteria });
    const b = await drawAudit({ name: 'Försök B', size: 3, seed: 42, criteria });
    expect(a.statusCode).toBe(201);
    expect(a.json().files.map((f: { pseudonym: string }) => f.pseudonym)).toEqual([
      'Akt 1',
      'Akt 2',
      'Akt 3',
    ]);
    const drawnA = await drawnHouseholds(a.json().id);
    expect(drawnA).toHaveLength(3);
    expect(await drawnHouseholds(b.json().id)).toEqual(drawnA);
    for (const id of drawnA) expect(households.map((h) => h.id)).toContain(id);
  });

  it('shuffles with the seed (pure function)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    expect(draw(ids, 8, 7)).toEqual(draw(ids, 8, 7));
    expect(draw(ids, 8, 7)).not.toEqual(draw(ids, 8, 8));
    expect([...draw(ids, 8, 7)].sort()).toEqual(ids);
  });

  it('proposes a finding per control objective from the case data', async () => {
    const response = await drawAudit({ name: 'Hela Syd', size: 8, seed: 1, criteria });
    const sample = response.json();
    const ids = await drawnHouseholds(sample.id);
    const itemNo = ids.indexOf(first.id) + 1;
    const firstFile = sample.files.find((f: { itemNo: number }) => f.itemNo === itemNo);
    expect(
      Object.fromEntries(
        firstFile.findings.map((f: { objective: string; result: string }) => [f.objective, f.result]),
      ),
    ).toEqual({
      assessmentDocumented: 'met',
      planWithGoal: 'met',
      followUpOnTime: 'met',
      decisionMotivated: 'met',
    });
    const summary = Object.fromEntries(
      sample.summary.map((s: { objective: string; met: number; notMet: number; notApplicable: number }) => [
        s.objective,
        [s.met, s.notMet, s.notApplicable],
      ]),
    );
    expect(summary).toEqual({
      assessmentDocumented: [1, 7, 0],
      planWithGoal: [1, 7, 0],
      followUpOnTime: [1, 0, 7],
      decisionMotivated: [8, 0, 0],
    });
  });

  it('names the problem when nothing matches, and is the revisor’s only', async () => {
    const none = await drawAudit({ name: 'Tomt', size: 3, criteria: { from: '2020-01', to: '2020-02' } });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0].pointer).toBe('/criteria');
    const byCommittee = await drawAudit({ name: 'Nämnden', size: 3, criteria }, committee);
    expect(byCommittee.statusCode).toBe(403);
  });
});

describe('reading the drawn files', () => {
  it('lets the revisor read a drawn file, logs the read, and refuses a file that was not drawn', async () => {
    const sample = (await drawAudit({ name: 'Läsning', size: 8, seed: 3, criteria })).json();
    const ids = await drawnHouseholds(sample.id);
    const itemNo = ids.indexOf(first.id) + 1;
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audits/${sample.id}/files/${itemNo}`,
      headers: as(auditor),
    });
    expect(file.statusCode).toBe(200);
    const body = file.json();
    expect(body.members[0].name).toBe(firstName);
    expect(body.plans[0].longTermGoal).toBe('Arbete inom vården');
    expect(body.decisions).toHaveLength(2);
    const logged = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('accessLog')
        .select(['action', 'route'])
        .where('userId', '=', auditor.userId)
        .where('personId', '=', first.applicantId)
        .execute(),
    );
    expect(logged).toContainEqual({ action: 'read', route: 'GET /api/v1/audits/:id/files/:itemNo' });
    const notDrawn = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audits/${sample.id}/files/9`,
      headers: as(auditor),
    });
    expect(notDrawn.statusCode).toBe(404);
  });
});

describe('report and comparison', () => {
  it('writes a pseudonymised PDF and XLSX, and compares a later audit with an earlier one', async () => {
    const earlier = (await drawAudit({ name: 'Granskning våren', size: 8, seed: 5, criteria })).json();
    const later = (
      await drawAudit({
        name: 'Uppföljande granskning',
        size: 8,
        seed: 6,
        criteria,
        previousSampleId: earlier.id,
      })
    ).json();
    expect(later.previousSampleId).toBe(earlier.id);
    // The revisor finds the plan in Akt 1 of the later audit acceptable after all.
    const reviewed = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/audits/${later.id}/files/1/findings`,
      headers: as(auditor),
      payload: {
        findings: [{ objective: 'planWithGoal', result: 'met', comment: 'Plan finns i pappersakten' }],
      },
    });
    expect(reviewed.statusCode).toBe(200);
    const comparison = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audits/${later.id}/comparison?with=${earlier.id}`,
      headers: as(auditor),
    });
    const plan = comparison
      .json()
      .objectives.find((o: { objective: string }) => o.objective === 'planWithGoal');
    // 1 of 8 met before; the later audit has one more (unless Akt 1 was the met one already).
    expect(plan.earlier).toBe(0.125);
    expect([0.125, 0.25]).toContain(plan.later);

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audits/${later.id}/report?format=pdf`,
      headers: as(auditor),
    });
    expect(pdf.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    writeFileSync(join(dir, 'r.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-']).toString();
    expect(text).toContain('Akt 1');
    expect(text).toContain('Plan finns i pappersakten');
    expect(text).not.toContain(firstName);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audits/${later.id}/report?format=xlsx`,
      headers: as(auditor),
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
