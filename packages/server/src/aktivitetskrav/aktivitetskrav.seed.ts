// Demo data for the aktivitetskrav: in each municipality's first assistance unit, Johan Berg
// (planning demo) attended 12 of 30 planned hours a week this month, was sent a förvarning, and
// a reduction of next month's försörjningsstöd was decided (SoL 2025:400 12 kap. 5 §), so the
// next month's calculation and decision letter show it on `npm start`. Synthetic data.
import { reductionBasisFor } from '@stegvis/rules';
import type { Kysely } from 'kysely';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { demoUuids } from '../demo/synthetic.ts';
import { addDays, addMonths } from '../plans/planning-settings.ts';

export async function seedAktivitetskravDemo(
  db: Kysely<Database>,
  municipality: { id: string; unitId: string },
  today: string,
): Promise<void> {
  const month = today.slice(0, 7);
  const next = addMonths(`${month}-01`, 1).slice(0, 7);
  const basis = reductionBasisFor(next, 'aktivitetskrav');
  // Only once the month has a few days behind it: a deviation is recorded for a month that has begun.
  if (!basis || Number(today.slice(8, 10)) < 4) return;
  const uuid = demoUuids(`${municipality.id}:aktivitetskrav:${today}`);
  await inTenant(db, municipality.id, async (trx) => {
    const person = await trx
      .selectFrom('persons')
      .select(['id', 'responsibleUserId'])
      .where('firstName', '=', 'Johan')
      .where('lastName', '=', 'Berg')
      .where('unitId', '=', municipality.unitId)
      .executeTakeFirst();
    if (!person?.responsibleUserId) return;
    const deviationId = uuid();
    await trx
      .insertInto('aktivitetskravDeviations')
      .values({
        municipalityId: municipality.id,
        id: deviationId,
        personId: person.id,
        month,
        plannedHoursPerWeek: 30,
        attendedHoursPerWeek: 12,
        description:
          'Kom inte till SFI-undervisningen och språkpraktiken två veckor i rad och hörde inte av sig till handledaren.',
        noticeSentOn: addDays(today, -3),
        createdBy: person.responsibleUserId,
      })
      .execute();
    await trx
      .insertInto('aktivitetskravReductions')
      .values({
        municipalityId: municipality.id,
        id: uuid(),
        personId: person.id,
        deviationId,
        month: next,
        amount: 80_000,
        reason:
          'Du har utan godtagbart skäl uteblivit från SFI och språkpraktik i två veckor trots förvarning. Försörjningsstödet sätts ned med 800 kr för nästa månad.',
        legalBasis: basis.basis,
        decidedBy: person.responsibleUserId,
        decidedAt: new Date(`${addDays(today, -1)}T09:00:00Z`),
      })
      .execute();
  });
}
