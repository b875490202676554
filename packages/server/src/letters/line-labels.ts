// Swedish names for the calculation's line codes, as the decision letter shows them.
const LABELS: Record<string, string> = {
  'norm.personal.single': 'Personliga kostnader, ensamstående (riksnorm)',
  'norm.personal.couple': 'Personliga kostnader, sammanboende (riksnorm)',
  'norm.personal.child': 'Personliga kostnader, barn (riksnorm)',
  'norm.common': 'Gemensamma hushållskostnader (riksnorm)',
  'norm.adjustment': 'Justering av normen',
  'cost.housing': 'Boendekostnad',
  'cost.householdElectricity': 'Hushållsel',
  'cost.homeInsurance': 'Hemförsäkring',
  'cost.workTravel': 'Arbetsresor',
  'cost.unionAndUnemploymentFund': 'Fackförening och arbetslöshetskassa',
  'disregard.jobStimulus': 'Jobbstimulans, räknas inte som inkomst',
  'disregard.childEarnings': 'Barns arbetsinkomst, räknas inte',
  'reduction.aktivitetskrav': 'Nedsättning, aktivitetskravet',
};

export function lineLabel(code: string): string {
  if (code in LABELS) return LABELS[code] as string;
  if (code.startsWith('otherCost.')) return 'Levnadskostnader i övrigt';
  if (code.startsWith('income.')) return 'Inkomst';
  return code;
}
