// Persons: need-to-know (a caseworker sees the persons of their own unit), protected
// identity (skyddade personuppgifter: name and address shown only to the responsible
// caseworker, the unit's manager and the household's assigned caseworker and stand-in) and
// an access-log row for every read and change.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import { assignedPersonIds } from '../assignments/assignments.access.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { coachParticipantIds, coachVisiblePersonIds } from '../referrals/referrals.access.ts';
import { formatIdentityNumber, parseIdentityNumber } from './identity-number.ts';
import {
  findPerson,
  findPersonByIdentityNumber,
  findPersonsByIds,
  findPersonsInUnit,
  moveResponsibility,
  type PersonRow,
} from './persons.queries.ts';

const collator = new Intl.Collator('sv');

export type PersonSummary = {
  id: string;
  personalIdentityNumber: string;
  name: string;
  protectedIdentity: boolean;
  unit: { id: string; name: string };
};

export type PersonDetail = PersonSummary & {
  firstName: string | null;
  lastName: string | null;
  birthDate: string;
  address: { street: string; postalCode: string; city: string } | null;
  masked: boolean;
  protection: {
    confidentialityMarking: boolean;
    protectedRegistration: boolean;
    fictitiousIdentity: boolean;
  };
};

export type PersonInput = {
  personalIdentityNumber: string;
  firstName: string;
  lastName: string;
  address: { street: string; postalCode: string; city: string } | null;
  protectedIdentity: boolean;
};

function isProtected(row: PersonRow): boolean {
  return row.confidentialityMarking || row.protectedRegistration || row.fictitiousIdentity;
}

const NO_ONE: ReadonlySet<string> = new Set();

/**
 * Whether `viewer` may see a protected person's name and address. `assigned`: the persons
 * whose household's case the viewer now has as caseworker or stand-in (need-to-know
 * follows the assignment).
 */
function maySeeProtected(
  viewer: SessionUser,
  row: PersonRow,
  assigned: ReadonlySet<string> = NO_ONE,
): boolean {
  if (row.responsibleUserId === viewer.id) return true;
  if (assigned.has(row.id)) return true;
  return viewer.role === 'unitManager' && viewer.unit?.id === row.unitId;
}

/** Need-to-know: which unit's persons a user may see at all. Coaches see persons through referrals (referrals.access.ts). */
function visibleUnit(viewer: SessionUser): string | null {
  if (viewer.role === 'caseworker' || viewer.role === 'unitManager') return viewer.unit?.id ?? null;
  return null;
}

/** Looks up assignments only when a protected person is among the rows. */
async function assignedAmong(trx: Kysely<Database>, viewer: SessionUser, rows: readonly PersonRow[]) {
  const protectedIds = rows.filter(isProtected).map((row) => row.id);
  return protectedIds.length === 0 ? NO_ONE : assignedPersonIds(trx, viewer.id, protectedIds);
}

function toDetail(viewer: SessionUser, row: PersonRow, assigned: ReadonlySet<string> = NO_ONE): PersonDetail {
  const protectedIdentity = isProtected(row);
  const masked = protectedIdentity && !maySeeProtected(viewer, row, assigned);
  return {
    id: row.id,
    personalIdentityNumber: formatIdentityNumber(row.personalIdentityNumber, masked),
    name: masked ? 'Skyddad identitet' : `${row.firstName} ${row.lastName}`,
    protectedIdentity,
    unit: { id: row.unitId, name: row.unitName },
    firstName: masked ? null : row.firstName,
    lastName: masked ? null : row.lastName,
    birthDate: row.birthDate,
    address:
      masked || row.street === null
        ? null
        : { street: row.street, postalCode: row.postalCode ?? '', city: row.city ?? '' },
    masked,
    protection: {
      confidentialityMarking: row.confidentialityMarking,
      protectedRegistration: row.protectedRegistration,
      fictitiousIdentity: row.fictitiousIdentity,
    },
  };
}

function toSummary(detail: PersonDetail): PersonSummary {
  const { id, personalIdentityNumber, name, protectedIdentity, unit } = detail;
  return { id, personalIdentityNumber, name, protectedIdentity, unit };
}

function matches(detail: PersonDetail, row: PersonRow, search: string): boolean {
  const digits = search.replace(/\D/g, '');
  // A masked person is found only by their full identity number, never by name.
  if (detail.masked) return digits.length >= 10 && row.personalIdentityNumber.endsWith(digits);
  if (digits.length >= 4 && row.personalIdentityNumber.includes(digits)) return true;
  const needle = search.toLocaleLowerCase('sv');
  return `${row.firstName} ${row.lastName}`.toLocaleLowerCase('sv').includes(needle);
}

export async function listPersons(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  query: { search?: string | undefined; limit: number; offset: number },
): Promise<{ items: PersonSummary[]; total: number }> {
  const unitId = visibleUnit(viewer);
  if (!unitId && viewer.role !== 'coach') return { items: [], total: 0 };
  return inTenant(db, viewer.municipality.id, async (trx) => {
    // A coach's list is "Mina deltagare": the persons whose referral the coach has accepted.
    const rows = unitId
      ? await findPersonsInUnit(trx, unitId)
      : await findPersonsByIds(trx, await coachParticipantIds(trx, viewer));
    const assigned = await assignedAmong(trx, viewer, rows);
    const search = query.search?.trim();
    const details = rows
      .map((row) => ({ row, detail: toDetail(viewer, row, assigned) }))
      .filter(({ row, detail }) => !search || matches(detail, row, search))
      .sort((a, b) => collator.compare(sortKey(a.detail), sortKey(b.detail)));
    const page = details
      .slice(query.offset, query.offset + query.limit)
      .map(({ detail }) => toSummary(detail));
    await logAccess(
      trx,
      request,
      'search',
      page.map((p) => p.id),
    );
    return { items: page, total: details.length };
  });
}

