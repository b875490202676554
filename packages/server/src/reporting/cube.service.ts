// The indicator cube (docs/decisions.md, "Indicator cube"; docs/indicators.md, "Performance"):
// the dashboard's figures precomputed per municipality as additive cells — month × indicator ×
// unit × gender × age group × household type × försörjningshinder (× caseworker for caseload) —
// by the same pure code that answers the drill-down (`emitContributions`). Any breakdown or
// filter is then one grouped query over the cells. The same refresh writes the consistency
// report's cells (`consistency_cells`: the latest decision per errand summed per month, errand
// unit, deciding caseworker and household type; see `addConsistencyDecisions`).
//
// The refresh works through the municipality's households a chunk at a time, reading only the
// chunk's facts (and its members' other households, whose months count toward a person's
// duration), so memory is bounded by the chunk and by the number of cells, not by the history.
// It runs in its own transactions (never inside a request's), claims the municipality's
// snapshot row first so that two refreshes — in this process or another — never run at once,
// writes a new generation of cells and switches to it in one short transaction at the end, so
// readers always see a complete generation.
import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { latestDecisionOfErrand } from '../decisions/decisions.queries.ts';
import { SUPPRESSION_THRESHOLD } from '../overview/overview.routes.ts';
import { isoDay } from '../plans/planning-settings.ts';
import type { ConsistencyDimension, DecisionAggregate } from './consistency.ts';
import {
  CASEWORKER_DENOMINATOR,
  type Dimension,
  emitContributions,
  exitSavings,
  type Facts,
  type Filters,
  type HouseholdType,
  householdTypeOf,
  INDICATOR_KIND,
  INDICATORS,
  type IndicatorId,
  type IndicatorResult,
  type IndicatorSettings,
  lastDay,
  makePoint,
  monthIndex,
  monthOf,
  type Point,
  yearFigures,
} from './indicators.compute.ts';
import { indicatorSettings } from './reporting.service.ts';

/**
 * Turns PostgreSQL's JIT compilation off for the transaction: the reporting queries are
 * index lookups per errand whose cost estimate passes jit_above_cost, and compiling them took
 * longer than running them (the consistency report at 2,000 households: 830 ms of 1,200 ms).
 */
export async function withoutJit(trx: Kysely<Database>): Promise<void> {
  await sql`set local jit = off`.execute(trx);
}

/**
 * Months whose subjects the refresh keeps for the drill-down: the current month and the 12
 * before it (the dashboard's default period). An older month is recomputed when asked for.
 */
export const SUBJECT_MONTHS = 13;
/** An indicator's bit in indicator_subjects' numerator and denominator masks. */
const SUBJECT_BIT = new Map<IndicatorId, number>(INDICATORS.map((id, i) => [id, 2 ** i]));
if (INDICATORS.length > 31) throw new Error('indicator_subjects: more indicators than bits in an integer');

/** The tables a refresh writes a generation of (and deletes the other generations from). */
const GENERATION_TABLES = [
  'indicatorCells',
  'indicatorSubjects',
  'consistencyCells',
  'assistedHouseholds',
] as const;

/** Households read per transaction in a refresh. */
export const REFRESH_CHUNK = 2_000;
/** Rows written per statement (cells, subjects, consistency cells). */
const WRITE_BATCH = 5_000;
/**
 * A stale cube whose last refresh took less than this is refreshed before the read answers
 * (a small municipality, the demo, tests); a slower one answers from the existing figures and
 * refreshes in the background.
 */
export const SYNCHRONOUS_REFRESH_MS = 1_500;
/** The cube's measures: the indicators and the savings estimate's exits and amounts (migration 80's columns). */
const MEASURES = [
  ...INDICATORS,
  'savingsExits',
  'savingsAmount',
  'yearPersons',
  'yearLongTermAdults',
  'yearAssistance',
] as const;
type Measure = (typeof MEASURES)[number];
const MEASURE_INDEX = new Map<Measure, number>(MEASURES.map((m, i) => [m, i]));
/** The column of a measure: `longTerm` → `long_term`. */
const column = (m: Measure) => m.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/**
 * The indicators that can be provisional and their flag columns (return within 12 months; the
 * referral outcomes, which share their subjects and condition).
 */
const PROVISIONAL_FLAGS = ['return_provisional', 'referral_provisional'] as const;
const PROVISIONAL: Partial<Record<IndicatorId, number>> = {
  returnWithin12Months: 0,
  referralsEnrolled: 1,
  referralsReturned: 1,
};

export type Snapshot = {
  generation: number;
  asOfDay: string;
  refreshedAt: string;
  /** True when the figures are older than the data and a refresh is running or queued. */
  stale: boolean;
  refreshing: boolean;
  durationMs: number | null;
};

type Log = Pick<FastifyBaseLogger, 'error'> | undefined;

/** Running refreshes per database (one app) and municipality. */
const running = new WeakMap<Kysely<Database>, Map<string, Promise<void>>>();
function runningOf(db: Kysely<Database>): Map<string, Promise<void>> {
  let map = running.get(db);
  if (!map) {
    map = new Map();
    running.set(db, map);
  }
  return map;
}

/** Resolves when no refresh started by this app on `db` is running (app close, tests). */
export async function refreshesSettled(db: Kysely<Database>): Promise<void> {
  for (;;) {
    const list = [...runningOf(db).values()];
    if (list.length === 0) return;
    await Promise.allSettled(list);
  }
}

/**
 * Refreshes now, or waits for the refresh already running in this process. A refresh claimed
 * by another process is waited for (up to ten minutes).
 */
