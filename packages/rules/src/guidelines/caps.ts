// Checks a household's costs against the caps of the municipal guideline version in force
// for the month. A cap only warns: the amount the caseworker judged reasonable is still used.

import { entryIndexByMonth } from '../core/dated-lookup.ts';
import { formatKronor, type Ore } from '../core/money.ts';
import { parseIsoDateMonth } from '../core/month.ts';
import type { CalculationInput, InputIssue, OtherLivingCostSubtype, Warning } from '../norm/types.ts';
import { isAmount, isObject } from '../norm/validate.ts';
import { RANGE } from '../parameters/tables.ts';
import type { GuidelineCap, GuidelineCostType, GuidelineSet, GuidelineVersion } from './types.ts';

/** Swedish names for messages; Records so a new cost type does not compile until named. */
const COST_TYPE_NAMES: Record<GuidelineCostType, string> = {
  housing: 'boende',
  householdElectricity: 'hushållsel',
  homeInsurance: 'hemförsäkring',
  workTravel: 'arbetsresor',
  unionAndUnemploymentFund: 'fackförening och arbetslöshetskassa',
  otherLivingCost: 'levnadskostnader i övrigt',
};
const SUBTYPE_NAMES: Record<OtherLivingCostSubtype, string> = {
  childcareFee: 'avgift för barnomsorg',
  medicalCare: 'sjukvård',
  medicine: 'medicin',
  dentalCare: 'tandvård',
  glasses: 'glasögon',
  accessVisits: 'umgängesresor',
  other: 'övriga levnadskostnader',
};

/** A guideline set checked once and resolved per month (cached per set object). */
interface CompiledGuidelineSet {
  set: GuidelineSet;
  versionByMonth: Int16Array;
}

const compiled = new WeakMap<object, CompiledGuidelineSet | InputIssue[]>();

/** Every problem in a guideline set, by path (e.g. "versions.0.caps.1.amount"); empty when valid. */
export function validateGuidelineSet(value: unknown): InputIssue[] {
  const issues: InputIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!isObject(value)) {
    add('', 'must be an object');
    return issues;
  }
  for (const key of Object.keys(value)) {
    if (!['id', 'name', 'owner', 'versions'].includes(key)) add(key, 'unknown field');
  }
  if (typeof value.id !== 'string' || value.id === '') add('id', 'must be a non-empty text');
  if (typeof value.name !== 'string' || value.name === '') add('name', 'must be a non-empty text');
  const owner = value.owner;
  if (
    !isObject(owner) ||
    (owner.kind !== 'municipality' && owner.kind !== 'region') ||
    typeof owner.name !== 'string'
  ) {
    add('owner', 'must be { kind: "municipality" | "region", name }');
  }
  if (!Array.isArray(value.versions) || value.versions.length === 0) {
    add('versions', 'must be a non-empty list');
    return issues;
  }
  let previous = -1;
  value.versions.forEach((version: unknown, v: number) => {
    const path = `versions.${v}`;
    if (!isObject(version)) {
      add(path, 'must be an object');
      return;
    }
    const from = typeof version.validFrom === 'string' ? parseIsoDateMonth(version.validFrom) : -1;
    if (from < 0 || !(version.validFrom as string).endsWith('-01')) {
      add(`${path}.validFrom`, 'must be the first day of a month, YYYY-MM-01');
    } else if (from <= previous) add(`${path}.validFrom`, 'versions must be sorted by validFrom');
    else previous = from;
    if (
      version.adoptedAt !== undefined &&
      (typeof version.adoptedAt !== 'string' || parseIsoDateMonth(version.adoptedAt) < 0)
    ) {
      add(`${path}.adoptedAt`, 'must be a date YYYY-MM-DD');
    }
    const sections = Array.isArray(version.sections) ? version.sections : null;
    if (sections === null) add(`${path}.sections`, 'must be a list');
    sections?.forEach((section: unknown, s: number) => {
      if (
        !isObject(section) ||
        typeof section.number !== 'string' ||
        typeof section.title !== 'string' ||
        typeof section.text !== 'string'
      ) {
        add(`${path}.sections.${s}`, 'must be { number, title, text }');
      }
    });
    const numbers = new Set(
      sections?.map((section: unknown) => (isObject(section) ? section.number : undefined)),
    );
    if (!Array.isArray(version.caps)) add(`${path}.caps`, 'must be a list');
    else {
      version.caps.forEach((cap: unknown, c: number) => {
        validateCap(cap, `${path}.caps.${c}`, numbers, add);
      });
    }
  });
  return issues;
}

