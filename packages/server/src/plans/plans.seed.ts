// Demo data for planning: a handful of synthetic households in each municipality's first
// assistance unit, with decision histories, kartläggning, plans, follow-ups and a meeting, so
// every work queue has someone in it on `npm start` (dates relative to the seed's today).
// The queue counts these give are asserted in work-queues.test.ts.
import type { Kysely } from 'kysely';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { demoUuids, identityNumber } from '../demo/synthetic.ts';
import { swedishIban } from '../payments/iban.ts';
import { addDays, addMonths } from './planning-settings.ts';
import type { PlanContent } from './plans.table.ts';

const LEGAL_BASIS = 'SoL 2025:400 12 kap. 1 §';

type Scenario = {
  firstName: string;
  lastName: string;
  gender: 'female' | 'male';
  age: number;
  /** Months (0 = the seed's month, 1 = last month …) with a decided, paid assistance month. */
  months: number[];
  /** Days before today the first decision was made (for the current month only). */
  decidedDaysAgo?: number;
  sicknessBenefit?: boolean;
  plan?: {
    createdDaysAgo: number;
    withActivity: boolean;
    followedUpDaysAgo?: number;
    nextInDays?: number;
    /** The first activity (arbetsträning) ended this many days ago. */
    activityEndedDaysAgo?: number;
  };
  assessment?: boolean;
  meetingInDays?: number;
};

/** Who ends up in which queue (Älvstad, eb-norr; today = the seed's today). */
export const PLANNING_SCENARIOS: Scenario[] = [
  // Plan saknas: decided 20 and 16 days ago, no plan.
  { firstName: 'Amir', lastName: 'Haddad', gender: 'male', age: 34, months: [0], decidedDaysAgo: 20 },
  { firstName: 'Sofia', lastName: 'Lindqvist', gender: 'female', age: 41, months: [0], decidedDaysAgo: 16 },
  // Långvarigt bistånd (11 of 12 months) without a plan; also Plan saknas and aktivitetskrav.
  {
    firstName: 'Leila',
    lastName: 'Nasser',
    gender: 'female',
    age: 52,
    months: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  },
  // Uppföljning försenad: plan with an activity made 100 days ago, never followed up; the
  // arbetsträning ended ten days ago without a next step (SFI goes on).
  {
    firstName: 'Johan',
    lastName: 'Berg',
    gender: 'male',
    age: 45,
    months: [0, 1, 2, 3],
    plan: { createdDaysAgo: 100, withActivity: true, activityEndedDaysAgo: 10 },
    assessment: true,
  },
  // Unga vuxna utan aktivitet: 21 years, plan without any activity.
  {
    firstName: 'Elias',
    lastName: 'Johansson',
    gender: 'male',
    age: 21,
    months: [0, 1],
    plan: { createdDaysAgo: 30, withActivity: false },
  },
  // In good order: kartläggning, plan with full-time activity, followed up, meeting booked.
  {
    firstName: 'Fatima',
    lastName: 'Ali',
    gender: 'female',
    age: 38,
    months: [0, 1, 2, 3, 4],
    plan: { createdDaysAgo: 120, withActivity: true, followedUpDaysAgo: 20, nextInDays: 40 },
    assessment: true,
    meetingInDays: 9,
  },
  // Aktivitetskrav exempt (sjukpenning), plan followed up recently.
  {
    firstName: 'Karin',
    lastName: 'Svensson',
    gender: 'female',
    age: 29,
    months: [0, 1, 2, 3],
    sicknessBenefit: true,
    plan: { createdDaysAgo: 60, withActivity: false, followedUpDaysAgo: 10, nextInDays: 50 },
  },
];

function planContent(withActivity: boolean, today: string, trainingEndsOn: string | null): PlanContent {
  return {
    longTermGoal: 'Egen försörjning genom arbete',
    subGoals: [
      {
        id: 'g1',
        outcome: 'Har ett aktuellt CV och söker arbete varje vecka',
        targetDate: addMonths(today, 2),
      },
      { id: 'g2', outcome: 'Har klarat SFI kurs C', targetDate: addMonths(today, 6) },
    ],
    activities: withActivity
      ? [
          {
            description: 'Arbetsträning i kommunens verksamhet',
            responsible: { party: 'labourMarketUnit', name: null },
            subGoalIds: ['g1'],
            hoursPerWeek: 30,
            endsOn: trainingEndsOn,
          },
          {
            description: 'SFI på förmiddagarna',
            responsible: { party: 'other', name: 'Vuxenutbildningen' },
            subGoalIds: ['g2'],
            hoursPerWeek: 10,
            endsOn: null,
          },
        ]
      : [],
    clientWords: 'Jag vill klara mig själv och ha ett jobb att gå till.',
  };
}

const at = (day: string) => new Date(`${day}T09:00:00Z`);