export function refreshCube(db: Kysely<Database>, municipalityId: string, now: Date): Promise<void> {
  const map = runningOf(db);
  const existing = map.get(municipalityId);
  if (existing) return existing;
  const work = runRefresh(db, municipalityId, isoDay(now)).finally(() => map.delete(municipalityId));
  map.set(municipalityId, work);
  return work;
}

/** Starts a refresh unless one is running; errors are logged, not thrown. */
export function refreshInBackground(db: Kysely<Database>, municipalityId: string, now: Date, log: Log): void {
  if (runningOf(db).has(municipalityId)) return;
  refreshCube(db, municipalityId, now).catch((error) =>
    log?.error({ err: error, municipalityId }, 'indicator cube refresh failed'),
  );
}

type State = {
  generation: number;
  asOfDay: string | null;
  refreshedAt: Date | null;
  durationMs: number | null;
  refreshingSince: Date | null;
  sameSettings: boolean;
  changedSince: boolean;
};

async function stateOf(db: Kysely<Database>, municipalityId: string): Promise<State | null> {
  return inTenant(db, municipalityId, async (trx) => {
    const settings = await indicatorSettings(trx, municipalityId);
    const result = await sql<State>`
      select s.generation, to_char(s.as_of_day, 'YYYY-MM-DD') as "asOfDay", s.refreshed_at as "refreshedAt",
             s.duration_ms as "durationMs", s.refreshing_since as "refreshingSince",
             coalesce(s.settings = ${JSON.stringify(settings)}::jsonb, false) as "sameSettings",
             coalesce((select max(c.changed_at) from reporting_changes c
                       where c.municipality_id in (${municipalityId}, '*')) > s.data_as_of, false) as "changedSince"
      from indicator_snapshots s where s.municipality_id = ${municipalityId}
    `.execute(trx);
    return result.rows[0] ?? null;
  });
}

/**
 * The current snapshot for a dashboard read. Missing, or computed with other settings: refreshed
 * before answering. Older than the data or than today: refreshed before answering when the last
 * refresh was quick, otherwise answered from the existing figures and refreshed in the background.
 */
export async function ensureCube(
  db: Kysely<Database>,
  municipalityId: string,
  now: Date,
  log: Log,
): Promise<Snapshot> {
  let state = await stateOf(db, municipalityId);
  const today = isoDay(now);
  // Twice at most: a refresh already running may have begun before the settings changed.
  for (let attempt = 0; attempt < 2 && (!state || state.generation === 0 || !state.sameSettings); attempt++) {
    await refreshCube(db, municipalityId, now);
    state = await stateOf(db, municipalityId);
  }
  if (!state || state.generation === 0) throw new Error('indicator cube: no snapshot after refresh');
  if (state.sameSettings && (state.asOfDay !== today || state.changedSince)) {
    if ((state.durationMs ?? Number.POSITIVE_INFINITY) < SYNCHRONOUS_REFRESH_MS) {
      await refreshCube(db, municipalityId, now);
      state = (await stateOf(db, municipalityId)) ?? state;
    } else refreshInBackground(db, municipalityId, now, log);
  }
  const stale = state.asOfDay !== today || state.changedSince || !state.sameSettings;
  return {
    generation: state.generation,
    asOfDay: state.asOfDay ?? today,
    refreshedAt: (state.refreshedAt ?? new Date(0)).toISOString(),
    stale,
    refreshing: runningOf(db).has(municipalityId) || state.refreshingSince !== null,
    durationMs: state.durationMs,
  };
}

/** The snapshot as it is, without refreshing (null before the first refresh). */
export async function currentSnapshot(db: Kysely<Database>, municipalityId: string, now: Date) {
  const state = await stateOf(db, municipalityId);
  if (!state || state.generation === 0) return null;
  return {
    asOfDay: state.asOfDay,
    refreshedAt: state.refreshedAt?.toISOString() ?? null,
    stale: state.asOfDay !== isoDay(now) || state.changedSince || !state.sameSettings,
    refreshing: runningOf(db).has(municipalityId) || state.refreshingSince !== null,
    durationMs: state.durationMs,
  };
}

export type RefreshStats = {
  households: number;
  cells: number;
  subjects: number;
  consistencyCells: number;
  durationMs: number;
  chunks: number;
};

async function runRefresh(db: Kysely<Database>, municipalityId: string, today: string): Promise<void> {
  const claim = await inTenant(db, municipalityId, async (trx) => {
    await trx
      .insertInto('indicatorSnapshots')
      .values({ municipalityId })
      .onConflict((oc) => oc.column('municipalityId').doNothing())
      .execute();
    const result = await sql<{ generation: number; startedAt: Date }>`
      update indicator_snapshots set refreshing_since = clock_timestamp(), refresh_error = null
      where municipality_id = ${municipalityId}
        and (refreshing_since is null or refreshing_since < clock_timestamp() - interval '30 minutes')
      returning generation, refreshing_since as "startedAt"
    `.execute(trx);
    return result.rows[0] ?? null;
  });
  if (!claim) return waitForOtherRefresh(db, municipalityId);
  try {
    await buildGeneration(db, municipalityId, today, claim.generation + 1, claim.startedAt);
  } catch (error) {
    await inTenant(db, municipalityId, (trx) =>
      trx
        .updateTable('indicatorSnapshots')
        .set({ refreshingSince: null, refreshError: String(error).slice(0, 1000) })
        .where('municipalityId', '=', municipalityId)
        .execute(),
    );
    throw error;
  }
}

async function waitForOtherRefresh(db: Kysely<Database>, municipalityId: string): Promise<void> {
  const until = Date.now() + 10 * 60_000;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 500));
    const state = await stateOf(db, municipalityId);
    if (!state?.refreshingSince) return;
  }
}

