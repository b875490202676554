// Household register (hushållsregister): who lives in which household from when to when, and
// whether the household shares its dwelling with others (SoF 2025:468 12 kap. 3 § andra stycket).
// A caseworker or unit manager sees the households of their own unit; every person shown is logged.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { describePersons, type PersonDetail } from '../persons/persons.service.ts';
import {
  findHousehold,
  findHouseholdsInUnit,
  findMemberships,
  findOpenMembershipsOfPerson,
  type HouseholdRow,
  type MembershipRow,
} from './households.queries.ts';
import type { HouseholdMemberTable } from './households.table.ts';

export type MemberRole = HouseholdMemberTable['role'];

/** A member as the viewer may see them: protected identities come masked from the persons service. */
export type MemberPerson = {
  id: string;
  name: string;
  personalIdentityNumber: string;
  protectedIdentity: boolean;
  birthDate: string;
};

export type HouseholdMember = {
  personId: string;
  role: MemberRole;
  validFrom: string;
  validTo: string | null;
  person: MemberPerson;
};

export type HouseholdView = {
  id: string;
  unit: { id: string; name: string };
  /** Hushållsgemenskap: everyone sharing the dwelling, or null. */
  sharedHouseholdSize: number | null;
  month: string;
  members: HouseholdMember[];
};

export type HouseholdDetail = HouseholdView & { payoutAccount: string | null; history: HouseholdMember[] };

const stockholmDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Sweden, YYYY-MM-DD. */
export function swedishDate(now: Date): string {
  return stockholmDate.format(now);
}

/** First and last day of a month "YYYY-MM". */
export function monthBounds(month: string): { first: string; last: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/** Whether a membership period overlaps the month (validTo is the last day lived there). */
function livesThereIn(row: { validFrom: string; validTo: string | null }, month: string): boolean {
  const { first, last } = monthBounds(month);
  return row.validFrom <= last && (row.validTo === null || row.validTo >= first);
}

function unitOf(viewer: SessionUser): string | null {
  if (viewer.role === 'caseworker' || viewer.role === 'unitManager') return viewer.unit?.id ?? null;
  return null;
}

/** The household if it belongs to the viewer's unit; another unit's household answers like a missing one. */
export async function householdForViewer(
  trx: Kysely<Database>,
  viewer: SessionUser,
  id: string,
): Promise<HouseholdRow> {
  const row = await findHousehold(trx, id);
  if (!row || row.unitId !== unitOf(viewer)) throw new AppError('not_found', 'Hushållet finns inte');
  return row;
}

/** The membership rows of a household that overlap the month, one per person (the latest period). */
export async function membershipsInMonth(
  trx: Kysely<Database>,
  householdId: string,
  month: string,
): Promise<MembershipRow[]> {
  const rows = (await findMemberships(trx, [householdId])).filter((row) => livesThereIn(row, month));
  const byPerson = new Map(rows.map((row) => [row.personId, row]));
  return [...byPerson.values()];
}

const ROLE_ORDER: Record<MemberRole, number> = { applicant: 0, partner: 1, child: 2 };

/** Attaches the (masked where needed) person to each membership row. */
export async function describeMembers(
  trx: Kysely<Database>,
  viewer: SessionUser,
  rows: readonly MembershipRow[],
): Promise<HouseholdMember[]> {
  const persons = await describePersons(
    trx,
    viewer,
    rows.map((row) => row.personId),
  );
  return rows.map((row) => ({
    personId: row.personId,
    role: row.role,
    validFrom: row.validFrom,
    validTo: row.validTo,
    person: memberPerson(row.personId, persons.get(row.personId)),
  }));
}

function memberPerson(id: string, detail: PersonDetail | undefined): MemberPerson {
  if (!detail) {
    // The person belongs to another unit now: show that someone lived there, nothing more.
    return {
      id,
      name: 'Person i annan enhet',
      personalIdentityNumber: '',
      protectedIdentity: false,
      birthDate: '',
    };
  }
  const { name, personalIdentityNumber, protectedIdentity, birthDate } = detail;
  return { id, name, personalIdentityNumber, protectedIdentity, birthDate };
}

function sortMembers(members: HouseholdMember[]): HouseholdMember[] {
  return members.sort(
    (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.person.birthDate.localeCompare(b.person.birthDate),
  );
}

function toView(row: HouseholdRow, month: string, members: HouseholdMember[]): HouseholdView {
  return {
    id: row.id,
    unit: { id: row.unitId, name: row.unitName },
    sharedHouseholdSize: row.sharedHouseholdSize,
    month,
    members: sortMembers(members.filter((m) => livesThereIn(m, month))),
  };
}

export async function listHouseholds(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  query: { month: string; limit: number; offset: number },
): Promise<{ items: HouseholdView[]; total: number }> {
  const unitId = unitOf(viewer);
  if (!unitId) return { items: [], total: 0 };
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const households = await findHouseholdsInUnit(trx, unitId);
    const page = households.slice(query.offset, query.offset + query.limit);
    const memberships = (
      await findMemberships(
        trx,
        page.map((h) => h.id),
      )
    ).filter((row) => livesThereIn(row, query.month));
    const members = await describeMembers(trx, viewer, memberships);
    const items = page.map((h) =>
      toView(
        h,
        query.month,
        members.filter((_, i) => memberships[i]?.householdId === h.id),
      ),
    );
    await logAccess(trx, request, 'search', [...new Set(memberships.map((m) => m.personId))]);
    return { items, total: households.length };
  });
}

