// Demo data: two invented municipalities (Älvstad, the demo, and Sjöby, to prove tenant
// isolation) in one invented region, their committees, units and staff, and N synthetic
// households with membership over M months. Used by `npm start` on an empty database,
// by the tests' database snapshot and, at scale, by the benchmarks.
import type { Insertable, Kysely } from 'kysely';
import { seedAktivitetskravDemo } from '../aktivitetskrav/aktivitetskrav.seed.ts';
import { seedAssignments } from '../assignments/assignments.service.ts';
import { hashPassword } from '../auth/passwords.ts';
import { seedClosures } from '../closures/closures.seed.ts';
import { seedCollaboration } from '../collaboration/collaboration.seed.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { seedDecisionRules } from '../decisions/decisions.seed.ts';
import { seedErrands } from '../errands/errands.seed.ts';
import { seedDraftGuideline, seedGuidelines } from '../guidelines/guidelines.seed.ts';
import type { HouseholdMemberTable } from '../households/households.table.ts';
import { seedInsatser, seedRegionInsatser } from '../insatser/insatser.seed.ts';
import { swedishIban } from '../payments/iban.ts';
import type { PersonTable } from '../persons/persons.table.ts';
import { seedPlanningSettings } from '../plans/planning-settings.ts';
import { seedPlanningDemo, seedPlanningInsatser } from '../plans/plans.seed.ts';
import { seedLabourMarket } from '../referrals/referrals.seed.ts';
import { seedReportingHistory, seedReportingSettings } from '../reporting/reporting.seed.ts';
import type { Role } from '../staff/staff.table.ts';
import { seedSurveyQuestions } from '../surveys/surveys.service.ts';
import { address, between, demoUuids, identityNumber, person, seededRandom } from './synthetic.ts';

export const DEMO_PASSWORD = 'demo-stegvis';

export type SeedOptions = {
  households: number;
  months: number;
  seed: number;
  today: string;
  /** Past months' decisions, payments, kartläggningar and plans for the dashboard (npm start). */
  history?: boolean;
};

type DemoUser = { username: string; name: string; role: Role; municipalityId: string; unitId: string | null };

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'erik', name: 'Erik Lund', role: 'caseworker', municipalityId: 'alvstad', unitId: 'eb-norr' },
  { username: 'lina', name: 'Lina Berg', role: 'caseworker', municipalityId: 'alvstad', unitId: 'eb-syd' },
  { username: 'sara', name: 'Sara Holm', role: 'coach', municipalityId: 'alvstad', unitId: 'ame' },
  { username: 'maria', name: 'Maria Ek', role: 'unitManager', municipalityId: 'alvstad', unitId: 'eb-norr' },
  { username: 'nils', name: 'Nils Ås', role: 'committee', municipalityId: 'alvstad', unitId: null },
  { username: 'rut', name: 'Rut Falk', role: 'auditor', municipalityId: 'alvstad', unitId: null },
  { username: 'adam', name: 'Adam Wik', role: 'sysadmin', municipalityId: 'alvstad', unitId: 'adm' },
  { username: 'kim', name: 'Kim Dahl', role: 'caseworker', municipalityId: 'sjoby', unitId: 'eb' },
];

type DemoMunicipality = {
  id: string;
  name: string;
  code: string;
  city: string;
  postalPrefix: string;
  assistanceUnits: string[];
  share: number;
};

const MUNICIPALITIES: DemoMunicipality[] = [
  {
    id: 'alvstad',
    name: 'Älvstads kommun',
    code: '9901',
    city: 'Älvstad',
    postalPrefix: '79',
    assistanceUnits: ['eb-norr', 'eb-syd'],
    share: 0.8,
  },
  {
    id: 'sjoby',
    name: 'Sjöby kommun',
    code: '9902',
    city: 'Sjöby',
    postalPrefix: '78',
    assistanceUnits: ['eb'],
    share: 0.2,
  },
];

export async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('municipalities').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

