import type { GuidelineCap, GuidelineSection } from '@stegvis/rules';
import type { ColumnType } from 'kysely';

/** jsonb written as JSON text (so arrays are not taken for PostgreSQL arrays), read as objects. */
type Json<T> = ColumnType<T, string, string>;

/** Riktlinje — owned by a region (shared by its member municipalities) or one municipality. */
export type GuidelineSetTable = {
  id: string;
  name: string;
  ownerRegionId: string | null;
  ownerMunicipalityId: string | null;
};

/** What a version holds besides its dates: the sections and caps, and who adopted it. */
export type GuidelineContent = {
  sections: GuidelineSection[];
  caps: GuidelineCap[];
  /** The body that adopted the version, e.g. "Socialnämnden". */
  adoptedBy?: string;
};

/** Riktlinjeversion — a draft until adopted; adopted versions never change (database trigger). */
export type GuidelineVersionTable = {
  guidelineSetId: string;
  version: number;
  status: 'draft' | 'adopted';
  validFrom: string;
  adoptedOn: string | null;
  reviewOn: string | null;
  content: Json<GuidelineContent>;
};

/** Lokal avvikelse — a member municipality's own text and caps for one section of a shared set. */
export type LocalDeviation = {
  number: string;
  title: string;
  text: string;
  caps: GuidelineCap[];
};

/** A member municipality's adoption of a region's guideline set. */
export type GuidelineAdoptionTable = {
  municipalityId: string;
  guidelineSetId: string;
  adoptedOn: string;
  localDeviations: Json<LocalDeviation[]>;
};
