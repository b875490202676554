import type { Generated } from 'kysely';
import type { Outcome } from './decisions.schemas.ts';

export type { Outcome } from './decisions.schemas.ts';

/** Beslut — immutable once written (the database refuses UPDATE and DELETE). */
export type DecisionTable = {
  municipalityId: string;
  id: string;
  errandId: string;
  calculationId: string | null;
  decidedBy: string;
  decidedAt: Generated<Date>;
  /** Barnets bästa (SoL 2025:400 3 kap. 1 §), required when the household has children. */
  childBestInterest: string | null;
  /** Motivering (FL 2017:900 32 §): which rules and which facts decided the matter. */
  reasoning: string;
  grantedTotal: number;
  /** The decision letter as sent, archived with the decision. */
  letterPdf: Uint8Array | null;
  letterSha256: string | null;
};

/** Beslutspunkt — one item of a decision with its outcome, amounts and reasons. */
export type DecisionItemTable = {
  municipalityId: string;
  decisionId: string;
  itemNo: number;
  description: string;
  requested: number;
  granted: number;
  outcome: Outcome;
  reasons: string;
  legalBasis: string;
};

/** Motiveringsmall — the municipality's standard reasons for common outcomes. */
export type ReasonTemplateTable = {
  municipalityId: string;
  id: string;
  outcome: Outcome;
  title: string;
  text: string;
  legalBasis: string;
};

/** Delegationsordning — which role may decide which outcomes, up to which total granted. */
export type DelegationRuleTable = {
  municipalityId: string;
  id: string;
  role: string;
  outcomes: Outcome[];
  /** Highest total granted in one decision, öre; null = no limit. */
  maxAmount: number | null;
  /** The section of the delegationsordning, e.g. "3.1.1". */
  section: string;
  validFrom: string;
  validTo: string | null;
};