async function detail(
  trx: Kysely<Database>,
  viewer: SessionUser,
  row: HouseholdRow,
  month: string,
): Promise<HouseholdDetail> {
  const history = await describeMembers(trx, viewer, await findMemberships(trx, [row.id]));
  return { ...toView(row, month, [...history]), payoutAccount: row.payoutAccount, history };
}

export async function getHousehold(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  month: string,
): Promise<HouseholdDetail> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await householdForViewer(trx, viewer, id);
    const result = await detail(trx, viewer, row, month);
    await logAccess(trx, request, 'read', [...new Set(result.history.map((m) => m.personId))]);
    return result;
  });
}

/** The person must be visible to the viewer (own unit) and not live in another household at that date. */
async function assertFreeToJoin(
  trx: Kysely<Database>,
  viewer: SessionUser,
  personId: string,
  validFrom: string,
  pointer: string,
): Promise<void> {
  const persons = await describePersons(trx, viewer, [personId]);
  if (!persons.has(personId)) {
    throw new AppError('invalid_input', undefined, [{ pointer, detail: 'Personen finns inte i din enhet' }]);
  }
  const open = await findOpenMembershipsOfPerson(trx, personId, validFrom);
  if (open.length > 0) {
    throw new AppError('conflict', 'Personen ingår redan i ett hushåll', [
      {
        pointer,
        detail: 'Personen ingår redan i ett hushåll. Avsluta det medlemskapet innan personen läggs till här.',
      },
    ]);
  }
}

export async function createHousehold(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  input: { applicantPersonId: string; validFrom: string; sharedHouseholdSize: number | null },
): Promise<HouseholdDetail> {
  const unitId = unitOf(viewer);
  if (!unitId) throw new AppError('forbidden', 'Du behöver tillhöra en enhet för att registrera hushåll');
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await assertFreeToJoin(trx, viewer, input.applicantPersonId, input.validFrom, '/applicantPersonId');
    const id = randomUUID();
    const municipalityId = viewer.municipality.id;
    await trx
      .insertInto('households')
      .values({ municipalityId, id, unitId, sharedHouseholdSize: input.sharedHouseholdSize })
      .execute();
    await trx
      .insertInto('householdMembers')
      .values({
        municipalityId,
        householdId: id,
        personId: input.applicantPersonId,
        role: 'applicant',
        validFrom: input.validFrom,
        validTo: null,
      })
      .execute();
    await logAccess(trx, request, 'create', [input.applicantPersonId]);
    const row = await householdForViewer(trx, viewer, id);
    return detail(trx, viewer, row, input.validFrom.slice(0, 7));
  });
}

