// Demo guidelines: the rules package's invented example set, owned by the demo region and
// adopted by both demo municipalities; Sjöby with one local deviation (household electricity),
// and Sjöby's own guideline for 2027 still a draft (not in force until the nämnd adopts it).
import { exampleGuidelineSet } from '@stegvis/rules';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { GuidelineContent, LocalDeviation } from './guidelines.table.ts';

const SJOBY_ELECTRICITY: LocalDeviation = {
  number: '4.3',
  title: 'Hushållsel (lokal avvikelse, Sjöby)',
  text: 'EXEMPEL. I Sjöby har många bostäder elvärme; hushållsel godtas upp till exempeltaket 700 kr per månad.',
  caps: [{ costType: 'householdElectricity', section: '4.3', amount: 70_000 }],
};

function plusYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

export async function seedGuidelines(db: Kysely<Database>, regionId: string): Promise<void> {
  const set = exampleGuidelineSet;
  await db
    .insertInto('guidelineSets')
    .values({ id: set.id, name: set.name, ownerRegionId: regionId, ownerMunicipalityId: null })
    .execute();
  await db
    .insertInto('guidelineVersions')
    .values(
      set.versions.map((version, i) => {
        const adoptedOn = version.adoptedAt ?? version.validFrom;
        const content: GuidelineContent = {
          sections: version.sections,
          caps: version.caps,
          adoptedBy: 'Fyrkantens samverkansråd (fiktivt)',
        };
        return {
          guidelineSetId: set.id,
          version: i + 1,
          status: 'adopted' as const,
          validFrom: version.validFrom,
          adoptedOn,
          reviewOn: plusYears(adoptedOn, 2),
          content: JSON.stringify(content),
        };
      }),
    )
    .execute();
  await db
    .insertInto('guidelineAdoptions')
    .values([
      { municipalityId: 'alvstad', guidelineSetId: set.id, adoptedOn: '2023-12-04', localDeviations: '[]' },
      {
        municipalityId: 'sjoby',
        guidelineSetId: set.id,
        adoptedOn: '2023-12-11',
        localDeviations: JSON.stringify([SJOBY_ELECTRICITY]),
      },
    ])
    .execute();
}

/** Sjöby's own guideline for 2027, drafted from the region's latest version with higher housing caps. */
export async function seedDraftGuideline(db: Kysely<Database>): Promise<void> {
  const latest = exampleGuidelineSet.versions.at(-1);
  if (!latest) return;
  const id = 'sjoby-riktlinje-2027';
  await db
    .insertInto('guidelineSets')
    .values({
      id,
      name: 'EXEMPEL – Sjöby kommuns riktlinje för ekonomiskt bistånd 2027 (fiktiv)',
      ownerRegionId: null,
      ownerMunicipalityId: 'sjoby',
    })
    .execute();
  const sections = latest.sections.map((section) =>
    section.number === '4.2'
      ? {
          ...section,
          text: 'EXEMPEL. Utkast: Sjöby höjer taken för boendekostnad med 300 kr per månad från 2027, efter hyresutvecklingen i kommunen.',
        }
      : section,
  );
  const caps = latest.caps.map((cap) =>
    cap.byHouseholdSize
      ? {
          ...cap,
          byHouseholdSize: Object.fromEntries(
            Object.entries(cap.byHouseholdSize).map(([size, ore]) => [size, ore + 30_000]),
          ),
        }
      : cap,
  );
  const content: GuidelineContent = { sections, caps };
  await db
    .insertInto('guidelineVersions')
    .values({
      guidelineSetId: id,
      version: 1,
      status: 'draft',
      validFrom: '2027-01-01',
      adoptedOn: null,
      reviewOn: null,
      content: JSON.stringify(content),
    })
    .execute();
}
