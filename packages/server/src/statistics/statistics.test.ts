// Statistics from the case data: a family and five single households in Norr, assisted in
// December 2026 with 5 000 kr each (the demo has no decisions for that month yet); the family
// also in October, when its applicant's samordningsförbund activity began.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { createDecidedErrand, householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, loginAs, type TestApp } from '../testing.ts';

let t: TestApp;
let manager: Login;
let committee: Login;
let family: { id: string; applicantId: string };
let partnerId: string;
let applicantPin: string;
/** The year's key figures before this file adds its households (the demo has decisions in 2026). */
let before: { personsWithAssistance: number; totalAssistance: number; longTermAdults: number | null };

beforeAll(async () => {
  t = await buildTestApp();
  manager = await loginAs(t.app, 'unitManager');
  committee = await loginAs(t.app, 'committee');
  before = (
    await t.app.inject({ url: '/api/v1/statistics/key-figures?year=2026', headers: as(committee) })
  ).json();
  const db = t.db.db;
  const households = await householdsOf(db, 'alvstad', 'eb-norr', 6);
  family = households[0] as { id: string; applicantId: string };
  partnerId = randomUUID();
  await inTenant(db, 'alvstad', async (trx) => {
    await trx
      .insertInto('persons')
      .values([
        {
          municipalityId: 'alvstad',
          id: partnerId,
          personalIdentityNumber: '19850709-9805',
          birthDate: '1985-07-09',
          gender: 'female',
          firstName: 'Partner',
          lastName: 'Testsson',
          street: null,
          postalCode: null,
          city: null,
          unitId: 'eb-norr',
          responsibleUserId: null,
        },
      ])
      .execute();
    const childId = randomUUID();
    await trx
      .insertInto('persons')
      .values({
        municipalityId: 'alvstad',
        id: childId,
        personalIdentityNumber: '20150101-0008',
        birthDate: '2015-01-01',
        gender: 'male',
        firstName: 'Barn',
        lastName: 'Testsson',
        street: null,
        postalCode: null,
        city: null,
        unitId: 'eb-norr',
        responsibleUserId: null,
      })
      .execute();
    await trx
      .insertInto('householdMembers')
      .values([
        {
          municipalityId: 'alvstad',
          householdId: family.id,
          personId: partnerId,
          role: 'partner',
          validFrom: '2020-01-01',
          validTo: null,
        },
        {
          municipalityId: 'alvstad',
          householdId: family.id,
          personId: childId,
          role: 'child',
          validFrom: '2020-01-01',
          validTo: null,
        },
      ])
      .execute();
    const planId = randomUUID();
    await trx
      .insertInto('plans')
      .values({
        municipalityId: 'alvstad',
        id: planId,
        personId: family.applicantId,
        createdBy: manager.userId,
        createdAt: new Date('2026-10-10T09:00:00Z'),
      })
      .execute();
    await trx
      .insertInto('planVersions')
      .values({
        municipalityId: 'alvstad',
        planId,
        version: 1,
        content: JSON.stringify({
          longTermGoal: 'Arbete',
          subGoals: [{ id: 'g1', outcome: 'Har praktik', targetDate: '2027-03-01' }],
          activities: [
            {
              description: 'Arbetsträning i samordningsförbundets projekt',
              responsible: { party: 'coordinationAssociation', name: 'Samordningsförbundet' },
              subGoalIds: ['g1'],
              hoursPerWeek: 15,
            },
          ],
          clientWords: '',
        }),
        agreedOn: '2026-10-10',
        agreementMethod: 'paper',
        createdBy: manager.userId,
        createdAt: new Date('2026-10-10T09:00:00Z'),
      })
      .execute();
    const pin = await trx
      .selectFrom('persons')
      .select('personalIdentityNumber')
      .where('id', '=', family.applicantId)
      .executeTakeFirstOrThrow();
    applicantPin = pin.personalIdentityNumber.replace('-', '');
  });
  for (const h of households)
    await createDecidedErrand(db, {
      municipalityId: 'alvstad',
      householdId: h.id,
      month: '2026-12',
      decidedBy: manager.userId,
      items: [{ granted: 500_000 }],
    });
  // The family was assisted in October too, when the samordningsförbund activity began (SUS).
  await createDecidedErrand(db, {
    municipalityId: 'alvstad',
    householdId: family.id,
    month: '2026-10',
    decidedBy: manager.userId,
    items: [{ granted: 500_000 }],
  });
});
afterAll(() => t.close());

describe('the monthly file to Socialstyrelsen', () => {
  it('has one row per adult, the household’s amount on the applicant’s row, and logs every person', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/statistics/socialstyrelsen?month=2026-12',
      headers: as(manager),
    });
    expect(response.statusCode).toBe(200);
    const lines = response.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'kommunkod;period;personnummer;hushall_id;roll;kon;fodelsear;hushallstyp;antal_barn;beviljat_kr;utbetalt_kr;forsorjningshinder;arbetsmarknadsinsats;avslutsorsak',
    );
    const familyRows = lines.filter((l) => l.includes(family.id));
    expect(familyRows).toEqual([
      expect.stringMatching(
        new RegExp(`^9901;202612;${applicantPin};${family.id};S;[KM];1980;coupleWithChildren;1;5000;0;;;$`),
      ),
      `9901;202612;198507099805;${family.id};M;K;1985;coupleWithChildren;1;0;0;;;`,
    ]);
    // Five single households besides: seven adults in all (no other Norr household has a decision).
    expect(lines).toHaveLength(1 + 7);
    const logged = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('accessLog')
        .select('personId')
        .where('userId', '=', manager.userId)
        .where('route', '=', 'GET /api/v1/statistics/socialstyrelsen')
        .execute(),
    );
    expect(logged.map((l) => l.personId)).toContain(partnerId);
    expect(logged).toHaveLength(7);
  });

  it('is the unit manager’s, not the nämnd’s', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/statistics/socialstyrelsen?month=2026-12',
      headers: as(committee),
    });
    expect(response.statusCode).toBe(403);
  });

  it('names a bad month', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/statistics/socialstyrelsen?month=2026-1',
      headers: as(manager),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].pointer).toContain('month');
  });
});

describe('SUS participant data', () => {
  it('lists people with a samordningsförbund activity starting in the period', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/statistics/sus?from=2026-01&to=2026-12',
      headers: as(manager),
    });
    expect(response.statusCode).toBe(200);
    const lines = response.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      new RegExp(
        `^9901;${applicantPin};[KM];1980;2026-10-10;ekonomiskt_bistand;Arbetsträning i samordningsförbundets projekt;15;;$`,
      ),
    );
  });
});

describe('population-based key figures', () => {
  it('relates the year’s assistance to the population (48 500 in the demo)', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/statistics/key-figures?year=2026',
      headers: as(committee),
    });
    expect(response.statusCode).toBe(200);
    // 8 more persons (7 adults and a child) and 7 × 5 000 kr = 35 000 kr more than the demo had,
    // over 48 500 inhabitants; none of them long-term.
    const figures = response.json();
    const persons = before.personsWithAssistance + 8;
    const total = before.totalAssistance + 3_500_000;
    expect(figures).toMatchObject({
      year: 2026,
      population: 48_500,
      populationYear: 2025,
      personsWithAssistance: persons,
      shareOfPopulation: Math.round((persons / 48_500) * 100_000) / 100_000,
      longTermAdults: before.longTermAdults,
      totalAssistance: total,
      costPerInhabitant: Math.round(total / 48_500),
    });
  });
});
