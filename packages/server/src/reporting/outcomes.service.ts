// The outcome report: reads closures, referrals, insats participations and attendance of the
// municipality (a manager: the own unit, by the person's unit) inside the tenant, computes the
// figures and withholds small groups for the nämnd and the revisor. Aggregates only: no
// person is named, so no access-log row is written.
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { latestDecisionOfErrand } from '../decisions/decisions.queries.ts';
import { SUPPRESSION_THRESHOLD } from '../overview/overview.routes.ts';
import { isoDay } from '../plans/planning-settings.ts';
import { withoutJit } from './cube.service.ts';
import { computeOutcomes, type OutcomeFacts, type Share } from './outcomes.compute.ts';
import type { outcomesSchema } from './outcomes.schemas.ts';
import { aggregatesOnly, scopeOf, small } from './reporting.service.ts';

type OutcomeReport = z.infer<typeof outcomesSchema>;

async function loadOutcomeFacts(
  trx: Kysely<Database>,
  municipalityId: string,
  today: string,
  unitId: string | null,
  period: { from: string; to: string },
): Promise<OutcomeFacts> {
  const inUnit = unitId === null ? sql`true` : sql`p.unit_id = ${unitId}`;
  const persons = sql`persons p on p.municipality_id = ${municipalityId} and p.id = x.person_id`;
  const closures = await sql<OutcomeFacts['closures'][number]>`
    select x.person_id as "personId", x.closed_on as "closedOn", x.reason
    from case_closures x join ${persons}
    where x.municipality_id = ${municipalityId} and ${inUnit}`.execute(trx);
  const referrals = await sql<OutcomeFacts['referrals'][number]>`
    select x.person_id as "personId", x.sent_on as "sentOn"
    from referrals x join ${persons}
    where x.municipality_id = ${municipalityId} and x.direction = 'internal' and ${inUnit}`.execute(trx);
  // Whether referred persons had assistance in the month their self-support is measured: 12
  // months after the first referral's month (one month per person, not every month of the
  // period) — the latest decision of an errand of a household they belonged to that month
  // granted money.
  const assistedMonths = await sql<OutcomeFacts['assistedMonths'][number]>`
    with measured as (
      select person_id, to_char(date_trunc('month', min(sent_on)) + interval '12 months', 'YYYY-MM') as month
      from referrals where municipality_id = ${municipalityId} and direction = 'internal'
      group by person_id
    )
    select m.person_id as "personId", m.month
    from measured m
    where m.month between ${period.from} and ${period.to}
      and exists (
        select 1 from household_members hm
        where hm.municipality_id = ${municipalityId} and hm.person_id = m.person_id
          and hm.valid_from <= (to_date(m.month, 'YYYY-MM') + interval '1 month' - interval '1 day')::date
          and (hm.valid_to is null or hm.valid_to >= to_date(m.month, 'YYYY-MM'))
          -- A scalar subquery, so that the month is a parameter of the errand lookup (index on
          -- household and month); as a join the planner read every month of the household.
          and (select sum(d.granted_total) from errands e ${latestDecisionOfErrand}
               where e.municipality_id = hm.municipality_id and e.household_id = hm.household_id
                 and e.month = m.month) > 0
      )`.execute(trx);
  const participations = await sql<OutcomeFacts['participations'][number]>`
    select x.person_id as "personId", x.insats_id as "insatsId", x.started_on as "startedOn", x.ended_on as "endedOn"
    from insats_participations x join ${persons}
    where x.municipality_id = ${municipalityId} and ${inUnit}`.execute(trx);
  const attendance = await sql<OutcomeFacts['attendance'][number]>`
    select x.person_id as "personId", i.insats_id as "insatsId", x.week_start as "weekStart", x.planned_hours as "plannedHours",
           x.attended_hours as "attendedHours", x.unexcused_hours as "unexcusedHours"
    from attendance_weeks x
    join insats_participations i on i.municipality_id = x.municipality_id and i.id = x.participation_id
    join ${persons}
    where x.municipality_id = ${municipalityId} and ${inUnit}
      and x.week_start between ${`${period.from}-01`}::date and (${`${period.to}-01`}::date + interval '1 month' - interval '1 day')::date`.execute(
    trx,
  );
  const insatsIds = [...new Set(participations.rows.map((p) => p.insatsId))];
  const insatser =
    insatsIds.length === 0
      ? []
      : await trx
          .selectFrom('insatser')
          .select(['id', 'name', 'costPerParticipantOre'])
          .where('id', 'in', insatsIds)
          .orderBy('name')
          .execute();
  return {
    today,
    closures: closures.rows,
    referrals: referrals.rows,
    assistedMonths: assistedMonths.rows,
    insatser,
    participations: participations.rows,
    attendance: attendance.rows,
  };
}

/** Withholds a count of 1–4 (and what it would reveal) for the nämnd and the revisor. */
function guard(limited: boolean) {
  const hide = (n: number) => limited && small(n);
  const count = (n: number) => (hide(n) ? null : n);
  const shareOf = (s: Share) =>
    hide(s.numerator) || hide(s.denominator)
      ? { numerator: null, denominator: null, value: null }
      : { numerator: s.numerator, denominator: s.denominator, value: s.value };
  return { hide, count, shareOf };
}

export async function outcomesFor(
  db: Kysely<Database>,
  viewer: SessionUser,
  now: Date,
  query: { from: string; to: string; unitId?: string | undefined },
): Promise<OutcomeReport> {
  const scope = scopeOf(viewer, query.unitId) ?? query.unitId ?? null;
  const limited = aggregatesOnly(viewer);
  const facts = await inTenant(db, viewer.municipality.id, async (trx) => {
    await withoutJit(trx);
    return loadOutcomeFacts(trx, viewer.municipality.id, isoDay(now), scope, query);
  });
  const result = computeOutcomes(facts, query);
  const { hide, count, shareOf } = guard(limited);
  const referral = result.selfSupportingAfterReferral;
  return {
    from: query.from,
    to: query.to,
    aggregatesOnly: limited,
    suppressionThreshold: SUPPRESSION_THRESHOLD,
    scopeUnitId: scopeOf(viewer, query.unitId),
    destinations: result.destinations.map((d) => ({ reason: d.reason, count: count(d.count) })),
    closures: count(result.closures),
    workOrStudiesAtExit: shareOf(result.workOrStudiesAtExit),
    selfSupportingAfterReferral: {
      ...shareOf(referral),
      pending: count(referral.pending),
      notObservable: count(referral.notObservable),
    },
    attendance: hide(result.attendance.participants)
      ? { participants: null, plannedHours: null, attendedHours: null, unexcusedHours: null, share: null }
      : result.attendance,
    insatser: result.insatser.map((row) => {
      // The cost is started × price, so it would reveal a small number of participants.
      const costHidden = hide(row.started);
      const outcomesHidden = hide(row.toWorkOrStudies) || hide(row.ended);
      return {
        ...row,
        started: count(row.started),
        ended: count(row.ended),
        toWorkOrStudies: outcomesHidden ? null : row.toWorkOrStudies,
        costOre: costHidden ? null : row.costOre,
        costPerOutcomeOre: costHidden || outcomesHidden ? null : row.costPerOutcomeOre,
        attendees: count(row.attendees),
        attendanceShare: hide(row.attendees) ? null : row.attendanceShare,
      };
    }),
  };
}
