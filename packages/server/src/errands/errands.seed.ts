// Demo errands: about 30 % of the households that have an applicant this month get a
// renewal application (återansökan) for the month, received or under investigation, with
// rent and electricity (and child allowance for families), so the caseworkers' queues are
// not empty in the demo. One batch per table, so seeding stays fast.
import type { Insertable, Kysely } from 'kysely';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { between, demoUuids, seededRandom } from '../demo/synthetic.ts';
import type { ErrandItemTable } from '../investigation/investigation.table.ts';
import type { ErrandTable, ErrandTransitionTable } from './errands.table.ts';

export async function seedErrands(
  db: Kysely<Database>,
  municipalityId: string,
  options: { seed: number; today: string },
): Promise<void> {
  const random = seededRandom(options.seed * 101 + municipalityId.length);
  const month = options.today.slice(0, 7);
  const uuid = demoUuids(`${municipalityId}:errands:${options.seed}:${options.today}`);
  await inTenant(db, municipalityId, async (trx) => {
    const members = await trx
      .selectFrom('householdMembers as m')
      .innerJoin('households as h', (join) =>
        join.onRef('h.municipalityId', '=', 'm.municipalityId').onRef('h.id', '=', 'm.householdId'),
      )
      .innerJoin('persons as p', (join) =>
        join.onRef('p.municipalityId', '=', 'm.municipalityId').onRef('p.id', '=', 'm.personId'),
      )
      .select(['m.householdId', 'm.role', 'h.unitId', 'p.responsibleUserId'])
      .where('m.validFrom', '<=', `${month}-28`)
      .where((eb) => eb.or([eb('m.validTo', 'is', null), eb('m.validTo', '>=', `${month}-01`)]))
      .orderBy('m.householdId')
      .execute();
    const errands: Insertable<ErrandTable>[] = [];
    const transitions: Insertable<ErrandTransitionTable>[] = [];
    const items: Insertable<ErrandItemTable>[] = [];
    const childrenOf = new Map<string, number>();
    for (const m of members) {
      if (m.role === 'child') childrenOf.set(m.householdId, (childrenOf.get(m.householdId) ?? 0) + 1);
    }
    for (const applicant of members.filter((m) => m.role === 'applicant')) {
      if (random() >= 0.3) continue;
      const id = uuid();
      const state = random() < 0.5 ? 'received' : 'underInvestigation';
      const receivedAt = new Date(
        Date.parse(`${options.today}T08:00:00Z`) - between(random, 0, 10) * 86_400_000,
      );
      const by = applicant.responsibleUserId;
      errands.push({
        municipalityId,
        id,
        householdId: applicant.householdId,
        unitId: applicant.unitId,
        type: 'renewalApplication',
        month,
        state,
        source: random() < 0.6 ? 'eService' : 'staff',
        requestedNote: null,
        receivedAt,
        createdBy: by,
      });
      transitions.push({
        municipalityId,
        errandId: id,
        fromState: null,
        toState: 'received',
        userId: by,
        note: null,
        at: receivedAt,
      });
      if (state === 'underInvestigation') {
        transitions.push({
          municipalityId,
          errandId: id,
          fromState: 'received',
          toState: 'underInvestigation',
          userId: by,
          note: null,
          at: new Date(receivedAt.getTime() + 3_600_000),
        });
      }
      const item = (kind: 'income' | 'cost', type: string, amount: number) =>
        items.push({
          municipalityId,
          id: uuid(),
          errandId: id,
          kind,
          type,
          subtype: null,
          personId: null,
          amount,
          note: null,
          attachmentId: null,
          createdBy: by,
        });
      item('cost', 'housing', between(random, 40, 95) * 10_000);
      if (random() < 0.7) item('cost', 'householdElectricity', between(random, 20, 60) * 1_000);
      const children = childrenOf.get(applicant.householdId) ?? 0;
      // Barnbidrag, 1 250 kr per child and month (demo data, not a rule).
      if (children > 0) item('income', 'childAllowance', children * 125_000);
    }
    // In chunks, so a large benchmark seed stays under PostgreSQL's 65 535 parameters per statement.
    const CHUNK = 1000;
    for (let i = 0; i < errands.length; i += CHUNK)
      await trx
        .insertInto('errands')
        .values(errands.slice(i, i + CHUNK))
        .execute();
    for (let i = 0; i < transitions.length; i += CHUNK)
      await trx
        .insertInto('errandTransitions')
        .values(transitions.slice(i, i + CHUNK))
        .execute();
    for (let i = 0; i < items.length; i += CHUNK)
      await trx
        .insertInto('errandItems')
        .values(items.slice(i, i + CHUNK))
        .execute();
  });
}
