// "Indikatorer": every indicator as a chart with the same values in a table beside it (the
// table is the accessible alternative), the nämnd's target for the year, filters in the URL,
// CSV/XLSX downloads and a print view. A unit manager can open the cases behind a figure.
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  DIMENSIONS,
  type Dimension,
  INDICATOR_KIND,
  type IndicatorId,
  type IndicatorReport,
  SUPPORT_BARRIER_LABELS,
} from '../../api/types.ts';
import { ErrorSummary, errorFor, type FieldError } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { PeriodFields, usePeriodProblems } from '../../components/period-fields.tsx';
import { ActionError, LoadError, Loading, Notice } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';
import { useCurrentUser } from '../auth/api.ts';
import {
  exportUrl,
  type ReportFilters,
  useDrillDown,
  useIndicators,
  useRefreshIndicators,
  useSavings,
  useSetTarget,
} from './api.ts';
import { ConsistencySection, SimulationSection } from './comparisons.tsx';
import { OutcomesSection } from './outcomes.tsx';
import { SettingsSection } from './settings.tsx';
import { StatisticsSection } from './statistics.tsx';

type Indicator = IndicatorReport['indicators'][number];
type Point = Indicator['points'][number];
type Selection = { indicator: IndicatorId; month: string; group: string };

/** People per page of the cases behind a figure. */
const CASES_PAGE = 50;
const COLORS = ['#0b3d5c', '#b35c00', '#00703c', '#6f2c91', '#b3261e', '#505a5f', '#1a5a96', '#7a5a00'];

