// Riktlinjer in the work: guideline sets owned by a region (shared by its member municipalities)
// or by one municipality, versioned as drafts until the nämnd adopts them, then immutable.
// `guidelineSetFor` gives the calculation the set in force, with local deviations applied.
import { randomUUID } from 'node:crypto';
import {
  type GuidelineCap,
  type GuidelineSection,
  type GuidelineSet,
  type GuidelineVersion,
  validateGuidelineSet,
} from '@stegvis/rules';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { AppError, type FieldError } from '../http/problem.ts';
import {
  findAdoptions,
  findMunicipality,
  findSet,
  findVersions,
  findVisibleSets,
} from './guidelines.queries.ts';
import type { GuidelineContent, LocalDeviation } from './guidelines.table.ts';

type SetRow = NonNullable<Awaited<ReturnType<typeof findSet>>>;
type VersionRow = Awaited<ReturnType<typeof findVersions>>[number];

export type GuidelineOwnerRef = { kind: 'region' | 'municipality'; id: string; name: string };

export type GuidelineVersionSummary = {
  version: number;
  status: 'draft' | 'adopted';
  validFrom: string;
  adoptedOn: string | null;
  reviewOn: string | null;
  adoptedBy: string | null;
};

export type GuidelineVersionDetail = GuidelineVersionSummary & {
  sections: GuidelineSection[];
  caps: GuidelineCap[];
};

export type GuidelineAdoption = { adoptedOn: string; localDeviations: LocalDeviation[] };

export type GuidelineSetSummary = {
  id: string;
  name: string;
  owner: GuidelineOwnerRef;
  /** My municipality's adoption of a region's set (null for own sets and sets not adopted). */
  adoption: GuidelineAdoption | null;
  versions: GuidelineVersionSummary[];
};

export type GuidelineSetDetail = Omit<GuidelineSetSummary, 'versions'> & {
  versions: GuidelineVersionDetail[];
};

export type VersionInput = { validFrom: string; sections: GuidelineSection[]; caps: unknown[] };
export type AdoptInput = {
  adoptedOn: string;
  reviewOn: string;
  adoptedBy: string;
  validFrom?: string | undefined;
};
export type AdoptionInput = {
  adoptedOn: string;
  localDeviations: { number: string; title: string; text: string; caps: unknown[] }[];
};

function ownerOf(row: SetRow): GuidelineOwnerRef {
  return row.ownerRegionId
    ? { kind: 'region', id: row.ownerRegionId, name: row.regionName ?? row.ownerRegionId }
    : { kind: 'municipality', id: row.ownerMunicipalityId ?? '', name: row.municipalityName ?? '' };
}

function versionSummary(row: VersionRow): GuidelineVersionSummary {
  return {
    version: row.version,
    status: row.status,
    validFrom: row.validFrom,
    adoptedOn: row.adoptedOn,
    reviewOn: row.reviewOn,
    adoptedBy: row.content.adoptedBy ?? null,
  };
}

/** The set if the viewer's municipality may see it (own or its region's); otherwise 404. */
async function visibleSet(db: Kysely<Database>, viewer: SessionUser, id: string) {
  const municipality = await findMunicipality(db, viewer.municipality.id);
  const row = await findSet(db, id);
  const visible =
    row &&
    (row.ownerMunicipalityId === municipality.id ||
      (row.ownerRegionId !== null && row.ownerRegionId === municipality.regionId));
  if (!row || !visible) throw new AppError('not_found', 'Riktlinjen finns inte');
  return { row, municipality };
}

/** Only the owning municipality changes its own set; a region's set is changed by the region. */
function requireOwner(row: SetRow, viewer: SessionUser): void {
  if (row.ownerMunicipalityId !== viewer.municipality.id) {
    throw new AppError(
      'forbidden',
      'Riktlinjen ägs av regionen och ändras där; kommunen kan anta den med lokala avvikelser',
    );
  }
}

