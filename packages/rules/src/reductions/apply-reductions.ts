// Decided reductions of försörjningsstöd applied to a month's calculation result.
// `calculate` follows the contract (contracts/norm-calculation.md) and is left untouched: this
// is a separate, pure step after it. A reduction is the nämnd's decision (its amount is the
// caseworker's, never a legal constant); this step only shows it as a line with the legal basis
// in force the month concerned, and the assistance after it (never below 0: a reduction larger
// than what is left of the assistance is capped, and the cap is stated on the line).
// Legal basis: SoL 2025:400 12 kap. 5 § (refusing/reducing continued försörjningsstöd); the
// aktivitetskrav reform is a proposal (legal-map.md) — both are dated data in reduction-basis.json.

import type { Ore } from '../core/money.ts';
import { parseIsoDateMonth, parseMonth } from '../core/month.ts';
import type { CalculationError, CalculationResult, InputIssue, IsoMonth } from '../norm/types.ts';
import sources from '../parameters/sources.json' with { type: 'json' };
import reductionBasisData from './reduction-basis.json' with { type: 'json' };

export const REDUCTION_KINDS = ['aktivitetskrav'] as const;
/** Why assistance is reduced; aktivitetskrav = declined or stayed away from an assigned activity. */
export type ReductionKind = (typeof REDUCTION_KINDS)[number];

/** A decided reduction, as the case system recorded it. */
export interface DecidedReduction {
  /** The reduction decision's id in the case system. */
  decisionId: string;
  kind: ReductionKind;
  /** The household member whose conduct the decision concerns. */
  memberId: string;
  /** The assistance month the decision reduces, YYYY-MM. */
  month: IsoMonth;
  /** Decided reduction, öre (> 0). */
  amount: Ore;
  /** The decision's reasons, as the decision letter repeats them. */
  reason: string;
}

export type LegalStatus = 'inForce' | 'passed' | 'proposed';

/** One legal reference behind a reduction, with its status (a proposal is said to be one). */
export interface ReductionBasisReference {
  text: string;
  status: LegalStatus;
  source: readonly string[];
  note: string;
}

export type ReductionLineCode = `reduction.${ReductionKind}`;

/** Nedsättning — shown below the assistance, in the calculation view and the decision letter. */
export interface ReductionLine {
  code: ReductionLineCode;
  memberIds: readonly string[];
  decisionId: string;
  /** What the decision said, öre. */
  decidedAmount: Ore;
  /** What was deducted, öre: the decided amount, or what was left of the assistance. */
  amount: Ore;
  /** Set when the decided amount was larger than the assistance left; states the cap. */
  cap?: { assistanceLeft: Ore; message: string };
  /** Lagrum as in force in the month the reduction concerns. */
  basis: string;
  references: readonly ReductionBasisReference[];
  reason: string;
}

/** The calculation result unchanged, plus the reductions and what is left to grant. */
export interface ReducedCalculationResult extends CalculationResult {
  reductions: ReductionLine[];
  /** assistance − Σ reductions, never below 0. */
  assistanceAfterReductions: Ore;
}

interface StoredReference {
  text: string;
  status: string;
  confidence: string;
  source: string[];
  note: string;
  proposal?: { text: string; status: string; source: string[]; note: string };
}

interface StoredEntry {
  validFrom: string;
  values: Record<ReductionKind, StoredReference>;
}

const knownSources = sources as Record<string, unknown>;

function isStatus(value: string): value is LegalStatus {
  return value === 'inForce' || value === 'passed' || value === 'proposed';
}

function toReference(stored: { text: string; status: string; source: string[]; note: string }) {
  if (!isStatus(stored.status)) throw new Error(`reduction-basis.json: unknown status ${stored.status}`);
  if (stored.source.length === 0 || stored.source.some((id) => knownSources[id] === undefined)) {
    throw new Error(`reduction-basis.json: ${stored.text} without a known source`);
  }
  return Object.freeze({
    text: stored.text,
    status: stored.status,
    source: Object.freeze([...stored.source]),
    note: stored.note,
  });
}

interface ResolvedEntry {
  month: number;
  references: Record<ReductionKind, readonly ReductionBasisReference[]>;
  basis: Record<ReductionKind, string>;
}

