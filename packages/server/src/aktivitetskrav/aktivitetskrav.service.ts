// Aktivitetskrav per adult recipient: whether the (proposed, dated) requirement applies this
// month, exemptions with reason and period, deviations (planned against attended hours) and the
// notice (förvarning) that must precede a decision to reduce assistance, and that decision
// (beslut om nedsättning, SoL 2025:400 12 kap. 5 §): the assistance month, the amount (the
// caseworker's decision) and the reason. The month's calculation applies it (rules:
// applyReductions) and the month's decision letter shows it; the aktivitetskrav's own section
// number is unknown (proposal).
import { randomUUID } from 'node:crypto';
import { reductionBasisFor } from '@stegvis/rules';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { appendJournalEntry } from '../journal/journal.service.ts';
import { formatKronor } from '../letters/decision-letter.ts';
import { describePersons } from '../persons/persons.service.ts';
import { addMonths, isoDay } from '../plans/planning-settings.ts';
import { aktivitetskravFor } from '../work-queues/aktivitetskrav.rules.ts';
import { exemptionOf } from '../work-queues/work-queues.service.ts';

/** What a reduction decision cites, with its status as a code (the UI words it per language). Never a guessed section number: unknown is said so. */
export const REDUCTION_BASIS = [
  {
    id: 'sol-12-5',
    text: 'SoL 2025:400 12 kap. 5 §',
    status: 'inForce',
    note: 'Fortsatt försörjningsstöd får vägras eller sättas ned om personen utan godtagbart skäl avböjer eller uteblir från anvisad aktivitet. Beslutet kan överklagas (SoL 35 kap. 1 § p. 2).',
  },
  {
    id: 'aktivitetskrav-proposal',
    text: 'Aktivitetskrav (lagrådsremiss december 2025, REG_PM_2025_12)',
    status: 'proposed',
    note: 'Paragrafnumret i SoL 12 kap. är okänt tills lagen är antagen och publicerad i SFS.',
  },
] as const;

export type ReductionInput = { month: string; amount: number; reason: string };

export type ReductionDecision = {
  id: string;
  deviationId: string;
  personId: string;
  month: string;
  amount: number;
  reason: string;
  legalBasis: string;
  decidedBy: string;
  decidedAt: string;
};

function toReduction(row: {
  id: string;
  deviationId: string;
  personId: string;
  month: string;
  amount: number;
  reason: string;
  legalBasis: string;
  decidedBy: string;
  decidedAt: Date | string;
}): ReductionDecision {
  return {
    id: row.id,
    deviationId: row.deviationId,
    personId: row.personId,
    month: row.month,
    amount: row.amount,
    reason: row.reason,
    legalBasis: row.legalBasis,
    decidedBy: row.decidedBy,
    decidedAt: new Date(row.decidedAt).toISOString(),
  };
}

/** The reduction decisions that cover a month for any of the persons (the month's calculation). */
export async function reductionsFor(trx: Kysely<Database>, personIds: readonly string[], month: string) {
  if (personIds.length === 0) return [];
  const rows = await trx
    .selectFrom('aktivitetskravReductions')
    .selectAll()
    .where('personId', 'in', personIds)
    .where('month', '=', month)
    .orderBy('decidedAt')
    .orderBy('id')
    .execute();
  return rows.map(toReduction);
}

export type ExemptionInput = { reason: string; validFrom: string; validTo: string };
export type DeviationInput = {
  month: string;
  plannedHoursPerWeek: number;
  attendedHoursPerWeek: number;
  description: string;
};

async function requirePerson(trx: Kysely<Database>, viewer: SessionUser, personId: string) {
  const found = await describePersons(trx, viewer, [personId]);
  if (!found.has(personId)) throw new AppError('not_found', 'Personen finns inte');
}

const monthBefore = (month: string) => addMonths(`${month}-01`, -1).slice(0, 7);

