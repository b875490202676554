// "Översikt": persons and households per unit. A suppressed count is shown as "–" with the
// reason spelled out for screen readers and in a note under the table.
import type { Overview } from '../../api/types.ts';
import { Page } from '../../components/page.tsx';
import { LoadError, Loading } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOverview } from './api.ts';

type Row = Overview['rows'][number];

export function OverviewPage() {
  const { t } = useI18n();
  const overview = useOverview();

  return (
    <Page
      title={t('overview.title')}
      lead={overview.data ? t('overview.intro', { municipality: overview.data.municipality }) : undefined}
    >
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <LoadError error={overview.error} onRetry={() => overview.refetch()} /> : null}
      {overview.data ? <OverviewTable overview={overview.data} /> : null}
    </Page>
  );
}

function OverviewTable({ overview }: { overview: Overview }) {
  const { t, locale } = useI18n();
  const threshold = overview.suppressionThreshold;
  const number = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB');
  const month = new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${overview.month}-01T12:00:00Z`));

  if (overview.rows.length === 0) return <p className="empty">{t('overview.empty')}</p>;

  const count = (value: number | null) =>
    value === null ? (
      <>
        <span aria-hidden="true" title={t('overview.suppressed', { threshold })}>
          –
        </span>
        <span className="visually-hidden">{t('overview.suppressed', { threshold })}</span>
      </>
    ) : (
      number.format(value)
    );

  const columns: Column<Row>[] = [
    { key: 'unit', header: t('overview.unit'), rowHeader: true, cell: (row) => row.unit },
    { key: 'persons', header: t('overview.persons'), numeric: true, cell: (row) => count(row.persons) },
    {
      key: 'households',
      header: t('overview.households'),
      numeric: true,
      cell: (row) => count(row.households),
    },
  ];
  const hasSuppressed = overview.rows.some((row) => row.persons === null || row.households === null);

  return (
    <>
      <Table
        caption={t('overview.caption', { month })}
        columns={columns}
        rows={overview.rows}
        rowKey={(row) => row.unit}
      />
      {hasSuppressed ? <p className="table-note">{t('overview.suppressedNote', { threshold })}</p> : null}
    </>
  );
}