/** Computes and writes generation `next`, then makes it current. Exported for the benchmark. */
export async function buildGeneration(
  db: Kysely<Database>,
  municipalityId: string,
  today: string,
  next: number,
  startedAt: Date,
  chunkSize = REFRESH_CHUNK,
): Promise<RefreshStats> {
  const started = performance.now();
  const currentMonth = today.slice(0, 7);
  const { settings, households, firstMonth } = await inTenant(db, municipalityId, async (trx) => {
    const settings = await indicatorSettings(trx, municipalityId);
    const households = (
      await trx
        .selectFrom('households')
        .select('id')
        .where('municipalityId', '=', municipalityId)
        .orderBy('id')
        .execute()
    ).map((h) => h.id);
    const first = await sql<{ month: string | null }>`
      select least(
        (select min(month) from errands where municipality_id = ${municipalityId}),
        (select to_char(min(created_at) at time zone 'Europe/Stockholm', 'YYYY-MM') from plans
         where municipality_id = ${municipalityId})
      ) as month
    `.execute(trx);
    // Leftovers of a refresh that stopped half-way.
    for (const table of GENERATION_TABLES)
      await trx
        .deleteFrom(table)
        .where('municipalityId', '=', municipalityId)
        .where('generation', '=', next)
        .execute();
    return { settings, households, firstMonth: first.rows[0]?.month ?? currentMonth };
  });
  // Months before the first data have no figures; months after today none either.
  const from = [firstMonth, currentMonth].sort()[0] as string;
  // Row key → [n, d] per measure (null: no contribution), then the provisional flags.
  const flagsAt = MEASURES.length * 2;
  const cells = new Map<string, (number | null)[]>();
  const add = (
    key: string,
    measure: Measure,
    numerator: number,
    denominator: number,
    provisional: boolean,
  ) => {
    let row = cells.get(key);
    if (!row) {
      row = new Array(flagsAt + PROVISIONAL_FLAGS.length).fill(null);
      cells.set(key, row);
    }
    const i = (MEASURE_INDEX.get(measure) as number) * 2;
    row[i] = (row[i] ?? 0) + numerator;
    row[i + 1] = (row[i + 1] ?? 0) + denominator;
    if (provisional) {
      const flag = PROVISIONAL[measure as IndicatorId];
      if (flag === undefined) throw new Error(`indicator cube: ${measure} cannot be provisional`);
      row[flagsAt + flag] = 1;
    }
  };
  // A subject's attributes are the same for all its contributions in a month: key it once.
  const keys = new WeakMap<object, string>();
  const subjectsFrom = monthOf(monthIndex(currentMonth) - SUBJECT_MONTHS + 1);
  let subjectRows = 0;
  const consistency: ConsistencyCells = new Map();
  let chunks = 0;
  for (let i = 0; i < households.length; i += chunkSize) {
    const chunk = households.slice(i, i + chunkSize);
    const { facts, decisions } = await inTenant(db, municipalityId, async (trx) => {
      await withoutJit(trx);
      return loadChunk(trx, municipalityId, today, chunk);
    });
    addConsistencyDecisions(consistency, decisions, facts.members);
    const only = new Set(chunk);
    // The chunk's subjects of the recent months: key (cell key and subject id) → [numerator bits, denominator bits].
    const subjects = new Map<string, [number, number]>();
    emitContributions(facts, settings, { from, to: currentMonth, households: only }, (c) => {
      const s = c.subject;
      let key = keys.get(s);
      if (key === undefined) {
        key = `${c.month}\t${s.unit}\t${s.gender}\t${s.ageGroup}\t${s.householdType}\t${s.supportBarrier}`;
        keys.set(s, key);
      }
      add(`${key}\t${c.caseworkerId ?? ''}`, c.indicator, c.numerator, c.denominator, c.provisional);
      if (c.month >= subjectsFrom && (c.numerator > 0 || c.denominator > 0)) {
        const subjectKey = `${key}\t${s.id}`;
        let bits = subjects.get(subjectKey);
        if (!bits) {
          bits = [0, 0];
          subjects.set(subjectKey, bits);
        }
        const bit = SUBJECT_BIT.get(c.indicator) as number;
        if (c.numerator > 0) bits[0] |= bit;
        if (c.denominator > 0) bits[1] |= bit;
      }
    });
    subjectRows += await writeSubjects(db, municipalityId, next, subjects, applicantsOf(facts.members));
    await writeAssistedHouseholds(db, municipalityId, next, facts, only);
    exitSavings(facts, { from, to: currentMonth, households: only }, (e) => {
      const key = `${e.month}\t${e.unitId}\t\t\t\t\t`;
      add(key, 'savingsExits', 1, 0, false);
      add(key, 'savingsAmount', e.savings, e.monthsWithout, false);
    });
    yearFigures(facts, { from, to: currentMonth, households: only }, (f) => {
      const key = `${f.month}\t\t\t\t\t\t`;
      add(key, 'yearPersons', f.persons, 0, false);
      add(key, 'yearLongTermAdults', f.longTermAdults, 0, false);
      add(key, 'yearAssistance', f.assistance, 0, false);
    });
    chunks++;
  }
  const columns = MEASURES.flatMap((m) => [`n_${column(m)}`, `d_${column(m)}`]);
  const recordType = sql.raw(
    ['k text', ...columns.map((c) => `${c} bigint`), ...PROVISIONAL_FLAGS.map((f) => `${f} boolean`)].join(
      ', ',
    ),
  );
  await writeInBatches(
    db,
    municipalityId,
    cells,
    ([key, values]) => {
      const record: Record<string, unknown> = { k: key };
      PROVISIONAL_FLAGS.forEach((f, i) => {
        if (values[flagsAt + i] === 1) record[f] = true;
      });
      columns.forEach((c, i) => {
        if (values[i] !== null) record[c] = values[i];
      });
      return record;
    },
    (json) => sql`
      insert into indicator_cells (municipality_id, generation, month, unit_id, gender, age_group,
                                   household_type, support_barrier, caseworker_id,
                                   ${sql.raw([...columns, ...PROVISIONAL_FLAGS].join(', '))})
      select ${municipalityId}, ${next}, a.k[1], a.k[2], a.k[3], a.k[4], a.k[5], a.k[6], nullif(a.k[7], '')::uuid,
             ${sql.raw([...columns.map((c) => `x.${c}`), ...PROVISIONAL_FLAGS.map((f) => `coalesce(x.${f}, false)`)].join(', '))}
      from json_to_recordset(${json}::json) as x(${recordType}),
           lateral (select string_to_array(x.k, E'\t') as k) as a
    `,
  );
  await writeConsistencyCells(db, municipalityId, next, consistency);
  const durationMs = Math.round(performance.now() - started);
  await inTenant(db, municipalityId, async (trx) => {
    await trx
      .updateTable('indicatorSnapshots')
      .set({
        generation: next,
        asOfDay: today,
        refreshedAt: sql<Date>`clock_timestamp()`,
        dataAsOf: startedAt,
        settings: JSON.stringify(settings),
        durationMs,
        households: households.length,
        cells: cells.size,
        subjectIndicators: [...INDICATORS],
        subjectsFrom,
        refreshingSince: null,
        refreshError: null,
      })
      .where('municipalityId', '=', municipalityId)
      .execute();
    for (const table of GENERATION_TABLES)
      await trx
        .deleteFrom(table)
        .where('municipalityId', '=', municipalityId)
        .where('generation', '<>', next)
        .execute();
    await trx
      .deleteFrom('reportingChanges')
      .where('municipalityId', '=', municipalityId)
      .where('changedAt', '<=', startedAt)
      .execute();
  });
  return {
    households: households.length,
    cells: cells.size,
    subjects: subjectRows,
    consistencyCells: consistency.size,
    durationMs,
    chunks,
  };
}