export async function aktivitetskravStatus(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  today: string,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requirePerson(trx, viewer, personId);
    const month = today.slice(0, 7);
    const rule = aktivitetskravFor(month);
    const membership = await trx
      .selectFrom('householdMembers')
      .select(['householdId', 'role'])
      .where('personId', '=', personId)
      .where('validTo', 'is', null)
      .executeTakeFirst();
    const decisions = membership
      ? await trx
          .selectFrom('decisions as d')
          .innerJoin('errands as e', (j) =>
            j.onRef('e.municipalityId', '=', 'd.municipalityId').onRef('e.id', '=', 'd.errandId'),
          )
          .select(['e.id as errandId', 'e.month', 'd.grantedTotal'])
          .where('e.householdId', '=', membership.householdId)
          .execute()
      : [];
    const months = new Set(decisions.filter((d) => d.grantedTotal > 0).map((d) => d.month));
    let cursor = months.has(month) ? month : monthBefore(month);
    let streak = 0;
    while (months.has(cursor)) {
      streak += 1;
      cursor = monthBefore(cursor);
    }
    const exemptionRows = await trx
      .selectFrom('aktivitetskravExemptions')
      .selectAll()
      .where('personId', '=', personId)
      .orderBy('validFrom', 'desc')
      .execute();
    const exemptions = exemptionRows.map((e) => ({
      id: e.id,
      reason: e.reason,
      validFrom: e.validFrom,
      validTo: e.validTo,
      current: e.validFrom <= today && today <= e.validTo,
    }));
    const person = await trx
      .selectFrom('persons')
      .select('birthDate')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const age =
      Number(today.slice(0, 4)) -
      Number(person.birthDate.slice(0, 4)) -
      (today.slice(5) < person.birthDate.slice(5) ? 1 : 0);
    const automatic =
      rule && membership && membership.role !== 'child'
        ? await exemptionOf(trx, personId, decisions, age, rule)
        : null;
    const deviations = await trx
      .selectFrom('aktivitetskravDeviations')
      .select(['id', 'month', 'plannedHoursPerWeek', 'attendedHoursPerWeek', 'description', 'noticeSentOn'])
      .where('personId', '=', personId)
      .orderBy('month', 'desc')
      .orderBy('createdAt', 'desc')
      .execute();
    const reductions = await trx
      .selectFrom('aktivitetskravReductions')
      .selectAll()
      .where('personId', '=', personId)
      .orderBy('month', 'desc')
      .orderBy('decidedAt', 'desc')
      .execute();
    await logAccess(trx, request, 'read', [personId]);
    return {
      personId,
      month,
      rule: rule
        ? {
            id: rule.id,
            status: rule.status,
            source: rule.source,
            firstAppliedMonth: rule.firstAppliedMonth,
            consecutiveMonths: rule.consecutiveMonths,
          }
        : null,
      consecutiveMonths: streak,
      applies:
        rule !== null &&
        streak >= rule.consecutiveMonths &&
        automatic === null &&
        !exemptions.some((e) => e.current),
      exemptions: automatic
        ? [
            {
              id: '00000000-0000-4000-8000-000000000000',
              reason: `${automatic.text} (enligt registrerade uppgifter)`,
              automatic: { code: automatic.code, age: automatic.age },
              validFrom: month,
              validTo: month,
              current: true,
            },
            ...exemptions,
          ]
        : exemptions,
      deviations,
      reductions: reductions.map(toReduction),
      reductionBasis: REDUCTION_BASIS.map((b) => ({ ...b })),
    };
  });
}

export async function addExemption(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  input: ExemptionInput,
) {
  if (input.validTo < input.validFrom)
    throw new AppError('invalid_input', undefined, [
      { pointer: '/validTo', detail: 'Slutdatum kan inte vara före startdatum' },
    ]);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requirePerson(trx, viewer, personId);
    const id = randomUUID();
    await trx
      .insertInto('aktivitetskravExemptions')
      .values({ municipalityId: viewer.municipality.id, id, personId, ...input, createdBy: viewer.id })
      .execute();
    await logAccess(trx, request, 'create', [personId]);
    return { id };
  });
}

export async function addDeviation(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  input: DeviationInput,
  today: string,
) {
  if (input.attendedHoursPerWeek >= input.plannedHoursPerWeek)
    throw new AppError('invalid_input', undefined, [
      {
        pointer: '/attendedHoursPerWeek',
        detail: 'En avvikelse är färre närvarotimmar än planerat',
      },
    ]);
  if (input.month > today.slice(0, 7))
    throw new AppError('invalid_input', undefined, [
      { pointer: '/month', detail: 'Avvikelser registreras för en månad som har börjat' },
    ]);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requirePerson(trx, viewer, personId);
    const id = randomUUID();
    await trx
      .insertInto('aktivitetskravDeviations')
      .values({ municipalityId: viewer.municipality.id, id, personId, ...input, createdBy: viewer.id })
      .execute();
    await logAccess(trx, request, 'create', [personId]);
    return { id };
  });
}

