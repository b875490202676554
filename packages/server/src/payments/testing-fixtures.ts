// Test fixtures for the payment flow: a household's errand in state `decided` with its decision
// and decision items, written with Kysely inside the tenant (as the errands and decisions
// features would have left them), for tests that start where the decision ends.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { ErrandState } from '../errands/errands.table.ts';
import { swedishIban } from './iban.ts';

export type FixtureItem = { granted: number; description?: string; legalBasis?: string };

export const NEW_LAW_BASIS = 'SoL 2025:400 12 kap. 1 §';

let serial = 0;

/**
 * `count` new households in the unit, each with an applicant who has lived there since 2020 and a
 * payout account — so a test never depends on which seeded households the random seed made.
 */
export async function householdsOf(db: Kysely<Database>, municipalityId: string, unitId: string, count = 12) {
  return inTenant(db, municipalityId, async (trx) => {
    const created: { id: string; applicantId: string }[] = [];
    for (let i = 0; i < count; i++) {
      serial++;
      const id = randomUUID();
      const applicantId = randomUUID();
      await trx
        .insertInto('households')
        .values({
          municipalityId,
          id,
          unitId,
          payoutAccount: swedishIban('999', `7${String(serial).padStart(9, '0')}`),
        })
        .execute();
      await trx
        .insertInto('persons')
        .values({
          municipalityId,
          id: applicantId,
          personalIdentityNumber: `1980${String(serial).padStart(4, '0')}${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`,
          birthDate: '1980-01-01',
          gender: serial % 2 === 0 ? 'female' : 'male',
          firstName: 'Testa',
          lastName: `Testsson ${serial}`,
          street: null,
          postalCode: null,
          city: null,
          unitId,
          responsibleUserId: null,
        })
        .execute();
      await trx
        .insertInto('householdMembers')
        .values({
          municipalityId,
          householdId: id,
          personId: applicantId,
          role: 'applicant',
          validFrom: '2020-01-01',
          validTo: null,
        })
        .execute();
      created.push({ id, applicantId });
    }
    return created;
  });
}

/** An errand with (unless `items` is null) a decision granting the items. */
export async function createDecidedErrand(
  db: Kysely<Database>,
  options: {
    municipalityId: string;
    householdId: string;
    month: string;
    decidedBy: string;
    items: FixtureItem[] | null;
    state?: ErrandState;
    decidedAt?: Date;
  },
): Promise<{ errandId: string; decisionId: string | null }> {
  return inTenant(db, options.municipalityId, async (trx) => {
    const household = await trx
      .selectFrom('households')
      .select('unitId')
      .where('id', '=', options.householdId)
      .executeTakeFirstOrThrow();
    const errandId = randomUUID();
    await trx
      .insertInto('errands')
      .values({
        municipalityId: options.municipalityId,
        id: errandId,
        householdId: options.householdId,
        unitId: household.unitId,
        type: 'renewalApplication',
        month: options.month,
        state: options.state ?? (options.items ? 'decided' : 'readyForDecision'),
      })
      .execute();
    if (!options.items) return { errandId, decisionId: null };
    const decisionId = randomUUID();
    const items = options.items;
    await trx
      .insertInto('decisions')
      .values({
        municipalityId: options.municipalityId,
        id: decisionId,
        errandId,
        decidedBy: options.decidedBy,
        ...(options.decidedAt ? { decidedAt: options.decidedAt } : {}),
        reasoning: 'Hushållet saknar inkomster som täcker behovet.',
        grantedTotal: items.reduce((sum, i) => sum + i.granted, 0),
      })
      .execute();
    await trx
      .insertInto('decisionItems')
      .values(
        items.map((item, index) => ({
          municipalityId: options.municipalityId,
          decisionId,
          itemNo: index + 1,
          description: item.description ?? 'Försörjningsstöd',
          requested: item.granted,
          granted: item.granted,
          outcome: item.granted > 0 ? ('granted' as const) : ('rejected' as const),
          reasons: 'Behovet är styrkt.',
          legalBasis: item.legalBasis ?? NEW_LAW_BASIS,
        })),
      )
      .execute();
    return { errandId, decisionId };
  });
}
