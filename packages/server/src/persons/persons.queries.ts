import type { Kysely } from 'kysely';
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
