// Need-to-know for the labour-market unit: a coach sees a person only through a referral to
// the coach's own unit that is waiting for an answer or accepted (not returned or closed).
import type { Kysely } from 'kysely';
import type { SessionUser } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';

/** The persons whose open referral has reached the coach's unit. */
export async function coachVisiblePersonIds(
  trx: Kysely<Database>,
  viewer: SessionUser,
  ids?: readonly string[],
): Promise<Set<string>> {
  if (viewer.role !== 'coach' || !viewer.unit || ids?.length === 0) return new Set();
  let query = trx
    .selectFrom('referrals')
    .select('personId')
    .where('toUnitId', '=', viewer.unit.id)
    .where('status', 'in', ['sent', 'accepted']);
  if (ids) query = query.where('personId', 'in', [...new Set(ids)]);
  const rows = await query.execute();
  return new Set(rows.map((row) => row.personId));
}

/** "Mina deltagare": the persons whose referral the coach has accepted as their named coach. */
export async function coachParticipantIds(trx: Kysely<Database>, viewer: SessionUser): Promise<string[]> {
  if (viewer.role !== 'coach') return [];
  const rows = await trx
    .selectFrom('referrals')
    .select('personId')
    .where('coachId', '=', viewer.id)
    .where('status', '=', 'accepted')
    .distinct()
    .execute();
  return rows.map((row) => row.personId);
}