export async function seedPlanningDemo(
  db: Kysely<Database>,
  municipality: { id: string; code: string; city: string; postalPrefix: string; unitId: string },
  today: string,
): Promise<void> {
  const uuid = demoUuids(`${municipality.id}:planning:${today}`);
  await inTenant(db, municipality.id, async (trx) => {
    const caseworker = await trx
      .selectFrom('staffUsers')
      .select('id')
      .where('unitId', '=', municipality.unitId)
      .where('role', '=', 'caseworker')
      .orderBy('username')
      .executeTakeFirst();
    if (!caseworker) return;
    const taken = new Set(
      (await trx.selectFrom('persons').select('personalIdentityNumber').execute()).map(
        (p) => p.personalIdentityNumber,
      ),
    );
    let serial = 700;
    for (const [index, s] of PLANNING_SCENARIOS.entries()) {
      const birthDate = `${Number(today.slice(0, 4)) - s.age - 1}-${String((index % 12) + 1).padStart(2, '0')}-15`;
      let pin = identityNumber(birthDate, s.gender, serial++);
      while (taken.has(pin)) pin = identityNumber(birthDate, s.gender, serial++);
      taken.add(pin);
      const personId = uuid();
      const householdId = uuid();
      const firstMonth = addMonths(`${today.slice(0, 7)}-01`, -Math.max(...s.months));
      await trx
        .insertInto('persons')
        .values({
          municipalityId: municipality.id,
          id: personId,
          personalIdentityNumber: pin,
          birthDate,
          gender: s.gender,
          firstName: s.firstName,
          lastName: s.lastName,
          street: `Planvägen ${index + 1}`,
          postalCode: `${municipality.postalPrefix}0 ${String(10 + index)}`,
          city: municipality.city,
          unitId: municipality.unitId,
          responsibleUserId: caseworker.id,
          confidentialityMarking: false,
          protectedRegistration: false,
          fictitiousIdentity: false,
        })
        .execute();
      await trx
        .insertInto('households')
        .values({
          municipalityId: municipality.id,
          id: householdId,
          unitId: municipality.unitId,
          payoutAccount: swedishIban('999', `${municipality.code}P${String(index + 1).padStart(7, '0')}`),
        })
        .execute();
      await trx
        .insertInto('householdMembers')
        .values({
          municipalityId: municipality.id,
          householdId,
          personId,
          role: 'applicant',
          validFrom: firstMonth,
          validTo: null,
        })
        .execute();
      for (const back of s.months) {
        const month = addMonths(`${today.slice(0, 7)}-01`, -back).slice(0, 7);
        const decidedOn =
          back === 0 && s.decidedDaysAgo !== undefined ? addDays(today, -s.decidedDaysAgo) : `${month}-02`;
        const errandId = uuid();
        await trx
          .insertInto('errands')
          .values({
            municipalityId: municipality.id,
            id: errandId,
            householdId,
            unitId: municipality.unitId,
            type: back === Math.max(...s.months) ? 'newApplication' : 'renewalApplication',
            month,
            state: 'closed',
            source: 'staff',
            requestedNote: null,
            receivedAt: at(addDays(decidedOn, -3)),
            createdBy: caseworker.id,
          })
          .execute();
        if (s.sicknessBenefit)
          await trx
            .insertInto('errandItems')
            .values({
              municipalityId: municipality.id,
              id: uuid(),
              errandId,
              kind: 'income',
              type: 'sicknessBenefit',
              personId,
              amount: 420_000,
            })
            .execute();
        const decisionId = uuid();
        await trx
          .insertInto('decisions')
          .values({
            municipalityId: municipality.id,
            id: decisionId,
            errandId,
            decidedBy: caseworker.id,
            decidedAt: at(decidedOn),
            reasoning: 'Hushållets inkomster täcker inte behovet enligt riksnormen och skäliga kostnader.',
            grantedTotal: 612_000,
          })
          .execute();
        await trx
          .insertInto('decisionItems')
          .values({
            municipalityId: municipality.id,
            decisionId,
            itemNo: 1,
            description: 'Försörjningsstöd',
            requested: 612_000,
            granted: 612_000,
            outcome: 'granted',
            reasons: 'Behovet är styrkt.',
            legalBasis: LEGAL_BASIS,
          })
          .execute();
      }
      if (s.assessment)
        await trx
          .insertInto('assessments')
          .values({
            municipalityId: municipality.id,
            id: uuid(),
            personId,
            version: 1,
            sections: JSON.stringify({
              education: 'Grundskola i hemlandet, gymnasium påbörjat',
              workExperience: 'Städ och lager, sammanlagt fyra år',
              swedishLanguage: 'Läser SFI kurs B',
              healthAsDescribed: 'Mår bra, men sover dåligt ibland',
              caringResponsibilities: 'Inga',
              housing: 'Andrahandskontrakt, två rum',
              debts: 'Skuld hos Kronofogden, cirka 30 000 kr',
              strengths: 'Punktlig och van vid fysiskt arbete',
              ownGoals: 'Fast arbete inom lager eller logistik',
              obstacles: 'Språket och saknar körkort',
            }),
            supportBarrier: 'unemployedNoBenefit',
            workCapacity: null,
            createdBy: caseworker.id,
            createdAt: at(addDays(today, -(s.plan?.createdDaysAgo ?? 30) - 5)),
          })
          .execute();
      if (s.plan) {
        const planId = uuid();
        const created = addDays(today, -s.plan.createdDaysAgo);
        await trx
          .insertInto('plans')
          .values({
            municipalityId: municipality.id,
            id: planId,
            personId,
            createdBy: caseworker.id,
            createdAt: at(created),
          })
          .execute();
        await trx
          .insertInto('planVersions')
          .values({
            municipalityId: municipality.id,
            planId,
            version: 1,
            content: JSON.stringify(
              planContent(
                s.plan.withActivity,
                created,
                s.plan.activityEndedDaysAgo === undefined
                  ? null
                  : addDays(today, -s.plan.activityEndedDaysAgo),
              ),
            ),
            agreedOn: created,
            agreementMethod: 'paper',
            createdBy: caseworker.id,
            createdAt: at(created),
          })
          .execute();
        if (s.plan.followedUpDaysAgo !== undefined) {
          const heldOn = addDays(today, -s.plan.followedUpDaysAgo);
          await trx
            .insertInto('planFollowUps')
            .values({
              municipalityId: municipality.id,
              id: uuid(),
              planId,
              planVersion: 1,
              heldOn,
              progress: JSON.stringify([
                { subGoalId: 'g1', status: 'ongoing', comment: 'Söker fem jobb i veckan.' },
                { subGoalId: 'g2', status: 'notStarted', comment: '' },
              ]),
              nextFollowUpOn: addDays(today, s.plan.nextInDays ?? 30),
              createdBy: caseworker.id,
              createdAt: at(heldOn),
            })
            .execute();
        }
      }
      if (s.meetingInDays !== undefined)
        await trx
          .insertInto('meetings')
          .values({
            municipalityId: municipality.id,
            id: uuid(),
            personId,
            startsAt: new Date(`${addDays(today, s.meetingInDays)}T09:30:00Z`),
            place: 'Socialkontoret, rum 4',
            homeVisit: false,
            participants: JSON.stringify([
              { party: 'employmentService', name: 'Handläggare Arbetsförmedlingen' },
            ]),
            purpose: 'multiParty',
            createdBy: caseworker.id,
          })
          .execute();
    }
  });
}