/** Förvarning: records that the person was told, and queues the letter text to them. */
export async function sendNotice(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  deviationId: string,
  sentOn: string,
  now: Date,
) {
  if (sentOn > isoDay(now))
    throw new AppError('invalid_input', undefined, [
      { pointer: '/sentOn', detail: 'Förvarningen kan inte vara daterad framåt i tiden' },
    ]);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await trx
      .selectFrom('aktivitetskravDeviations')
      .selectAll()
      .where('id', '=', deviationId)
      .executeTakeFirst();
    if (!row || !(await describePersons(trx, viewer, [row.personId])).has(row.personId))
      throw new AppError('not_found', 'Avvikelsen finns inte');
    if (row.noticeSentOn) throw new AppError('conflict', `Förvarning skickades redan ${row.noticeSentOn}`);
    await trx
      .updateTable('aktivitetskravDeviations')
      .set({ noticeSentOn: sentOn })
      .where('id', '=', deviationId)
      .execute();
    await trx
      .insertInto('notifications')
      .values({
        municipalityId: viewer.municipality.id,
        id: randomUUID(),
        channel: 'sms',
        recipient: `person:${row.personId}`,
        text: `Förvarning: du har deltagit ${row.attendedHoursPerWeek} av ${row.plannedHoursPerWeek} planerade timmar i veckan under ${row.month}. Om du utan godtagbart skäl uteblir kan försörjningsstödet sättas ned (SoL 2025:400 12 kap. 5 §). Kontakta din handläggare.`,
        sendAfter: now,
        sentAt: null,
        personId: row.personId,
        meetingId: null,
      })
      .execute();
    await logAccess(trx, request, 'update', [row.personId]);
    return {
      id: row.id,
      month: row.month,
      plannedHoursPerWeek: row.plannedHoursPerWeek,
      attendedHoursPerWeek: row.attendedHoursPerWeek,
      description: row.description,
      noticeSentOn: sentOn,
    };
  });
}

/**
 * Beslut om nedsättning (SoL 2025:400 12 kap. 5 §): only after the deviation's notice, for an
 * assistance month from the deviation's month on that is not decided yet. The amount is the
 * caseworker's decision; the legal basis is the one in force the month reduced (rules data).
 */
export async function decideReduction(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  deviationId: string,
  input: ReductionInput,
  now: Date,
): Promise<ReductionDecision> {
  const basis = reductionBasisFor(input.month, 'aktivitetskrav');
  if (!basis)
    throw new AppError('invalid_input', undefined, [
      { pointer: '/month', detail: `Inget lagrum för nedsättning är känt för ${input.month}` },
    ]);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await trx
      .selectFrom('aktivitetskravDeviations')
      .selectAll()
      .where('id', '=', deviationId)
      .executeTakeFirst();
    if (!row || !(await describePersons(trx, viewer, [row.personId])).has(row.personId))
      throw new AppError('not_found', 'Avvikelsen finns inte');
    if (!row.noticeSentOn)
      throw new AppError(
        'conflict',
        'Skicka förvarning om avvikelsen innan du beslutar om nedsättning: personen ska få tillfälle att förklara sig.',
      );
    if (input.month < row.month)
      throw new AppError('invalid_input', undefined, [
        {
          pointer: '/month',
          detail: `Nedsättningen kan gälla bistånd för ${row.month} eller senare, inte före avvikelsen`,
        },
      ]);
    const membership = await trx
      .selectFrom('householdMembers')
      .select('householdId')
      .where('personId', '=', row.personId)
      .where('validTo', 'is', null)
      .executeTakeFirst();
    if (membership) {
      const decided = await trx
        .selectFrom('decisions as d')
        .innerJoin('errands as e', (j) =>
          j.onRef('e.municipalityId', '=', 'd.municipalityId').onRef('e.id', '=', 'd.errandId'),
        )
        .select('d.id')
        .where('e.householdId', '=', membership.householdId)
        .where('e.month', '=', input.month)
        .executeTakeFirst();
      if (decided)
        throw new AppError(
          'conflict',
          `Biståndet för ${input.month} är redan beslutat. Välj en månad som inte är beslutad.`,
        );
    }
    const id = randomUUID();
    await trx
      .insertInto('aktivitetskravReductions')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        personId: row.personId,
        deviationId: row.id,
        month: input.month,
        amount: input.amount,
        reason: input.reason,
        legalBasis: basis.basis,
        decidedBy: viewer.id,
        decidedAt: now,
      })
      .execute();
    // SoL 2025:400 14 kap. 3 §: the decision is documented in the person's journal.
    await appendJournalEntry(trx, {
      municipalityId: viewer.municipality.id,
      personId: row.personId,
      errandId: null,
      authorId: viewer.id,
      writtenAt: now,
      text: `Beslut om nedsättning av försörjningsstöd för ${input.month} med ${formatKronor(input.amount)} (${basis.basis}), fattat av ${viewer.name}. Skäl: ${input.reason}`,
    });
    await logAccess(trx, request, 'create', [row.personId]);
    const stored = await trx
      .selectFrom('aktivitetskravReductions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return toReduction(stored);
  });
}
