// Gallring as dated data: how long a personakt is kept and which files are kept for research.
// A change in the law is a new entry here, never an `if` in the code (source: shared/domain
// parameters.yaml other_parameters.gallring_years and gallring_research_exception).

export type RetentionParameters = {
  /** First day the entry applies; it applies until the next entry's validFrom. */
  validFrom: string;
  /** Years after the last entry in the personakt before it is disposed of. */
  disposalYears: number;
  disposalLegalBasis: string;
  /** Disposal must be completed during the calendar year after the duty arose. */
  completeWithinFollowingCalendarYear: boolean;
  research: {
    /** Every file in these län is kept (matched against municipalities.county, or the kommunkod's first two digits). */
    counties: readonly { name: string; code: string }[];
    /** Every file in these kommuner is kept (matched against municipalities.name or code). */
    municipalities: readonly { name: string; code: string }[];
    /** Everywhere else, persons born on these days of any month are kept. */
    birthDays: readonly number[];
    legalBasis: string;
    /** What the caseworker and the plan show as the reason a file is kept. */
    reason: string;
  };
  source: readonly string[];
};

const RESEARCH_COUNTIES = [
  { name: 'Östergötlands län', code: '05' },
  { name: 'Gotlands län', code: '09' },
  { name: 'Västernorrlands län', code: '22' },
] as const;

const RESEARCH_MUNICIPALITIES = [{ name: 'Göteborgs kommun', code: '1480' }] as const;

export const RETENTION_PARAMETERS: readonly RetentionParameters[] = [
  {
    validFrom: '2003-07-01',
    disposalYears: 5,
    disposalLegalBasis: 'SoL 2001:453 12 kap. 2 §',
    completeWithinFollowingCalendarYear: true,
    research: {
      counties: RESEARCH_COUNTIES,
      municipalities: RESEARCH_MUNICIPALITIES,
      birthDays: [5, 15, 25],
      legalBasis: 'SoL 2001:453 12 kap. 2 §; SoF 2001:937 7 kap. 2 § (SFS 2003:583)',
      reason: 'forskning (SoF 2001:937 7 kap. 2 §)',
    },
    source: ['SFS2003_583'],
  },
  {
    validFrom: '2025-07-01',
    disposalYears: 5,
    disposalLegalBasis: 'SoL 2025:400 16 kap. 1 §',
    completeWithinFollowingCalendarYear: true,
    research: {
      counties: RESEARCH_COUNTIES,
      municipalities: RESEARCH_MUNICIPALITIES,
      birthDays: [5, 15, 25],
      legalBasis: 'SoL 2025:400 16 kap. 4 §; SoF 2025:468 13 kap. 1 §',
      reason: 'forskning (SoF 13 kap. 1 §)',
    },
    source: ['SOL2025', 'SOF2025_1046'],
  },
];

/** The entry in force on `date` (YYYY-MM-DD). */
export function retentionParametersOn(date: string): RetentionParameters {
  const entry = RETENTION_PARAMETERS.filter((p) => p.validFrom <= date).at(-1);
  if (!entry) throw new Error(`No gallring parameters in force on ${date}`);
  return entry;
}
