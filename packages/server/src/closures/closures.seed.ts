// Demo closures: the applicants of the demo households that left assistance this month get a
// closure with an avslutsorsak in the past year (weighted roughly like a municipality's
// figures: most to work or another benefit), and their 6- and 12-month follow-ups — the ones
// already due are recorded, so the queues are not filled with invented backlog. Someone who
// moved away or died gets no follow-ups in the demo.
import type { Kysely } from 'kysely';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { demoUuids, pickWeighted, seededRandom } from '../demo/synthetic.ts';
import { addMonths } from '../plans/planning-settings.ts';
import type { ClosureReason } from './closures.schemas.ts';

const REASONS: [ClosureReason, number][] = [
  ['work', 34],
  ['studiesWithAllowance', 10],
  ['subsidisedEmployment', 8],
  ['benefitFromAgency', 14],
  ['moved', 9],
  ['deceased', 1],
  ['didNotReapply', 19],
  ['other', 5],
];

export async function seedClosures(
  db: Kysely<Database>,
  municipalityId: string,
  options: { seed: number; today: string },
): Promise<void> {
  const random = seededRandom(options.seed * 71 + municipalityId.length);
  const uuid = demoUuids(`${municipalityId}:closures:${options.seed}:${options.today}`);
  await inTenant(db, municipalityId, async (trx) => {
    const left = await trx
      .selectFrom('householdMembers as m')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.municipalityId', '=', 'm.municipalityId').onRef('p.id', '=', 'm.personId'),
      )
      .select(['m.personId', 'p.responsibleUserId'])
      .where('m.role', '=', 'applicant')
      .where('m.validTo', 'is not', null)
      .where('p.responsibleUserId', 'is not', null)
      .orderBy('m.personId')
      .execute();
    const closures = [];
    const followUps = [];
    for (const person of left) {
      const closedOn = new Date(
        Date.parse(`${options.today}T00:00:00Z`) - (20 + Math.floor(random() * 330)) * 86_400_000,
      )
        .toISOString()
        .slice(0, 10);
      const id = uuid();
      const reason = pickWeighted(random, REASONS);
      const closedBy = person.responsibleUserId as string;
      closures.push({
        municipalityId,
        id,
        personId: person.personId,
        closedOn,
        reason,
        reasonNote: null,
        closedBy,
      });
      // Someone who moved away or died is not followed up here.
      if (reason === 'moved' || reason === 'deceased') continue;
      for (const months of [6, 12] as const) {
        const dueOn = addMonths(closedOn, months);
        const done = dueOn < options.today;
        const selfSupporting = done ? random() < 0.8 : null;
        followUps.push({
          municipalityId,
          id: uuid(),
          closureId: id,
          personId: person.personId,
          months,
          dueOn,
          doneOn: done ? dueOn : null,
          selfSupporting,
          situation:
            selfSupporting === null
              ? null
              : selfSupporting
                ? ('work' as const)
                : ('assistanceAgain' as const),
          note: null,
          recordedBy: done ? closedBy : null,
        });
      }
    }
    if (closures.length === 0) return;
    await trx.insertInto('caseClosures').values(closures).execute();
    await trx.insertInto('closureFollowUps').values(followUps).execute();
  });
}
