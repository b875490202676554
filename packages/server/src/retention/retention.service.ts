// Gallring (SoL 2025:400 16 kap. 1 §): a person's file is disposed of five years after its
// last entry, never while anything in it is ongoing, and not at all when SoF 2025:468 13 kap. 1 §
// keeps it for research. planRetention is a read-only dry run; executeRetention removes each
// due person's data in one transaction per person and keeps an audit without personal data.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { type RetentionParameters, retentionParametersOn } from './retention.parameters.ts';
import {
  countStep,
  DISPOSAL_STEPS,
  householdsOnlyOf,
  membershipsAround,
  personFiles,
  runStep,
  stepKey,
} from './retention.queries.ts';

export type DuePerson = {
  personId: string;
  lastEntry: string;
  /** The day the disposal duty arose: the last entry plus the retention years. */
  dueSince: string;
  /** Disposal must be done by this day (the end of the calendar year after the duty arose). */
  deadline: string;
  /** Households whose data goes with this person (the person is their last member due). */
  householdIds: string[];
  rows: Record<string, number>;
};

export type KeptGroup = { reason: string; detail: string; legalBasis: string; persons: number };

export type RetentionPlan = {
  municipality: { id: string; name: string };
  date: string;
  disposalYears: number;
  legalBasis: string;
  due: DuePerson[];
  /** Rows that disposal removes (or anonymises), per table, over all due persons. */
  rows: Record<string, number>;
  keptForResearch: KeptGroup[];
  personsActive: number;
  personsNotYetDue: number;
  /** Due persons whose deadline has already passed. */
  overdue: number;
  /** Changes whenever the set of due persons or their rows change: a run must name it. */
  checksum: string;
};

type Municipality = { id: string; name: string; code: string; county: string };

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** "Gotlands län", "Gotland" and "GOTLANDS LÄN" are the same county; "Göteborgs stad" is Göteborg. */
function placeName(name: string): string {
  return name
    .toLocaleLowerCase('sv')
    .replace(/\s+(län|kommun|stad)$/, '')
    .replace(/s$/, '')
    .trim();
}

/** Why the whole municipality's files are kept for research (SoF 2025:468 13 kap. 1 §), or null. */
function municipalityResearchDetail(m: Municipality, p: RetentionParameters): string | null {
  const county = p.research.counties.find(
    (c) => placeName(c.name) === placeName(m.county) || m.code.slice(0, 2) === c.code,
  );
  if (county) return `Alla akter i ${county.name}`;
  const municipality = p.research.municipalities.find(
    (k) => placeName(k.name) === placeName(m.name) || m.code === k.code,
  );
  return municipality ? `Alla akter i ${municipality.name}` : null;
}

function birthDayDetail(birthDate: string, p: RetentionParameters): string | null {
  const day = Number(birthDate.slice(8, 10));
  return p.research.birthDays.includes(day) ? `Född den ${day}:e i månaden` : null;
}

function addCounts(into: Record<string, number>, from: Record<string, number>) {
  for (const [table, n] of Object.entries(from)) into[table] = (into[table] ?? 0) + n;
}

async function findMunicipality(db: Kysely<Database>, municipalityId: string): Promise<Municipality> {
  const m = await db
    .selectFrom('municipalities')
    .select(['id', 'name', 'code', 'county'])
    .where('id', '=', municipalityId)
    .executeTakeFirst();
  if (!m) throw new AppError('not_found', 'Kommunen finns inte');
  return m;
}

/**
 * The dry run: who is due on `today`, which rows go with them, who is kept for research and
 * why. Reads only (as the app role, within the municipality); writes nothing, not even to the
 * access log, since it shows counts and never a person.
 */
