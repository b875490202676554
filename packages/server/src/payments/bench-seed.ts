// Bulk seeding for the monthly payment run at scale (batch benchmark, crash-safety test): N
// households with fictitious people and accounts, a renewal errand each for one month, a
// calculation record per errand (the rules engine) and a granting decision per calculation.
import { type CalculationInput, calculate, isCalculationError, type Member } from '@stegvis/rules';
import { type Insertable, sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.ts';
import { inTenant } from '../db/database.ts';
import type { ErrandTable } from '../errands/errands.table.ts';
import type { HouseholdMemberTable, HouseholdTable } from '../households/households.table.ts';
import type { PersonTable } from '../persons/persons.table.ts';
import { swedishIban } from './iban.ts';

export const BENCH_MUNICIPALITY = 'alvstad';
const MUNICIPALITY = BENCH_MUNICIPALITY;

/** N households with fictitious people and accounts, inserted in bulk. */
export async function seedBenchHouseholds(
  db: DatabaseHandle['db'],
  count: number,
  month: string,
): Promise<void> {
  const CHUNK = 2000;
  for (let start = 0; start < count; start += CHUNK) {
    const households: Insertable<HouseholdTable>[] = [];
    const persons: Insertable<PersonTable>[] = [];
    const members: HouseholdMemberTable[] = [];
    const errands: Insertable<ErrandTable>[] = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i++) {
      const householdId = crypto.randomUUID();
      const unitId = i % 2 === 0 ? 'eb-norr' : 'eb-syd';
      households.push({
        municipalityId: MUNICIPALITY,
        id: householdId,
        unitId,
        payoutAccount: swedishIban('999', `8${String(i).padStart(10, '0')}`),
      });
      errands.push({
        municipalityId: MUNICIPALITY,
        id: crypto.randomUUID(),
        householdId,
        unitId,
        type: 'renewalApplication',
        month,
        state: 'readyForDecision',
        requestedNote: 'benchmark',
        createdBy: null,
      });
      const people: { role: HouseholdMemberTable['role']; birthDate: string; firstName: string }[] = [
        { role: 'applicant', birthDate: `${1965 + (i % 35)}-0${1 + (i % 9)}-1${i % 10}`, firstName: 'Alva' },
      ];
      if (i % 3 === 0) {
        people.push(
          { role: 'partner', birthDate: '1984-05-02', firstName: 'Bo' },
          { role: 'child', birthDate: '2015-03-14', firstName: 'Cleo' },
          { role: 'child', birthDate: '2020-11-30', firstName: 'Dante' },
        );
      }
      for (const [n, p] of people.entries()) {
        const personId = crypto.randomUUID();
        persons.push({
          municipalityId: MUNICIPALITY,
          id: personId,
          personalIdentityNumber: `BENCH${String(i).padStart(6, '0')}${n}`,
          birthDate: p.birthDate,
          gender: n % 2 === 0 ? 'female' : 'male',
          firstName: p.firstName,
          lastName: `Exempelsson ${i}`,
          street: null,
          postalCode: null,
          city: null,
          unitId,
          responsibleUserId: null,
        });
        members.push({
          municipalityId: MUNICIPALITY,
          householdId,
          personId,
          role: p.role,
          validFrom: '2026-01-01',
          validTo: null,
        });
      }
    }
    await inTenant(db, MUNICIPALITY, async (trx) => {
      await trx.insertInto('households').values(households).execute();
      await trx.insertInto('errands').values(errands).execute();
      for (let i = 0; i < persons.length; i += 2000) {
        await trx
          .insertInto('persons')
          .values(persons.slice(i, i + 2000))
          .execute();
        await trx
          .insertInto('householdMembers')
          .values(members.slice(i, i + 2000))
          .execute();
      }
    });
    // Keep the foreign-key checks' plans on the indexes as the tables grow (PGlite has no autovacuum).
    await sql`analyze households, persons, household_members, errands`.execute(db);
  }
}