function validateCap(
  cap: unknown,
  path: string,
  sections: Set<unknown>,
  add: (path: string, message: string) => void,
): void {
  if (!isObject(cap)) {
    add(path, 'must be an object');
    return;
  }
  for (const key of Object.keys(cap)) {
    if (!['costType', 'subtype', 'byHouseholdSize', 'amount', 'section'].includes(key))
      add(`${path}.${key}`, 'unknown field');
  }
  if (typeof cap.costType !== 'string' || !(cap.costType in COST_TYPE_NAMES))
    add(`${path}.costType`, 'unknown cost type');
  if (
    cap.subtype !== undefined &&
    (cap.costType !== 'otherLivingCost' || typeof cap.subtype !== 'string' || !(cap.subtype in SUBTYPE_NAMES))
  ) {
    add(`${path}.subtype`, 'must be an otherLivingCost subtype, only with costType otherLivingCost');
  }
  if ((cap.amount === undefined) === (cap.byHouseholdSize === undefined)) {
    add(path, 'must have either amount or byHouseholdSize');
  }
  if (cap.amount !== undefined && !isAmount(cap.amount))
    add(`${path}.amount`, 'must be a whole number of öre ≥ 0');
  if (cap.byHouseholdSize !== undefined) {
    if (!isObject(cap.byHouseholdSize) || Object.keys(cap.byHouseholdSize).length === 0) {
      add(`${path}.byHouseholdSize`, 'must map household sizes to amounts');
    } else {
      for (const [size, amount] of Object.entries(cap.byHouseholdSize)) {
        if (!/^[1-9][0-9]*$/.test(size))
          add(`${path}.byHouseholdSize.${size}`, 'household size must be a whole number ≥ 1');
        else if (!isAmount(amount))
          add(`${path}.byHouseholdSize.${size}`, 'must be a whole number of öre ≥ 0');
      }
    }
  }
  if (typeof cap.section !== 'string' || !sections.has(cap.section)) {
    add(`${path}.section`, 'must name one of the version’s sections');
  }
}

/** The checked and month-resolved form of a set, or its issues; computed once per set object. */
export function compileGuidelineSet(set: GuidelineSet): CompiledGuidelineSet | InputIssue[] {
  let entry = compiled.get(set);
  if (entry === undefined) {
    const issues = validateGuidelineSet(set);
    entry = issues.length > 0 ? issues : { set, versionByMonth: entryIndexByMonth(set.versions, RANGE) };
    compiled.set(set, entry);
  }
  return entry;
}

function capAmount(cap: GuidelineCap, householdSize: number): Ore | undefined {
  if (cap.amount !== undefined) return cap.amount;
  let best: Ore | undefined;
  let bestSize = 0;
  for (const key in cap.byHouseholdSize) {
    const size = Number(key);
    if (size <= householdSize && size > bestSize) {
      bestSize = size;
      best = cap.byHouseholdSize[key];
    }
  }
  return best;
}

function capName(cap: GuidelineCap): string {
  return cap.subtype === undefined ? COST_TYPE_NAMES[cap.costType] : SUBTYPE_NAMES[cap.subtype];
}

/**
 * Warnings for every cap of the version in force that the month's costs of that type
 * (summed) exceed. Household size for byHouseholdSize is the applying household's members.
 */
export function guidelineCapWarnings(
  guidelines: CompiledGuidelineSet,
  monthIndex: number,
  householdSize: number,
  costs: CalculationInput['costs'],
  warnings: Warning[],
): void {
  const versionIndex = guidelines.versionByMonth[monthIndex] as number;
  const version: GuidelineVersion | undefined = guidelines.set.versions[versionIndex];
  if (version === undefined) return;
  for (const cap of version.caps) {
    const limit = capAmount(cap, householdSize);
    if (limit === undefined) continue;
    let total = 0;
    for (const cost of costs) {
      if (cost.type !== cap.costType) continue;
      if (cap.subtype !== undefined && (cost.type !== 'otherLivingCost' || cost.subtype !== cap.subtype))
        continue;
      total += cost.amount;
    }
    if (total <= limit) continue;
    const sizeText =
      cap.byHouseholdSize === undefined
        ? ''
        : ` för ett hushåll med ${householdSize} ${householdSize === 1 ? 'person' : 'personer'}`;
    warnings.push({
      code: 'guideline_cap_exceeded',
      message:
        `Kostnaden för ${capName(cap)} (${formatKronor(total)}) är högre än taket ${formatKronor(limit)}${sizeText} ` +
        `i avsnitt ${cap.section} i ${guidelines.set.name}. Beräkningen använder det angivna beloppet; ` +
        'pröva om kostnaden är skälig.',
      guidelineSetId: guidelines.set.id,
      section: cap.section,
      costType: cap.subtype === undefined ? cap.costType : `${cap.costType}.${cap.subtype}`,
      cap: limit,
      amount: total,
    });
  }
}

export type { CompiledGuidelineSet };
