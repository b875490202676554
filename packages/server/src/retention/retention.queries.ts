// SQL for gallring: the date of the last entry in each person's file, and the ordered steps
// that remove one person's file (and a household's, when its last member goes).
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Errand states in which the case is still being handled: the file is active, never due. */
const OPEN_ERRAND_STATES = ['received', 'underInvestigation', 'awaitingCompletion', 'readyForDecision'];
/** Recovery claims still being pursued (SoL 2025:400 33 kap.). */
const OPEN_RECOVERY_STATES = ['open', 'repaying', 'courtAction'];

export type PersonFileRow = {
  id: string;
  birthDate: string;
  /** The latest entry in the person's file (YYYY-MM-DD). */
  lastEntry: string;
  /** Something in the file is still ongoing (membership, open errand, claim or pending benefit). */
  active: boolean;
};

/**
 * Every person of the tenant with the last entry in their file: household membership, the
 * errands (and everything under them) of the months they belonged to a household, journal,
 * recovery claims, benefit applications and återsökning, member facts and the person row itself.
 * The access log is not an entry in the file (reading a file does not prolong it).
 */
export async function personFiles(trx: Kysely<Database>): Promise<PersonFileRow[]> {
  const open = sql.join(OPEN_ERRAND_STATES);
  const recovering = sql.join(OPEN_RECOVERY_STATES);
  const result = await sql<PersonFileRow>`
    with member_errands as (
      select distinct m.person_id, e.id as errand_id
      from household_members m
      join errands e on e.municipality_id = m.municipality_id and e.household_id = m.household_id
      where to_date(e.month || '-01', 'YYYY-MM-DD') <= coalesce(m.valid_to, 'infinity'::date)
        and (to_date(e.month || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date >= m.valid_from
    ),
    events (person_id, at, active) as (
      select id, greatest(created_at, updated_at)::date, false from persons
      union all
      select person_id, coalesce(valid_to, valid_from), valid_to is null from household_members
      union all
      select person_id, written_at::date, false from journal_entries
      union all
      select person_id, created_at::date, false from assessments
      union all
      select p.person_id, f.created_at::date, false
        from plan_follow_ups f join plans p on p.municipality_id = f.municipality_id and p.id = f.plan_id
      union all
      select p.person_id, v.created_at::date, false
        from plan_versions v join plans p on p.municipality_id = v.municipality_id and p.id = v.plan_id
      union all
      select person_id, greatest(starts_at, updated_at)::date, false from meetings
      union all
      select person_id, created_at::date, false from aktivitetskrav_deviations
      union all
      select person_id, decided_at::date, false from aktivitetskrav_reductions
      union all
      select person_id, valid_to, false from aktivitetskrav_exemptions
      union all
      select person_id, reviewed_on, false from case_reviews
      union all
      select person_id, recorded_on, false from plan_waivers
      union all
      select person_id, greatest(created_at, updated_at)::date, status in ('sent', 'accepted') from referrals
      union all
      select person_id, coalesce(ended_on, started_on, listed_on), status <> 'ended' from insats_participations
      union all
      select person_id, recorded_at::date, false from attendance_weeks
      union all
      select person_id, held_on, false from collaboration_meetings
      union all
      select person_id, closed_on, false from case_closures
      union all
      select person_id, done_on, false from closure_follow_ups where done_on is not null
      union all
      select person_id, greatest(given_on, coalesce(withdrawn_on, given_on)), false from consents
      union all
      select person_id, greatest(created_at, coalesce(status_changed_at, created_at))::date,
        status in (${recovering}) from recovery_claims
      union all
      select person_id, greatest(created_at::date, applied_on, coalesce(decided_on, applied_on)),
        status = 'pending' from benefit_applications
      union all
      select b.person_id, r.created_at::date, false
        from reimbursement_claims r
        join benefit_applications b on b.municipality_id = r.municipality_id and b.id = r.benefit_application_id
      union all
      select person_id, updated_at::date, false from errand_member_facts
      union all
      select person_id, created_at::date, false from errand_items where person_id is not null
      union all
      select me.person_id, greatest(e.received_at, e.updated_at)::date, e.state in (${open})
        from member_errands me join errands e on e.id = me.errand_id
      union all
      select me.person_id, t.at::date, false
        from member_errands me join errand_transitions t on t.errand_id = me.errand_id
      union all
      select me.person_id, i.created_at::date, false
        from member_errands me join errand_items i on i.errand_id = me.errand_id
      union all
      select me.person_id, v.at::date, false
        from member_errands me join verifications v on v.errand_id = me.errand_id
      union all
      select me.person_id, a.uploaded_at::date, false
        from member_errands me join attachments a on a.errand_id = me.errand_id
      union all
      select me.person_id, c.created_at::date, false
        from member_errands me join calculations c on c.errand_id = me.errand_id
      union all
      select me.person_id, d.decided_at::date, false
        from member_errands me join decisions d on d.errand_id = me.errand_id
      union all
      select me.person_id, greatest(p.created_at, b.completed_at, b.started_at)::date, false
        from member_errands me join payments p on p.errand_id = me.errand_id
        left join payment_batches b on b.municipality_id = p.municipality_id and b.id = p.batch_id
      union all
      select m.person_id, least(coalesce(ca.valid_to, ca.valid_from)::date, coalesce(m.valid_to, 'infinity'::date)), false
        from household_members m
        join case_assignments ca on ca.municipality_id = m.municipality_id and ca.household_id = m.household_id
        where ca.valid_from::date <= coalesce(m.valid_to, 'infinity'::date)
    )
    select p.id, p.birth_date, max(ev.at)::text as last_entry, bool_or(ev.active) as active
    from persons p
    join events ev on ev.person_id = p.id
    group by p.id, p.birth_date
    order by p.id
  `.execute(trx);
  return result.rows;
}

