// Samtycke (consent) per person and recipient. Within one nämnd information may be shared for
// the person's case; across a nämnd or to another authority it is covered by secrecy
// (OSL 2009:400 26 kap. 1 §, 8 kap. 1 §), which the person's consent lifts (OSL 12 kap. 2 §).
// Consent has a scope and an expiry; without a valid one, sharing is blocked.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError, type FieldError } from '../http/problem.ts';
import { describePersons } from '../persons/persons.service.ts';
import type { consentInput, consentSchema } from './referrals.schemas.ts';
import type { ConsentScope } from './referrals.table.ts';

export type Consent = z.infer<typeof consentSchema>;

export const SECRECY_BASIS = 'OSL (2009:400) 26 kap. 1 § och 8 kap. 1 §; samtycke enligt 12 kap. 2 §';

export async function requirePerson(trx: Kysely<Database>, viewer: SessionUser, personId: string) {
  const person = (await describePersons(trx, viewer, [personId])).get(personId);
  if (!person) throw new AppError('not_found', 'Personen finns inte');
  return person;
}

/** The nämnd a unit belongs to on `day` (units move between nämnder over time). */
export async function committeeOf(trx: Kysely<Database>, unitId: string, day: string) {
  return trx
    .selectFrom('unitCommittees as uc')
    .innerJoin('committees as c', (j) =>
      j.onRef('c.municipalityId', '=', 'uc.municipalityId').onRef('c.id', '=', 'uc.committeeId'),
    )
    .select(['c.id', 'c.name'])
    .where('uc.unitId', '=', unitId)
    .where('uc.validFrom', '<=', day)
    .where((eb) => eb.or([eb('uc.validTo', 'is', null), eb('uc.validTo', '>=', sql<string>`${day}::date`)]))
    .executeTakeFirst();
}

/** A consent valid on `day` for the recipient and purpose, or undefined. */
export async function validConsent(
  trx: Kysely<Database>,
  personId: string,
  recipient: { agencyId: string } | { committeeId: string },
  purpose: ConsentScope,
  day: string,
) {
  const rows = await trx
    .selectFrom('consents')
    .selectAll()
    .where('personId', '=', personId)
    .where(
      'agencyId' in recipient ? 'agencyId' : 'committeeId',
      '=',
      'agencyId' in recipient ? recipient.agencyId : recipient.committeeId,
    )
    .where('givenOn', '<=', day)
    .where('expiresOn', '>=', day)
    .where('withdrawnOn', 'is', null)
    .orderBy('expiresOn', 'desc')
    .execute();
  return rows.find((row) => row.scope.includes(purpose));
}

function isValid(row: { givenOn: string; expiresOn: string; withdrawnOn: string | null }, day: string) {
  return row.givenOn <= day && row.expiresOn >= day && row.withdrawnOn === null;
}

async function loadConsents(trx: Kysely<Database>, personId: string, today: string): Promise<Consent[]> {
  const rows = await trx
    .selectFrom('consents as c')
    .leftJoin('partnerAgencies as a', (j) =>
      j.onRef('a.municipalityId', '=', 'c.municipalityId').onRef('a.id', '=', 'c.agencyId'),
    )
    .leftJoin('committees as n', (j) =>
      j.onRef('n.municipalityId', '=', 'c.municipalityId').onRef('n.id', '=', 'c.committeeId'),
    )
    .selectAll('c')
    .select(['a.name as agencyName', 'n.name as committeeName'])
    .where('c.personId', '=', personId)
    .orderBy('c.givenOn', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    personId: row.personId,
    recipient: row.agencyId
      ? { kind: 'agency' as const, id: row.agencyId, name: row.agencyName ?? '' }
      : { kind: 'committee' as const, id: row.committeeId ?? '', name: row.committeeName ?? '' },
    scope: row.scope,
    givenOn: row.givenOn,
    expiresOn: row.expiresOn,
    form: row.form,
    withdrawnOn: row.withdrawnOn,
    valid: isValid(row, today),
  }));
}

export async function listConsents(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  today: string,
): Promise<Consent[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requirePerson(trx, viewer, personId);
    await logAccess(trx, request, 'read', [personId]);
    return loadConsents(trx, personId, today);
  });
}

export async function recordConsent(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  input: z.infer<typeof consentInput>,
  today: string,
): Promise<Consent> {
  const errors: FieldError[] = [];
  if ((input.agencyId === null) === (input.committeeId === null))
    errors.push({
      pointer: '/agencyId',
      detail: 'Ange antingen en samverkanspart eller en nämnd som samtycket gäller',
    });
  if (input.givenOn > today)
    errors.push({ pointer: '/givenOn', detail: 'Samtycket kan inte vara lämnat i framtiden' });
  if (input.expiresOn < input.givenOn)
    errors.push({ pointer: '/expiresOn', detail: 'Samtycket kan inte upphöra innan det lämnades' });
  if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requirePerson(trx, viewer, personId);
    if (input.agencyId) {
      const agency = await trx
        .selectFrom('partnerAgencies')
        .select('id')
        .where('id', '=', input.agencyId)
        .executeTakeFirst();
      if (!agency)
        throw new AppError('invalid_input', undefined, [
          { pointer: '/agencyId', detail: 'Samverkansparten finns inte' },
        ]);
    }
    if (input.committeeId) {
      const committee = await trx
        .selectFrom('committees')
        .select('id')
        .where('municipalityId', '=', viewer.municipality.id)
        .where('id', '=', input.committeeId)
        .executeTakeFirst();
      if (!committee)
        throw new AppError('invalid_input', undefined, [
          { pointer: '/committeeId', detail: 'Nämnden finns inte' },
        ]);
    }
    const id = randomUUID();
    await trx
      .insertInto('consents')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        personId,
        agencyId: input.agencyId,
        committeeId: input.committeeId,
        scope: JSON.stringify([...new Set(input.scope)]),
        givenOn: input.givenOn,
        expiresOn: input.expiresOn,
        form: input.form,
        recordedBy: viewer.id,
      })
      .execute();
    await logAccess(trx, request, 'update', [personId]);
    const consent = (await loadConsents(trx, personId, today)).find((c) => c.id === id);
    if (!consent) throw new AppError('internal');
    return consent;
  });
}

export async function withdrawConsent(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  consentId: string,
  today: string,
): Promise<Consent> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await trx.selectFrom('consents').selectAll().where('id', '=', consentId).executeTakeFirst();
    if (!row || !(await describePersons(trx, viewer, [row.personId])).has(row.personId))
      throw new AppError('not_found', 'Samtycket finns inte');
    if (row.withdrawnOn) throw new AppError('conflict', 'Samtycket är redan återkallat');
    await trx.updateTable('consents').set({ withdrawnOn: today }).where('id', '=', consentId).execute();
    await logAccess(trx, request, 'update', [row.personId]);
    const consent = (await loadConsents(trx, row.personId, today)).find((c) => c.id === consentId);
    if (!consent) throw new AppError('internal');
    return consent;
  });
}