export async function planRetention(
  db: Kysely<Database>,
  municipalityId: string,
  today: string,
): Promise<RetentionPlan> {
  const municipality = await findMunicipality(db, municipalityId);
  const p = retentionParametersOn(today);
  const wholeMunicipality = municipalityResearchDetail(municipality, p);
  return inTenant(db, municipalityId, async (trx) => {
    const files = await personFiles(trx);
    const kept = new Map<string, KeptGroup>();
    const keep = (detail: string) => {
      const group = kept.get(detail) ?? {
        reason: p.research.reason,
        detail,
        legalBasis: p.research.legalBasis,
        persons: 0,
      };
      group.persons++;
      kept.set(detail, group);
    };
    let personsActive = 0;
    let personsNotYetDue = 0;
    const dueFiles: { id: string; lastEntry: string; dueSince: string }[] = [];
    for (const file of files) {
      if (file.active) {
        personsActive++;
        continue;
      }
      const dueSince = addYears(file.lastEntry, p.disposalYears);
      if (dueSince > today) {
        personsNotYetDue++;
        continue;
      }
      const research = wholeMunicipality ?? birthDayDetail(file.birthDate, p);
      if (research) keep(research);
      else dueFiles.push({ id: file.id, lastEntry: file.lastEntry, dueSince });
    }

    // A household's errands go with its last member due, and only when every member is due.
    const dueIds = new Set(dueFiles.map((f) => f.id));
    const members = new Map<string, string[]>();
    for (const m of await membershipsAround(
      trx,
      dueFiles.map((f) => f.id),
    )) {
      members.set(m.householdId, [...(members.get(m.householdId) ?? []), m.personId]);
    }
    const householdsOf = new Map<string, string[]>();
    for (const [householdId, personIds] of members) {
      if (!personIds.every((id) => dueIds.has(id))) continue;
      const last = [...personIds].sort().at(-1) as string;
      householdsOf.set(last, [...(householdsOf.get(last) ?? []), householdId]);
    }

    const householdsGoing = [...householdsOf.values()].flat();
    const due: DuePerson[] = [];
    const rows: Record<string, number> = {};
    for (const file of dueFiles) {
      const householdIds = householdsOf.get(file.id) ?? [];
      const personRows: Record<string, number> = {};
      for (const step of DISPOSAL_STEPS) {
        const n = await countStep(trx, step, { personId: file.id, householdIds, householdsGoing });
        if (n > 0) addCounts(personRows, { [stepKey(step)]: n });
      }
      addCounts(rows, personRows);
      const dueYear = Number(file.dueSince.slice(0, 4));
      due.push({
        personId: file.id,
        lastEntry: file.lastEntry,
        dueSince: file.dueSince,
        deadline: p.completeWithinFollowingCalendarYear ? `${dueYear + 1}-12-31` : file.dueSince,
        householdIds,
        rows: personRows,
      });
    }
    const checksum = createHash('sha256')
      .update(JSON.stringify({ municipalityId, today, due: due.map((d) => [d.personId, d.rows]) }))
      .digest('hex');
    return {
      municipality: { id: municipality.id, name: municipality.name },
      date: today,
      disposalYears: p.disposalYears,
      legalBasis: p.disposalLegalBasis,
      due,
      rows,
      keptForResearch: [...kept.values()].sort((a, b) => b.persons - a.persons),
      personsActive,
      personsNotYetDue,
      overdue: due.filter((d) => d.deadline < today).length,
      checksum,
    };
  });
}

/** What the screen and the CLI show: counts only, never a person. */
export function planSummary(plan: RetentionPlan) {
  return {
    municipality: plan.municipality,
    date: plan.date,
    disposalYears: plan.disposalYears,
    legalBasis: plan.legalBasis,
    personsDue: plan.due.length,
    overdue: plan.overdue,
    rows: plan.rows,
    keptForResearch: plan.keptForResearch,
    personsActive: plan.personsActive,
    personsNotYetDue: plan.personsNotYetDue,
    checksum: plan.checksum,
  };
}

export type PlanSummary = ReturnType<typeof planSummary>;