export type Membership = { personId: string; householdId: string };

/** Who has (or had) a membership in the households the given persons belonged to. */
export async function membershipsAround(trx: Kysely<Database>, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return trx
    .selectFrom('householdMembers as m')
    .select(['m.personId', 'm.householdId'])
    .where(
      'm.householdId',
      'in',
      trx.selectFrom('householdMembers').select('householdId').where('personId', 'in', personIds),
    )
    .distinct()
    .execute();
}

/** The households in which `personId` is the only person ever recorded as a member. */
export async function householdsOnlyOf(trx: Kysely<Database>, personId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('householdMembers as m')
    .select('m.householdId')
    .where('m.personId', '=', personId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('householdMembers as o')
            .select('o.personId')
            .whereRef('o.householdId', '=', 'm.householdId')
            .where('o.personId', '<>', personId),
        ),
      ),
    )
    .distinct()
    .execute();
  return rows.map((row) => row.householdId);
}

export type DisposalScope = {
  personId: string;
  /** The households whose data goes with this person (they are its last member). */
  householdIds: readonly string[];
  /** Every household of the run whose members are all due: the person's items there go, not anonymised. */
  householdsGoing: readonly string[];
};

type DisposalStep = {
  table: string;
  /** `anonymise` keeps the row for the household's remaining members but drops the link to the person. */
  action: 'delete' | 'anonymise';
  /** The rows of this step, or null when the step does not apply to the scope. */
  where: (scope: DisposalScope) => RawBuilder<unknown> | null;
};

function errandsOf(householdIds: readonly string[]) {
  return sql`select id from errands where household_id in (${sql.join(householdIds)})`;
}

const person = (column: string) => (s: DisposalScope) => sql`${sql.ref(column)} = ${s.personId}`;
const household = (build: (ids: readonly string[]) => RawBuilder<unknown>) => (s: DisposalScope) =>
  s.householdIds.length === 0 ? null : build(s.householdIds);

/**
 * In foreign-key order: the person's own rows, then (when the person is the household's last
 * member) the household's errands and everything under them, then membership and the person.
 * A new table that references persons, households or errands must be added here; the
 * retention test lists the foreign keys from the catalog and fails until it is.
 */
