// Test support for the reporting tests: the whole history's facts in one read, the reference the
// indicator cube and the drill-down are compared with. Not used by the app.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isoDay } from '../plans/planning-settings.ts';
import { referralFacts } from './cube.service.ts';
import type { Facts } from './indicators.compute.ts';

function day(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : isoDay(value);
}

/**
 * The facts of one municipality (or one unit) over its whole history, read inside the tenant
 * transaction: the tests' reference for the indicator cube, which reads the same facts a chunk
 * of households at a time (cube.service.ts `loadChunkFacts`).
 */
export async function loadFacts(
  trx: Kysely<Database>,
  municipalityId: string,
  today: string,
  unitId: string | null,
): Promise<Facts> {
  const households = await trx
    .selectFrom('households')
    .select(['id', 'unitId'])
    .where('municipalityId', '=', municipalityId)
    .$if(unitId !== null, (q) => q.where('unitId', '=', unitId as string))
    .execute();
  const members = await trx
    .selectFrom('householdMembers as hm')
    .innerJoin('households as h', (j) =>
      j.onRef('h.municipalityId', '=', 'hm.municipalityId').onRef('h.id', '=', 'hm.householdId'),
    )
    .innerJoin('persons as p', (j) =>
      j.onRef('p.municipalityId', '=', 'hm.municipalityId').onRef('p.id', '=', 'hm.personId'),
    )
    .select([
      'hm.householdId',
      'hm.personId',
      'hm.role',
      sql<string>`to_char(hm.valid_from, 'YYYY-MM-DD')`.as('validFrom'),
      sql<string | null>`to_char(hm.valid_to, 'YYYY-MM-DD')`.as('validTo'),
      sql<string>`to_char(p.birth_date, 'YYYY-MM-DD')`.as('birthDate'),
      'p.gender',
      sql<boolean>`(p.confidentiality_marking or p.protected_registration or p.fictitious_identity)`.as(
        'protectedIdentity',
      ),
    ])
    .where('hm.municipalityId', '=', municipalityId)
    .$if(unitId !== null, (q) => q.where('h.unitId', '=', unitId as string))
    .execute();
  // The latest decision per errand counts; a household-month may have several errands.
  const assistance = await sql<{ householdId: string; month: string; amount: string; decidedOn: string }>`
    select e.household_id as "householdId", e.month, sum(d.granted_total)::bigint as amount,
           to_char(min(d.decided_at) at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as "decidedOn"
    from (
      select distinct on (errand_id) errand_id, granted_total, decided_at
      from decisions where municipality_id = ${municipalityId}
      order by errand_id, decided_at desc
    ) d
    join errands e on e.municipality_id = ${municipalityId} and e.id = d.errand_id
    where ${unitId === null ? sql`true` : sql`e.unit_id = ${unitId}`}
    group by e.household_id, e.month
    having sum(d.granted_total) > 0
  `.execute(trx);
  const planRows = await trx
    .selectFrom('plans as p')
    .select(['p.id', 'p.personId', 'p.createdAt'])
    .where('p.municipalityId', '=', municipalityId)
    .execute();
  const versions = await trx
    .selectFrom('planVersions')
    .select(['planId', 'createdAt'])
    .where('municipalityId', '=', municipalityId)
    .execute();
  const followUps = await trx
    .selectFrom('planFollowUps')
    .select([
      'planId',
      sql<string>`to_char(held_on, 'YYYY-MM-DD')`.as('heldOn'),
      sql<string>`to_char(next_follow_up_on, 'YYYY-MM-DD')`.as('nextFollowUpOn'),
    ])
    .where('municipalityId', '=', municipalityId)
    .execute();
  const barriers = await trx
    .selectFrom('assessments')
    .select(['personId', 'supportBarrier', 'createdAt'])
    .where('municipalityId', '=', municipalityId)
    .execute();
  const assignments = await trx
    .selectFrom('caseAssignments')
    .select(['householdId', 'caseworkerId', 'validFrom', 'validTo'])
    .where('municipalityId', '=', municipalityId)
    .execute();
  const plans = new Map<string, Facts['plans'][number]>();
  for (const p of planRows)
    plans.set(p.id, { personId: p.personId, createdOn: day(p.createdAt), versionOn: [], followUps: [] });
  for (const v of versions) plans.get(v.planId)?.versionOn.push(day(v.createdAt));
  for (const f of followUps)
    plans.get(f.planId)?.followUps.push({ heldOn: f.heldOn, nextFollowUpOn: f.nextFollowUpOn });
  const referrals = await referralFacts(
    trx,
    municipalityId,
    unitId === null
      ? null
      : sql`(select hm.person_id from household_members hm join households h
             on h.municipality_id = hm.municipality_id and h.id = hm.household_id
             where hm.municipality_id = ${municipalityId} and h.unit_id = ${unitId})`,
  );
  return {
    today,
    households,
    members,
    referrals,
    assistance: assistance.rows.map((a) => ({ ...a, amount: Number(a.amount) })),
    plans: [...plans.values()],
    barriers: barriers.map((b) => ({
      personId: b.personId,
      supportBarrier: b.supportBarrier,
      assessedOn: day(b.createdAt),
    })),
    assignments: assignments.map((a) => ({
      householdId: a.householdId,
      caseworkerId: a.caseworkerId,
      validFrom: day(a.validFrom),
      validTo: a.validTo ? day(a.validTo) : null,
    })),
  };
}