function monthShift(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function defaultFilters(): ReportFilters {
  const now = new Date();
  const current = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const to = monthShift(current, -1);
  return { from: monthShift(to, -11), to, dimension: 'none', unitId: '', ageGroup: '', supportBarrier: '' };
}

function readFilters(params: URLSearchParams): ReportFilters {
  const defaults = defaultFilters();
  const dimension = params.get('dimension');
  return {
    from: params.get('from') ?? defaults.from,
    to: params.get('to') ?? defaults.to,
    dimension: DIMENSIONS.includes(dimension as Dimension) ? (dimension as Dimension) : 'none',
    unitId: params.get('unitId') ?? '',
    ageGroup: params.get('ageGroup') ?? '',
    supportBarrier: params.get('supportBarrier') ?? '',
  };
}

export function DashboardPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const applied = readFilters(params);
  const [draft, setDraft] = useState<ReportFilters>(applied);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [selection, setSelection] = useState<Selection | null>(null);
  const periodProblems = usePeriodProblems();
  const report = useIndicators(applied);
  const data = report.data;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = periodProblems(draft);
    setErrors(problems);
    if (problems.length > 0) return;
    setSelection(null);
    const next: Record<string, string> = { from: draft.from, to: draft.to, dimension: draft.dimension };
    if (draft.unitId) next.unitId = draft.unitId;
    if (draft.ageGroup) next.ageGroup = draft.ageGroup;
    if (draft.supportBarrier) next.supportBarrier = draft.supportBarrier;
    setParams(next);
  }
  const set = (key: keyof ReportFilters) => (value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const lead = data
    ? data.aggregatesOnly
      ? t('reports.introAggregates', {
          municipality: data.municipality,
          threshold: data.suppressionThreshold,
        })
      : t('reports.introUnit')
    : undefined;

  return (
    <Page title={t('reports.title')} lead={lead}>
      <ErrorSummary errors={errors} />
      <form
        onSubmit={onSubmit}
        noValidate
        className="filters no-print"
        aria-labelledby="report-filters-title"
      >
        <h2 id="report-filters-title">{t('reports.filters')}</h2>
        <div className="filters__grid">
          <PeriodFields from={draft.from} to={draft.to} onChange={set} errors={errors} />
          {data && data.scopeUnitId === null ? (
            <SelectField
              id="unitId"
              label={t('reports.unit')}
              value={draft.unitId}
              onChange={set('unitId')}
              options={[
                { value: '', label: t('reports.allUnits') },
                ...data.units.map((u) => ({ value: u.id, label: u.name })),
              ]}
            />
          ) : null}
          <SelectField
            id="ageGroup"
            label={t('reports.ageGroup')}
            value={draft.ageGroup}
            onChange={set('ageGroup')}
            options={[
              { value: '', label: t('reports.allAges') },
              ...(data?.ageGroups ?? []).map((band) => ({ value: band, label: band })),
            ]}
          />
          <SelectField
            id="supportBarrier"
            label={t('reports.barrier')}
            value={draft.supportBarrier}
            onChange={set('supportBarrier')}
            options={[
              { value: '', label: t('reports.allBarriers') },
              ...Object.entries(SUPPORT_BARRIER_LABELS).map(([value, label]) => ({ value, label })),
              { value: 'notRecorded', label: t('reports.notRecorded') },
            ]}
          />
          <SelectField
            id="dimension"
            label={t('reports.dimension')}
            value={draft.dimension}
            onChange={set('dimension')}
            options={DIMENSIONS.map((d) => ({ value: d, label: t(`dimension.${d}` as MessageKey) }))}
          />
        </div>
        <button type="submit" className="button">
          {t('reports.apply')}
        </button>
      </form>

      <p className="button-row no-print">
        <a className="button button--secondary" href={exportUrl(applied, 'csv')} download>
          {t('reports.exportCsv')}
        </a>
        <a className="button button--secondary" href={exportUrl(applied, 'xlsx')} download>
          {t('reports.exportXlsx')}
        </a>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('reports.print')}
        </button>
      </p>

      {report.isPending ? <Loading /> : null}
      {report.isError ? <LoadError error={report.error} onRetry={() => report.refetch()} /> : null}
      {data ? (
        <>
          <SnapshotLine snapshot={data.snapshot} canRefresh={user.role === 'unitManager'} />
          {data.indicators.every((i) => i.points.length === 0) ? (
            <p className="empty">{t('reports.empty')}</p>
          ) : null}
          {data.indicators.map((indicator) => (
            <IndicatorSection
              key={indicator.id}
              report={data}
              indicator={indicator}
              canDrillDown={user.role === 'unitManager'}
              selection={selection?.indicator === indicator.id ? selection : null}
              onSelect={setSelection}
              filters={applied}
            />
          ))}
          {user.role === 'committee' || user.role === 'unitManager' ? (
            <TargetsForm report={data} year={Number(applied.to.slice(0, 4))} />
          ) : null}
          {user.role === 'committee' ? <SettingsSection /> : null}
          <OutcomesSection from={applied.from} to={applied.to} unitId={applied.unitId} />
          <SavingsSection filters={applied} />
          <ConsistencySection from={applied.from} to={applied.to} isManager={user.role === 'unitManager'} />
          <SimulationSection month={applied.to} />
          <StatisticsSection
            year={Number(applied.to.slice(0, 4))}
            from={applied.from}
            to={applied.to}
            isManager={user.role === 'unitManager'}
          />
        </>
      ) : null}
    </Page>
  );
}

/** "Siffror per …": when the figures were computed, and for a manager a button to recompute them. */
function SnapshotLine({
  snapshot,
  canRefresh,
}: {
  snapshot: IndicatorReport['snapshot'];
  canRefresh: boolean;
}) {
  const { t, formatDateTime } = useI18n();
  const refresh = useRefreshIndicators();
  const busy = snapshot.refreshing || refresh.isPending;
  return (
    <div className="button-row" role="status">
      <p className="muted" id="figures-as-of">
        {snapshot.refreshedAt
          ? t('reports.figuresAsOf', { time: formatDateTime(snapshot.refreshedAt) })
          : t('reports.figuresNotYet')}
        {busy ? ` ${t('reports.figuresRefreshing')}` : snapshot.stale ? ` ${t('reports.figuresStale')}` : ''}
      </p>
      {canRefresh ? (
        <button
          type="button"
          className="button button--secondary no-print"
          disabled={busy}
          onClick={() => refresh.mutate()}
          aria-describedby="figures-as-of"
        >
          {t('reports.refreshFigures')}
        </button>
      ) : null}
      {refresh.isError ? <ActionError error={refresh.error} /> : null}
    </div>
  );
}

