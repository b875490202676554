import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export function findMunicipality(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('municipalities')
    .select(['id', 'name', 'regionId'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

function setsWithOwner(db: Kysely<Database>) {
  return db
    .selectFrom('guidelineSets as g')
    .leftJoin('regions as r', 'r.id', 'g.ownerRegionId')
    .leftJoin('municipalities as m', 'm.id', 'g.ownerMunicipalityId')
    .select([
      'g.id',
      'g.name',
      'g.ownerRegionId',
      'g.ownerMunicipalityId',
      'r.name as regionName',
      'm.name as municipalityName',
    ]);
}

/** The sets a municipality may read: its own and its region's. */
export function findVisibleSets(db: Kysely<Database>, municipalityId: string, regionId: string | null) {
  return setsWithOwner(db)
    .where((eb) =>
      eb.or([
        eb('g.ownerMunicipalityId', '=', municipalityId),
        ...(regionId ? [eb('g.ownerRegionId', '=', regionId)] : []),
      ]),
    )
    .orderBy('g.name')
    .execute();
}

export function findSet(db: Kysely<Database>, id: string) {
  return setsWithOwner(db).where('g.id', '=', id).executeTakeFirst();
}

export function findVersions(db: Kysely<Database>, setIds: readonly string[]) {
  if (setIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('guidelineVersions')
    .selectAll()
    .where('guidelineSetId', 'in', setIds)
    .orderBy('guidelineSetId')
    .orderBy('version')
    .execute();
}

export function findAdoptions(db: Kysely<Database>, municipalityId: string) {
  return db
    .selectFrom('guidelineAdoptions')
    .selectAll()
    .where('municipalityId', '=', municipalityId)
    .execute();
}
