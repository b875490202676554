// Applies the migrations in order at start-up. Migrations are frozen in time: they take
// Kysely<unknown> and never import application code.
import type { Kysely } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import * as foundation from './migrations/2026-11-23-01-foundation.ts';
import * as caseFlow from './migrations/2026-11-23-02-case-flow.ts';
import * as errandCore from './migrations/2026-11-23-11-errand-core.ts';
import * as adoptedGuidelinesImmutable from './migrations/2026-11-23-12-adopted-guidelines-immutable.ts';
import * as payments from './migrations/2026-11-23-13-payments.ts';
import * as journalTombstones from './migrations/2026-11-23-14-journal-tombstones.ts';
import * as retention from './migrations/2026-11-23-15-retention.ts';
import * as planning from './migrations/2026-11-23-16-planning.ts';
import * as retentionPlanning from './migrations/2026-11-23-17-retention-planning.ts';
import * as planningFollowThrough from './migrations/2026-11-23-20-planning-follow-through.ts';
import * as labourMarket from './migrations/2026-11-23-30-labour-market.ts';
import * as collaboration from './migrations/2026-11-23-31-collaboration.ts';
import * as closures from './migrations/2026-11-23-32-closures.ts';
import * as surveys from './migrations/2026-11-23-33-surveys.ts';
import * as reporting from './migrations/2026-11-23-40-reporting.ts';
import * as auditSamples from './migrations/2026-11-23-41-audit-samples.ts';
import * as citizen from './migrations/2026-11-23-50-citizen.ts';
import * as citizenMessages from './migrations/2026-11-23-51-citizen-messages.ts';
import * as errandHotUpdates from './migrations/2026-11-23-70-errand-hot-updates.ts';
import * as indicatorCube from './migrations/2026-11-23-80-indicator-cube.ts';
import * as aktivitetskravReductions from './migrations/2026-11-23-81-aktivitetskrav-reductions.ts';
import * as referralClosing from './migrations/2026-11-23-82-referral-closing.ts';
import * as staffInbox from './migrations/2026-11-23-82-staff-inbox.ts';
import * as consistencyCells from './migrations/2026-11-23-90-consistency-cells.ts';
import * as indicatorSubjects from './migrations/2026-11-23-91-indicator-subjects.ts';
import * as paymentsByMonth from './migrations/2026-11-23-92-payments-by-month.ts';
import * as assistedHouseholds from './migrations/2026-11-23-93-assisted-households.ts';
import { runScript } from './sql-script.ts';

const migrations: Record<string, Migration> = {
  '2026-11-23-01-foundation': foundation,
  '2026-11-23-02-case-flow': caseFlow,
  '2026-11-23-11-errand-core': errandCore,
  '2026-11-23-12-adopted-guidelines-immutable': adoptedGuidelinesImmutable,
  '2026-11-23-13-payments': payments,
  '2026-11-23-14-journal-tombstones': journalTombstones,
  '2026-11-23-15-retention': retention,
  '2026-11-23-16-planning': planning,
  '2026-11-23-17-retention-planning': retentionPlanning,
  '2026-11-23-70-errand-hot-updates': errandHotUpdates,
  '2026-11-23-20-planning-follow-through': planningFollowThrough,
  '2026-11-23-50-citizen': citizen,
  '2026-11-23-51-citizen-messages': citizenMessages,
  '2026-11-23-40-reporting': reporting,
  '2026-11-23-41-audit-samples': auditSamples,
  '2026-11-23-30-labour-market': labourMarket,
  '2026-11-23-31-collaboration': collaboration,
  '2026-11-23-32-closures': closures,
  '2026-11-23-33-surveys': surveys,
  '2026-11-23-81-aktivitetskrav-reductions': aktivitetskravReductions,
  '2026-11-23-82-referral-closing': referralClosing,
  '2026-11-23-82-staff-inbox': staffInbox,
  '2026-11-23-80-indicator-cube': indicatorCube,
  '2026-11-23-91-indicator-subjects': indicatorSubjects,
  '2026-11-23-92-payments-by-month': paymentsByMonth,
  '2026-11-23-93-assisted-households': assistedHouseholds,
  '2026-11-23-90-consistency-cells': consistencyCells,
};

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed independently of the app schema
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
  // The app role may use every table; row-level security decides which rows.
  await runScript(
    db,
    `
    grant usage on schema public to stegvis_app;
    grant select, insert, update, delete on all tables in schema public to stegvis_app;
    grant usage on all sequences in schema public to stegvis_app;
  `,
  );
}