async function seedOrganisation(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('regions')
    .values({ id: 'fyrkanten', name: 'Fyrkantens samverkansområde (fiktivt)' })
    .execute();
  await db
    .insertInto('municipalities')
    .values(
      MUNICIPALITIES.map((m) => ({
        id: m.id,
        name: m.name,
        code: m.code,
        county: 'Exempellän (fiktivt)',
        regionId: 'fyrkanten',
        letterhead: {
          name: m.name,
          address: `Box 100, ${m.postalPrefix}1 00 ${m.city}`,
          phone: '0100-10 00 00',
        },
        // Fictitious accounts: bank code 999 belongs to no bank.
        payoutAccount: swedishIban('999', `${m.code}0000001`),
      })),
    )
    .execute();
  await db
    .insertInto('committees')
    .values([
      { municipalityId: 'alvstad', id: 'soc', name: 'Socialnämnden' },
      { municipalityId: 'alvstad', id: 'aln', name: 'Arbetsmarknads- och lärandenämnden' },
      { municipalityId: 'sjoby', id: 'soc', name: 'Socialnämnden' },
    ])
    .execute();
  await db
    .insertInto('units')
    .values([
      {
        municipalityId: 'alvstad',
        id: 'eb-norr',
        name: 'Ekonomiskt bistånd Norr',
        kind: 'financialAssistance',
      },
      {
        municipalityId: 'alvstad',
        id: 'eb-syd',
        name: 'Ekonomiskt bistånd Syd',
        kind: 'financialAssistance',
      },
      { municipalityId: 'alvstad', id: 'ame', name: 'Arbetsmarknadsenheten', kind: 'labourMarket' },
      {
        municipalityId: 'alvstad',
        id: 'adm',
        name: 'Socialförvaltningens administration',
        kind: 'administration',
      },
      { municipalityId: 'sjoby', id: 'eb', name: 'Ekonomiskt bistånd', kind: 'financialAssistance' },
    ])
    .execute();
  // The labour-market unit moved from the social committee to its own committee in 2025.
  await db
    .insertInto('unitCommittees')
    .values([
      {
        municipalityId: 'alvstad',
        unitId: 'eb-norr',
        committeeId: 'soc',
        validFrom: '2020-01-01',
        validTo: null,
      },
      {
        municipalityId: 'alvstad',
        unitId: 'eb-syd',
        committeeId: 'soc',
        validFrom: '2020-01-01',
        validTo: null,
      },
      {
        municipalityId: 'alvstad',
        unitId: 'adm',
        committeeId: 'soc',
        validFrom: '2020-01-01',
        validTo: null,
      },
      {
        municipalityId: 'alvstad',
        unitId: 'ame',
        committeeId: 'soc',
        validFrom: '2020-01-01',
        validTo: '2024-12-31',
      },
      {
        municipalityId: 'alvstad',
        unitId: 'ame',
        committeeId: 'aln',
        validFrom: '2025-01-01',
        validTo: null,
      },
      { municipalityId: 'sjoby', unitId: 'eb', committeeId: 'soc', validFrom: '2020-01-01', validTo: null },
    ])
    .execute();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staffId = demoUuids('staff');
  await db
    .insertInto('staffUsers')
    .values(
      DEMO_USERS.map((u) => ({
        municipalityId: u.municipalityId,
        id: staffId(),
        username: u.username,
        name: u.name,
        role: u.role,
        unitId: u.unitId,
        passwordHash,
        oidcSubject: u.username,
      })),
    )
    .execute();
}

function monthStart(today: string, monthsBack: number): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1 - monthsBack;
  const d = new Date(Date.UTC(year, month, 1));
  return d.toISOString().slice(0, 10);
}