export async function listGuidelineSets(
  db: Kysely<Database>,
  viewer: SessionUser,
): Promise<GuidelineSetSummary[]> {
  const municipality = await findMunicipality(db, viewer.municipality.id);
  const rows = await findVisibleSets(db, municipality.id, municipality.regionId);
  const versions = await findVersions(
    db,
    rows.map((r) => r.id),
  );
  const adoptions = await findAdoptions(db, municipality.id);
  return rows.map((row) => {
    const adoption = adoptions.find((a) => a.guidelineSetId === row.id);
    return {
      id: row.id,
      name: row.name,
      owner: ownerOf(row),
      adoption: adoption
        ? { adoptedOn: adoption.adoptedOn, localDeviations: adoption.localDeviations }
        : null,
      versions: versions.filter((v) => v.guidelineSetId === row.id).map(versionSummary),
    };
  });
}

export async function getGuidelineSet(
  db: Kysely<Database>,
  viewer: SessionUser,
  id: string,
): Promise<GuidelineSetDetail> {
  const { row, municipality } = await visibleSet(db, viewer, id);
  const versions = await findVersions(db, [id]);
  const adoption = (await findAdoptions(db, municipality.id)).find((a) => a.guidelineSetId === id);
  return {
    id: row.id,
    name: row.name,
    owner: ownerOf(row),
    adoption: adoption ? { adoptedOn: adoption.adoptedOn, localDeviations: adoption.localDeviations } : null,
    versions: versions.map((v) => ({
      ...versionSummary(v),
      sections: v.content.sections,
      caps: v.content.caps,
    })),
  };
}

export async function createGuidelineSet(
  db: Kysely<Database>,
  viewer: SessionUser,
  input: { name: string },
): Promise<GuidelineSetDetail> {
  const id = randomUUID();
  await db
    .insertInto('guidelineSets')
    .values({ id, name: input.name, ownerRegionId: null, ownerMunicipalityId: viewer.municipality.id })
    .execute();
  return getGuidelineSet(db, viewer, id);
}

const RULE_MESSAGES: Record<string, string> = {
  'must be the first day of a month, YYYY-MM-01': 'Ange den första dagen i en månad, till exempel 2027-01-01',
  'must be { number, title, text }': 'Ett avsnitt behöver nummer, rubrik och text',
  'unknown field': 'Okänt fält',
};

/** Checks sections and caps with the rules package's own validation; paths become JSON pointers. */
function validateContent(
  set: { id: string; name: string },
  version: { validFrom: string; sections: GuidelineSection[]; caps: unknown[] },
  pointerPrefix: string,
): FieldError[] {
  const issues = validateGuidelineSet({
    id: set.id,
    name: set.name,
    owner: { kind: 'municipality', name: set.name },
    versions: [version],
  });
  return issues.map((issue) => ({
    pointer: `${pointerPrefix}/${issue.path.replace(/^versions\.0\.?/, '').replaceAll('.', '/')}`.replace(
      /\/$/,
      '',
    ),
    detail: RULE_MESSAGES[issue.message] ?? `Kontrollera värdet (${issue.message})`,
  }));
}

export async function addDraftVersion(
  db: Kysely<Database>,
  viewer: SessionUser,
  id: string,
  input: VersionInput,
): Promise<GuidelineVersionDetail> {
  const { row } = await visibleSet(db, viewer, id);
  requireOwner(row, viewer);
  const errors = validateContent(row, input, '');
  if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
  return db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom('guidelineVersions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('guidelineSetId', '=', id)
      .executeTakeFirst();
    const version = (latest?.version ?? 0) + 1;
    const content: GuidelineContent = { sections: input.sections, caps: input.caps as GuidelineCap[] };
    await trx
      .insertInto('guidelineVersions')
      .values({
        guidelineSetId: id,
        version,
        status: 'draft',
        validFrom: input.validFrom,
        adoptedOn: null,
        reviewOn: null,
        content: JSON.stringify(content),
      })
      .execute();
    return {
      version,
      status: 'draft',
      validFrom: input.validFrom,
      adoptedOn: null,
      reviewOn: null,
      adoptedBy: null,
      ...content,
    };
  });
}