/**
 * Each household's applicant (the current one when it changed): whom the drill-down lists for
 * a household indicator.
 */
export function applicantsOf(members: Facts['members']): Map<string, string> {
  const applicants = new Map<string, string>();
  for (const m of members)
    if (m.role === 'applicant' && (!applicants.has(m.householdId) || m.validTo === null))
      applicants.set(m.householdId, m.personId);
  return applicants;
}

/** Writes a chunk's subjects (key: cell key and subject id) into generation `generation`. */
async function writeSubjects(
  db: Kysely<Database>,
  municipalityId: string,
  generation: number,
  subjects: Map<string, [number, number]>,
  applicants: Map<string, string>,
): Promise<number> {
  return writeInBatches(
    db,
    municipalityId,
    subjects,
    ([k, [n, d]]) => {
      const subjectId = k.slice(k.lastIndexOf('\t') + 1);
      return { k, p: applicants.get(subjectId) ?? subjectId, n, d };
    },
    (json) => sql`
      insert into indicator_subjects (municipality_id, generation, month, unit_id, gender, age_group,
                                      household_type, support_barrier, subject_id, person_id, numerator, denominator)
      select ${municipalityId}, ${generation}, a.k[1], a.k[2], a.k[3], a.k[4], a.k[5], a.k[6], a.k[7]::uuid,
             x.p::uuid, x.n, x.d
      from json_to_recordset(${json}::json) as x(k text, p text, n integer, d integer),
           lateral (select string_to_array(x.k, E'\t') as k) as a
    `,
  );
}

/** Writes the months with assistance of the chunk's own households into generation `generation`. */
async function writeAssistedHouseholds(
  db: Kysely<Database>,
  municipalityId: string,
  generation: number,
  facts: Facts,
  chunk: ReadonlySet<string>,
): Promise<void> {
  const months = new Map<string, Set<string>>();
  for (const a of facts.assistance)
    if (a.amount > 0 && chunk.has(a.householdId))
      months.set(a.householdId, (months.get(a.householdId) ?? new Set()).add(a.month));
  await writeInBatches(
    db,
    municipalityId,
    months,
    ([householdId, set]) => ({ h: householdId, m: [...set].sort() }),
    (json) => sql`
      insert into assisted_households (municipality_id, generation, household_id, months)
      select ${municipalityId}, ${generation}, x.h, x.m
      from json_to_recordset(${json}::json) as x(h uuid, m text[])
    `,
  );
}

/**
 * Writes rows in their own tenant transactions, WRITE_BATCH rows per statement with the rows as
 * one JSON parameter (a row of bind parameters each would pass PostgreSQL's 65,535 limit); the
 * rows are made from the items a batch at a time. Returns the number of rows.
 */
async function writeInBatches<T>(
  db: Kysely<Database>,
  municipalityId: string,
  items: Iterable<T>,
  toRow: (item: T) => Record<string, unknown>,
  insert: (json: string) => RawBuilder<unknown>,
): Promise<number> {
  let batch: Record<string, unknown>[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const json = JSON.stringify(batch);
    written += batch.length;
    batch = [];
    await inTenant(db, municipalityId, (trx) => insert(json).execute(trx));
  };
  for (const item of items) {
    batch.push(toRow(item));
    if (batch.length >= WRITE_BATCH) await flush();
  }
  await flush();
  return written;
}

