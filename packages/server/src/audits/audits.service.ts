// Granskning: a revisor draws N case files at random among the households that match the
// criteria, with a stored seed so the same draw can be made again; each file gets a proposed
// finding per control objective from the case data, which the revisor reviews. The revisor may
// read exactly the drawn files, every read is access-logged, and the report (PDF, XLSX) names
// the files only by pseudonym ("Akt 3"). A later audit can be compared with an earlier one.
import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { latestDecisionOfErrand } from '../decisions/decisions.queries.ts';
import { seededRandom } from '../demo/synthetic.ts';
import { AppError } from '../http/problem.ts';
import { isoDay, planningSettings } from '../plans/planning-settings.ts';
import type { PlanContent } from '../plans/plans.table.ts';
import { ensureCube, loadChunkFacts, withoutJit } from '../reporting/cube.service.ts';
import {
  type Facts,
  followUpDueDates,
  householdTypeOf,
  lastDay,
  monthIndex,
  monthOf,
} from '../reporting/indicators.compute.ts';
import type { AuditCriteria, Finding } from './audits.table.ts';

export const OBJECTIVES = [
  {
    id: 'assessmentDocumented',
    title: 'Kartläggning dokumenterad',
    question: 'Finns en sparad kartläggning med försörjningshinder för varje vuxen i hushållet?',
  },
  {
    id: 'planWithGoal',
    title: 'Plan med mål, delmål och ansvarig',
    question:
      'Har sökande en genomförandeplan med långsiktigt mål, minst ett delmål och en ansvarig för varje aktivitet?',
  },
  {
    id: 'followUpOnTime',
    title: 'Uppföljning i tid',
    question: 'Har planen följts upp senast på de datum som gällde under perioden?',
  },
  {
    id: 'decisionMotivated',
    title: 'Beslut motiverade',
    question:
      'Har varje beslut under perioden en motivering (FL 2017:900 32 §), skäl och lagrum per beslutspunkt och, när barn finns i hushållet, en bedömning av barnets bästa (SoL 2025:400 3 kap. 1 §)?',
  },
] as const;
export type ObjectiveId = (typeof OBJECTIVES)[number]['id'];

export type DrawInput = {
  name: string;
  size: number;
  seed?: number | undefined;
  criteria: AuditCriteria;
  previousSampleId?: string | undefined;
};

const pseudonym = (itemNo: number) => `Akt ${itemNo}`;

/**
 * The households matching the criteria, in a stable order (by id) before the seeded shuffle:
 * granted assistance in a month of the period, of the unit, of the household type in the
 * period's last month, and — long-term only — assisted in at least 10 of the 12 months up to the
 * period's end. The months come from the indicator cube's current generation (one row per
 * household, `assisted_households`), or — before the cube has them — from the errands' latest
 * decisions of the months the criteria need.
 */
