import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The household's unit, locking the household row so that two reassignments cannot interleave. */
export function lockHousehold(trx: Kysely<Database>, householdId: string) {
  return trx
    .selectFrom('households')
    .select(['id', 'unitId'])
    .where('id', '=', householdId)
    .forUpdate()
    .executeTakeFirst();
}

export function findHouseholdUnit(trx: Kysely<Database>, householdId: string) {
  return trx
    .selectFrom('households')
    .select(['id', 'unitId'])
    .where('id', '=', householdId)
    .executeTakeFirst();
}

/** Every assignment of the household, newest first, with the names of the staff involved. */
export function assignmentsOfHousehold(trx: Kysely<Database>, householdId: string) {
  return trx
    .selectFrom('caseAssignments as a')
    .innerJoin('staffUsers as c', (j) =>
      j.onRef('c.municipalityId', '=', 'a.municipalityId').onRef('c.id', '=', 'a.caseworkerId'),
    )
    .leftJoin('staffUsers as s', (j) =>
      j.onRef('s.municipalityId', '=', 'a.municipalityId').onRef('s.id', '=', 'a.standInId'),
    )
    .leftJoin('staffUsers as b', (j) =>
      j.onRef('b.municipalityId', '=', 'a.municipalityId').onRef('b.id', '=', 'a.assignedBy'),
    )
    .select([
      'a.id',
      'a.validFrom',
      'a.validTo',
      'a.handoverNote',
      'c.id as caseworkerId',
      'c.name as caseworkerName',
      's.id as standInId',
      's.name as standInName',
      'b.id as assignedById',
      'b.name as assignedByName',
    ])
    .where('a.householdId', '=', householdId)
    .orderBy('a.validFrom', 'desc')
    .orderBy(sql`a.valid_to is null`, 'desc')
    .orderBy('a.validTo', 'desc')
    .execute();
}

export function currentAssignment(trx: Kysely<Database>, householdId: string) {
  return trx
    .selectFrom('caseAssignments')
    .select(['id', 'caseworkerId', 'standInId'])
    .where('householdId', '=', householdId)
    .where('validTo', 'is', null)
    .executeTakeFirst();
}

export async function closeAssignment(trx: Kysely<Database>, id: string, at: Date): Promise<void> {
  await trx.updateTable('caseAssignments').set({ validTo: at }).where('id', '=', id).execute();
}

export async function insertAssignment(
  trx: Kysely<Database>,
  values: {
    municipalityId: string;
    id: string;
    householdId: string;
    caseworkerId: string;
    standInId: string | null;
    validFrom: Date;
    handoverNote: string | null;
    assignedBy: string;
  },
): Promise<void> {
  await trx.insertInto('caseAssignments').values(values).execute();
}

export function findStaff(trx: Kysely<Database>, municipalityId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('staffUsers')
    .select(['id', 'name', 'role', 'unitId', 'active'])
    .where('municipalityId', '=', municipalityId)
    .where('id', 'in', ids)
    .execute();
}

/** Who lives in the household now (or until a date not yet passed), with their role. */
export function currentMembers(trx: Kysely<Database>, householdId: string) {
  return trx
    .selectFrom('householdMembers')
    .select(['personId', 'role'])
    .distinct()
    .where('householdId', '=', householdId)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', sql<string>`current_date`)]))
    .execute();
}

export async function isAssigned(
  trx: Kysely<Database>,
  householdId: string,
  userId: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('caseAssignments')
    .select('id')
    .where('householdId', '=', householdId)
    .where('validTo', 'is', null)
    .where((eb) => eb.or([eb('caseworkerId', '=', userId), eb('standInId', '=', userId)]))
    .executeTakeFirst();
  return row !== undefined;
}

/** Of the given persons, those now living in a household whose case the user has (as caseworker or stand-in). */
export async function personsInAssignedHouseholds(
  trx: Kysely<Database>,
  userId: string,
  personIds: readonly string[],
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await trx
    .selectFrom('householdMembers as m')
    .innerJoin('caseAssignments as a', (j) =>
      j.onRef('a.municipalityId', '=', 'm.municipalityId').onRef('a.householdId', '=', 'm.householdId'),
    )
    .select('m.personId')
    .distinct()
    .where('m.personId', 'in', personIds)
    .where((eb) => eb.or([eb('m.validTo', 'is', null), eb('m.validTo', '>=', sql<string>`current_date`)]))
    .where('a.validTo', 'is', null)
    .where((eb) => eb.or([eb('a.caseworkerId', '=', userId), eb('a.standInId', '=', userId)]))
    .execute();
  return rows.map((r) => r.personId);
}

/**
 * Demo seed: assigns every unassigned household of the municipality to its unit's first
 * caseworker (by username), with the second as stand-in where the unit has one.
 */
export async function assignUnassignedHouseholds(
  trx: Kysely<Database>,
  municipalityId: string,
): Promise<void> {
  await sql`
    insert into case_assignments (municipality_id, id, household_id, caseworker_id, stand_in_id, valid_from)
    select h.municipality_id, gen_random_uuid(), h.id, cw.ids[1], cw.ids[2], h.created_at
    from households h
    join lateral (
      select array_agg(s.id order by s.username) as ids
      from staff_users s
      where s.municipality_id = h.municipality_id and s.unit_id = h.unit_id
        and s.role = 'caseworker' and s.active
    ) cw on cw.ids is not null
    where h.municipality_id = ${municipalityId}
      and not exists (
        select 1 from case_assignments a
        where a.municipality_id = h.municipality_id and a.household_id = h.id and a.valid_to is null
      )`.execute(trx);
}
