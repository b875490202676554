// What every feature receives from createApp: no module-level singletons, so each test
// builds its own app on its own database.
import type { Kysely } from 'kysely';
import type { SessionSettings } from './auth/sessions.ts';
import type { Config } from './config.ts';
import type { Database } from './db/schema.ts';

export type AppContext = {
  db: Kysely<Database>;
  clock: () => Date;
  config: Config;
  sessionSettings: SessionSettings;
};
