// Försörjningshinder labels for reports (the option texts of shared/domain/forsorjningshinder.md
// §3) and the statistical roll-up used in Socialstyrelsen's and SCB's publications. The ids are
// the kartläggning's (assessments.routes.ts SUPPORT_BARRIERS; a test keeps the lists equal).
export const SUPPORT_BARRIER_LABELS = {
  partTimeInsufficientIncome: 'Arbetar deltid ofrivilligt, otillräcklig inkomst',
  partTimeAwaitingIncome: 'Arbetar deltid ofrivilligt, väntar på inkomst',
  fullTimeInsufficientIncome: 'Arbetar heltid, otillräcklig inkomst',
  fullTimeAwaitingIncome: 'Arbetar heltid, väntar på inkomst',
  workBarrierSocialReasons: 'Arbetshinder, sociala skäl',
  unemployedNoBenefit: 'Arbetslös, ingen ersättning/stöd',
  unemployedInsufficientBenefit: 'Arbetslös, otillräcklig ersättning/stöd',
  unemployedAwaitingBenefit: 'Arbetslös, väntar på ersättning/stöd',
  unaccompaniedYouthInSchool: 'Ensamkommande ungdom 18–20 år, gymnasiestuderande',
  establishmentAllowanceMissingLowCapacity: 'Etableringsersättning saknas (prestationsförmåga < 25 %)',
  establishmentAllowanceInsufficient: 'Etableringsersättning otillräcklig',
  establishmentAllowanceAwaited: 'Etableringsersättning, väntar på',
  parentalBenefitInsufficient: 'Föräldrapenning otillräcklig',
  parentalBenefitAwaited: 'Föräldrapenning, väntar på',
  pensionInsufficient: 'Pension/äldreförsörjningsstöd otillräcklig',
  pensionAwaited: 'Pension/äldreförsörjningsstöd, väntar på',
  lacksChildcare: 'Saknar barnomsorg',
  sicknessCompensationInsufficient: 'Sjuk-/aktivitetsersättning, otillräcklig ersättning',
  sicknessCompensationAwaited: 'Sjuk-/aktivitetsersättning, väntar på ersättning',
  sickLeaveNoSicknessBenefit: 'Sjukskriven m läkarintyg, ingen sjukpenning',
  sickLeaveInsufficientSicknessBenefit: 'Sjukskriven m läkarintyg, otillräcklig sjukpenning',
  sickLeaveAwaitingSicknessBenefit: 'Sjukskriven m läkarintyg, väntar på sjukpenning',
  noSupportBarrier: 'Utan försörjningshinder',
} as const;

export type SupportBarrierId = keyof typeof SUPPORT_BARRIER_LABELS;
export const SUPPORT_BARRIER_IDS = Object.keys(SUPPORT_BARRIER_LABELS) as [
  SupportBarrierId,
  ...SupportBarrierId[],
];
export const NOT_RECORDED_LABEL = 'Ej registrerat (ingen kartläggning)';

/** Roll-up to the four groups of the national statistics (configurable later; see docs/indicators.md). */
export function barrierGroup(id: string): 'unemployment' | 'illHealth' | 'socialReasons' | 'other' {
  if (id.startsWith('unemployed') || id.startsWith('establishmentAllowance')) return 'unemployment';
  if (id.startsWith('sickLeave') || id.startsWith('sicknessCompensation')) return 'illHealth';
  if (id === 'workBarrierSocialReasons') return 'socialReasons';
  return 'other';
}