function sortKey(detail: PersonDetail): string {
  return detail.masked ? `\uffff${detail.personalIdentityNumber}` : `${detail.lastName} ${detail.firstName}`;
}

export async function getPerson(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
): Promise<PersonDetail> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await findPerson(trx, id);
    // Another unit's person answers exactly like a missing one: no existence leak.
    const visible =
      row &&
      (row.unitId === visibleUnit(viewer) ||
        (await coachVisiblePersonIds(trx, viewer, [row.id])).has(row.id));
    if (!row || !visible) throw new AppError('not_found', 'Personen finns inte');
    await logAccess(trx, request, 'read', [row.id]);
    return toDetail(viewer, row, await assignedAmong(trx, viewer, [row]));
  });
}

/**
 * The given persons as `viewer` may see them (protected identities masked), for other
 * features' screens — households, errands. Only persons of the viewer's unit (for a coach:
 * persons with an open referral to the coach's unit) are returned;
 * the caller logs the access in the same transaction.
 */
export async function describePersons(
  trx: Kysely<Database>,
  viewer: SessionUser,
  ids: readonly string[],
): Promise<Map<string, PersonDetail>> {
  const unitId = visibleUnit(viewer);
  const viaReferral = unitId ? new Set<string>() : await coachVisiblePersonIds(trx, viewer, ids);
  const rows = (unitId || viaReferral.size > 0 ? await findPersonsByIds(trx, [...new Set(ids)]) : []).filter(
    (row) => (unitId !== null && row.unitId === unitId) || viaReferral.has(row.id),
  );
  const assigned = await assignedAmong(trx, viewer, rows);
  return new Map(rows.map((row) => [row.id, toDetail(viewer, row, assigned)]));
}

/**
 * When a household's case changes caseworker, the responsibility for its members moves with
 * it: the former caseworker is no longer the responsible one, so a protected identity is no
 * longer shown to them (need-to-know follows the assignment). Called inside the reassignment.
 */
export function transferResponsibility(
  trx: Kysely<Database>,
  personIds: readonly string[],
  fromUserId: string,
  toUserId: string,
): Promise<void> {
  return moveResponsibility(trx, personIds, fromUserId, toUserId);
}

export function validatePersonInput(input: PersonInput) {
  const parsed = parseIdentityNumber(input.personalIdentityNumber);
  if (!parsed) {
    throw new AppError('invalid_input', undefined, [
      {
        pointer: '/personalIdentityNumber',
        detail: 'Ange ett giltigt personnummer eller samordningsnummer, till exempel 19850709-9805',
      },
    ]);
  }
  return parsed;
}

export async function createPerson(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  input: PersonInput,
): Promise<PersonDetail> {
  const unitId = visibleUnit(viewer);
  if (!unitId) throw new AppError('forbidden', 'Du behöver tillhöra en enhet för att registrera personer');
  const identity = validatePersonInput(input);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    if (await findPersonByIdentityNumber(trx, identity.canonical)) {
      throw new AppError('conflict', 'Personen är redan registrerad', [
        { pointer: '/personalIdentityNumber', detail: 'Det finns redan en person med det här personnumret' },
      ]);
    }
    const id = randomUUID();
    await trx
      .insertInto('persons')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        personalIdentityNumber: identity.canonical,
        birthDate: identity.birthDate,
        gender: identity.gender,
        firstName: input.firstName,
        lastName: input.lastName,
        street: input.address?.street ?? null,
        postalCode: input.address?.postalCode ?? null,
        city: input.address?.city ?? null,
        unitId,
        responsibleUserId: viewer.role === 'caseworker' ? viewer.id : null,
        confidentialityMarking: input.protectedIdentity,
      })
      .execute();
    await logAccess(trx, request, 'create', [id]);
    const row = await findPerson(trx, id);
    if (!row) throw new AppError('internal');
    return toDetail(viewer, row);
  });
}

export async function updatePerson(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  changes: Partial<Omit<PersonInput, 'personalIdentityNumber'>>,
): Promise<PersonDetail> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const before = await findPerson(trx, id);
    if (!before || before.unitId !== visibleUnit(viewer))
      throw new AppError('not_found', 'Personen finns inte');
    if (isProtected(before) && !maySeeProtected(viewer, before, await assignedAmong(trx, viewer, [before]))) {
      throw new AppError(
        'forbidden',
        'Endast ansvarig eller tilldelad handläggare, ersättaren och enhetschefen får ändra en person med skyddad identitet',
      );
    }
    await trx
      .updateTable('persons')
      .set({
        ...(changes.firstName !== undefined ? { firstName: changes.firstName } : {}),
        ...(changes.lastName !== undefined ? { lastName: changes.lastName } : {}),
        ...(changes.address !== undefined
          ? {
              street: changes.address?.street ?? null,
              postalCode: changes.address?.postalCode ?? null,
              city: changes.address?.city ?? null,
            }
          : {}),
        ...(changes.protectedIdentity !== undefined
          ? { confidentialityMarking: changes.protectedIdentity }
          : {}),
        updatedAt: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
    await logAccess(trx, request, 'update', [id]);
    const row = await findPerson(trx, id);
    if (!row) throw new AppError('internal');
    return toDetail(viewer, row, await assignedAmong(trx, viewer, [row]));
  });
}
