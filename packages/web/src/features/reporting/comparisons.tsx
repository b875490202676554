// Likabehandling and policy simulation on the dashboard: the consistency report across
// municipalities sharing the guideline set, units or caseworkers, and a what-if run of the
// month's calculations with a changed norm or a benefit cap. Aggregates only.
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useApi } from '../../api/context.tsx';
import type { ConsistencyReport, PolicySimulation } from '../../api/types.ts';
import { ErrorSummary, errorFor, type FieldError } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { ActionError, LoadError, Loading } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';

const HOUSEHOLD_TYPES = [
  'singleNoChildren',
  'singleWithChildren',
  'coupleNoChildren',
  'coupleWithChildren',
] as const;

/** A wide table in a scrolling region that keyboard users can reach and scroll. */
function ScrollTable<T>(props: Parameters<typeof Table<T>>[0]) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
    <section className="scroll-region" tabIndex={0} aria-label={props.caption}>
      <Table {...props} />
    </section>
  );
}

export function usePercent() {
  const { locale } = useI18n();
  const format = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  return (value: number | null) => (value === null ? '–' : format.format(value));
}

export function ConsistencySection({
  from,
  to,
  isManager,
}: {
  from: string;
  to: string;
  isManager: boolean;
}) {
  const { t, formatMoney, formatDateTime } = useI18n();
  const api = useApi();
  const percent = usePercent();
  const [dimension, setDimension] = useState(isManager ? 'caseworker' : 'municipality');
  const report = useQuery({
    queryKey: ['reports', 'consistency', from, to, dimension],
    queryFn: () => api.get<ConsistencyReport>('/api/v1/reports/consistency', { from, to, dimension }),
  });
  type Row = ConsistencyReport['rows'][number];
  const money = (value: number | null) => (value === null ? '–' : formatMoney(value));
  const columns: Column<Row>[] = [
    {
      key: 'label',
      header: t(`consistency.dimension.${dimension}` as MessageKey),
      rowHeader: true,
      cell: (r) => r.label,
    },
    { key: 'decisions', header: t('consistency.decisions'), numeric: true, cell: (r) => r.decisions ?? '–' },
    {
      key: 'rejection',
      header: t('consistency.rejectionRate'),
      numeric: true,
      cell: (r) => percent(r.rejectionRate),
    },
    { key: 'aboveCap', header: t('consistency.aboveCap'), numeric: true, cell: (r) => r.aboveCap ?? '–' },
    {
      key: 'approved',
      header: t('consistency.aboveCapApproved'),
      numeric: true,
      cell: (r) => percent(r.aboveCapApprovedShare),
    },
    ...HOUSEHOLD_TYPES.map((type) => ({
      key: type,
      header: t(`householdType.${type}` as MessageKey),
      numeric: true,
      cell: (r: Row) => money(r.averageByHouseholdType[type]),
    })),
  ];
  return (
    <section className="indicator" aria-labelledby="consistency-title">
      <h2 id="consistency-title">{t('consistency.title')}</h2>
      <p>
        {t('consistency.intro')}{' '}
        {report.data?.guidelineSet
          ? t('consistency.guideline', { name: report.data.guidelineSet.name })
          : null}
      </p>
      <div className="no-print">
        <SelectField
          id="consistencyDimension"
          label={t('consistency.compare')}
          value={dimension}
          onChange={setDimension}
          options={(isManager ? ['unit', 'caseworker'] : ['municipality', 'unit', 'caseworker']).map((d) => ({
            value: d,
            label: t(`consistency.dimension.${d}` as MessageKey),
          }))}
        />
      </div>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <LoadError error={report.error} onRetry={() => report.refetch()} /> : null}
      {report.data?.snapshot.refreshedAt ? (
        // The report reads the indicator cube: when its figures were computed (the oldest of the municipalities compared).
        <p className="muted" role="status">
          {t('consistency.figuresAsOf', { time: formatDateTime(report.data.snapshot.refreshedAt) })}
          {report.data.snapshot.refreshing
            ? ` ${t('reports.figuresRefreshing')}`
            : report.data.snapshot.stale
              ? ` ${t('reports.figuresStale')}`
              : ''}
        </p>
      ) : null}
      {report.data ? (
        report.data.rows.length === 0 ? (
          <p>{t('reports.empty')}</p>
        ) : (
          <ScrollTable
            caption={t('consistency.caption')}
            columns={columns}
            rows={report.data.rows}
            rowKey={(r) => r.key}
          />
        )
      ) : null}
    </section>
  );
}