async function candidates(
  trx: Kysely<Database>,
  municipalityId: string,
  criteria: AuditCriteria,
): Promise<string[]> {
  const to = monthIndex(criteria.to);
  const windowFrom = monthOf(Math.min(monthIndex(criteria.from), to - 11));
  const first = `${criteria.to}-01`;
  const last = lastDay(criteria.to);
  // The members in the period's last month, counted only when the household type is asked for.
  const membersAtEnd = (role: 'adult' | 'child') =>
    criteria.householdType
      ? sql`
    (select count(*) from household_members hm
     where hm.municipality_id = h.municipality_id and hm.household_id = h.id
       and ${role === 'child' ? sql`hm.role = 'child'` : sql`hm.role <> 'child'`}
       and hm.valid_from <= ${last} and (hm.valid_to is null or hm.valid_to >= ${first}))::int`
      : sql`0`;
  const unit = criteria.unitId ? sql`h.unit_id = ${criteria.unitId}` : sql`true`;
  const generation = sql`(select generation from indicator_snapshots where municipality_id = ${municipalityId})`;
  const cube = await sql<{ ready: boolean }>`
    select exists (select 1 from assisted_households
                   where municipality_id = ${municipalityId} and generation = ${generation}) as ready
  `.execute(trx);
  type Row = { householdId: string; months: string[]; adults: number; children: number };
  const result = cube.rows[0]?.ready
    ? await sql<Row>`
        select a.household_id as "householdId", a.months,
               ${membersAtEnd('adult')} as adults, ${membersAtEnd('child')} as children
        from assisted_households a
        join households h on h.municipality_id = a.municipality_id and h.id = a.household_id
        where a.municipality_id = ${municipalityId} and a.generation = ${generation}
          -- Months are sorted: the first and the last bound the household's assisted span.
          and a.months[array_upper(a.months, 1)] >= ${windowFrom} and a.months[1] <= ${criteria.to}
          and ${unit}
      `.execute(trx)
    : await sql<Row>`
        select h.id as "householdId", array_agg(distinct e.month) as months,
               ${membersAtEnd('adult')} as adults, ${membersAtEnd('child')} as children
        from errands e
        join households h on h.municipality_id = e.municipality_id and h.id = e.household_id
        ${latestDecisionOfErrand}
        where e.municipality_id = ${municipalityId} and e.month >= ${windowFrom} and e.month <= ${criteria.to}
          and d.granted_total > 0 and ${unit}
        group by h.municipality_id, h.id
      `.execute(trx);
  const from = monthIndex(criteria.from);
  return result.rows
    .filter((r) => {
      const months = r.months.map(monthIndex);
      if (!months.some((i) => i >= from && i <= to)) return false;
      if (criteria.householdType && householdTypeOf(r.adults, r.children) !== criteria.householdType)
        return false;
      return !criteria.longTermOnly || months.filter((i) => i > to - 12 && i <= to).length >= 10;
    })
    .map((r) => r.householdId)
    .sort();
}

/** A reproducible draw: Fisher–Yates with the seeded generator, first `size` ids. */
export function draw(ids: readonly string[], size: number, seed: number): string[] {
  const list = [...ids];
  const random = seededRandom(seed);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j] as string, list[i] as string];
  }
  return list.slice(0, size);
}

type DecisionFacts = {
  householdId: string;
  reasoning: string;
  childBestInterest: string | null;
  items: { reasons: string; legalBasis: string }[];
};

/** The proposed finding per control objective for one file, from the case data. */
export function assess(
  facts: Facts,
  decisions: DecisionFacts[],
  latestPlan: Map<string, PlanContent>,
  householdId: string,
  criteria: AuditCriteria,
  followUpIntervalMonths: number,
): Finding[] {
  const last = lastDay(criteria.to);
  const end = [last, facts.today].sort()[0] as string;
  const members = facts.members.filter(
    (m) =>
      m.householdId === householdId &&
      m.validFrom <= last &&
      (m.validTo === null || m.validTo >= `${criteria.from}-01`),
  );
  const adults = [...new Map(members.filter((m) => m.role !== 'child').map((m) => [m.personId, m])).values()];
  const applicant = adults.find((m) => m.role === 'applicant') ?? adults[0];
  const hasChildren = members.some((m) => m.role === 'child');
  const finding = (objective: ObjectiveId, result: Finding['result'], basis: string): Finding => ({
    objective,
    result,
    basis,
    comment: '',
    reviewed: false,
  });

  const assessed = adults.filter((a) =>
    facts.barriers.some((b) => b.personId === a.personId && b.assessedOn <= end),
  );
  const assessment = finding(
    'assessmentDocumented',
    adults.length > 0 && assessed.length === adults.length ? 'met' : 'notMet',
    `Kartläggning finns för ${assessed.length} av ${adults.length} vuxna.`,
  );

  const content = applicant ? latestPlan.get(applicant.personId) : undefined;
  const planOk =
    content !== undefined &&
    content.longTermGoal.trim() !== '' &&
    content.subGoals.length > 0 &&
    content.activities.length > 0 &&
    content.activities.every((a) => Boolean(a.responsible?.party));
  const plan = finding(
    'planWithGoal',
    planOk ? 'met' : 'notMet',
    content
      ? `Plan med ${content.subGoals.length} delmål och ${content.activities.length} aktiviteter${content.longTermGoal.trim() ? '' : ', utan långsiktigt mål'}.`
      : 'Sökande har ingen genomförandeplan.',
  );

  const due = adults.flatMap((a) =>
    facts.plans
      .filter((p) => p.personId === a.personId)
      .flatMap((p) => followUpDueDates(p, followUpIntervalMonths, end))
      .filter((d) => d.due >= `${criteria.from}-01` && d.due <= end),
  );
  const late = due.filter((d) => !d.onTime).length;
  const followUp = finding(
    'followUpOnTime',
    due.length === 0 ? 'notApplicable' : late === 0 ? 'met' : 'notMet',
    due.length === 0
      ? 'Ingen uppföljning skulle göras under perioden.'
      : `${due.length - late} av ${due.length} uppföljningar gjorda i tid.`,
  );

  const own = decisions.filter((d) => d.householdId === householdId);
  const flawed = own.filter(
    (d) =>
      d.reasoning.trim() === '' ||
      d.items.some((i) => i.reasons.trim() === '' || i.legalBasis.trim() === '') ||
      (hasChildren && !d.childBestInterest?.trim()),
  ).length;
  const decision = finding(
    'decisionMotivated',
    own.length === 0 ? 'notApplicable' : flawed === 0 ? 'met' : 'notMet',
    own.length === 0
      ? 'Inga beslut under perioden.'
      : `${own.length - flawed} av ${own.length} beslut motiverade${hasChildren ? ' (barn i hushållet: barnets bästa krävs)' : ''}.`,
  );
  return [assessment, plan, followUp, decision];
}