/** Replaces a draft's date, sections and caps; an adopted version is refused (and immutable in the database). */
export async function updateDraftVersion(
  db: Kysely<Database>,
  viewer: SessionUser,
  id: string,
  version: number,
  input: VersionInput,
): Promise<GuidelineVersionDetail> {
  const { row } = await visibleSet(db, viewer, id);
  requireOwner(row, viewer);
  return db.transaction().execute(async (trx) => {
    const current = (await findVersions(trx, [id])).find((v) => v.version === version);
    if (!current) throw new AppError('not_found', 'Versionen finns inte');
    if (current.status === 'adopted') {
      throw new AppError(
        'conflict',
        'Versionen är antagen och kan inte ändras. Gör ett nytt utkast i stället.',
      );
    }
    const errors = validateContent(row, input, '');
    if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
    const content: GuidelineContent = { sections: input.sections, caps: input.caps as GuidelineCap[] };
    await trx
      .updateTable('guidelineVersions')
      .set({ validFrom: input.validFrom, content: JSON.stringify(content) })
      .where('guidelineSetId', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .execute();
    return {
      version,
      status: 'draft',
      validFrom: input.validFrom,
      adoptedOn: null,
      reviewOn: null,
      adoptedBy: null,
      ...content,
    };
  });
}

export async function adoptVersion(
  db: Kysely<Database>,
  viewer: SessionUser,
  id: string,
  version: number,
  input: AdoptInput,
): Promise<GuidelineVersionDetail> {
  const { row } = await visibleSet(db, viewer, id);
  requireOwner(row, viewer);
  return db.transaction().execute(async (trx) => {
    const versions = await findVersions(trx, [id]);
    const draft = versions.find((v) => v.version === version);
    if (!draft) throw new AppError('not_found', 'Versionen finns inte');
    if (draft.status === 'adopted')
      throw new AppError('conflict', 'Versionen är redan antagen och kan inte ändras');
    const validFrom = input.validFrom ?? draft.validFrom;
    const errors: FieldError[] = validateContent(row, { ...draft.content, validFrom }, '').filter(
      (e) => e.pointer === '/validFrom',
    );
    const laterAdopted = versions.find((v) => v.status === 'adopted' && v.validFrom >= validFrom);
    if (laterAdopted) {
      errors.push({
        pointer: '/validFrom',
        detail: `Ska gälla efter version ${laterAdopted.version}, som gäller från ${laterAdopted.validFrom}`,
      });
    }
    if (input.reviewOn <= input.adoptedOn) {
      errors.push({ pointer: '/reviewOn', detail: 'Datum för översyn ska vara efter datum för antagande' });
    }
    if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
    const content: GuidelineContent = { ...draft.content, adoptedBy: input.adoptedBy };
    await trx
      .updateTable('guidelineVersions')
      .set({
        status: 'adopted',
        validFrom,
        adoptedOn: input.adoptedOn,
        reviewOn: input.reviewOn,
        content: JSON.stringify(content),
      })
      .where('guidelineSetId', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .execute();
    return {
      version,
      status: 'adopted',
      validFrom,
      adoptedOn: input.adoptedOn,
      reviewOn: input.reviewOn,
      adoptedBy: input.adoptedBy,
      sections: content.sections,
      caps: content.caps,
    };
  });
}

/** A member municipality adopts its region's set, with its own text and caps for some sections. */
export async function adoptRegionSet(
  db: Kysely<Database>,
  viewer: SessionUser,
  id: string,
  input: AdoptionInput,
): Promise<GuidelineAdoption> {
  const { row } = await visibleSet(db, viewer, id);
  if (row.ownerRegionId === null) {
    throw new AppError('conflict', 'Bara en regions gemensamma riktlinje antas med lokala avvikelser');
  }
  const errors = input.localDeviations.flatMap((deviation, i) =>
    validateContent(
      row,
      {
        validFrom: '2000-01-01',
        sections: [{ number: deviation.number, title: deviation.title, text: deviation.text }],
        caps: deviation.caps,
      },
      `/localDeviations/${i}`,
    ),
  );
  if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
  const localDeviations = input.localDeviations as LocalDeviation[];
  await db
    .insertInto('guidelineAdoptions')
    .values({
      municipalityId: viewer.municipality.id,
      guidelineSetId: id,
      adoptedOn: input.adoptedOn,
      localDeviations: JSON.stringify(localDeviations),
    })
    .onConflict((oc) =>
      oc.columns(['municipalityId', 'guidelineSetId']).doUpdateSet({
        adoptedOn: input.adoptedOn,
        localDeviations: JSON.stringify(localDeviations),
      }),
    )
    .execute();
  return { adoptedOn: input.adoptedOn, localDeviations };
}

function applyDeviations(version: GuidelineVersion, deviations: readonly LocalDeviation[]): GuidelineVersion {
  let sections = version.sections;
  let caps = version.caps;
  for (const deviation of deviations) {
    const section = { number: deviation.number, title: deviation.title, text: deviation.text };
    sections = sections.some((s) => s.number === deviation.number)
      ? sections.map((s) => (s.number === deviation.number ? section : s))
      : [...sections, section];
    caps = [...caps.filter((cap) => cap.section !== deviation.number), ...deviation.caps];
  }
  return { ...version, sections, caps };
}

/**
 * The guideline set in force for a municipality in a month (YYYY-MM), in the rules package's
 * shape, with the municipality's local deviations applied: its own adopted set if one is in
 * force, else the region's set it has adopted. Null when none applies. Only adopted versions.
 */
export async function guidelineSetFor(
  db: Kysely<Database>,
  municipalityId: string,
  month: string,
): Promise<GuidelineSet | null> {
  const monthStart = `${month}-01`;
  const municipality = await findMunicipality(db, municipalityId);
  const adoptions = await findAdoptions(db, municipalityId);
  const rows = (await findVisibleSets(db, municipalityId, municipality.regionId)).filter(
    (row) => row.ownerMunicipalityId === municipalityId || adoptions.some((a) => a.guidelineSetId === row.id),
  );
  const versions = (
    await findVersions(
      db,
      rows.map((r) => r.id),
    )
  ).filter((v) => v.status === 'adopted');
  const inForce = (row: SetRow) =>
    versions
      .filter((v) => v.guidelineSetId === row.id && v.validFrom <= monthStart)
      .map((v) => v.validFrom)
      .sort()
      .at(-1);
  const candidates = rows
    .map((row) => ({ row, since: inForce(row) }))
    .filter((c): c is { row: SetRow; since: string } => c.since !== undefined)
    // Own sets before the region's; among equals, the one most recently in force.
    .sort(
      (a, b) =>
        Number(b.row.ownerMunicipalityId === municipalityId) -
          Number(a.row.ownerMunicipalityId === municipalityId) || b.since.localeCompare(a.since),
    );
  const chosen = candidates[0]?.row;
  if (!chosen) return null;
  const deviations = adoptions.find((a) => a.guidelineSetId === chosen.id)?.localDeviations ?? [];
  const owner = ownerOf(chosen);
  return {
    id: chosen.id,
    name: chosen.name,
    owner: { kind: owner.kind, name: owner.name },
    versions: versions
      .filter((v) => v.guidelineSetId === chosen.id)
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
      .map((v) =>
        applyDeviations(
          {
            validFrom: v.validFrom,
            ...(v.adoptedOn ? { adoptedAt: v.adoptedOn } : {}),
            sections: v.content.sections,
            caps: v.content.caps,
          },
          deviations,
        ),
      ),
  };
}
