// Continuity when staff change: every household's case has one named caseworker and,
// where the unit has one, a named stand-in (ersättare). A unit manager reassigns; changing
// the caseworker requires a handover note, which is kept in the history and journalled for
// the household's adults (SoL 2025:400 14 kap. 3 §), so the case's history stays with the case.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError, type FieldError } from '../http/problem.ts';
import { appendJournalEntry } from '../journal/journal.service.ts';
import { transferResponsibility } from '../persons/persons.service.ts';
import {
  assignmentsOfHousehold,
  assignUnassignedHouseholds,
  closeAssignment,
  currentAssignment,
  currentMembers,
  findHouseholdUnit,
  findStaff,
  insertAssignment,
  lockHousehold,
} from './assignments.queries.ts';

type StaffRef = { id: string; name: string };

export type AssignmentPeriod = {
  caseworker: StaffRef;
  standIn: StaffRef | null;
  validFrom: string;
  validTo: string | null;
  assignedBy: StaffRef | null;
  handoverNote: string | null;
};

export type AssignmentView = {
  householdId: string;
  current: AssignmentPeriod | null;
  /** Every assignment, newest first, the current one included. */
  history: AssignmentPeriod[];
};

export type AssignmentInput = {
  caseworkerId: string;
  standInId?: string | null | undefined;
  handoverNote?: string | undefined;
};

function unitOf(viewer: SessionUser): string | null {
  if (viewer.role === 'caseworker' || viewer.role === 'unitManager') return viewer.unit?.id ?? null;
  return null;
}

async function readView(trx: Kysely<Database>, householdId: string): Promise<AssignmentView> {
  const rows = await assignmentsOfHousehold(trx, householdId);
  const history = rows.map(
    (row): AssignmentPeriod => ({
      caseworker: { id: row.caseworkerId, name: row.caseworkerName },
      standIn: row.standInId && row.standInName ? { id: row.standInId, name: row.standInName } : null,
      validFrom: new Date(row.validFrom).toISOString(),
      validTo: row.validTo ? new Date(row.validTo).toISOString() : null,
      assignedBy:
        row.assignedById && row.assignedByName ? { id: row.assignedById, name: row.assignedByName } : null,
      handoverNote: row.handoverNote,
    }),
  );
  return { householdId, current: history.find((p) => p.validTo === null) ?? null, history };
}

export async function getAssignment(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  householdId: string,
): Promise<AssignmentView> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const household = await findHouseholdUnit(trx, householdId);
    // Another unit's household answers exactly like a missing one.
    if (!household || household.unitId !== unitOf(viewer))
      throw new AppError('not_found', 'Hushållet finns inte');
    const view = await readView(trx, householdId);
    const members = await currentMembers(trx, householdId);
    await logAccess(trx, request, 'read', [...new Set(members.map((m) => m.personId))]);
    return view;
  });
}

function journalText(
  before: { caseworker: StaffRef; standIn: StaffRef | null } | null,
  after: { caseworker: StaffRef; standIn: StaffRef | null },
  note: string | null,
): string {
  const standIn = after.standIn ? after.standIn.name : 'ingen';
  const lines = [
    before === null
      ? `Hushållets ärende tilldelades handläggare ${after.caseworker.name} (ersättare: ${standIn}).`
      : before.caseworker.id !== after.caseworker.id
        ? `Handläggare byttes från ${before.caseworker.name} till ${after.caseworker.name} (ersättare: ${standIn}).`
        : `Ersättare för hushållets ärende ändrades till ${standIn}; handläggare är fortfarande ${after.caseworker.name}.`,
  ];
  if (note) lines.push(`Överlämning: ${note}`);
  return lines.join('\n');
}

/**
 * Assigns or reassigns the household's case (unit manager of the household's unit). The
 * new caseworker and stand-in must be active caseworkers of that unit; a change of
 * caseworker needs a handover note. Nothing changes when the assignment is the same.
 */