/**
 * The drawn households' decisions of the period with their items. The municipality is named in
 * every condition (as well as by row-level security) so that the indexes that begin with it are
 * used: without it both reads scanned every decision of the history (0.7 s each at 20,000 × 60).
 */
async function decisionsFor(
  trx: Kysely<Database>,
  municipalityId: string,
  householdIds: string[],
  criteria: AuditCriteria,
) {
  if (householdIds.length === 0) return [];
  const rows = await trx
    .selectFrom('decisions as d')
    .innerJoin('errands as e', (j) =>
      j.onRef('e.municipalityId', '=', 'd.municipalityId').onRef('e.id', '=', 'd.errandId'),
    )
    .select([
      'd.id',
      'e.householdId',
      'e.month',
      'd.reasoning',
      'd.childBestInterest',
      'd.decidedAt',
      'd.grantedTotal',
    ])
    .where('e.municipalityId', '=', municipalityId)
    .where('e.householdId', 'in', householdIds)
    .where('e.month', '>=', criteria.from)
    .where('e.month', '<=', criteria.to)
    .orderBy('d.decidedAt')
    .execute();
  const items =
    rows.length === 0
      ? []
      : await trx
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
          .where('municipalityId', '=', municipalityId)
          .where(
            'decisionId',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('itemNo')
          .execute();
  return rows.map((r) => ({ ...r, items: items.filter((i) => i.decisionId === r.id) }));
}

async function latestPlans(trx: Kysely<Database>, personIds: string[]) {
  const map = new Map<string, PlanContent>();
  if (personIds.length === 0) return map;
  const rows = await trx
    .selectFrom('planVersions as v')
    .innerJoin('plans as p', (j) =>
      j.onRef('p.municipalityId', '=', 'v.municipalityId').onRef('p.id', '=', 'v.planId'),
    )
    .select(['p.personId', 'v.content', 'v.createdAt'])
    .where('p.personId', 'in', personIds)
    .orderBy('v.createdAt')
    .execute();
  for (const r of rows) map.set(r.personId, r.content);
  return map;
}

export async function drawSample(
  db: Kysely<Database>,
  viewer: SessionUser,
  now: Date,
  input: DrawInput,
  log?: FastifyBaseLogger,
) {
  const seed = input.seed ?? randomInt(1, 2_000_000_000);
  // The candidates' months come from the indicator cube (refreshed first when that is quick).
  await ensureCube(db, viewer.municipality.id, now, log);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await withoutJit(trx);
    if (input.previousSampleId) {
      const previous = await trx
        .selectFrom('auditSamples')
        .select('id')
        .where('id', '=', input.previousSampleId)
        .executeTakeFirst();
      if (!previous)
        throw new AppError('invalid_input', undefined, [
          { pointer: '/previousSampleId', detail: 'Den tidigare granskningen finns inte' },
        ]);
    }
    const chosen = draw(await candidates(trx, viewer.municipality.id, input.criteria), input.size, seed);
    if (chosen.length === 0)
      throw new AppError('invalid_input', undefined, [
        { pointer: '/criteria', detail: 'Inga ärenden matchar urvalet: ändra period eller villkor' },
      ]);
    // The drawn households' facts (members, kartläggning, plans), not the municipality's.
    const facts = await loadChunkFacts(trx, viewer.municipality.id, isoDay(now), chosen);
    const settings = await planningSettings(trx, viewer.municipality.id);
    const decisions = await decisionsFor(trx, viewer.municipality.id, chosen, input.criteria);
    const applicants = facts.members.filter((m) => chosen.includes(m.householdId) && m.role === 'applicant');
    const plans = await latestPlans(
      trx,
      applicants.map((m) => m.personId),
    );
    const id = randomUUID();
    await trx
      .insertInto('auditSamples')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        name: input.name,
        seed,
        criteria: JSON.stringify(input.criteria),
        size: input.size,
        previousSampleId: input.previousSampleId ?? null,
        drawnBy: viewer.id,
      })
      .execute();
    await trx
      .insertInto('auditSampleItems')
      .values(
        chosen.map((householdId, index) => ({
          municipalityId: viewer.municipality.id,
          sampleId: id,
          itemNo: index + 1,
          householdId,
          findings: JSON.stringify(
            assess(facts, decisions, plans, householdId, input.criteria, settings.followUpIntervalMonths),
          ),
          updatedBy: null,
        })),
      )
      .execute();
    return getSample(trx, id);
  });
}

