// Aktivitetskrav per adult recipient: whether the (proposed, dated) requirement applies this
// month, exemptions with reason and period, deviations (planned against attended hours) and the
// notice (förvarning) that must precede a decision to reduce assistance. The reduction itself is
// an ordinary decision item citing SoL 2025:400 12 kap. 5 § (motiveringsmall
// 'nedsattning-aktivitet'); the aktivitetskrav's own section number is unknown (proposal).
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { describePersons } from '../persons/persons.service.ts';
import { addMonths, isoDay } from '../plans/planning-settings.ts';
import { aktivitetskravFor } from '../work-queues/aktivitetskrav.rules.ts';
import { exemptionOf } from '../work-queues/work-queues.service.ts';

/** What a reduction decision cites. Never a guessed section number: unknown is said so. */
export const REDUCTION_BASIS = [
  {
    text: 'SoL 2025:400 12 kap. 5 §',
    status: 'gällande',
    note: 'Fortsatt försörjningsstöd får vägras eller sättas ned om personen utan godtagbart skäl avböjer eller uteblir från anvisad aktivitet. Beslutet kan överklagas (SoL 35 kap. 1 § p. 2).',
  },
  {
    text: 'Aktivitetskrav (lagrådsremiss december 2025, REG_PM_2025_12)',
    status: 'förslag',
    note: 'Paragrafnumret i SoL 12 kap. är okänt tills lagen är antagen och publicerad i SFS.',
  },
] as const;

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
              reason: `${automatic} (enligt registrerade uppgifter)`,
              validFrom: month,
              validTo: month,
              current: true,
            },
            ...exemptions,
          ]
        : exemptions,
      deviations,
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
