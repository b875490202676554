// Samverkansparter: the agencies the municipality works with (Arbetsförmedlingen,
// Försäkringskassan, the region's psychiatry, the samordningsförbund).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { agencyInput, agencySchema } from './referrals.schemas.ts';

const collator = new Intl.Collator('sv');

export async function listAgencies(
  db: Kysely<Database>,
  viewer: SessionUser,
): Promise<z.infer<typeof agencySchema>[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const rows = await trx.selectFrom('partnerAgencies').select(['id', 'name', 'kind']).execute();
    return rows.sort((a, b) => collator.compare(a.name, b.name));
  });
}

export async function createAgency(
  db: Kysely<Database>,
  viewer: SessionUser,
  input: z.infer<typeof agencyInput>,
) {
  return inTenant(db, viewer.municipality.id, (trx) =>
    trx
      .insertInto('partnerAgencies')
      .values({ municipalityId: viewer.municipality.id, id: randomUUID(), ...input })
      .returning(['id', 'name', 'kind'])
      .executeTakeFirstOrThrow(),
  );
}