type SampleRow = Awaited<ReturnType<typeof sampleRow>>;
async function sampleRow(trx: Kysely<Database>, id: string) {
  return trx
    .selectFrom('auditSamples')
    .select(['id', 'name', 'seed', 'criteria', 'size', 'previousSampleId', 'drawnAt'])
    .where('id', '=', id)
    .executeTakeFirst();
}

function summarize(items: { findings: Finding[] }[]) {
  return OBJECTIVES.map((o) => {
    const results = items.map((i) => i.findings.find((f) => f.objective === o.id)?.result);
    const met = results.filter((r) => r === 'met').length;
    const notMet = results.filter((r) => r === 'notMet').length;
    return {
      objective: o.id,
      title: o.title,
      met,
      notMet,
      notApplicable: results.filter((r) => r === 'notApplicable').length,
      shareMet: met + notMet === 0 ? null : Math.round((met / (met + notMet)) * 10_000) / 10_000,
    };
  });
}

function present(row: NonNullable<SampleRow>, items: { itemNo: number; findings: Finding[] }[]) {
  return {
    id: row.id,
    name: row.name,
    seed: row.seed,
    criteria: row.criteria,
    size: row.size,
    drawn: items.length,
    previousSampleId: row.previousSampleId,
    drawnAt: new Date(row.drawnAt).toISOString(),
    objectives: OBJECTIVES.map((o) => ({ id: o.id, title: o.title, question: o.question })),
    summary: summarize(items),
    files: items.map((i) => ({ itemNo: i.itemNo, pseudonym: pseudonym(i.itemNo), findings: i.findings })),
  };
}

export async function getSample(trx: Kysely<Database>, id: string) {
  const row = await sampleRow(trx, id);
  if (!row) throw new AppError('not_found', 'Granskningen finns inte');
  const items = await trx
    .selectFrom('auditSampleItems')
    .select(['itemNo', 'findings'])
    .where('sampleId', '=', id)
    .orderBy('itemNo')
    .execute();
  return present(row, items);
}
export type AuditSample = Awaited<ReturnType<typeof getSample>>;