/** The municipality's salt for the audit's person hash, created on first use. */
async function municipalitySalt(db: Kysely<Database>, municipalityId: string): Promise<string> {
  await db
    .insertInto('retentionSalts')
    .values({ municipalityId, salt: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('municipalityId').doNothing())
    .execute();
  const row = await db
    .selectFrom('retentionSalts')
    .select('salt')
    .where('municipalityId', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return row.salt;
}

export function personHash(personalIdentityNumber: string, salt: string): string {
  return createHash('sha256').update(`${personalIdentityNumber}${salt}`, 'utf8').digest('hex');
}

/**
 * Removes one person's file in one transaction, as the database owner with the transaction-local
 * setting `stegvis.retention = 'on'`: the only way past the append-only triggers (migration 15
 * allows it for DELETE only, never for the app role). The setting is switched off before the
 * audit row is written, and ends with the transaction either way.
 */
async function disposePerson(
  db: Kysely<Database>,
  municipalityId: string,
  runId: string,
  personId: string,
  salt: string,
  householdsGoing: readonly string[],
): Promise<Record<string, number> | null> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('stegvis.municipality', ${municipalityId}, true), set_config('stegvis.retention', 'on', true)`.execute(
      trx,
    );
    const person = await trx
      .selectFrom('persons')
      .select('personalIdentityNumber')
      .where('id', '=', personId)
      .executeTakeFirst();
    if (!person) return null;
    const scope = { personId, householdIds: await householdsOnlyOf(trx, personId), householdsGoing };
    const tables: Record<string, number> = {};
    for (const step of DISPOSAL_STEPS) {
      const n = await runStep(trx, step, scope);
      if (n > 0) addCounts(tables, { [stepKey(step)]: n });
    }
    await sql`select set_config('stegvis.retention', 'off', true)`.execute(trx);
    await trx
      .insertInto('retentionRunItems')
      .values({
        municipalityId,
        runId,
        personHash: personHash(person.personalIdentityNumber, salt),
        tables: JSON.stringify(tables),
      })
      .execute();
    return tables;
  });
}

export type RetentionRunResult = {
  id: string;
  planDate: string;
  personsPlanned: number;
  personsRemoved: number;
  personsFailed: number;
  rowsRemoved: number;
  tables: Record<string, number>;
  /** Why persons failed (database messages without row values; distinct). */
  failures: string[];
};

/**
 * Disposes of every person due on `today`. With `expectedChecksum` (the plan the approver saw),
 * refuses when the plan has changed since. A person whose removal fails is rolled back alone
 * and counted as failed; the others go ahead.
 */
export async function executeRetention(
  db: Kysely<Database>,
  municipalityId: string,
  today: string,
  approvedBy: string,
  options: { expectedChecksum?: string } = {},
): Promise<RetentionRunResult> {
  const plan = await planRetention(db, municipalityId, today);
  if (options.expectedChecksum !== undefined && options.expectedChecksum !== plan.checksum) {
    throw new AppError(
      'conflict',
      'Underlaget för gallring har ändrats sedan det granskades. Granska det på nytt.',
      [{ pointer: '/planChecksum', detail: 'Planen har ändrats; hämta och granska den igen' }],
    );
  }
  const salt = await municipalitySalt(db, municipalityId);
  const id = randomUUID();
  await inTenant(db, municipalityId, (trx) =>
    trx
      .insertInto('retentionRuns')
      .values({
        municipalityId,
        id,
        planDate: today,
        planChecksum: plan.checksum,
        approvedBy,
        legalBasis: plan.legalBasis,
        personsPlanned: plan.due.length,
      })
      .execute(),
  );
  const householdsGoing = plan.due.flatMap((d) => d.householdIds);
  const tables: Record<string, number> = {};
  let personsRemoved = 0;
  let personsFailed = 0;
  const failures = new Set<string>();
  for (const person of plan.due) {
    try {
      const removed = await disposePerson(db, municipalityId, id, person.personId, salt, householdsGoing);
      if (removed) {
        personsRemoved++;
        addCounts(tables, removed);
      }
    } catch (error) {
      // The message names tables and constraints; the detail (with key values) is left out.
      personsFailed++;
      failures.add(error instanceof Error ? error.message : String(error));
    }
  }
  const rowsRemoved = Object.values(tables).reduce((sum, n) => sum + n, 0);
  await inTenant(db, municipalityId, (trx) =>
    trx
      .updateTable('retentionRuns')
      .set({ finishedAt: sql`now()`, personsRemoved, personsFailed, rowsRemoved })
      .where('id', '=', id)
      .execute(),
  );
  return {
    id,
    planDate: today,
    personsPlanned: plan.due.length,
    personsRemoved,
    personsFailed,
    rowsRemoved,
    tables,
    failures: [...failures],
  };
}

/** Past runs with the rows removed per table (summed over the run's persons). */
export async function listRetentionRuns(db: Kysely<Database>, municipalityId: string) {
  return inTenant(db, municipalityId, async (trx) => {
    const runs = await trx.selectFrom('retentionRuns').selectAll().orderBy('startedAt', 'desc').execute();
    const items = await trx.selectFrom('retentionRunItems').select(['runId', 'tables']).execute();
    return runs.map((run) => {
      const tables: Record<string, number> = {};
      for (const item of items) if (item.runId === run.id) addCounts(tables, item.tables);
      return {
        id: run.id,
        planDate: run.planDate,
        approvedBy: run.approvedBy,
        legalBasis: run.legalBasis,
        startedAt: new Date(run.startedAt).toISOString(),
        finishedAt: run.finishedAt ? new Date(run.finishedAt).toISOString() : null,
        personsPlanned: run.personsPlanned,
        personsRemoved: run.personsRemoved,
        personsFailed: run.personsFailed,
        rowsRemoved: run.rowsRemoved,
        tables,
      };
    });
  });
}
