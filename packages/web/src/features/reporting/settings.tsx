// The nämnd's settings for the indicators: age bands, the young-adult band, the very long-term
// window, the population (for the key figures per inhabitant) and the weights of the weighted
// caseload (the municipality's own; weights per försörjningshinder are set through the API).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useApi } from '../../api/context.tsx';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { Notice } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Settings = {
  ageBands: { min: number; max: number | null }[];
  youngAdult: { min: number; max: number };
  veryLongTerm: { months: number; window: number };
  population: number | null;
  populationYear: number | null;
  caseWeights: {
    base: number;
    additionalAdult: number;
    child: number;
    protectedIdentity: number;
    supportBarrier: Record<string, number>;
  };
};

const WEIGHTS = ['base', 'additionalAdult', 'child', 'protectedIdentity'] as const;
type WeightKey = (typeof WEIGHTS)[number];
const parseWeight = (text: string) => {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 10 ? value : null;
};

const bandsText = (bands: Settings['ageBands']) =>
  bands.map((b) => (b.max === null ? `${b.min}-` : `${b.min}-${b.max}`)).join(', ');

function parseBands(text: string): Settings['ageBands'] | null {
  const bands = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => /^(\d+)\s*[-–]\s*(\d*)$/.exec(part));
  if (bands.length === 0 || bands.some((m) => m === null)) return null;
  return bands.map((m) => ({ min: Number(m?.[1]), max: m?.[2] ? Number(m[2]) : null }));
}

export function SettingsSection() {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['reports', 'settings'],
    queryFn: () => api.get<Settings>('/api/v1/reports/settings'),
  });
  const save = useMutation({
    mutationFn: (input: Settings) => api.put<Settings>('/api/v1/reports/settings', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
  if (!settings.data) return null;
  return (
    <SettingsForm initial={settings.data} onSave={(s) => save.mutateAsync(s)} saving={save.isPending} t={t} />
  );
}

function SettingsForm({
  initial,
  onSave,
  saving,
  t,
}: {
  initial: Settings;
  onSave: (settings: Settings) => Promise<Settings>;
  saving: boolean;
  t: ReturnType<typeof useI18n>['t'];
}) {
  const [draft, setDraft] = useState({
    bands: bandsText(initial.ageBands),
    population: initial.population === null ? '' : String(initial.population),
    populationYear: initial.populationYear === null ? '' : String(initial.populationYear),
    ...(Object.fromEntries(
      WEIGHTS.map((w) => [w, String(initial.caseWeights[w]).replace('.', ',')]),
    ) as Record<WeightKey, string>),
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const problems: FieldError[] = [];
    const bands = parseBands(draft.bands);
    if (!bands) problems.push({ field: 'ageBands', message: t('reportSettings.bandsInvalid') });
    const population = draft.population.trim() === '' ? null : Number(draft.population.replace(/\s/g, ''));
    if (population !== null && (!Number.isInteger(population) || population < 1))
      problems.push({ field: 'population', message: t('reportSettings.populationInvalid') });
    const year = draft.populationYear.trim() === '' ? null : Number(draft.populationYear);
    if (year !== null && (!Number.isInteger(year) || year < 2000 || year > 2100))
      problems.push({ field: 'populationYear', message: t('reportSettings.yearInvalid') });
    const weights = { ...initial.caseWeights };
    for (const w of WEIGHTS) {
      const value = parseWeight(draft[w]);
      if (value === null) problems.push({ field: `weight-${w}`, message: t('reportSettings.weightInvalid') });
      else weights[w] = value;
    }
    setErrors(problems);
    if (problems.length > 0 || !bands) return;
    try {
      await onSave({ ...initial, ageBands: bands, population, populationYear: year, caseWeights: weights });
      setSaved(true);
    } catch (error) {
      setErrors(
        problemToFieldErrors(
          error,
          {
            '/ageBands': 'ageBands',
            '/population': 'population',
            '/populationYear': 'populationYear',
            ...Object.fromEntries(WEIGHTS.map((w) => [`/caseWeights/${w}`, `weight-${w}`])),
          },
          t('reportSettings.saveFailed'),
        ),
      );
    }
  }
  return (
    <form className="filters no-print" onSubmit={onSubmit} noValidate aria-labelledby="settings-title">
      <h2 id="settings-title">{t('reportSettings.title')}</h2>
      <ErrorSummary errors={errors} />
      {saved ? <Notice tone="success">{t('reportSettings.saved')}</Notice> : null}
      <TextField
        id="ageBands"
        label={t('reportSettings.bands')}
        hint={t('reportSettings.bandsHint')}
        value={draft.bands}
        onChange={(v) => setDraft((d) => ({ ...d, bands: v }))}
        error={errorFor(errors, 'ageBands')}
      />
      <div className="filters__grid">
        <TextField
          id="population"
          label={t('reportSettings.population')}
          value={draft.population}
          onChange={(v) => setDraft((d) => ({ ...d, population: v }))}
          error={errorFor(errors, 'population')}
          inputMode="numeric"
          width="medium"
          optional
        />
        <TextField
          id="populationYear"
          label={t('reportSettings.populationYear')}
          value={draft.populationYear}
          onChange={(v) => setDraft((d) => ({ ...d, populationYear: v }))}
          error={errorFor(errors, 'populationYear')}
          inputMode="numeric"
          width="short"
          optional
        />
      </div>
      <fieldset className="filters__grid">
        <legend>{t('reportSettings.weights')}</legend>
        <p className="muted">{t('reportSettings.weightsHint')}</p>
        {WEIGHTS.map((w) => (
          <TextField
            key={w}
            id={`weight-${w}`}
            label={t(`reportSettings.weight.${w}`)}
            value={draft[w]}
            onChange={(v) => setDraft((d) => ({ ...d, [w]: v }))}
            error={errorFor(errors, `weight-${w}`)}
            inputMode="decimal"
            width="short"
          />
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={saving}>
        {t('reportSettings.save')}
      </button>
    </form>
  );
}