export async function listSamples(db: Kysely<Database>, viewer: SessionUser) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const rows = await trx
      .selectFrom('auditSamples')
      .select(['id', 'name', 'seed', 'size', 'drawnAt', 'previousSampleId'])
      .orderBy('drawnAt', 'desc')
      .execute();
    return rows.map((r) => ({ ...r, drawnAt: new Date(r.drawnAt).toISOString() }));
  });
}

export function sampleFor(db: Kysely<Database>, viewer: SessionUser, id: string) {
  return inTenant(db, viewer.municipality.id, (trx) => getSample(trx, id));
}

/** One drawn file as the revisor reads it; only drawn files can be read, and the read is logged. */
export async function readFile(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  sampleId: string,
  itemNo: number,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await sampleRow(trx, sampleId);
    const item = row
      ? await trx
          .selectFrom('auditSampleItems')
          .select(['householdId', 'findings'])
          .where('sampleId', '=', sampleId)
          .where('itemNo', '=', itemNo)
          .executeTakeFirst()
      : undefined;
    // A file that was not drawn answers exactly like a missing one.
    if (!row || !item) throw new AppError('not_found', 'Akten ingår inte i granskningen');
    const criteria = row.criteria;
    const members = await trx
      .selectFrom('householdMembers as m')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.municipalityId', '=', 'm.municipalityId').onRef('p.id', '=', 'm.personId'),
      )
      .select([
        'p.id',
        'p.firstName',
        'p.lastName',
        'p.personalIdentityNumber',
        'p.confidentialityMarking',
        'p.protectedRegistration',
        'p.fictitiousIdentity',
        'm.role',
        sql<string>`to_char(m.valid_from, 'YYYY-MM-DD')`.as('validFrom'),
        sql<string | null>`to_char(m.valid_to, 'YYYY-MM-DD')`.as('validTo'),
      ])
      .where('m.householdId', '=', item.householdId)
      .orderBy('m.role')
      .execute();
    const personIds = [...new Set(members.map((m) => m.id))];
    const assessments = await trx
      .selectFrom('assessments')
      .select(['personId', 'version', 'supportBarrier', 'sections', 'createdAt'])
      .where('personId', 'in', personIds)
      .orderBy('version')
      .execute();
    const plans = await trx
      .selectFrom('plans as p')
      .innerJoin('planVersions as v', (j) =>
        j.onRef('v.municipalityId', '=', 'p.municipalityId').onRef('v.planId', '=', 'p.id'),
      )
      .select(['p.id', 'p.personId', 'v.version', 'v.content', 'v.createdAt'])
      .where('p.personId', 'in', personIds)
      .orderBy('v.version')
      .execute();
    const followUps =
      plans.length === 0
        ? []
        : await trx
            .selectFrom('planFollowUps')
            .select([
              'planId',
              sql<string>`to_char(held_on, 'YYYY-MM-DD')`.as('heldOn'),
              sql<string>`to_char(next_follow_up_on, 'YYYY-MM-DD')`.as('nextFollowUpOn'),
            ])
            .where(
              'planId',
              'in',
              plans.map((p) => p.id),
            )
            .orderBy('heldOn')
            .execute();
    const decisions = await decisionsFor(trx, viewer.municipality.id, [item.householdId], criteria);
    await logAccess(trx, request, 'read', personIds);
    // A protected identity stays masked for the revisor too (as for everyone not assigned).
    const masked = (m: (typeof members)[number]) =>
      m.confidentialityMarking || m.protectedRegistration || m.fictitiousIdentity;
    const nameOf = new Map(
      members.map((m) => [m.id, masked(m) ? 'Skyddad identitet' : `${m.firstName} ${m.lastName}`]),
    );
    const latestPlan = new Map<string, (typeof plans)[number]>();
    for (const p of plans) latestPlan.set(p.id, p);
    return {
      sampleId,
      itemNo,
      pseudonym: pseudonym(itemNo),
      period: { from: criteria.from, to: criteria.to },
      members: members.map((m) => ({
        personId: m.id,
        name: nameOf.get(m.id) ?? '',
        personalIdentityNumber: masked(m) ? '' : m.personalIdentityNumber,
        role: m.role,
        validFrom: m.validFrom,
        validTo: m.validTo,
      })),
      assessments: assessments.map((a) => ({
        person: nameOf.get(a.personId) ?? '',
        version: a.version,
        supportBarrier: a.supportBarrier,
        savedOn: isoDay(new Date(a.createdAt)),
        ownGoals: a.sections.ownGoals,
        obstacles: a.sections.obstacles,
      })),
      plans: [...latestPlan.values()].map((p) => ({
        person: nameOf.get(p.personId) ?? '',
        version: p.version,
        savedOn: isoDay(new Date(p.createdAt)),
        longTermGoal: p.content.longTermGoal,
        subGoals: p.content.subGoals.map((g) => g.outcome),
        activities: p.content.activities.map((a) => ({
          description: a.description,
          responsible: a.responsible.party,
        })),
        followUps: followUps
          .filter((f) => f.planId === p.id)
          .map((f) => ({ heldOn: f.heldOn, nextFollowUpOn: f.nextFollowUpOn })),
      })),
      decisions: decisions.map((d) => ({
        month: d.month,
        decidedOn: isoDay(new Date(d.decidedAt)),
        grantedTotal: d.grantedTotal,
        reasoning: d.reasoning,
        childBestInterest: d.childBestInterest,
        items: d.items.map((i) => ({
          description: i.description,
          requested: i.requested,
          granted: i.granted,
          outcome: i.outcome,
          reasons: i.reasons,
          legalBasis: i.legalBasis,
        })),
      })),
      findings: item.findings,
    };
  });
}

