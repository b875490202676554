// Editing a guideline's sections and caps (riktlinjetak): the caps are the values the rules
// engine warns against (never changes the amount), in kronor here and öre on the wire; one
// amount for every household or one per household size. Field ids follow the server's JSON
// pointers, so a refusal lands beside the field it is about.
import type { GuidelineCap } from '../../api/guideline-types.ts';
import { errorFor, type FieldError } from '../../components/error-summary.tsx';
import { Fieldset, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { costTypeLabels, otherCostLabels } from '../../i18n/labels.ts';
import { kronorInput, parseKronor } from '../../i18n/money.ts';

export const HOUSEHOLD_SIZES = ['1', '2', '3', '4', '5', '6'] as const;

export type SectionDraft = { number: string; title: string; text: string };
export type CapDraft = {
  /** "housing", … or "otherLivingCost:medicine" for a subtype of levnadskostnader i övrigt. */
  kind: string;
  section: string;
  mode: 'amount' | 'bySize';
  amount: string;
  sizes: Record<string, string>;
};

export function toCapDraft(cap: GuidelineCap): CapDraft {
  const sizes: Record<string, string> = {};
  for (const [size, ore] of Object.entries(cap.byHouseholdSize ?? {})) sizes[size] = kronorInput(ore);
  return {
    kind: cap.subtype ? `${cap.costType}:${cap.subtype}` : cap.costType,
    section: cap.section,
    mode: cap.byHouseholdSize ? 'bySize' : 'amount',
    amount: cap.amount === undefined ? '' : kronorInput(cap.amount),
    sizes,
  };
}

export function emptyCap(section: string): CapDraft {
  return { kind: 'housing', section, mode: 'amount', amount: '', sizes: {} };
}

/** The caps as the API takes them, or the fields whose amounts are not kronor. */
export function capsToWire(
  caps: CapDraft[],
  idPrefix: string,
  message: string,
): { caps: Record<string, unknown>[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const wire = caps.map((cap, i) => {
    const [costType, subtype] = cap.kind.split(':');
    const base: Record<string, unknown> = { costType, section: cap.section };
    if (subtype) base.subtype = subtype;
    if (cap.mode === 'amount') {
      const ore = parseKronor(cap.amount);
      if (ore === null) errors.push({ field: `${idPrefix}caps-${i}-amount`, message });
      base.amount = ore ?? 0;
    } else {
      const byHouseholdSize: Record<string, number> = {};
      for (const size of HOUSEHOLD_SIZES) {
        const text = cap.sizes[size]?.trim() ?? '';
        if (!text) continue;
        const ore = parseKronor(text);
        if (ore === null) errors.push({ field: `${idPrefix}caps-${i}-size-${size}`, message });
        else byHouseholdSize[size] = ore;
      }
      if (Object.keys(byHouseholdSize).length === 0) {
        errors.push({ field: `${idPrefix}caps-${i}-size-1`, message });
      }
      base.byHouseholdSize = byHouseholdSize;
    }
    return base;
  });
  return { caps: wire, errors };
}

/** Server pointers (`/sections/0/title`, `/caps/1/amount`, …) → the ids of the fields here. */
export function contentPointerFields(
  pointerPrefix: string,
  idPrefix: string,
  sections: number,
  caps: number,
): Record<string, string> {
  const map: Record<string, string> = {};
  for (let i = 0; i < sections; i++) {
    for (const field of ['number', 'title', 'text']) {
      map[`${pointerPrefix}/sections/${i}/${field}`] = `${idPrefix}sections-${i}-${field}`;
    }
    map[`${pointerPrefix}/sections/${i}`] = `${idPrefix}sections-${i}-number`;
  }
  for (let i = 0; i < caps; i++) {
    const id = `${idPrefix}caps-${i}`;
    map[`${pointerPrefix}/caps/${i}`] = `${id}-kind`;
    map[`${pointerPrefix}/caps/${i}/costType`] = `${id}-kind`;
    map[`${pointerPrefix}/caps/${i}/subtype`] = `${id}-kind`;
    map[`${pointerPrefix}/caps/${i}/section`] = `${id}-section`;
    map[`${pointerPrefix}/caps/${i}/amount`] = `${id}-amount`;
    map[`${pointerPrefix}/caps/${i}/byHouseholdSize`] = `${id}-size-1`;
    for (const size of HOUSEHOLD_SIZES)
      map[`${pointerPrefix}/caps/${i}/byHouseholdSize/${size}`] = `${id}-size-${size}`;
  }
  return map;
}

export function SectionsEditor({
  sections,
  onChange,
  idPrefix = '',
  errors,
}: {
  sections: SectionDraft[];
  onChange: (sections: SectionDraft[]) => void;
  idPrefix?: string;
  errors: FieldError[];
}) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<SectionDraft>) =>
    onChange(sections.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <>
      {sections.map((section, i) => {
        const id = `${idPrefix}sections-${i}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: sections are edited in place; the index is their identity here.
          <div key={i}>
            <Fieldset id={id} legend={t('guidelines.sectionLegend', { number: section.number || i + 1 })}>
              <TextField
                id={`${id}-number`}
                label={t('guidelines.sectionNumber')}
                width="short"
                autoComplete="off"
                value={section.number}
                onChange={(number) => set(i, { number })}
                error={errorFor(errors, `${id}-number`)}
              />
              <TextField
                id={`${id}-title`}
                label={t('guidelines.sectionTitle')}
                autoComplete="off"
                value={section.title}
                onChange={(title) => set(i, { title })}
                error={errorFor(errors, `${id}-title`)}
              />
              <TextArea
                id={`${id}-text`}
                label={t('guidelines.sectionText')}
                value={section.text}
                onChange={(text) => set(i, { text })}
                error={errorFor(errors, `${id}-text`)}
              />
              {sections.length > 1 ? (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => onChange(sections.filter((_, j) => j !== i))}
                >
                  {t('guidelines.removeSection', { number: section.number || i + 1 })}
                </button>
              ) : null}
            </Fieldset>
          </div>
        );
      })}
    </>
  );
}

export function CapsEditor({
  caps,
  onChange,
  sectionNumbers,
  idPrefix = '',
  errors,
}: {
  caps: CapDraft[];
  onChange: (caps: CapDraft[]) => void;
  sectionNumbers: string[];
  idPrefix?: string;
  errors: FieldError[];
}) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<CapDraft>) =>
    onChange(caps.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const kindOptions = [
    ...Object.entries(costTypeLabels).map(([value, key]) => ({
      value,
      label: t(key),
      group: t('guidelines.reasonableCosts'),
    })),
    ...Object.entries(otherCostLabels).map(([subtype, key]) => ({
      value: `otherLivingCost:${subtype}`,
      label: t(key),
      group: t('guidelines.otherLivingCosts'),
    })),
  ];
  return (
    <>
      {caps.length === 0 ? <p>{t('guidelines.noCaps')}</p> : null}
      {caps.map((cap, i) => {
        const id = `${idPrefix}caps-${i}`;
        const sectionOptions = [...new Set([...sectionNumbers, cap.section])]
          .filter(Boolean)
          .map((value) => ({ value, label: value }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: caps are edited in place; the index is their identity here.
          <Fieldset key={i} id={id} legend={t('guidelines.capLegend', { index: i + 1 })}>
            <SelectField
              id={`${id}-kind`}
              label={t('guidelines.capKind')}
              value={cap.kind}
              onChange={(kind) => set(i, { kind })}
              options={kindOptions}
              error={errorFor(errors, `${id}-kind`)}
            />
            <SelectField
              id={`${id}-section`}
              label={t('guidelines.capSection')}
              value={cap.section}
              onChange={(section) => set(i, { section })}
              options={sectionOptions.length > 0 ? sectionOptions : [{ value: '', label: '–' }]}
              error={errorFor(errors, `${id}-section`)}
            />
            <SelectField
              id={`${id}-mode`}
              label={t('guidelines.capMode')}
              value={cap.mode}
              onChange={(mode) => set(i, { mode: mode as CapDraft['mode'] })}
              options={[
                { value: 'amount', label: t('guidelines.capModeAmount') },
                { value: 'bySize', label: t('guidelines.capModeBySize') },
              ]}
            />
            {cap.mode === 'amount' ? (
              <TextField
                id={`${id}-amount`}
                label={t('guidelines.capAmount')}
                inputMode="decimal"
                width="short"
                autoComplete="off"
                value={cap.amount}
                onChange={(amount) => set(i, { amount })}
                error={errorFor(errors, `${id}-amount`)}
              />
            ) : (
              HOUSEHOLD_SIZES.map((size) => (
                <TextField
                  key={size}
                  id={`${id}-size-${size}`}
                  label={t(size === '6' ? 'guidelines.capSizeMax' : 'guidelines.capSize', { size })}
                  optional={size !== '1'}
                  inputMode="decimal"
                  width="short"
                  autoComplete="off"
                  value={cap.sizes[size] ?? ''}
                  onChange={(value) => set(i, { sizes: { ...cap.sizes, [size]: value } })}
                  error={errorFor(errors, `${id}-size-${size}`)}
                />
              ))
            )}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onChange(caps.filter((_, j) => j !== i))}
            >
              {t('guidelines.removeCap', { index: i + 1 })}
            </button>
          </Fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...caps, emptyCap(sectionNumbers[0] ?? '')])}
      >
        {t('guidelines.addCap')}
      </button>
    </>
  );
}
