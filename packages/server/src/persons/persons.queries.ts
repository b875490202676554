import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

export type PersonRow = Awaited<ReturnType<typeof findPersonsInUnit>>[number];

const personColumns = [
  'p.id',
  'p.personalIdentityNumber',
  'p.birthDate',
  'p.gender',
  'p.firstName',
  'p.lastName',
  'p.street',
  'p.postalCode',
  'p.city',
  'p.unitId',
  'u.name as unitName',
  'p.responsibleUserId',
  'p.confidentialityMarking',
  'p.protectedRegistration',
  'p.fictitiousIdentity',
] as const;

function personsWithUnit(trx: Kysely<Database>) {
  return trx
    .selectFrom('persons as p')
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipalityId', '=', 'p.municipalityId').onRef('u.id', '=', 'p.unitId'),
    )
    .select(personColumns);
}

export function findPersonsInUnit(trx: Kysely<Database>, unitId: string) {
  return personsWithUnit(trx).where('p.unitId', '=', unitId).execute();
}

export function findPerson(trx: Kysely<Database>, id: string) {
  return personsWithUnit(trx).where('p.id', '=', id).executeTakeFirst();
}

export function findPersonsByIds(trx: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return personsWithUnit(trx).where('p.id', 'in', ids).execute();
}

export function findPersonByIdentityNumber(trx: Kysely<Database>, canonical: string) {
  return trx
    .selectFrom('persons')
    .select('id')
    .where('personalIdentityNumber', '=', canonical)
    .executeTakeFirst();
}

/** Moves the responsibility for the persons from one caseworker to another (reassignment). */
export async function moveResponsibility(
  trx: Kysely<Database>,
  personIds: readonly string[],
  fromUserId: string,
  toUserId: string,
): Promise<void> {
  if (personIds.length === 0) return;
  await trx
    .updateTable('persons')
    .set({ responsibleUserId: toUserId, updatedAt: sql`now()` })
    .where('id', 'in', personIds)
    .where('responsibleUserId', '=', fromUserId)
    .execute();
}
