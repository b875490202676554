// Demo guidelines: the rules package's invented example set, owned by the demo region and
// adopted by both demo municipalities; Sjöby with one local deviation (household electricity).
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
