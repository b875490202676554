// Kommunala riktlinjer: a municipality's (or region's) own guideline document for ekonomiskt
// bistånd, as dated data. Caps here never change the amount calculated — they only warn.

import type { Ore } from '../core/money.ts';
import type { IsoDate, OtherLivingCostSubtype, ReasonableCostType } from '../norm/types.ts';

/** Riktlinjeavsnitt — a numbered section of the guideline document. */
export interface GuidelineSection {
  number: string;
  title: string;
  text: string;
}

export type GuidelineCostType = ReasonableCostType | 'otherLivingCost';

/**
 * Riktlinjetak — a guideline's highest reasonable amount for a cost type per month:
 * either one `amount` or one per household size (`byHouseholdSize`, keys "1", "2", …;
 * a larger household uses the largest size given).
 */
export interface GuidelineCap {
  costType: GuidelineCostType;
  /** Only for costType otherLivingCost: limit the cap to one subtype. */
  subtype?: OtherLivingCostSubtype;
  byHouseholdSize?: Record<string, Ore>;
  amount?: Ore;
  /** The section that sets the cap, e.g. "4.2". */
  section: string;
}

export interface GuidelineVersion {
  /** First day this version applies (YYYY-MM-01). */
  validFrom: IsoDate;
  /** Date the nämnd adopted it. */
  adoptedAt?: IsoDate;
  sections: GuidelineSection[];
  caps: GuidelineCap[];
}

export interface GuidelineOwner {
  kind: 'municipality' | 'region';
  name: string;
}

/** Riktlinje för ekonomiskt bistånd — versions sorted by validFrom. */
export interface GuidelineSet {
  id: string;
  name: string;
  owner: GuidelineOwner;
  versions: GuidelineVersion[];
}