export async function assignHousehold(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  householdId: string,
  input: AssignmentInput,
  now: Date,
): Promise<{ changed: boolean; view: AssignmentView }> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const household = await lockHousehold(trx, householdId);
    if (!household || viewer.role !== 'unitManager' || household.unitId !== unitOf(viewer)) {
      throw new AppError('not_found', 'Hushållet finns inte');
    }
    const standInId = input.standInId ?? null;
    const note = input.handoverNote?.trim() || null;
    const current = await currentAssignment(trx, householdId);
    const staffIds = [input.caseworkerId, standInId, current?.caseworkerId, current?.standInId].filter(
      (id): id is string => typeof id === 'string',
    );
    const staff = new Map((await findStaff(trx, viewer.municipality.id, staffIds)).map((s) => [s.id, s]));
    const isUnitCaseworker = (id: string) => {
      const s = staff.get(id);
      return s !== undefined && s.role === 'caseworker' && s.active && s.unitId === household.unitId;
    };

    const errors: FieldError[] = [];
    if (!isUnitCaseworker(input.caseworkerId)) {
      errors.push({
        pointer: '/caseworkerId',
        detail: 'Välj en aktiv handläggare (socialsekreterare) i hushållets enhet',
      });
    }
    if (standInId !== null && standInId === input.caseworkerId) {
      errors.push({
        pointer: '/standInId',
        detail: 'Ersättaren kan inte vara samma person som handläggaren',
      });
    } else if (standInId !== null && !isUnitCaseworker(standInId)) {
      errors.push({
        pointer: '/standInId',
        detail: 'Välj en aktiv handläggare (socialsekreterare) i hushållets enhet som ersättare',
      });
    }
    const caseworkerChanges = current !== undefined && current.caseworkerId !== input.caseworkerId;
    if (caseworkerChanges && note === null) {
      errors.push({
        pointer: '/handoverNote',
        detail:
          'Skriv en överlämning till den nya handläggaren: vad som pågår, vad som är planerat och vad som väntar',
      });
    }
    if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);

    if (current && current.caseworkerId === input.caseworkerId && current.standInId === standInId) {
      return { changed: false, view: await readView(trx, householdId) };
    }
    if (current) await closeAssignment(trx, current.id, now);
    await insertAssignment(trx, {
      municipalityId: viewer.municipality.id,
      id: randomUUID(),
      householdId,
      caseworkerId: input.caseworkerId,
      standInId,
      validFrom: now,
      handoverNote: note,
      assignedBy: viewer.id,
    });

    // The reassignment and its handover note go into the adults' journals, so whoever
    // takes over reads them where the rest of the case is documented.
    const ref = (id: string | null | undefined): StaffRef | null => {
      const s = id ? staff.get(id) : undefined;
      return s ? { id: s.id, name: s.name } : null;
    };
    const after = { caseworker: ref(input.caseworkerId) as StaffRef, standIn: ref(standInId) };
    const beforeCaseworker = ref(current?.caseworkerId);
    const before = beforeCaseworker
      ? { caseworker: beforeCaseworker, standIn: ref(current?.standInId) }
      : null;
    const members = await currentMembers(trx, householdId);
    if (current && caseworkerChanges) {
      await transferResponsibility(
        trx,
        members.map((m) => m.personId),
        current.caseworkerId,
        input.caseworkerId,
      );
    }
    const adults = members.filter((m) => m.role !== 'child').map((m) => m.personId);
    const text = journalText(before, after, note);
    for (const personId of [...new Set(adults)]) {
      await appendJournalEntry(trx, {
        municipalityId: viewer.municipality.id,
        personId,
        authorId: viewer.id,
        text,
        writtenAt: now,
      });
    }
    await logAccess(trx, request, 'update', [...new Set(members.map((m) => m.personId))]);
    return { changed: true, view: await readView(trx, householdId) };
  });
}

/** Demo seed: every household gets its unit's caseworker, and a stand-in where the unit has two. */
export async function seedAssignments(db: Kysely<Database>, municipalityId: string): Promise<void> {
  await inTenant(db, municipalityId, (trx) => assignUnassignedHouseholds(trx, municipalityId));
}
