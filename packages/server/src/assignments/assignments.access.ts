// Need-to-know follows the assignment: the household's current caseworker and stand-in work
// with its members (protected identities included). Used by persons and other features.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isAssigned, personsInAssignedHouseholds } from './assignments.queries.ts';

/** Whether the user now has the household's case, as its caseworker or its stand-in. */
export function isAssignedOrStandIn(
  trx: Kysely<Database>,
  householdId: string,
  userId: string,
): Promise<boolean> {
  return isAssigned(trx, householdId, userId);
}

/**
 * Of `personIds`, those now living in a household whose case `userId` has (as caseworker or
 * stand-in): need-to-know follows the assignment, protected identities included.
 */
export async function assignedPersonIds(
  trx: Kysely<Database>,
  userId: string,
  personIds: readonly string[],
): Promise<ReadonlySet<string>> {
  return new Set(await personsInAssignedHouseholds(trx, userId, [...new Set(personIds)]));
}
