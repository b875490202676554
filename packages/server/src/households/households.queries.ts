import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export type HouseholdRow = NonNullable<Awaited<ReturnType<typeof findHousehold>>>;
export type MembershipRow = Awaited<ReturnType<typeof findMemberships>>[number];

const householdColumns = [
  'h.id',
  'h.unitId',
  'u.name as unitName',
  'h.sharedHouseholdSize',
  'h.payoutAccount',
  'h.createdAt',
] as const;

function householdsWithUnit(trx: Kysely<Database>) {
  return trx
    .selectFrom('households as h')
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipalityId', '=', 'h.municipalityId').onRef('u.id', '=', 'h.unitId'),
    )
    .select(householdColumns);
}

export function findHousehold(trx: Kysely<Database>, id: string) {
  return householdsWithUnit(trx).where('h.id', '=', id).executeTakeFirst();
}

export function findHouseholdsInUnit(trx: Kysely<Database>, unitId: string) {
  return householdsWithUnit(trx).where('h.unitId', '=', unitId).orderBy('h.createdAt', 'desc').execute();
}

/** Every membership period of the households, oldest first. */
export function findMemberships(trx: Kysely<Database>, householdIds: readonly string[]) {
  if (householdIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('householdMembers')
    .select(['householdId', 'personId', 'role', 'validFrom', 'validTo'])
    .where('householdId', 'in', householdIds)
    .orderBy('validFrom')
    .orderBy('personId')
    .execute();
}

/** Open (or still future-ending) memberships of a person in any household. */
export function findOpenMembershipsOfPerson(trx: Kysely<Database>, personId: string, onDate: string) {
  return trx
    .selectFrom('householdMembers')
    .select(['householdId', 'role', 'validFrom', 'validTo'])
    .where('personId', '=', personId)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', onDate)]))
    .execute();
}