/** The latest decision on an errand, as the consistency report counts it. */
export type ConsistencyDecision = {
  householdId: string;
  /** The month the errand concerns. */
  month: string;
  /** The errand's unit. */
  unitId: string;
  decidedBy: string;
  grantedTotal: number;
  /** The calculation's assistance, null when the decision has no calculation. */
  calculated: number | null;
  /** The calculation warned `guideline_cap_exceeded`. */
  aboveCap: boolean;
};

/** A consistency cell summed over the refresh's chunks (see migration 90). */
type ConsistencyCell = Omit<DecisionAggregate, 'group' | 'householdType'> & {
  /** The granting households' ids while fewer than SUPPRESSION_THRESHOLD, then null. */
  few: string[] | null;
};
/** Key: month, unit, caseworker and household type, tab-separated. */
type ConsistencyCells = Map<string, ConsistencyCell>;

/**
 * The household's type in a month from its membership then — the rule of `emitContributions`
 * (and of the consistency report's SQL before the cube): two or more adults (applicant,
 * partner) make a couple, any child "with children"; no members in the month: single without children.
 */
function householdTypeIn(members: Facts['members'], month: string): HouseholdType {
  const first = `${month}-01`;
  const last = lastDay(month);
  let adults = 0;
  let children = 0;
  for (const m of members) {
    if (!(m.validFrom <= last && (m.validTo === null || m.validTo >= first))) continue;
    if (m.role === 'child') children++;
    else adults++;
  }
  return householdTypeOf(adults, children);
}

/**
 * Adds a chunk's decisions to the consistency cells. All of a household's errands are in its
 * chunk and a household is in one chunk only, so counting distinct households within the call
 * and adding the counts over the chunks gives each cell's exact distinct count.
 */