/** One calculation record per benchmark errand, through the rules engine. */
export async function writeBenchCalculations(
  db: DatabaseHandle['db'],
  month: string,
  createdBy: string,
): Promise<{ written: number; refused: number }> {
  const members = await inTenant(db, MUNICIPALITY, (trx) =>
    trx
      .selectFrom('errands as e')
      .innerJoin('householdMembers as hm', (j) =>
        j.onRef('hm.municipalityId', '=', 'e.municipalityId').onRef('hm.householdId', '=', 'e.householdId'),
      )
      .innerJoin('persons as p', (j) =>
        j.onRef('p.municipalityId', '=', 'hm.municipalityId').onRef('p.id', '=', 'hm.personId'),
      )
      .select(['e.id as errandId', 'hm.personId', 'hm.role', 'p.birthDate'])
      .where('e.requestedNote', '=', 'benchmark')
      .execute(),
  );
  const byErrand = new Map<string, Member[]>();
  for (const m of members) {
    const list = byErrand.get(m.errandId) ?? [];
    list.push(
      m.role === 'child'
        ? {
            id: m.personId,
            role: 'child',
            birthDate: m.birthDate,
            ...(m.birthDate <= '2008-12-31' ? { inSchool: true } : {}),
          }
        : { id: m.personId, role: m.role, birthDate: m.birthDate },
    );
    byErrand.set(m.errandId, list);
  }
  const calculationRows: {
    errandId: string;
    input: string;
    result: string;
    parameterSet: string;
    assistance: number;
  }[] = [];
  let refused = 0;
  for (const [errandId, list] of byErrand) {
    const children = list.filter((m) => m.role === 'child').length;
    const input = {
      month: month,
      household: { members: list },
      costs: [
        { type: 'housing', amount: 500_000 + (children + 1) * 100_000 },
        { type: 'householdElectricity', amount: 40_000 },
      ],
      incomes: children > 0 ? [{ type: 'childAllowance', amount: children * 125_000 }] : [],
    } as CalculationInput;
    const output = calculate(input);
    if (isCalculationError(output)) {
      refused++;
      continue;
    }
    calculationRows.push({
      errandId,
      input: JSON.stringify(input),
      result: JSON.stringify(output),
      parameterSet: output.parameters,
      assistance: output.assistance,
    });
  }
  for (let i = 0; i < calculationRows.length; i += 1000) {
    await inTenant(db, MUNICIPALITY, (trx) =>
      trx
        .insertInto('calculations')
        .values(
          calculationRows.slice(i, i + 1000).map((r) => ({
            municipalityId: MUNICIPALITY,
            id: crypto.randomUUID(),
            errandId: r.errandId,
            input: r.input,
            result: r.result,
            parameterSet: r.parameterSet,
            guidelineSetId: null,
            assistance: r.assistance,
            createdBy,
          })),
        )
        .execute(),
    );
  }
  return { written: calculationRows.length, refused };
}

/** Set-based: one granting decision and item per calculation, and every benchmark errand decided. */
export async function writeBenchDecisions(db: DatabaseHandle['db'], decidedBy: string): Promise<void> {
  await sql`analyze calculations`.execute(db);
  await inTenant(db, MUNICIPALITY, async (trx) => {
    await sql`
    insert into decisions (municipality_id, id, errand_id, calculation_id, decided_by, reasoning, granted_total)
    select c.municipality_id, gen_random_uuid(), c.errand_id, c.id, ${decidedBy}::uuid,
      'Hushållets inkomster räcker inte till norm och skäliga kostnader.', c.assistance
    from calculations c
    where c.municipality_id = ${MUNICIPALITY} and c.created_by = ${decidedBy}::uuid
  `.execute(trx);
    await sql`
    insert into decision_items (municipality_id, decision_id, item_no, description, requested, granted, outcome, reasons, legal_basis)
    select d.municipality_id, d.id, 1, 'Försörjningsstöd och boendekostnad', d.granted_total, d.granted_total,
      'granted', 'Behovet är styrkt.', 'SoL 2025:400 12 kap. 1 §'
    from decisions d
    where d.municipality_id = ${MUNICIPALITY} and d.decided_by = ${decidedBy}::uuid
  `.execute(trx);
    await sql`
    insert into errand_transitions (municipality_id, errand_id, from_state, to_state, user_id, note)
    select municipality_id, id, state, 'decided', ${decidedBy}::uuid, 'Beslut fattat'
    from errands where municipality_id = ${MUNICIPALITY} and requested_note = 'benchmark'
  `.execute(trx);
    await sql`update errands set state = 'decided' where municipality_id = ${MUNICIPALITY} and requested_note = 'benchmark'`.execute(
      trx,
    );
  });
}