function useFormatValue() {
  const { locale, formatMoney } = useI18n();
  const tag = locale === 'sv' ? 'sv-SE' : 'en-GB';
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const whole = new Intl.NumberFormat(tag);
  return (id: IndicatorId, value: number) => {
    const kind = INDICATOR_KIND[id];
    if (kind === 'share') return percent.format(value);
    if (kind === 'amount') return formatMoney(value);
    if (kind === 'ratio') return decimal.format(value);
    return whole.format(value);
  };
}

function IndicatorSection({
  report,
  indicator,
  canDrillDown,
  selection,
  onSelect,
  filters,
}: {
  report: IndicatorReport;
  indicator: Indicator;
  canDrillDown: boolean;
  selection: Selection | null;
  onSelect: (selection: Selection | null) => void;
  filters: ReportFilters;
}) {
  const { t, formatMonth } = useI18n();
  const format = useFormatValue();
  const label = t(`indicator.${indicator.id}` as MessageKey);
  const months = [...new Set(indicator.points.map((p) => p.month))].sort();
  const groups = report.groups.filter((g) => indicator.points.some((p) => p.group === g.key));
  const pointAt = (month: string, group: string) =>
    indicator.points.find((p) => p.month === month && p.group === group);
  const latest = months.at(-1);
  const latestPoint = latest ? (pointAt(latest, 'all') ?? null) : null;
  const year = Number(filters.to.slice(0, 4));
  const target = indicator.targets.find((x) => x.year === year);
  const headingId = `indicator-${indicator.id}`;

  const cell = (point: Point | undefined, group: { key: string; label: string }, month: string) => {
    if (!point) return '–';
    if (point.suppressed || point.value === null)
      return point.suppressed ? (
        <>
          <span aria-hidden="true">–</span>
          <span className="visually-hidden">
            {t('reports.suppressed', { threshold: report.suppressionThreshold })}
          </span>
        </>
      ) : (
        '–'
      );
    const text = `${format(indicator.id, point.value)}${point.provisional ? ` (${t('reports.provisional')})` : ''}`;
    if (!canDrillDown) return text;
    return (
      <button
        type="button"
        className="link-button"
        onClick={() => onSelect({ indicator: indicator.id, month, group: group.key })}
      >
        {text}
        <span className="visually-hidden">
          {' – '}
          {t('reports.showCases', { indicator: label, month: formatMonth(month), group: group.label })}
        </span>
      </button>
    );
  };

  return (
    <section className="indicator" aria-labelledby={headingId}>
      <h2 id={headingId}>{label}</h2>
      <p className="indicator__summary">
        {latest && latestPoint && latestPoint.value !== null ? (
          <>
            {t('reports.latest', { month: formatMonth(latest) })}:{' '}
            <strong>{format(indicator.id, latestPoint.value)}</strong>.{' '}
          </>
        ) : null}
        {target
          ? `${t('reports.target', { year })}: ${format(indicator.id, target.target)}`
          : t('reports.noTarget')}
      </p>
      {months.length > 0 ? (
        <>
          <Chart
            indicator={indicator}
            label={t('reports.chartSummary', {
              indicator: label,
              from: formatMonth(months[0] ?? ''),
              to: formatMonth(latest ?? ''),
            })}
            months={months}
            groups={groups}
            target={target?.target ?? null}
          />
          <div className="table-wrapper">
            <table className="table">
              <caption className="table__caption">{t('reports.tableCaption', { indicator: label })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.month')}</th>
                  {groups.map((g) => (
                    <th key={g.key} scope="col" className="numeric">
                      {g.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {months.map((month) => (
                  <tr key={month}>
                    <th scope="row">{formatMonth(month)}</th>
                    {groups.map((g) => (
                      <td key={g.key} className="numeric">
                        {cell(pointAt(month, g.key), g, month)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="muted">{t('reports.empty')}</p>
      )}
      {selection ? (
        <CasesPanel
          // A new figure starts on its first page.
          key={`${selection.indicator}|${selection.month}|${selection.group}`}
          filters={filters}
          selection={selection}
          label={label}
          onClose={() => onSelect(null)}
        />
      ) : null}
    </section>
  );
}

/** A line chart as SVG. It is an image with a summary; the table under it has the values. */
function Chart({
  indicator,
  label,
  months,
  groups,
  target,
}: {
  indicator: Indicator;
  label: string;
  months: string[];
  groups: { key: string; label: string }[];
  target: number | null;
}) {
  const width = 640;
  const height = 180;
  const pad = 24;
  const values = indicator.points.map((p) => p.value ?? 0);
  const max = Math.max(INDICATOR_KIND[indicator.id] === 'share' ? 1 : 0, target ?? 0, ...values, 1);
  const x = (i: number) => pad + (months.length <= 1 ? 0 : (i * (width - 2 * pad)) / (months.length - 1));
  const y = (v: number) => height - pad - (v / max) * (height - 2 * pad);
  const shown = groups.slice(0, COLORS.length);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="chart__svg">
        <line x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} stroke="#505a5f" />
        {target !== null ? (
          <line
            x1={pad}
            x2={width - pad}
            y1={y(target)}
            y2={y(target)}
            stroke="#505a5f"
            strokeDasharray="6 4"
          />
        ) : null}
        {shown.map((g, gi) => {
          const pts = months
            .map((m, i) => {
              const p = indicator.points.find((q) => q.month === m && q.group === g.key);
              return p && p.value !== null ? `${x(i)},${y(p.value)}` : null;
            })
            .filter((p): p is string => p !== null);
          return (
            <polyline key={g.key} points={pts.join(' ')} fill="none" stroke={COLORS[gi]} strokeWidth={2.5} />
          );
        })}
      </svg>
      {shown.length > 1 || target !== null ? (
        <figcaption className="chart__legend" aria-hidden="true">
          {shown.map((g, gi) => (
            <span key={g.key} className="chart__key">
              <span className="chart__swatch" style={{ background: COLORS[gi] }} /> {g.label}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}

function CasesPanel({
  filters,
  selection,
  label,
  onClose,
}: {
  filters: ReportFilters;
  selection: Selection;
  label: string;
  onClose: () => void;
}) {
  const { t, formatMonth, formatNumber } = useI18n();
  const [page, setPage] = useState(1);
  const cases = useDrillDown(filters, selection, { offset: (page - 1) * CASES_PAGE, limit: CASES_PAGE });
  return (
    <section className="cases-panel" aria-labelledby="cases-title">
      <h3 id="cases-title">
        {t('reports.casesTitle', { indicator: label, month: formatMonth(selection.month) })}
      </h3>
      <p className="muted">{t('reports.casesIntro')}</p>
      {cases.isPending ? <Loading /> : null}
      {cases.isError ? <LoadError error={cases.error} onRetry={() => cases.refetch()} /> : null}
      {cases.data ? (
        cases.data.total === 0 ? (
          <p>{t('reports.noCases')}</p>
        ) : (
          <>
            <p aria-live="polite">
              {t('reports.casesCount', {
                total: formatNumber(cases.data.total),
                numerator: formatNumber(cases.data.inNumerator),
              })}
            </p>
            <ul className="cases-list">
              {cases.data.cases.map((c) => (
                <li key={c.personId}>
                  <Link to={`/persons/${c.personId}`}>{c.name}</Link>{' '}
                  <span className="muted">
                    {c.inNumerator ? t('reports.inNumerator') : t('reports.onlyDenominator')}
                  </span>
                </li>
              ))}
            </ul>
            <Pagination page={page} total={cases.data.total} pageSize={CASES_PAGE} onPage={setPage} />
          </>
        )
      ) : null}
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t('reports.close')}
      </button>
    </section>
  );
}

function TargetsForm({ report, year }: { report: IndicatorReport; year: number }) {
  const { t } = useI18n();
  const setTarget = useSetTarget();
  const initial = (indicator: Indicator) => {
    const target = indicator.targets.find((x) => x.year === year)?.target;
    if (target === undefined) return '';
    const kind = INDICATOR_KIND[indicator.id];
    const shown = kind === 'share' ? target * 100 : kind === 'amount' ? target / 100 : target;
    return String(Math.round(shown * 100) / 100).replace('.', ',');
  };
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(report.indicators.map((i) => [i.id, initial(i)])),
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const problems: FieldError[] = [];
    const changes: { indicator: IndicatorId; target: number | null }[] = [];
    for (const indicator of report.indicators) {
      const text = (draft[indicator.id] ?? '').trim().replace(',', '.').replace(/\s/g, '');
      if (text === initial(indicator).replace(',', '.')) continue;
      if (text === '') {
        changes.push({ indicator: indicator.id, target: null });
        continue;
      }
      const value = Number(text);
      if (!Number.isFinite(value) || value < 0) {
        problems.push({ field: `target-${indicator.id}`, message: t('reports.invalidTarget') });
        continue;
      }
      const kind = INDICATOR_KIND[indicator.id];
      changes.push({
        indicator: indicator.id,
        target: kind === 'share' ? value / 100 : kind === 'amount' ? Math.round(value * 100) : value,
      });
    }
    setErrors(problems);
    if (problems.length > 0) return;
    for (const change of changes) await setTarget.mutateAsync({ ...change, year });
    setSaved(true);
  }

  return (
    <form className="filters no-print" onSubmit={onSubmit} noValidate aria-labelledby="targets-title">
      <h2 id="targets-title">
        {t('reports.targets')} {year}
      </h2>
      <p>{t('reports.targetsIntro')}</p>
      <ErrorSummary errors={errors} />
      {saved ? <Notice tone="success">{t('reports.targetSaved')}</Notice> : null}
      {setTarget.error ? <ActionError error={setTarget.error} /> : null}
      <div className="filters__grid">
        {report.indicators.map((indicator) => (
          <TextField
            key={indicator.id}
            id={`target-${indicator.id}`}
            label={t('reports.targetFor', { year, indicator: t(`indicator.${indicator.id}` as MessageKey) })}
            value={draft[indicator.id] ?? ''}
            onChange={(value) => setDraft((current) => ({ ...current, [indicator.id]: value }))}
            error={errorFor(errors, `target-${indicator.id}`)}
            inputMode="decimal"
            width="short"
            optional
          />
        ))}
      </div>
      <button type="submit" className="button" disabled={setTarget.isPending}>
        {t('reports.saveTarget')}
      </button>
    </form>
  );
}

function SavingsSection({ filters }: { filters: ReportFilters }) {
  const { t, formatMoney } = useI18n();
  const [cost, setCost] = useState('0');
  const [applied, setApplied] = useState(0);
  const savings = useSavings({
    from: filters.from,
    to: filters.to,
    teamMonthlyCost: applied,
    unitId: filters.unitId,
  });
  const data = savings.data;
  const money = (value: number | null) => (value === null ? '–' : formatMoney(value));
  return (
    <section className="indicator" aria-labelledby="savings-title">
      <h2 id="savings-title">{t('reports.savings')}</h2>
      <p>{t('reports.savingsIntro')}</p>
      <form
        className="no-print"
        onSubmit={(event) => {
          event.preventDefault();
          const kronor = Number(cost.replace(',', '.').replace(/\s/g, ''));
          setApplied(Number.isFinite(kronor) && kronor >= 0 ? Math.round(kronor * 100) : 0);
        }}
      >
        <TextField
          id="teamCost"
          label={t('reports.teamCost')}
          value={cost}
          onChange={setCost}
          inputMode="decimal"
          width="short"
        />
        <button type="submit" className="button button--secondary">
          {t('reports.calculate')}
        </button>
      </form>
      {savings.isError ? <LoadError error={savings.error} /> : null}
      {data ? (
        <dl className="summary-list">
          <dt>{t('reports.exits')}</dt>
          <dd>{data.exits ?? '–'}</dd>
          <dt>{t('reports.monthsWithout')}</dt>
          <dd>{data.monthsWithout ?? '–'}</dd>
          <dt>{t('reports.estimatedSavings')}</dt>
          <dd>{money(data.estimatedSavings)}</dd>
          <dt>{t('reports.teamCostTotal')}</dt>
          <dd>{money(data.teamCost)}</dd>
          <dt>{t('reports.net')}</dt>
          <dd>{money(data.net)}</dd>
        </dl>
      ) : null}
    </section>
  );
}