async function seedHouseholds(
  db: Kysely<Database>,
  m: DemoMunicipality,
  count: number,
  options: SeedOptions,
): Promise<void> {
  const random = seededRandom(options.seed * 31 + m.code.charCodeAt(3));
  const uuid = demoUuids(`${m.id}:households:${options.seed}:${options.today}`);
  const caseworkers = await db
    .selectFrom('staffUsers')
    .select(['id', 'unitId'])
    .where('municipalityId', '=', m.id)
    .where('role', '=', 'caseworker')
    .execute();
  const used = new Set<string>();
  let serial = 10;
  const nextIdentity = (birthDate: string, gender: 'female' | 'male') => {
    for (;;) {
      const candidate = identityNumber(birthDate, gender, serial++);
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  };
  const BATCH = 400;
  for (let start = 0; start < count; start += BATCH) {
    const persons: Insertable<PersonTable>[] = [];
    const households: { municipalityId: string; id: string; unitId: string; payoutAccount: string }[] = [];
    const members: HouseholdMemberTable[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const unitId = m.assistanceUnits[i % m.assistanceUnits.length] as string;
      const responsible = caseworkers.find((c) => c.unitId === unitId)?.id ?? null;
      const householdId = uuid();
      households.push({
        municipalityId: m.id,
        id: householdId,
        unitId,
        payoutAccount: swedishIban('999', `${m.code}${String(i + 1).padStart(8, '0')}`),
      });
      const from = monthStart(options.today, between(random, 0, Math.max(0, options.months - 1)));
      const closed = random() < 0.2 && from < monthStart(options.today, 1);
      const validTo = closed ? `${options.today.slice(0, 8)}01` : null;
      const home = address(random, m.city, m.postalPrefix);
      const isProtected = random() < 0.02;
      const add = (p: ReturnType<typeof person>, role: HouseholdMemberTable['role'], memberFrom = from) => {
        const id = uuid();
        persons.push({
          municipalityId: m.id,
          id,
          personalIdentityNumber: nextIdentity(p.birthDate, p.gender),
          birthDate: p.birthDate,
          gender: p.gender,
          firstName: p.firstName,
          lastName: p.lastName,
          ...home,
          unitId,
          responsibleUserId: responsible,
          confidentialityMarking: isProtected,
          protectedRegistration: false,
          fictitiousIdentity: false,
        });
        members.push({
          municipalityId: m.id,
          householdId,
          personId: id,
          role,
          validFrom: memberFrom,
          validTo,
        });
      };
      const applicant = person(random, options.today, 18, 64);
      add(applicant, 'applicant');
      const shape = random();
      if (shape > 0.6) add(person(random, options.today, 18, 64, applicant.lastName), 'partner');
      if (shape > 0.35) {
        const children = between(random, 1, 4);
        for (let c = 0; c < children; c++)
          add(person(random, options.today, 0, 17, applicant.lastName), 'child');
      }
    }
    await inTenant(db, m.id, async (trx) => {
      await trx.insertInto('persons').values(persons).execute();
      await trx.insertInto('households').values(households).execute();
      await trx.insertInto('householdMembers').values(members).execute();
    });
  }
}

/** The delegationsordning, motiveringsmallar and the region's shared guideline set. */
async function seedDecisionSupport(db: Kysely<Database>): Promise<void> {
  await seedDecisionRules(
    db,
    MUNICIPALITIES.map((m) => m.id),
  );
  await seedGuidelines(db, 'fyrkanten');
  await seedDraftGuideline(db);
  await seedRegionInsatser(db, 'fyrkanten');
}

export async function seedDemo(db: Kysely<Database>, options: SeedOptions): Promise<void> {
  await seedOrganisation(db);
  await seedDecisionSupport(db);
  for (const m of MUNICIPALITIES) {
    await seedHouseholds(db, m, Math.max(1, Math.round(options.households * m.share)), options);
    await seedAssignments(db, m.id);
    await seedErrands(db, m.id, options);
    await seedPlanningSettings(db, m.id);
    await seedPlanningDemo(
      db,
      {
        id: m.id,
        code: m.code,
        city: m.city,
        postalPrefix: m.postalPrefix,
        unitId: m.assistanceUnits[0] as string,
      },
      options.today,
    );
    // The planning demo's households get their caseworker like every other household.
    await seedAssignments(db, m.id);
    await seedReportingSettings(db, m.id);
    if (options.history) await seedReportingHistory(db, m.id, options);
    await seedInsatser(db, m.id);
    await seedPlanningInsatser(db, { id: m.id, unitId: m.assistanceUnits[0] as string }, options.today);
    await seedAktivitetskravDemo(db, { id: m.id, unitId: m.assistanceUnits[0] as string }, options.today);
    await seedLabourMarket(db, m.id, options.today);
    await seedCollaboration(db, m.id, options.today);
    await seedSurveyQuestions(db, m.id);
    await seedClosures(db, m.id, options);
  }
}

/** Adds the past months' history to an already seeded demo (browser tests of the dashboard). */
export async function seedDemoHistory(db: Kysely<Database>, options: SeedOptions): Promise<void> {
  for (const m of MUNICIPALITIES) await seedReportingHistory(db, m.id, options);
}
