import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let lina: Login;
let kim: Login;
let personId: string;
let sjobyPersonId: string;

const sections = {
  education: 'Gymnasium',
  workExperience: 'Lager, tre år',
  swedishLanguage: 'Modersmål',
  healthAsDescribed: 'Ont i ryggen ibland, säger hon',
  caringResponsibilities: 'Två barn',
  housing: 'Hyresrätt',
  debts: 'Inga kända',
  strengths: 'Noggrann',
  ownGoals: 'Jobba inom vården',
  obstacles: 'Saknar körkort',
};

const planBody = {
  longTermGoal: 'Egen försörjning genom arbete inom vården',
  subGoals: [
    { id: 'g1', outcome: 'Har ett körkort', targetDate: '2027-06-30' },
    {
      id: 'g2',
      outcome: 'Har gått klart undersköterskeutbildningens första termin',
      targetDate: '2027-01-31',
    },
  ],
  activities: [
    {
      description: 'Arbetsträning på äldreboende',
      responsible: { party: 'labourMarketUnit', name: 'Sara Holm' },
      subGoalIds: ['g2'],
      hoursPerWeek: 20,
    },
    { description: 'Söka utbildning', responsible: { party: 'person' }, subGoalIds: ['g2'] },
  ],
  clientWords: 'Jag vill börja jobba så snart som möjligt.',
  agreement: { agreedOn: '2026-11-23', method: 'digital' },
};

beforeAll(async () => {
  t = await buildTestApp();
  erik = await login(t.app, 'erik');
  lina = await login(t.app, 'lina');
  kim = await login(t.app, 'kim');
  const [first] = await householdsOf(t.db.db, 'alvstad', 'eb-norr');
  const [sjoby] = await householdsOf(t.db.db, 'sjoby', 'eb');
  if (!first || !sjoby) throw new Error('seed has no households');
  personId = first.applicantId;
  sjobyPersonId = sjoby.applicantId;
});
afterAll(() => t.close());

async function post(who: Login, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(who), payload: payload as object });
}

