// Aktivitetskrav as dated data, so that the final law text can be followed without code
// changes. Status PROPOSED (lagrådsremiss Dec 2025): not settled law — shown with its status.
// Source: Regeringen PM 2025-12 "Nästa steg för att införa bidragsreformen…" (REG_PM_2025_12).

export type AktivitetskravRule = {
  id: string;
  status: 'proposed' | 'passed' | 'inForce';
  sourceId: string;
  source: string;
  /** The law's proposed entry into force. */
  validFrom: string;
  /** The first assistance month the requirement applies to. */
  firstAppliedMonth: string;
  consecutiveMonths: number;
  /** Exempt 18–20-year-olds in school up to and including this age. */
  schoolExemptionMaxAge: number;
  minimumAge: number;
};

export const AKTIVITETSKRAV_RULES: readonly AktivitetskravRule[] = [
  {
    id: 'aktivitetskrav-2026',
    status: 'proposed',
    sourceId: 'REG_PM_2025_12',
    source: 'Regeringen PM 2025-12, lagrådsremiss "Aktivitetskrav för mottagare av försörjningsstöd"',
    validFrom: '2026-07-01',
    firstAppliedMonth: '2026-10',
    consecutiveMonths: 3,
    schoolExemptionMaxAge: 20,
    minimumAge: 18,
  },
];

/** The rule that applies to an assistance month, or null when none is in force. */
export function aktivitetskravFor(month: string): AktivitetskravRule | null {
  const applicable = AKTIVITETSKRAV_RULES.filter((rule) => rule.firstAppliedMonth <= month);
  return applicable.at(-1) ?? null;
}