export const DISPOSAL_STEPS: readonly DisposalStep[] = [
  { table: 'closure_follow_ups', action: 'delete', where: person('person_id') },
  { table: 'case_closures', action: 'delete', where: person('person_id') },
  { table: 'collaboration_meetings', action: 'delete', where: person('person_id') },
  { table: 'payment_requests', action: 'delete', where: person('person_id') },
  { table: 'attendance_weeks', action: 'delete', where: person('person_id') },
  { table: 'insats_participations', action: 'delete', where: person('person_id') },
  { table: 'referrals', action: 'delete', where: person('person_id') },
  { table: 'consents', action: 'delete', where: person('person_id') },
  { table: 'access_log', action: 'delete', where: person('person_id') },
  // The drill-down's subjects (derived, rewritten by the next refresh of the indicator cube).
  { table: 'indicator_subjects', action: 'delete', where: person('person_id') },
  {
    table: 'indicator_subjects',
    action: 'delete',
    where: household((ids) => sql`subject_id in (${sql.join(ids)})`),
  },
  {
    table: 'assisted_households',
    action: 'delete',
    where: household((ids) => sql`household_id in (${sql.join(ids)})`),
  },
  { table: 'journal_entries', action: 'delete', where: person('person_id') },
  { table: 'notifications', action: 'delete', where: person('person_id') },
  // The e-service: the person's own reads as a citizen, sessions and applications.
  { table: 'access_log', action: 'delete', where: person('citizen_person_id') },
  { table: 'citizen_sessions', action: 'delete', where: person('person_id') },
  {
    table: 'citizen_application_files',
    action: 'delete',
    where: (s) =>
      sql`application_id in (select id from citizen_applications where person_id = ${s.personId})`,
  },
  { table: 'citizen_applications', action: 'delete', where: person('person_id') },
  { table: 'citizen_messages', action: 'delete', where: person('person_id') },
  { table: 'meetings', action: 'delete', where: person('person_id') },
  { table: 'plan_waivers', action: 'delete', where: person('person_id') },
  { table: 'aktivitetskrav_exemptions', action: 'delete', where: person('person_id') },
  { table: 'aktivitetskrav_reductions', action: 'delete', where: person('person_id') },
  { table: 'aktivitetskrav_deviations', action: 'delete', where: person('person_id') },
  { table: 'case_reviews', action: 'delete', where: person('person_id') },
  {
    table: 'plan_follow_ups',
    action: 'delete',
    where: (s) => sql`plan_id in (select id from plans where person_id = ${s.personId})`,
  },
  {
    table: 'plan_versions',
    action: 'delete',
    where: (s) => sql`plan_id in (select id from plans where person_id = ${s.personId})`,
  },
  { table: 'plans', action: 'delete', where: person('person_id') },
  { table: 'assessments', action: 'delete', where: person('person_id') },
  {
    table: 'reimbursement_claims',
    action: 'delete',
    where: (s) =>
      sql`benefit_application_id in (select id from benefit_applications where person_id = ${s.personId})`,
  },
  { table: 'benefit_applications', action: 'delete', where: person('person_id') },
  { table: 'recovery_claims', action: 'delete', where: person('person_id') },
  { table: 'errand_member_facts', action: 'delete', where: person('person_id') },
  {
    // The person's items in households that go in this run: removed now, not anonymised.
    table: 'errand_items',
    action: 'delete',
    where: (s) =>
      s.householdsGoing.length === 0
        ? null
        : sql`person_id = ${s.personId} and errand_id in (${errandsOf(s.householdsGoing)})`,
  },
  { table: 'payments', action: 'delete', where: household((ids) => sql`errand_id in (${errandsOf(ids)})`) },
  {
    table: 'decision_items',
    action: 'delete',
    where: household(
      (ids) => sql`decision_id in (select id from decisions where errand_id in (${errandsOf(ids)}))`,
    ),
  },
  { table: 'decisions', action: 'delete', where: household((ids) => sql`errand_id in (${errandsOf(ids)})`) },
  {
    table: 'calculations',
    action: 'delete',
    where: household((ids) => sql`errand_id in (${errandsOf(ids)})`),
  },
  {
    // Items naming a member were removed with that member (the step below); the rest go here.
    table: 'errand_items',
    action: 'delete',
    where: household(
      (ids) => sql`errand_id in (${errandsOf(ids)}) and (person_id is null or person_id not in
        (select person_id from household_members where household_id in (${sql.join(ids)})))`,
    ),
  },
  {
    table: 'verifications',
    action: 'delete',
    where: household((ids) => sql`errand_id in (${errandsOf(ids)})`),
  },
  {
    table: 'attachments',
    action: 'delete',
    where: household((ids) => sql`errand_id in (${errandsOf(ids)})`),
  },
  {
    table: 'errand_transitions',
    action: 'delete',
    where: household((ids) => sql`errand_id in (${errandsOf(ids)})`),
  },
  {
    table: 'errand_member_facts',
    action: 'delete',
    where: household((ids) => sql`errand_id in (${errandsOf(ids)})`),
  },
  {
    table: 'citizen_application_files',
    action: 'delete',
    where: household(
      (ids) =>
        sql`application_id in (select id from citizen_applications where household_id in (${sql.join(ids)}))`,
    ),
  },
  {
    table: 'citizen_applications',
    action: 'delete',
    where: household((ids) => sql`household_id in (${sql.join(ids)})`),
  },
  {
    table: 'citizen_messages',
    action: 'delete',
    where: household((ids) => sql`household_id in (${sql.join(ids)})`),
  },
  {
    table: 'completion_requests',
    action: 'delete',
    where: household((ids) => sql`errand_id in (${errandsOf(ids)})`),
  },
  {
    table: 'errands',
    action: 'delete',
    where: household((ids) => sql`household_id in (${sql.join(ids)})`),
  },
  {
    // A drawn audit file goes with the household; the audit keeps its other files.
    table: 'audit_sample_items',
    action: 'delete',
    where: household((ids) => sql`household_id in (${sql.join(ids)})`),
  },
  {
    table: 'case_assignments',
    action: 'delete',
    where: household((ids) => sql`household_id in (${sql.join(ids)})`),
  },
  {
    table: 'errand_items',
    action: 'anonymise',
    where: (s) =>
      s.householdsGoing.length === 0
        ? sql`person_id = ${s.personId}`
        : sql`person_id = ${s.personId} and errand_id not in (${errandsOf(s.householdsGoing)})`,
  },
  { table: 'household_members', action: 'delete', where: person('person_id') },
  { table: 'households', action: 'delete', where: household((ids) => sql`id in (${sql.join(ids)})`) },
  { table: 'persons', action: 'delete', where: person('id') },
];

/** The tables whose rows the steps remove or anonymise (for the catalog check). */
export const DISPOSAL_TABLES: ReadonlySet<string> = new Set(DISPOSAL_STEPS.map((step) => step.table));

/** The key a step's rows are counted under: `errand_items` or `errand_items (anonymiserade)`. */
export function stepKey(step: DisposalStep): string {
  return step.action === 'delete' ? step.table : `${step.table} (anonymiserade)`;
}

export async function countStep(trx: Kysely<Database>, step: DisposalStep, scope: DisposalScope) {
  const where = step.where(scope);
  if (!where) return 0;
  const result = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(step.table)} where ${where}`.execute(trx);
  return result.rows[0]?.n ?? 0;
}

export async function runStep(trx: Kysely<Database>, step: DisposalStep, scope: DisposalScope) {
  const where = step.where(scope);
  if (!where) return 0;
  const statement =
    step.action === 'delete'
      ? sql`delete from ${sql.table(step.table)} where ${where}`
      : sql`update ${sql.table(step.table)} set person_id = null where ${where}`;
  const result = await statement.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

export type { DisposalStep };
