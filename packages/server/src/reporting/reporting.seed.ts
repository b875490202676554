// Demo history for the dashboard: for every past month of a household's membership (never the
// current month, whose renewals the errand seed makes), a paid renewal with its decision and
// ledger rows, following one of three courses — long-term (every month), short (a few months,
// then self-supporting) or intermittent (leaves and returns) — plus a kartläggning with a
// försörjningshinder and a genomförandeplan with follow-ups for most adults, some late.
// Set-based and chunked, so the benchmark-sized seeds stay fast.
import { type CalculationInput, calculate, exampleGuidelineSet, isCalculationError } from '@stegvis/rules';
import { type Insertable, type Kysely, sql } from 'kysely';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { between, demoUuids, pickWeighted, seededRandom } from '../demo/synthetic.ts';
import { addDays, monthIndex, monthOf } from './indicators.compute.ts';

const BARRIERS: [string, number][] = [
  ['unemployedNoBenefit', 30],
  ['unemployedInsufficientBenefit', 8],
  ['workBarrierSocialReasons', 22],
  ['sickLeaveNoSicknessBenefit', 10],
  ['sickLeaveInsufficientSicknessBenefit', 5],
  ['establishmentAllowanceInsufficient', 6],
  ['partTimeInsufficientIncome', 7],
  ['parentalBenefitInsufficient', 4],
  ['lacksChildcare', 3],
  ['noSupportBarrier', 5],
];

function addMonths(day: string, months: number): string {
  const i = monthIndex(day) + months;
  return `${monthOf(i)}-${day.slice(8, 10) > '28' ? '28' : day.slice(8, 10)}`;
}

async function chunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

