// Kartläggning: the caseworker's structured picture of a person's situation, with the
// försörjningshinder (reported per adult, SoL 2025:400 15 kap. 2 §) and the labour-market
// unit's arbetsförmågebedömning. Every save is a new immutable version; history is kept.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { describePersons } from '../persons/persons.service.ts';
import type { AssessmentSections, WorkCapacity } from './assessments.table.ts';

export type AssessmentInput = {
  sections: AssessmentSections;
  supportBarrier: string;
  workCapacity: WorkCapacity | null;
};

export type Assessment = AssessmentInput & {
  id: string;
  personId: string;
  version: number;
  createdBy: string;
  createdAt: string;
};

async function requireVisiblePerson(trx: Kysely<Database>, viewer: SessionUser, personId: string) {
  const found = await describePersons(trx, viewer, [personId]);
  // Another unit's person answers exactly like a missing one.
  if (!found.has(personId)) throw new AppError('not_found', 'Personen finns inte');
}

export async function saveAssessment(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  input: AssessmentInput,
): Promise<Assessment> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requireVisiblePerson(trx, viewer, personId);
    const latest = await trx
      .selectFrom('assessments')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('personId', '=', personId)
      .executeTakeFirst();
    const row = await trx
      .insertInto('assessments')
      .values({
        municipalityId: viewer.municipality.id,
        id: randomUUID(),
        personId,
        version: (latest?.version ?? 0) + 1,
        sections: JSON.stringify(input.sections),
        supportBarrier: input.supportBarrier,
        workCapacity: input.workCapacity ? JSON.stringify(input.workCapacity) : null,
        createdBy: viewer.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await logAccess(trx, request, 'update', [personId]);
    return toAssessment(row);
  });
}

/** All versions, newest first. */
export async function listAssessments(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
): Promise<{ current: Assessment | null; versions: Assessment[] }> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requireVisiblePerson(trx, viewer, personId);
    const rows = await trx
      .selectFrom('assessments')
      .selectAll()
      .where('personId', '=', personId)
      .orderBy('version', 'desc')
      .execute();
    await logAccess(trx, request, 'read', [personId]);
    const versions = rows.map(toAssessment);
    return { current: versions[0] ?? null, versions };
  });
}

function toAssessment(row: {
  id: string;
  personId: string;
  version: number;
  sections: AssessmentSections;
  supportBarrier: string;
  workCapacity: WorkCapacity | null;
  createdBy: string;
  createdAt: Date;
}): Assessment {
  return {
    id: row.id,
    personId: row.personId,
    version: row.version,
    sections: row.sections,
    supportBarrier: row.supportBarrier,
    workCapacity: row.workCapacity,
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