export async function addMember(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  householdId: string,
  input: { personId: string; role: MemberRole; validFrom: string },
): Promise<HouseholdDetail> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await householdForViewer(trx, viewer, householdId);
    // Exactly one applicant and at most one partner (make eller sambo) at a time.
    if (input.role !== 'child') {
      const sameRole = (await findMemberships(trx, [householdId])).filter(
        (m) => m.role === input.role && (m.validTo === null || m.validTo >= input.validFrom),
      );
      if (sameRole.length > 0) {
        throw new AppError('conflict', 'Hushållet har redan en person med den rollen', [
          {
            pointer: '/role',
            detail:
              input.role === 'applicant'
                ? 'Hushållet har redan en sökande. Avsluta den sökandes medlemskap först.'
                : 'Hushållet har redan en make, maka eller sambo. Avsluta det medlemskapet först.',
          },
        ]);
      }
    }
    await assertFreeToJoin(trx, viewer, input.personId, input.validFrom, '/personId');
    await trx
      .insertInto('householdMembers')
      .values({
        municipalityId: viewer.municipality.id,
        householdId,
        personId: input.personId,
        role: input.role,
        validFrom: input.validFrom,
        validTo: null,
      })
      .execute();
    const result = await detail(trx, viewer, row, input.validFrom.slice(0, 7));
    await logAccess(trx, request, 'update', [...new Set(result.history.map((m) => m.personId))]);
    return result;
  });
}

export async function endMembership(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  householdId: string,
  personId: string,
  validTo: string,
): Promise<HouseholdDetail> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await householdForViewer(trx, viewer, householdId);
    const open = (await findMemberships(trx, [householdId])).find(
      (m) => m.personId === personId && m.validTo === null,
    );
    if (!open) throw new AppError('not_found', 'Personen bor inte i hushållet just nu');
    if (validTo < open.validFrom) {
      throw new AppError('invalid_input', undefined, [
        { pointer: '/validTo', detail: `Slutdatumet kan inte vara före inflyttningen ${open.validFrom}` },
      ]);
    }
    await trx
      .updateTable('householdMembers')
      .set({ validTo })
      .where('householdId', '=', householdId)
      .where('personId', '=', personId)
      .where('validFrom', '=', open.validFrom)
      .execute();
    const result = await detail(trx, viewer, row, validTo.slice(0, 7));
    await logAccess(trx, request, 'update', [...new Set(result.history.map((m) => m.personId))]);
    return result;
  });
}

export async function updateHousehold(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  householdId: string,
  changes: { sharedHouseholdSize?: number | null | undefined; payoutAccount?: string | null | undefined },
  month: string,
): Promise<HouseholdDetail> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await householdForViewer(trx, viewer, householdId);
    const set: { sharedHouseholdSize?: number | null; payoutAccount?: string | null } = {};
    if (changes.sharedHouseholdSize !== undefined) set.sharedHouseholdSize = changes.sharedHouseholdSize;
    if (changes.payoutAccount !== undefined) {
      // Kept compact and upper case, as the bank file sends it.
      set.payoutAccount = changes.payoutAccount?.replace(/\s/g, '').toUpperCase() || null;
    }
    if (Object.keys(set).length > 0) {
      await trx.updateTable('households').set(set).where('id', '=', householdId).execute();
    }
    const row = await householdForViewer(trx, viewer, householdId);
    const result = await detail(trx, viewer, row, month);
    await logAccess(trx, request, 'update', [...new Set(result.history.map((m) => m.personId))]);
    return result;
  });
}

/** The applicant of each household in each month, as the viewer may see them (for queues). */
export async function applicantsInMonths(
  trx: Kysely<Database>,
  viewer: SessionUser,
  refs: readonly { householdId: string; month: string }[],
): Promise<Map<string, HouseholdMember>> {
  const memberships = await findMemberships(trx, [...new Set(refs.map((r) => r.householdId))]);
  const rows: MembershipRow[] = [];
  const keys: string[] = [];
  for (const ref of refs) {
    const applicant = memberships.findLast(
      (m) => m.householdId === ref.householdId && m.role === 'applicant' && livesThereIn(m, ref.month),
    );
    if (applicant) {
      rows.push(applicant);
      keys.push(`${ref.householdId}|${ref.month}`);
    }
  }
  const members = await describeMembers(trx, viewer, rows);
  return new Map(members.map((m, i) => [keys[i] as string, m]));
}