export async function reviewFindings(
  db: Kysely<Database>,
  viewer: SessionUser,
  sampleId: string,
  itemNo: number,
  findings: { objective: ObjectiveId; result: Finding['result']; comment: string }[],
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const item = await trx
      .selectFrom('auditSampleItems')
      .select('findings')
      .where('sampleId', '=', sampleId)
      .where('itemNo', '=', itemNo)
      .executeTakeFirst();
    if (!item) throw new AppError('not_found', 'Akten ingår inte i granskningen');
    const next = item.findings.map((f) => {
      const change = findings.find((c) => c.objective === f.objective);
      return change ? { ...f, result: change.result, comment: change.comment, reviewed: true } : f;
    });
    await trx
      .updateTable('auditSampleItems')
      .set({ findings: JSON.stringify(next), updatedBy: viewer.id, updatedAt: sql`now()` })
      .where('sampleId', '=', sampleId)
      .where('itemNo', '=', itemNo)
      .execute();
    return getSample(trx, sampleId);
  });
}

/** Per objective: the share met in the earlier and the later audit, and the change. */
export async function compareSamples(
  db: Kysely<Database>,
  viewer: SessionUser,
  laterId: string,
  earlierId: string,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const later = await getSample(trx, laterId);
    const earlier = await getSample(trx, earlierId);
    return {
      earlier: { id: earlier.id, name: earlier.name, drawnAt: earlier.drawnAt, files: earlier.files.length },
      later: { id: later.id, name: later.name, drawnAt: later.drawnAt, files: later.files.length },
      objectives: OBJECTIVES.map((o) => {
        const a = earlier.summary.find((s) => s.objective === o.id);
        const b = later.summary.find((s) => s.objective === o.id);
        const change =
          a?.shareMet === null || b?.shareMet === null || a === undefined || b === undefined
            ? null
            : Math.round((b.shareMet - a.shareMet) * 10_000) / 10_000;
        return {
          objective: o.id,
          title: o.title,
          earlier: a?.shareMet ?? null,
          later: b?.shareMet ?? null,
          change,
        };
      }),
    };
  });
}