export async function seedReportingHistory(
  db: Kysely<Database>,
  municipalityId: string,
  options: { seed: number; today: string },
): Promise<void> {
  const random = seededRandom(options.seed * 53 + municipalityId.length * 7);
  const current = monthIndex(options.today);
  const uuid = demoUuids(`${municipalityId}:history:${options.seed}:${options.today}`);
  await inTenant(db, municipalityId, async (trx) => {
    const staff = await trx
      .selectFrom('staffUsers')
      .select(['id', 'unitId'])
      .where('role', '=', 'caseworker')
      .execute();
    const members = await trx
      .selectFrom('householdMembers as m')
      .innerJoin('households as h', (j) =>
        j.onRef('h.municipalityId', '=', 'm.municipalityId').onRef('h.id', '=', 'm.householdId'),
      )
      .innerJoin('persons as p', (j) =>
        j.onRef('p.municipalityId', '=', 'm.municipalityId').onRef('p.id', '=', 'm.personId'),
      )
      .select([
        'm.householdId',
        'm.personId',
        'm.role',
        'm.validFrom',
        'm.validTo',
        'h.unitId',
        'h.payoutAccount',
        sql<string>`to_char(p.birth_date, 'YYYY-MM-DD')`.as('birthDate'),
      ])
      .orderBy('m.householdId')
      .orderBy('m.personId')
      .execute();
    // Months that already have an application (one per household and month) are left alone.
    const existing = new Set(
      (await trx.selectFrom('errands').select(['householdId', 'month']).execute()).map(
        (e) => `${e.householdId}:${e.month}`,
      ),
    );
    const households = new Map<string, typeof members>();
    for (const m of members) households.set(m.householdId, [...(households.get(m.householdId) ?? []), m]);

    const errands: Insertable<Database['errands']>[] = [];
    const calculations: Insertable<Database['calculations']>[] = [];
    const decisions: Insertable<Database['decisions']>[] = [];
    const items: Insertable<Database['decisionItems']>[] = [];
    const payments: Insertable<Database['payments']>[] = [];
    const assessments: Insertable<Database['assessments']>[] = [];
    const plans: Insertable<Database['plans']>[] = [];
    const versions: Insertable<Database['planVersions']>[] = [];
    const followUps: Insertable<Database['planFollowUps']>[] = [];

    for (const [householdId, list] of households) {
      const applicant = list.find((m) => m.role === 'applicant');
      if (!applicant) continue;
      const by = staff.find((s) => s.unitId === applicant.unitId)?.id ?? staff[0]?.id;
      if (!by) continue;
      const start = monthIndex(String(applicant.validFrom));
      const end = Math.min(
        current - 1,
        applicant.validTo ? monthIndex(String(applicant.validTo)) : current - 1,
      );
      if (end < start) continue;
      const course = random();
      const shortMonths = between(random, 1, 5);
      const size = list.length;
      const base = 450_000 + size * 220_000 + between(random, 0, 20) * 10_000;
      // Rent and electricity for the household; some above the guideline's caps.
      const rent = (380 + size * 90 + between(random, 0, 30) * 10) * 1_000;
      const electricity = between(random, 30, 80) * 1_000;
      const children = list.filter((m) => m.role === 'child').length;
      let first: string | null = null;
      for (let i = start; i <= end; i++) {
        const assisted = course < 0.45 ? true : course < 0.8 ? i - start < shortMonths : random() < 0.6;
        const month = monthOf(i);
        if (!assisted || existing.has(`${householdId}:${month}`)) continue;
        const rejected = random() < 0.06;
        const errandId = uuid();
        const decisionId = uuid();
        // The renewal for a month is decided late in the month before.
        const decidedOn = addDays(`${monthOf(i - 1)}-20`, between(random, 0, 6));
        const input = {
          month,
          household: {
            members: list.map((m) =>
              m.role === 'child'
                ? { id: m.personId, role: 'child', birthDate: String(m.birthDate), inSchool: true }
                : { id: m.personId, role: m.role, birthDate: String(m.birthDate) },
            ),
          },
          costs: [
            { type: 'housing', amount: rent },
            { type: 'householdElectricity', amount: electricity },
          ],
          incomes: children > 0 ? [{ type: 'childAllowance', amount: children * 125_000 }] : [],
        } as CalculationInput;
        const output = calculate(input, { lines: false, guidelines: exampleGuidelineSet });
        const calculated = isCalculationError(output) ? null : output;
        const calculationId = calculated ? uuid() : null;
        if (calculated && calculationId)
          calculations.push({
            municipalityId,
            id: calculationId,
            errandId,
            input: JSON.stringify(input),
            result: JSON.stringify(calculated),
            parameterSet: calculated.parameters,
            guidelineSetId: exampleGuidelineSet.id,
            assistance: calculated.assistance,
            createdBy: by,
          });
        const aboveCap = calculated?.warnings.some((w) => w.code === 'guideline_cap_exceeded') ?? false;
        // A cost above the cap is mostly accepted in full, sometimes reduced to the cap's level.
        const full = calculated ? calculated.assistance : base + between(random, -5, 5) * 10_000;
        const granted = rejected ? 0 : aboveCap && random() < 0.3 ? Math.max(0, full - 50_000) : full;
        errands.push({
          municipalityId,
          id: errandId,
          householdId,
          unitId: applicant.unitId,
          type: first === null ? 'newApplication' : 'renewalApplication',
          month,
          state: rejected ? 'closed' : 'paid',
          source: random() < 0.6 ? 'eService' : 'staff',
          requestedNote: null,
          receivedAt: new Date(`${addDays(decidedOn, -between(random, 2, 9))}T08:00:00Z`),
          createdBy: by,
        });
        decisions.push({
          municipalityId,
          id: decisionId,
          errandId,
          calculationId,
          decidedBy: by,
          decidedAt: new Date(`${decidedOn}T10:00:00Z`),
          reasoning: rejected
            ? 'Hushållets inkomster täcker norm och skäliga kostnader.'
            : 'Hushållets inkomster räcker inte till norm och skäliga kostnader.',
          grantedTotal: granted,
        });
        items.push({
          municipalityId,
          decisionId,
          itemNo: 1,
          description: 'Försörjningsstöd',
          requested: rejected ? full : granted,
          granted,
          outcome: rejected ? 'rejected' : 'granted',
          reasons: rejected ? 'Inkomsterna överstiger behovet.' : 'Behovet är styrkt.',
          legalBasis: 'SoL 2025:400 12 kap. 1 §',
        });
        if (rejected) continue;
        first ??= decidedOn;
        payments.push({
          municipalityId,
          id: uuid(),
          idempotencyKey: `${errandId}:${month}:1`,
          errandId,
          decisionId,
          month,
          item: '1',
          amount: granted,
          payeeAccount: applicant.payoutAccount,
          batchId: null,
          status: 'paid',
          legalBasis: 'SoL 2025:400 12 kap. 1 §',
        });
      }
      if (first === null) continue;
      for (const adult of list.filter((m) => m.role !== 'child')) {
        if (random() < 0.75)
          assessments.push({
            municipalityId,
            id: uuid(),
            personId: adult.personId,
            version: 1,
            sections: JSON.stringify({
              education: 'Gymnasieutbildning',
              workExperience: 'Lager och butik',
              swedishLanguage: 'Goda kunskaper',
              healthAsDescribed: 'Beskriver sig som frisk',
              caringResponsibilities: '',
              housing: 'Hyresrätt',
              debts: '',
              strengths: 'Punktlig, van vid kundkontakt',
              ownGoals: 'Arbete inom handel',
              obstacles: '',
            }),
            supportBarrier: pickWeighted(random, BARRIERS),
            workCapacity: null,
            createdBy: by,
            createdAt: new Date(`${addDays(first, between(random, 1, 10))}T09:00:00Z`),
          });
        if (random() >= 0.65) continue;
        const planId = uuid();
        const createdOn = addDays(first, between(random, 3, 30));
        if (createdOn >= options.today) continue;
        plans.push({
          municipalityId,
          id: planId,
          personId: adult.personId,
          createdBy: by,
          createdAt: new Date(`${createdOn}T09:00:00Z`),
        });
        versions.push({
          municipalityId,
          planId,
          version: 1,
          content: JSON.stringify({
            longTermGoal: 'Egen försörjning genom arbete',
            subGoals: [{ id: 'g1', outcome: 'Har en praktikplats', targetDate: addMonths(createdOn, 4) }],
            activities: [
              {
                description: 'Arbetsträning via arbetsmarknadsenheten',
                responsible: { party: 'labourMarketUnit', name: null },
                subGoalIds: ['g1'],
                hoursPerWeek: 20,
              },
            ],
            clientWords: 'Jag vill komma tillbaka till jobb.',
          }),
          agreedOn: createdOn,
          agreementMethod: 'digital',
          createdBy: by,
          createdAt: new Date(`${createdOn}T09:00:00Z`),
        });
        let due = addMonths(createdOn, 2);
        while (due < options.today && random() < 0.9) {
          const late = random() < 0.25;
          const heldOn = late ? addDays(due, between(random, 5, 25)) : addDays(due, -between(random, 0, 5));
          if (heldOn >= options.today) break;
          const next = addMonths(heldOn, 2);
          followUps.push({
            municipalityId,
            id: uuid(),
            planId,
            planVersion: 1,
            heldOn,
            progress: JSON.stringify([{ subGoalId: 'g1', status: 'ongoing', comment: 'Pågår enligt plan' }]),
            nextFollowUpOn: next,
            createdBy: by,
          });
          due = next;
        }
      }
    }
    await chunked(errands, (c) => trx.insertInto('errands').values(c).execute());
    await chunked(calculations, (c) => trx.insertInto('calculations').values(c).execute());
    await chunked(decisions, (c) => trx.insertInto('decisions').values(c).execute());
    await chunked(items, (c) => trx.insertInto('decisionItems').values(c).execute());
    await chunked(payments, (c) => trx.insertInto('payments').values(c).execute());
    await chunked(assessments, (c) => trx.insertInto('assessments').values(c).execute());
    await chunked(plans, (c) => trx.insertInto('plans').values(c).execute());
    await chunked(versions, (c) => trx.insertInto('planVersions').values(c).execute());
    await chunked(followUps, (c) => trx.insertInto('planFollowUps').values(c).execute());
  });
}

/** Invented population figures for the demo municipalities (Kolada-style key figures). */
const DEMO_POPULATION: Record<string, { population: number; populationYear: number }> = {
  alvstad: { population: 48_500, populationYear: 2025 },
  sjoby: { population: 12_300, populationYear: 2025 },
};

export async function seedReportingSettings(db: Kysely<Database>, municipalityId: string): Promise<void> {
  await inTenant(db, municipalityId, (trx) =>
    trx
      .insertInto('reportingSettings')
      .values({
        municipalityId,
        ...(DEMO_POPULATION[municipalityId] ?? { population: null, populationYear: null }),
      })
      .onConflict((oc) => oc.column('municipalityId').doNothing())
      .execute(),
  );
}