describe('kartläggning', () => {
  it('keeps every saved version, with försörjningshinder and arbetsförmågebedömning', async () => {
    const first = await post(erik, `/persons/${personId}/assessments`, {
      sections,
      supportBarrier: 'unemployedNoBenefit',
    });
    expect(first.statusCode).toBe(201);
    const second = await post(erik, `/persons/${personId}/assessments`, {
      sections: { ...sections, debts: 'Skuld hos Kronofogden' },
      supportBarrier: 'workBarrierSocialReasons',
      workCapacity: {
        capacity: 'partial',
        hoursPerWeek: 20,
        assessedBy: 'Arbetsmarknadsenheten',
        assessedOn: '2026-11-20',
      },
    });
    expect(second.json().version).toBe(2);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/persons/${personId}/assessments`,
      headers: as(erik),
    });
    const body = list.json();
    expect(body.current.supportBarrier).toBe('workBarrierSocialReasons');
    expect(body.current.supportBarrierNationalCode).toBeNull();
    expect(body.current.workCapacity.capacity).toBe('partial');
    expect(body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(body.versions[1].sections.debts).toBe('Inga kända');
  });

  it('refuses an unknown försörjningshinder with a pointer, and another unit gets 404', async () => {
    const bad = await post(erik, `/persons/${personId}/assessments`, { sections, supportBarrier: 'lazy' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].pointer).toBe('/supportBarrier');
    const other = await post(lina, `/persons/${personId}/assessments`, {
      sections,
      supportBarrier: 'noSupportBarrier',
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('genomförandeplan', () => {
  let planId: string;

  it('is made with two delmål, each change a new version, earlier versions untouched', async () => {
    const created = await post(erik, `/persons/${personId}/plans`, planBody);
    expect(created.statusCode).toBe(201);
    planId = created.json().id;
    expect(created.json().current.activities[1].responsible).toEqual({ party: 'person', name: null });
    // Älvstad follows up every two months.
    expect(created.json().nextFollowUpOn).toBe('2027-01-23');
    const changed = await post(erik, `/plans/${planId}/versions`, {
      ...planBody,
      longTermGoal: 'Arbete som undersköterska',
    });
    expect(changed.json().current.version).toBe(2);
    expect(changed.json().versions[1].longTermGoal).toBe(planBody.longTermGoal);
  });

  it('cannot be changed or deleted in the database', async () => {
    await expect(
      inTenant(t.db.db, 'alvstad', (trx) =>
        sql`update plan_versions set content = '{}'::jsonb where plan_id = ${planId}`.execute(trx),
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      inTenant(t.db.db, 'alvstad', (trx) =>
        sql`delete from plan_versions where plan_id = ${planId}`.execute(trx),
      ),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses a plan without a goal or without a responsible party', async () => {
    const bad = await post(erik, `/persons/${personId}/plans`, {
      ...planBody,
      longTermGoal: ' ',
      activities: [{ description: 'Något', responsible: {} }],
    });
    expect(bad.statusCode).toBe(422);
    const pointers = bad.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toContain('/longTermGoal');
    expect(pointers).toContain('/activities/0/responsible/party');
  });

  it('prints as a PDF for the client', async () => {
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/pdf`, headers: as(erik) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('follow-up sets the next date by the municipality cadence (2 months in Älvstad)', async () => {
    const followUp = await post(erik, `/plans/${planId}/follow-ups`, {
      progress: [
        { subGoalId: 'g1', status: 'notStarted', comment: 'Väntar på körkortstillstånd' },
        { subGoalId: 'g2', status: 'ongoing', comment: '' },
      ],
    });
    expect(followUp.statusCode).toBe(201);
    expect(followUp.json().followUps[0].nextFollowUpOn).toBe('2027-01-23');
    const early = await post(erik, `/plans/${planId}/follow-ups`, {
      heldOn: '2026-01-01',
      progress: [{ subGoalId: 'g1', status: 'ongoing', comment: '' }],
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/heldOn', '/progress']);
  });

  it('follow-up in Sjöby (quarterly) sets the next date three months on', async () => {
    const created = await post(kim, `/persons/${sjobyPersonId}/plans`, planBody);
    expect(created.json().nextFollowUpOn).toBe('2027-02-23');
    const followUp = await post(kim, `/plans/${created.json().id}/follow-ups`, {
      progress: [
        { subGoalId: 'g1', status: 'achieved', comment: 'Klart' },
        { subGoalId: 'g2', status: 'changed', comment: 'Ny utbildning' },
      ],
    });
    expect(followUp.json().followUps[0].nextFollowUpOn).toBe('2027-02-23');
  });

  it('is not found from another unit or municipality, and reads are access-logged', async () => {
    for (const who of [lina, kim]) {
      const r = await t.app.inject({ method: 'GET', url: `/api/v1/plans/${planId}`, headers: as(who) });
      expect(r.statusCode).toBe(404);
    }
    await t.app.inject({ method: 'GET', url: `/api/v1/plans/${planId}`, headers: as(erik) });
    const rows = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('accessLog')
        .select(['action', 'route'])
        .where('personId', '=', personId)
        .where('userId', '=', erik.userId)
        .execute(),
    );
    expect(rows).toContainEqual({ action: 'read', route: 'GET /api/v1/plans/:id' });
    expect(rows).toContainEqual({ action: 'create', route: 'POST /api/v1/persons/:id/plans' });
    expect(rows).toContainEqual({ action: 'update', route: 'POST /api/v1/persons/:id/assessments' });
  });

  it('is refused by role for committee, auditor and sysadmin', async () => {
    for (const name of ['nils', 'rut', 'adam']) {
      const who = await login(t.app, name);
      const r = await t.app.inject({ method: 'GET', url: `/api/v1/plans/${planId}`, headers: as(who) });
      expect(r.statusCode).toBe(403);
    }
  });
});

describe('möten', () => {
  it('books a multi-party meeting with invitations and reminders in the outbox, then records a no-show', async () => {
    const booked = await post(erik, `/persons/${personId}/meetings`, {
      startsAt: '2026-12-01T10:00:00+01:00',
      place: 'Stadshuset, rum 3',
      participants: [{ party: 'employmentService', name: 'Jonas', email: 'jonas@example.se' }],
      purpose: 'multiParty',
    });
    expect(booked.statusCode).toBe(201);
    const outbox = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('notifications')
        .select(['channel', 'recipient', 'text'])
        .where('meetingId', '=', booked.json().id)
        .execute(),
    );
    expect(outbox).toHaveLength(4);
    expect(outbox.filter((n) => n.recipient === 'jonas@example.se')).toHaveLength(2);
    const tooEarly = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${booked.json().id}`,
      headers: as(erik),
      payload: { attendance: 'noShow' },
    });
    expect(tooEarly.statusCode).toBe(422);
    const noPlace = await post(erik, `/persons/${personId}/meetings`, {
      startsAt: '2026-12-01T10:00:00+01:00',
      purpose: 'followUp',
    });
    expect(noPlace.statusCode).toBe(422);
  });

  it("lists the person's meetings newest first with participants, and not for another unit", async () => {
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/persons/${personId}/meetings`,
      headers: as(erik),
    });
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items as { purpose: string; participants: { party: string }[] }[];
    expect(items[0]).toMatchObject({
      purpose: 'multiParty',
      participants: [{ party: 'employmentService', name: 'Jonas' }],
      attendance: null,
    });
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/persons/${personId}/meetings`,
      headers: as(kim),
    });
    expect(other.statusCode).toBe(404);
  });
});