export function SimulationSection({ month }: { month: string }) {
  const { t, formatMoney } = useI18n();
  const api = useApi();
  const [draft, setDraft] = useState({ month, percent: '2,5', cap: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const run = useMutation({
    mutationFn: (input: { month: string; normChangePercent: number; benefitCap: number | null }) =>
      api.post<PolicySimulation>('/api/v1/reports/simulation', input),
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    const percent = Number(draft.percent.replace(',', '.'));
    const cap = draft.cap.trim() === '' ? null : Number(draft.cap.replace(/\s/g, '').replace(',', '.'));
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(draft.month))
      problems.push({ field: 'simMonth', message: t('reports.invalidMonth') });
    if (!Number.isFinite(percent) || percent < -50 || percent > 100)
      problems.push({ field: 'simPercent', message: t('simulation.invalidPercent') });
    if (cap !== null && (!Number.isFinite(cap) || cap < 0))
      problems.push({ field: 'simCap', message: t('simulation.invalidCap') });
    setErrors(problems);
    if (problems.length > 0) return;
    run.mutate({
      month: draft.month,
      normChangePercent: percent,
      benefitCap: cap === null ? null : Math.round(cap * 100),
    });
  }
  type Group = PolicySimulation['groups'][number];
  const money = (value: number | null) => (value === null ? '–' : formatMoney(value));
  const columns: Column<Group>[] = [
    {
      key: 'type',
      header: t('simulation.householdType'),
      rowHeader: true,
      cell: (g) =>
        t(g.householdType === 'all' ? 'simulation.all' : (`householdType.${g.householdType}` as MessageKey)),
    },
    {
      key: 'households',
      header: t('simulation.households'),
      numeric: true,
      cell: (g) => g.households ?? '–',
    },
    { key: 'baseline', header: t('simulation.baseline'), numeric: true, cell: (g) => money(g.baselineTotal) },
    {
      key: 'simulated',
      header: t('simulation.simulated'),
      numeric: true,
      cell: (g) => money(g.simulatedTotal),
    },
    { key: 'change', header: t('simulation.change'), numeric: true, cell: (g) => money(g.change) },
    {
      key: 'average',
      header: t('simulation.averageChange'),
      numeric: true,
      cell: (g) => money(g.averageChange),
    },
    {
      key: 'less',
      header: t('simulation.less'),
      numeric: true,
      cell: (g) => (g.buckets ? g.buckets.decreaseOver1000 + g.buckets.decreaseUpTo1000 : '–'),
    },
    {
      key: 'same',
      header: t('simulation.same'),
      numeric: true,
      cell: (g) => (g.buckets ? g.buckets.unchanged : '–'),
    },
    {
      key: 'more',
      header: t('simulation.more'),
      numeric: true,
      cell: (g) => (g.buckets ? g.buckets.increaseUpTo1000 + g.buckets.increaseOver1000 : '–'),
    },
  ];
  return (
    <section className="indicator" aria-labelledby="simulation-title">
      <h2 id="simulation-title">{t('simulation.title')}</h2>
      <p>{t('simulation.intro')}</p>
      <form className="filters no-print" onSubmit={onSubmit} noValidate aria-labelledby="simulation-title">
        <ErrorSummary errors={errors} />
        <div className="filters__grid">
          <TextField
            id="simMonth"
            label={t('simulation.month')}
            hint={t('reports.monthHint')}
            value={draft.month}
            onChange={(v) => setDraft((d) => ({ ...d, month: v }))}
            error={errorFor(errors, 'simMonth')}
            width="short"
          />
          <TextField
            id="simPercent"
            label={t('simulation.percent')}
            value={draft.percent}
            onChange={(v) => setDraft((d) => ({ ...d, percent: v }))}
            error={errorFor(errors, 'simPercent')}
            inputMode="decimal"
            width="short"
          />
          <TextField
            id="simCap"
            label={t('simulation.cap')}
            value={draft.cap}
            onChange={(v) => setDraft((d) => ({ ...d, cap: v }))}
            error={errorFor(errors, 'simCap')}
            inputMode="decimal"
            width="short"
            optional
          />
        </div>
        <button type="submit" className="button" disabled={run.isPending}>
          {t('simulation.run')}
        </button>
      </form>
      {run.error ? <ActionError error={run.error} /> : null}
      {run.data ? (
        <>
          <p role="status">
            {t('simulation.result', { households: run.data.households, refused: run.data.refused })}
          </p>
          <ScrollTable
            caption={t('simulation.caption')}
            columns={columns}
            rows={run.data.groups}
            rowKey={(g) => g.householdType}
          />
        </>
      ) : null}
    </section>
  );
}
