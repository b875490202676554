// Demo catalogue: the region's shared offerings, Älvstad's own, and the workplaces that take
// placements. Invented providers and employers (organisation numbers in no register).
import type { Kysely } from 'kysely';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { demoUuids } from '../demo/synthetic.ts';
import type { InsatsKind, InsatsTable } from './insatser.table.ts';

type Entry = Omit<InsatsTable, 'id' | 'ownerMunicipalityId' | 'ownerRegionId' | 'active' | 'createdAt'>;

const REGION_INSATSER: Entry[] = [
  {
    name: 'Hälsa och arbete – samordnad rehabilitering',
    kind: 'healthRehab',
    provider: 'Samordningsförbundet Fyrkanten (fiktivt)',
    targetGroup: 'Personer 18–64 år med ohälsa som behöver samordnat stöd från flera myndigheter',
    eligibility: 'Aktuell hos minst två av kommunen, Arbetsförmedlingen, Försäkringskassan och regionen',
    capacity: 12,
    durationWeeks: 26,
    costPerParticipantOre: 0,
    fundingSource: 'coordinationAssociation',
  },
  {
    name: 'Sfi med språkpraktik',
    kind: 'swedishLanguage',
    provider: 'Fyrkantens vuxenutbildning (fiktivt)',
    targetGroup: 'Vuxna som läser svenska för invandrare',
    eligibility: 'Inskriven på sfi, kurs B eller högre',
    capacity: 30,
    durationWeeks: 20,
    costPerParticipantOre: 1_200_000,
    fundingSource: 'region',
  },
];

const MUNICIPAL_INSATSER: Record<string, Entry[]> = {
  alvstad: [
    {
      name: 'Arbetsträning på Återbruket',
      kind: 'workTraining',
      provider: 'Arbetsmarknadsenheten, Älvstad',
      targetGroup: 'Personer med försörjningsstöd som står långt från arbetsmarknaden',
      eligibility: 'Remiss från ekonomiskt bistånd; kartläggning gjord',
      capacity: 2,
      durationWeeks: 12,
      costPerParticipantOre: 2_400_000,
      fundingSource: 'municipality',
    },
    {
      name: 'Jobbcoachning',
      kind: 'jobCoaching',
      provider: 'Arbetsmarknadsenheten, Älvstad',
      targetGroup: 'Arbetssökande som behöver stöd att söka arbete',
      eligibility: 'Inskriven på Arbetsförmedlingen',
      capacity: 40,
      durationWeeks: 16,
      costPerParticipantOre: 900_000,
      fundingSource: 'municipality',
    },
    {
      name: 'Praktik inom äldreomsorgen',
      kind: 'workPractice',
      provider: 'Vård- och omsorgsförvaltningen, Älvstad',
      targetGroup: 'Personer som vill pröva arbete inom vård och omsorg',
      eligibility: 'Grundläggande svenska (motsvarande sfi D)',
      capacity: 8,
      durationWeeks: 8,
      costPerParticipantOre: 500_000,
      fundingSource: 'esf',
    },
    {
      name: 'Budget- och skuldrådgivning i grupp',
      kind: 'budgetCounselling',
      provider: 'Konsumentvägledningen, Älvstad',
      targetGroup: 'Personer med skulder eller svårt att få ekonomin att gå ihop',
      eligibility: 'Ingen remiss behövs',
      capacity: 15,
      durationWeeks: 4,
      costPerParticipantOre: 0,
      fundingSource: 'municipality',
    },
  ],
  sjoby: [
    {
      name: 'Arbetsträning i kommunens parkavdelning',
      kind: 'workTraining',
      provider: 'Sjöby kommun, tekniska förvaltningen',
      targetGroup: 'Personer med försörjningsstöd',
      eligibility: 'Remiss från ekonomiskt bistånd',
      capacity: 4,
      durationWeeks: 12,
      costPerParticipantOre: 1_500_000,
      fundingSource: 'municipality',
    },
  ],
};

const WORKPLACES: Record<
  string,
  { name: string; org: string; industry: string; contact: string; kinds: InsatsKind[]; places: number }[]
> = {
  alvstad: [
    {
      name: 'Älvstads Bygg & Fastighet AB',
      org: '559900-0101',
      industry: 'Bygg',
      contact: 'Johan Strand',
      kinds: ['workPractice', 'subsidisedEmployment'],
      places: 2,
    },
    {
      name: 'Café Strömmen',
      org: '559900-0202',
      industry: 'Restaurang och café',
      contact: 'Leila Karimi',
      kinds: ['workPractice', 'workTraining'],
      places: 3,
    },
    {
      name: 'Solgårdens äldreboende',
      org: '212000-9901',
      industry: 'Vård och omsorg',
      contact: 'Birgitta Nyman',
      kinds: ['workPractice'],
      places: 4,
    },
  ],
  sjoby: [
    {
      name: 'Sjöby Lantbruk',
      org: '559900-0303',
      industry: 'Jordbruk',
      contact: 'Per Ström',
      kinds: ['workPractice'],
      places: 1,
    },
  ],
};

export async function seedRegionInsatser(db: Kysely<Database>, regionId: string): Promise<void> {
  const uuid = demoUuids(`${regionId}:insatser`);
  await db
    .insertInto('insatser')
    .values(
      REGION_INSATSER.map((entry) => ({
        id: uuid(),
        ownerMunicipalityId: null,
        ownerRegionId: regionId,
        ...entry,
      })),
    )
    .execute();
}

export async function seedInsatser(db: Kysely<Database>, municipalityId: string): Promise<void> {
  const uuid = demoUuids(`${municipalityId}:insatser`);
  const own = MUNICIPAL_INSATSER[municipalityId] ?? [];
  if (own.length > 0)
    await db
      .insertInto('insatser')
      .values(
        own.map((entry) => ({
          id: uuid(),
          ownerMunicipalityId: municipalityId,
          ownerRegionId: null,
          ...entry,
        })),
      )
      .execute();
  const workplaces = WORKPLACES[municipalityId] ?? [];
  if (workplaces.length === 0) return;
  await inTenant(db, municipalityId, (trx) =>
    trx
      .insertInto('workplaces')
      .values(
        workplaces.map((w) => ({
          municipalityId,
          id: uuid(),
          name: w.name,
          organisationNumber: w.org,
          industry: w.industry,
          address: null,
          contactName: w.contact,
          contactPhone: '0100-20 00 00',
          contactEmail: null,
          placementKinds: JSON.stringify(w.kinds),
          places: w.places,
        })),
      )
      .execute(),
  );
}
