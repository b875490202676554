import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Joins the errand aliased `e` to its latest decision as `d` (granted_total, decided_at,
 * decided_by, calculation_id): a new decision on an errand replaces the earlier one. One top-1
 * lookup in the `decisions_latest` index per errand, without a sort of every decision.
 */
export const latestDecisionOfErrand = sql`join lateral (
    select granted_total, decided_at, decided_by, calculation_id from decisions d
    where d.municipality_id = e.municipality_id and d.errand_id = e.id
    order by decided_at desc limit 1
  ) d on true`;

export function findErrand(trx: Kysely<Database>, id: string) {
  return trx
    .selectFrom('errands')
    .select(['id', 'householdId', 'unitId', 'month', 'state'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findLatestCalculation(trx: Kysely<Database>, errandId: string) {
  return trx
    .selectFrom('calculations')
    .select(['id', 'result', 'assistance'])
    .where('errandId', '=', errandId)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The household's members in the given period, with what a letter needs about each. */
export function findMembersInPeriod(trx: Kysely<Database>, householdId: string, from: string, to: string) {
  return trx
    .selectFrom('householdMembers as m')
    .innerJoin('persons as p', (join) =>
      join.onRef('p.municipalityId', '=', 'm.municipalityId').onRef('p.id', '=', 'm.personId'),
    )
    .select([
      'p.id',
      'm.role',
      'p.firstName',
      'p.lastName',
      'p.street',
      'p.postalCode',
      'p.city',
      'p.confidentialityMarking',
      'p.protectedRegistration',
      'p.fictitiousIdentity',
    ])
    .where('m.householdId', '=', householdId)
    .where('m.validFrom', '<=', to)
    .where((eb) => eb.or([eb('m.validTo', 'is', null), eb('m.validTo', '>=', from)]))
    .execute();
}

export function findReasonTemplates(db: Kysely<Database>, municipalityId: string) {
  return db
    .selectFrom('reasonTemplates')
    .select(['id', 'outcome', 'title', 'text', 'legalBasis'])
    .where('municipalityId', '=', municipalityId)
    .orderBy('outcome')
    .orderBy('id')
    .execute();
}

export function findDelegationRules(trx: Kysely<Database>, municipalityId: string, role: string, on: string) {
  return trx
    .selectFrom('delegationRules')
    .select(['id', 'role', 'outcomes', 'maxAmount', 'section'])
    .where('municipalityId', '=', municipalityId)
    .where('role', '=', role)
    .where('validFrom', '<=', on)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', on)]))
    .execute();
}

/** The nämnd the unit answered to on the given day: the deciding body the appeal goes to. */
export function findCommittee(trx: Kysely<Database>, unitId: string, on: string) {
  return trx
    .selectFrom('unitCommittees as uc')
    .innerJoin('committees as c', (join) =>
      join.onRef('c.municipalityId', '=', 'uc.municipalityId').onRef('c.id', '=', 'uc.committeeId'),
    )
    .select('c.name')
    .where('uc.unitId', '=', unitId)
    .where('uc.validFrom', '<=', on)
    .where((eb) => eb.or([eb('uc.validTo', 'is', null), eb('uc.validTo', '>=', on)]))
    .executeTakeFirst();
}

export function findLetterhead(trx: Kysely<Database>, municipalityId: string) {
  return trx
    .selectFrom('municipalities')
    .select(['name', 'letterhead'])
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
}

const decisionColumns = [
  'd.id',
  'd.errandId',
  'd.calculationId',
  'd.decidedBy',
  's.name as decidedByName',
  'd.decidedAt',
  'd.childBestInterest',
  'd.reasoning',
  'd.grantedTotal',
  'd.letterSha256',
] as const;

function decisionsWithDecider(trx: Kysely<Database>) {
  return trx
    .selectFrom('decisions as d')
    .leftJoin('staffUsers as s', (join) =>
      join.onRef('s.municipalityId', '=', 'd.municipalityId').onRef('s.id', '=', 'd.decidedBy'),
    )
    .select(decisionColumns);
}

export function findDecision(trx: Kysely<Database>, id: string) {
  return decisionsWithDecider(trx).where('d.id', '=', id).executeTakeFirst();
}

export function findDecisionsOfErrand(trx: Kysely<Database>, errandId: string) {
  return decisionsWithDecider(trx).where('d.errandId', '=', errandId).orderBy('d.decidedAt').execute();
}

export function findDecisionItems(trx: Kysely<Database>, decisionIds: readonly string[]) {
  if (decisionIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('decisionItems')
    .select([
      'decisionId',
      'itemNo',
      'description',
      'requested',
      'granted',
      'outcome',
      'reasons',
      'legalBasis',
    ])
    .where('decisionId', 'in', decisionIds)
    .orderBy('decisionId')
    .orderBy('itemNo')
    .execute();
}

export function findLetter(trx: Kysely<Database>, id: string) {
  return trx
    .selectFrom('decisions')
    .select(['errandId', 'letterPdf', 'letterSha256'])
    .where('id', '=', id)
    .executeTakeFirst();
}