/**
 * The planning demo's insatser (#7), seeded once the municipality's insatser exist: whoever's
 * plan says the arbetsträning ended took part in "Arbetsträning på Återbruket" until that day
 * (ended, no next step: the "Insats avslutad utan nästa steg" queue), and goes on with SFI.
 */
export async function seedPlanningInsatser(
  db: Kysely<Database>,
  municipality: { id: string; unitId: string },
  today: string,
): Promise<void> {
  const uuid = demoUuids(`${municipality.id}:planning-insatser:${today}`);
  await inTenant(db, municipality.id, async (trx) => {
    // The municipality's own insatser and the region's (SFI is the region's).
    const insatser = await trx
      .selectFrom('insatser')
      .select(['id', 'name'])
      .where((eb) =>
        eb.or([eb('ownerMunicipalityId', '=', municipality.id), eb('ownerMunicipalityId', 'is', null)]),
      )
      .execute();
    const training = insatser.find((i) => i.name === 'Arbetsträning på Återbruket');
    const sfi = insatser.find((i) => i.name === 'Sfi med språkpraktik');
    if (!training || !sfi) return;
    for (const s of PLANNING_SCENARIOS) {
      const endedDaysAgo = s.plan?.activityEndedDaysAgo;
      if (endedDaysAgo === undefined || !s.plan) continue;
      const person = await trx
        .selectFrom('persons')
        .select(['id', 'responsibleUserId'])
        .where('firstName', '=', s.firstName)
        .where('lastName', '=', s.lastName)
        .where('unitId', '=', municipality.unitId)
        .executeTakeFirst();
      if (!person?.responsibleUserId) continue;
      const planned = addDays(today, -s.plan.createdDaysAgo);
      const endedOn = addDays(today, -endedDaysAgo);
      await trx
        .insertInto('insatsParticipations')
        .values([
          {
            municipalityId: municipality.id,
            id: uuid(),
            personId: person.id,
            referralId: null,
            insatsId: training.id,
            status: 'ended',
            listedOn: addDays(planned, 3),
            startedOn: addDays(planned, 7),
            plannedEndOn: endedOn,
            endedOn,
            endReason: 'completed',
            createdBy: person.responsibleUserId,
          },
          {
            municipalityId: municipality.id,
            id: uuid(),
            personId: person.id,
            referralId: null,
            insatsId: sfi.id,
            status: 'active',
            listedOn: addDays(planned, 1),
            startedOn: addDays(planned, 7),
            plannedEndOn: null,
            endedOn: null,
            endReason: null,
            createdBy: person.responsibleUserId,
          },
        ])
        .execute();
    }
  });
}