/** Loaded once and checked: a data error fails at load, never during a calculation. */
const ENTRIES: readonly ResolvedEntry[] = (reductionBasisData.entries as StoredEntry[]).map(
  (entry, index, all) => {
    const month = parseIsoDateMonth(entry.validFrom);
    if (month < 0 || !entry.validFrom.endsWith('-01')) {
      throw new Error(`reduction-basis.json: validFrom ${entry.validFrom} must be the first of a month`);
    }
    const previous = all[index - 1];
    if (previous && previous.validFrom >= entry.validFrom) {
      throw new Error('reduction-basis.json: entries must be sorted by validFrom');
    }
    const references = {} as Record<ReductionKind, readonly ReductionBasisReference[]>;
    const basis = {} as Record<ReductionKind, string>;
    for (const kind of REDUCTION_KINDS) {
      const stored = entry.values[kind];
      if (!stored) throw new Error(`reduction-basis.json: ${entry.validFrom} lacks ${kind}`);
      const refs = [toReference(stored), ...(stored.proposal ? [toReference(stored.proposal)] : [])];
      references[kind] = Object.freeze(refs);
      basis[kind] = refs
        .map((ref) => (ref.status === 'proposed' ? `${ref.text} (förslag, paragraf ej känd)` : ref.text))
        .join('; ');
    }
    return { month, references, basis };
  },
);

/** The legal basis entry in force on the first day of the month, or null before the data starts. */
export function reductionBasisFor(
  month: IsoMonth,
  kind: ReductionKind,
): { basis: string; references: readonly ReductionBasisReference[] } | null {
  const number = parseMonth(month);
  let found: ResolvedEntry | null = null;
  for (const entry of ENTRIES) if (entry.month <= number) found = entry;
  return found ? { basis: found.basis[kind], references: found.references[kind] } : null;
}

function isKind(value: unknown): value is ReductionKind {
  return typeof value === 'string' && (REDUCTION_KINDS as readonly string[]).includes(value);
}

/** Every household member the result has a line for. */
function membersOf(result: CalculationResult): Set<string> {
  const ids = new Set<string>();
  for (const line of result.lines)
    if (line.code.startsWith('norm.personal.')) for (const id of line.memberIds) ids.add(id);
  return ids;
}

function checkReductions(result: CalculationResult, reductions: readonly DecidedReduction[]): InputIssue[] {
  const issues: InputIssue[] = [];
  const members = membersOf(result);
  reductions.forEach((reduction, i) => {
    const at = `reductions.${i}`;
    const r = reduction as Partial<Record<keyof DecidedReduction, unknown>>;
    if (typeof r.decisionId !== 'string' || r.decisionId === '')
      issues.push({ path: `${at}.decisionId`, message: 'decisionId is required' });
    if (!isKind(r.kind))
      issues.push({ path: `${at}.kind`, message: `kind must be one of ${REDUCTION_KINDS.join(', ')}` });
    if (typeof r.memberId !== 'string' || !members.has(r.memberId))
      issues.push({
        path: `${at}.memberId`,
        message: 'memberId is not a member of the calculated household',
      });
    if (r.month !== result.month)
      issues.push({
        path: `${at}.month`,
        message: `the reduction concerns another month than ${result.month}`,
      });
    else if (isKind(r.kind) && reductionBasisFor(result.month, r.kind) === null)
      issues.push({
        path: `${at}.month`,
        message: `no legal basis for a reduction is known for ${result.month}`,
      });
    if (typeof r.amount !== 'number' || !Number.isSafeInteger(r.amount) || r.amount <= 0)
      issues.push({ path: `${at}.amount`, message: 'amount must be a positive whole number of öre' });
    if (typeof r.reason !== 'string' || r.reason.trim() === '')
      issues.push({ path: `${at}.reason`, message: 'reason is required (FL 2017:900 32 §)' });
  });
  return issues;
}

/**
 * Applies the decided reductions, in the order given, to a calculation result of the same month.
 * Each deducts its decided amount, or what is left of the assistance when that is less (the line
 * then states the cap). The result's own fields are returned unchanged.
 */
export function applyReductions(
  result: CalculationResult,
  reductions: readonly DecidedReduction[],
): ReducedCalculationResult | CalculationError {
  const issues = checkReductions(result, reductions);
  if (issues.length > 0) return { error: { code: 'invalid_input', issues } };
  let left = result.assistance;
  const lines = reductions.map((reduction): ReductionLine => {
    const basis = reductionBasisFor(result.month, reduction.kind) as NonNullable<
      ReturnType<typeof reductionBasisFor>
    >;
    const amount = Math.min(reduction.amount, left);
    const line: ReductionLine = {
      code: `reduction.${reduction.kind}`,
      memberIds: [reduction.memberId],
      decisionId: reduction.decisionId,
      decidedAmount: reduction.amount,
      amount,
      basis: basis.basis,
      references: basis.references,
      reason: reduction.reason.trim(),
      ...(amount < reduction.amount
        ? {
            cap: {
              assistanceLeft: left,
              message:
                'Nedsättningen är större än biståndet som återstår och begränsas till det; biståndet blir aldrig lägre än 0 kr.',
            },
          }
        : {}),
    };
    left -= amount;
    return line;
  });
  return { ...result, reductions: lines, assistanceAfterReductions: left };
}