export function addConsistencyDecisions(
  cells: ConsistencyCells,
  decisions: ConsistencyDecision[],
  members: Facts['members'],
): void {
  const membersOf = new Map<string, Facts['members']>();
  for (const m of members) {
    const list = membersOf.get(m.householdId);
    if (list) list.push(m);
    else membersOf.set(m.householdId, [m]);
  }
  const types = new Map<string, HouseholdType>();
  const counted = new Set<string>();
  for (const d of decisions) {
    const at = `${d.householdId}\t${d.month}`;
    let type = types.get(at);
    if (type === undefined) {
      type = householdTypeIn(membersOf.get(d.householdId) ?? [], d.month);
      types.set(at, type);
    }
    const key = `${d.month}\t${d.unitId}\t${d.decidedBy}\t${type}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        decisions: 0,
        rejected: 0,
        aboveCap: 0,
        approved: 0,
        granting: 0,
        grantedSum: 0,
        households: 0,
        few: [],
      };
      cells.set(key, cell);
    }
    cell.decisions++;
    if (d.grantedTotal === 0) cell.rejected++;
    if (d.aboveCap) {
      cell.aboveCap++;
      if (d.calculated !== null && d.grantedTotal >= d.calculated) cell.approved++;
    }
    if (d.grantedTotal > 0) {
      cell.granting++;
      cell.grantedSum += d.grantedTotal;
      const household = `${key}\t${d.householdId}`;
      if (!counted.has(household)) {
        counted.add(household);
        cell.households++;
        if (cell.households >= SUPPRESSION_THRESHOLD) cell.few = null;
        else cell.few?.push(d.householdId);
      }
    }
  }
}

async function writeConsistencyCells(
  db: Kysely<Database>,
  municipalityId: string,
  generation: number,
  cells: ConsistencyCells,
): Promise<void> {
  await writeInBatches(
    db,
    municipalityId,
    cells,
    ([key, c]) => ({
      k: key,
      decisions: c.decisions,
      rejected: c.rejected,
      above_cap: c.aboveCap,
      approved: c.approved,
      granting: c.granting,
      granted_sum: c.grantedSum,
      households: c.households,
      few: c.few,
    }),
    (json) => sql`
      insert into consistency_cells (municipality_id, generation, month, unit_id, decided_by, household_type,
                                     decisions, rejected, above_cap, approved, granting, granted_sum,
                                     granting_households, few_households)
      select ${municipalityId}, ${generation}, a.k[1], a.k[2], a.k[3]::uuid, a.k[4],
             x.decisions, x.rejected, x.above_cap, x.approved, x.granting, x.granted_sum,
             x.households, x.few
      from json_to_recordset(${json}::json) as x(k text, decisions integer, rejected integer,
             above_cap integer, approved integer, granting integer, granted_sum bigint,
             households integer, few uuid[]),
           lateral (select string_to_array(x.k, E'\t') as k) as a
    `,
  );
}

/**
 * The consistency report's sums per group and household type for a period, from the cube's
 * current consistency cells (optionally one unit's errands). Distinct households for the
 * small-group rule: when one of the group's cells has at least SUPPRESSION_THRESHOLD, the group
 * has too (that count is returned, a lower bound); otherwise every cell kept its ids and the
 * distinct count over their union is exact. (`greatest` only matters for cells written under a
 * lower threshold than today's, whose ids may be missing: it errs towards withholding.)
 */
export async function cubeConsistency(
  trx: Kysely<Database>,
  municipalityId: string,
  options: { from: string; to: string; dimension: ConsistencyDimension; unitId: string | null },
): Promise<DecisionAggregate[]> {
  const group =
    options.dimension === 'municipality'
      ? sql`${municipalityId}::text`
      : options.dimension === 'unit'
        ? sql`unit_id`
        : sql`decided_by::text`;
  const result = await sql<{
    group: string;
    householdType: HouseholdType;
    decisions: string;
    rejected: string;
    aboveCap: string;
    approved: string;
    granting: string;
    grantedSum: string;
    households: string;
  }>`
    with cells as (
      select ${group} as g, household_type as t, decisions, rejected, above_cap, approved, granting,
             granted_sum, granting_households, few_households
      from consistency_cells
      where municipality_id = ${municipalityId}
        and generation = (select generation from indicator_snapshots where municipality_id = ${municipalityId})
        and month >= ${options.from} and month <= ${options.to}
        and ${options.unitId === null ? sql`true` : sql`unit_id = ${options.unitId}`}
    ), sums as (
      select g, t, sum(decisions) as decisions, sum(rejected) as rejected, sum(above_cap) as above,
             sum(approved) as approved, sum(granting) as granting, sum(granted_sum) as granted,
             max(granting_households) as most
      from cells group by g, t
    ), few as (
      select g, t, count(distinct h) as households
      from cells cross join lateral unnest(few_households) as h
      group by g, t
    )
    select s.g as "group", s.t as "householdType", s.decisions, s.rejected, s.above as "aboveCap",
           s.approved, s.granting, s.granted as "grantedSum",
           case when s.most >= ${SUPPRESSION_THRESHOLD} then s.most
                else greatest(s.most, coalesce(f.households, 0)) end as households
    from sums s left join few f on f.g = s.g and f.t = s.t
  `.execute(trx);
  return result.rows.map((r) => ({
    group: r.group,
    householdType: r.householdType,
    decisions: Number(r.decisions),
    rejected: Number(r.rejected),
    aboveCap: Number(r.aboveCap),
    approved: Number(r.approved),
    granting: Number(r.granting),
    grantedSum: Number(r.grantedSum),
    households: Number(r.households),
  }));
}

/**
 * The facts of a chunk of households: their members, and — because a person's assisted months
 * follow every household the person belonged to — the members' other households with their
 * assistance; plans, kartläggning and assignments of those people and households.
 */
export async function loadChunkFacts(
  trx: Kysely<Database>,
  municipalityId: string,
  today: string,
  householdIds: string[],
): Promise<Facts> {
  return (await loadChunk(trx, municipalityId, today, householdIds)).facts;
}

/**
 * A chunk's facts (`loadChunkFacts`) and the latest decision on every errand of the chunk's own
 * households (all months) for the consistency cells. One lookup per errand in `decisions_latest`
 * serves both: the assistance per household and month is summed here from the same rows.
 */
export async function loadChunk(
  trx: Kysely<Database>,
  municipalityId: string,
  today: string,
  householdIds: string[],
): Promise<{ facts: Facts; decisions: ConsistencyDecision[] }> {
  const ids = sql`${`{${householdIds.join(',')}}`}::uuid[]`;
  const persons = sql`(select person_id from household_members
                       where municipality_id = ${municipalityId} and household_id = any(${ids}))`;
  const members = await sql<Facts['members'][number]>`
    select hm.household_id as "householdId", hm.person_id as "personId", hm.role,
           to_char(hm.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(hm.valid_to, 'YYYY-MM-DD') as "validTo",
           to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate", p.gender,
           (p.confidentiality_marking or p.protected_registration or p.fictitious_identity) as "protectedIdentity"
    from household_members hm
    join persons p on p.municipality_id = hm.municipality_id and p.id = hm.person_id
    where hm.municipality_id = ${municipalityId} and hm.person_id in ${persons}
  `.execute(trx);
  const related = [...new Set([...householdIds, ...members.rows.map((m) => m.householdId)])];
  const relatedIds = sql`${`{${related.join(',')}}`}::uuid[]`;
  const households = await sql<{ id: string; unitId: string }>`
    select id, unit_id as "unitId" from households
    where municipality_id = ${municipalityId} and id = any(${relatedIds})
  `.execute(trx);
  // The latest decision per errand of every related household; the calculation only for the
  // chunk's own households (the consistency cells' households).
  const latest = await sql<ConsistencyDecision & { decidedOn: string }>`
    select e.household_id as "householdId", e.month, e.unit_id as "unitId", d.decided_by as "decidedBy",
           d.granted_total as "grantedTotal",
           to_char(d.decided_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as "decidedOn",
           c.assistance as calculated,
           coalesce(c.result -> 'warnings' @> '[{"code":"guideline_cap_exceeded"}]'::jsonb, false) as "aboveCap"
    from errands e ${latestDecisionOfErrand}
    left join calculations c on c.municipality_id = e.municipality_id and c.id = d.calculation_id
      and e.household_id = any(${ids})
    where e.municipality_id = ${municipalityId} and e.household_id = any(${relatedIds})
  `.execute(trx);
  // Assistance: per household and month the errands' latest decisions added together, with the
  // first of their days; only months that grant something.
  const months = new Map<string, Facts['assistance'][number]>();
  for (const r of latest.rows) {
    const key = `${r.householdId}\t${r.month}`;
    const a = months.get(key);
    if (!a)
      months.set(key, {
        householdId: r.householdId,
        month: r.month,
        amount: r.grantedTotal,
        decidedOn: r.decidedOn,
      });
    else {
      a.amount += r.grantedTotal;
      if (r.decidedOn < a.decidedOn) a.decidedOn = r.decidedOn;
    }
  }
  const own = new Set(householdIds);
  const rest = await personFacts(trx, municipalityId, persons, sql`household_id = any(${relatedIds})`);
  return {
    facts: {
      today,
      households: households.rows,
      members: members.rows,
      assistance: [...months.values()].filter((a) => a.amount > 0),
      ...rest,
    },
    decisions: latest.rows.filter((r) => own.has(r.householdId)),
  };
}

/** Plans (with versions and follow-ups), kartläggning and assignments for a set of people and households. */
export async function personFacts(
  trx: Kysely<Database>,
  municipalityId: string,
  persons: ReturnType<typeof sql>,
  households: ReturnType<typeof sql>,
): Promise<Pick<Facts, 'plans' | 'barriers' | 'assignments' | 'referrals'>> {
  const plans = await sql<{
    id: string;
    personId: string;
    createdOn: string;
    versionOn: string[] | null;
  }>`
    select p.id, p.person_id as "personId",
           to_char(p.created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as "createdOn",
           (select array_agg(to_char(v.created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD'))
            from plan_versions v where v.municipality_id = p.municipality_id and v.plan_id = p.id) as "versionOn"
    from plans p where p.municipality_id = ${municipalityId} and p.person_id in ${persons}
  `.execute(trx);
  const followUps = await sql<{ planId: string; heldOn: string; nextFollowUpOn: string }>`
    select f.plan_id as "planId", to_char(f.held_on, 'YYYY-MM-DD') as "heldOn",
           to_char(f.next_follow_up_on, 'YYYY-MM-DD') as "nextFollowUpOn"
    from plan_follow_ups f
    join plans p on p.municipality_id = f.municipality_id and p.id = f.plan_id
    where f.municipality_id = ${municipalityId} and p.person_id in ${persons}
  `.execute(trx);
  const barriers = await sql<Facts['barriers'][number]>`
    select person_id as "personId", support_barrier as "supportBarrier",
           to_char(created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as "assessedOn"
    from assessments where municipality_id = ${municipalityId} and person_id in ${persons}
  `.execute(trx);
  const assignments = await sql<Facts['assignments'][number]>`
    select household_id as "householdId", caseworker_id as "caseworkerId",
           to_char(valid_from at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as "validFrom",
           to_char(valid_to at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as "validTo"
    from case_assignments where municipality_id = ${municipalityId} and ${households}
  `.execute(trx);
  const referrals = await referralFacts(trx, municipalityId, persons);
  const byId = new Map<string, Facts['plans'][number]>();
  for (const p of plans.rows)
    byId.set(p.id, {
      personId: p.personId,
      createdOn: p.createdOn,
      versionOn: p.versionOn ?? [],
      followUps: [],
    });
  for (const f of followUps.rows)
    byId.get(f.planId)?.followUps.push({ heldOn: f.heldOn, nextFollowUpOn: f.nextFollowUpOn });
  return { plans: [...byId.values()], barriers: barriers.rows, assignments: assignments.rows, referrals };
}

/** The referrals of a set of people (`persons`: a subquery of person ids, or null for all). */
export async function referralFacts(
  trx: Kysely<Database>,
  municipalityId: string,
  persons: ReturnType<typeof sql> | null,
): Promise<NonNullable<Facts['referrals']>> {
  const day = (column: string) => sql.raw(`to_char(r.${column}, 'YYYY-MM-DD')`);
  const result = await sql<NonNullable<Facts['referrals']>[number]>`
    select r.person_id as "personId", ${day('sent_on')} as "sentOn", ${day('first_meeting_on')} as "firstMeetingOn",
           ${day('started_on')} as "startedOn", ${day('returned_on')} as "returnedOn", ${day('closed_on')} as "closedOn",
           (select to_char(min(ip.started_on), 'YYYY-MM-DD') from insats_participations ip
            where ip.municipality_id = r.municipality_id and ip.referral_id = r.id) as "participationStartedOn"
    from referrals r
    where r.municipality_id = ${municipalityId} and ${persons === null ? sql`true` : sql`r.person_id in ${persons}`}
  `.execute(trx);
  return result.rows;
}

const GROUP_COLUMN: Record<Dimension, string> = {
  none: `'all'`,
  unit: 'unit_id',
  gender: 'gender',
  ageGroup: 'age_group',
  householdType: 'household_type',
  supportBarrier: 'support_barrier',
};

function filterSql(filters: Filters) {
  return sql.join(
    [
      sql`true`,
      ...(filters.unitId ? [sql`unit_id = ${filters.unitId}`] : []),
      ...(filters.gender ? [sql`gender = ${filters.gender}`] : []),
      ...(filters.ageGroup ? [sql`age_group = ${filters.ageGroup}`] : []),
      ...(filters.householdType ? [sql`household_type = ${filters.householdType}`] : []),
      ...(filters.supportBarrier ? [sql`support_barrier = ${filters.supportBarrier}`] : []),
    ],
    sql` and `,
  );
}

/**
 * The indicators for a period, breakdown and filters, summed from the cube's current rows (the
 * generation is read in the same statement, so a refresh switching generations is never seen
 * half-way). A figure exists where a subject contributed (its sum is not null).
 */
export async function cubeIndicators(
  trx: Kysely<Database>,
  municipalityId: string,
  options: { from: string; to: string; dimension: Dimension; filters: Filters },
): Promise<IndicatorResult[]> {
  // Aliases without underscores: the camel-case plugin rewrites result names.
  const sums = INDICATORS.flatMap((m, i) => [
    `sum(n_${column(m)}) as n${i}`,
    `sum(d_${column(m)}) as d${i}`,
  ]).join(', ');
  const result = await sql<
    Record<string, string | boolean | null> & {
      month: string;
      group: string;
      caseworkers: string;
    }
  >`
    select month, ${sql.raw(GROUP_COLUMN[options.dimension])} as "group", ${sql.raw(sums)},
           count(distinct caseworker_id) as caseworkers,
           bool_or(return_provisional) as p0, bool_or(referral_provisional) as p1
    from indicator_cells
    where municipality_id = ${municipalityId}
      and generation = (select generation from indicator_snapshots where municipality_id = ${municipalityId})
      and month >= ${options.from} and month <= ${options.to}
      and ${filterSql(options.filters)}
    group by 1, 2
    order by 1, 2
  `.execute(trx);
  const points = new Map<IndicatorId, Point[]>(INDICATORS.map((id) => [id, []]));
  for (const r of result.rows) {
    for (const [i, id] of INDICATORS.entries()) {
      const n = r[`n${i}`];
      if (n === null || n === undefined) continue;
      const denominator = CASEWORKER_DENOMINATOR.has(id) ? Number(r.caseworkers) : Number(r[`d${i}`]);
      const provisional = PROVISIONAL[id] !== undefined && r[`p${PROVISIONAL[id]}`] === true;
      points.get(id)?.push(makePoint(id, r.month, r.group, Number(n), denominator, provisional));
    }
  }
  return INDICATORS.map((id) => ({ id, kind: INDICATOR_KIND[id], points: points.get(id) ?? [] }));
}

/** The savings estimate's sums for a period (optionally one unit), from the cube. */
export async function cubeSavings(
  trx: Kysely<Database>,
  municipalityId: string,
  options: { from: string; to: string; unitId: string | null },
): Promise<{ exits: number; monthsWithout: number; savings: number }> {
  const result = await sql<{ exits: string | null; savings: string | null; months: string | null }>`
    select sum(n_savings_exits) as exits, sum(n_savings_amount) as savings, sum(d_savings_amount) as months
    from indicator_cells
    where municipality_id = ${municipalityId}
      and generation = (select generation from indicator_snapshots where municipality_id = ${municipalityId})
      and month >= ${options.from} and month <= ${options.to}
      and n_savings_exits is not null
      and ${options.unitId === null ? sql`true` : sql`unit_id = ${options.unitId}`}
  `.execute(trx);
  const row = result.rows[0];
  return {
    exits: Number(row?.exits ?? 0),
    monthsWithout: Number(row?.months ?? 0),
    savings: Number(row?.savings ?? 0),
  };
}

/** A calendar year's key figures from the cube (see `yearFigures`). */
export async function cubeYearFigures(
  trx: Kysely<Database>,
  municipalityId: string,
  year: number,
): Promise<{ persons: number; longTermAdults: number; assistance: number }> {
  const result = await sql<{ persons: string | null; longTerm: string | null; assistance: string | null }>`
    select sum(n_year_persons) as persons, sum(n_year_long_term_adults) as "longTerm",
           sum(n_year_assistance) as assistance
    from indicator_cells
    where municipality_id = ${municipalityId}
      and generation = (select generation from indicator_snapshots where municipality_id = ${municipalityId})
      and month >= ${`${year}-01`} and month <= ${`${year}-12`}
      and n_year_persons is not null
  `.execute(trx);
  const row = result.rows[0];
  return {
    persons: Number(row?.persons ?? 0),
    longTermAdults: Number(row?.longTerm ?? 0),
    assistance: Number(row?.assistance ?? 0),
  };
}

/**
 * The people behind one figure of a recent month, from the subjects of the cube's current
 * generation — the same generation the dashboard's figure came from. Null when the cube holds no
 * subjects for that month or indicator (older months, before the first refresh): the caller then
 * computes the month from the case data.
 */
export async function cubeDrillDown(
  trx: Kysely<Database>,
  municipalityId: string,
  options: { indicator: IndicatorId; month: string; dimension: Dimension; group: string; filters: Filters },
): Promise<{ personId: string; inNumerator: boolean }[] | null> {
  const snapshot = await trx
    .selectFrom('indicatorSnapshots')
    .select(['generation', 'subjectIndicators', 'subjectsFrom'])
    .where('municipalityId', '=', municipalityId)
    .executeTakeFirst();
  const index = snapshot?.subjectIndicators?.indexOf(options.indicator) ?? -1;
  if (!snapshot || snapshot.generation === 0 || index < 0 || !snapshot.subjectsFrom) return null;
  if (options.month < snapshot.subjectsFrom) return null;
  const bit = 2 ** index;
  const group =
    options.dimension === 'none'
      ? sql.raw(String(options.group === 'all'))
      : sql`${sql.raw(GROUP_COLUMN[options.dimension])} = ${options.group}`;
  const result = await sql<{ personId: string; inNumerator: boolean }>`
    select person_id as "personId", bool_or(numerator & ${bit} <> 0) as "inNumerator"
    from indicator_subjects
    where municipality_id = ${municipalityId} and generation = ${snapshot.generation}
      and month = ${options.month} and ((numerator | denominator) & ${bit}) <> 0
      and ${group} and ${filterSql(options.filters)}
    group by person_id
  `.execute(trx);
  return result.rows;
}

/**
 * The months of assistance a drill-down into indicator `indicator` in month M needs: the
 * long-term windows back (12 months; very long-term its own window), return within 12 months
 * ahead, every other indicator the month itself (plan within the deadline also asks which
 * households had assistance before it).
 */
export function drillDownWindow(
  month: string,
  settings: IndicatorSettings,
  indicator: IndicatorId,
): { from: string; to: string } {
  const back =
    indicator === 'veryLongTerm'
      ? settings.veryLongTerm.window
      : ['longTerm', 'under10Months', 'childrenLongTerm'].includes(indicator)
        ? 12
        : 1;
  const ahead = indicator === 'returnWithin12Months' ? 12 : 0;
  return { from: monthOf(monthIndex(month) - back + 1), to: monthOf(monthIndex(month) + ahead) };
}
