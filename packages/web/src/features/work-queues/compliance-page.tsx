// The unit manager's compliance view: per caseworker, how many assisted adults have a current
// plan, how many lack one past the deadline and how many follow-ups are overdue.
import { Link } from 'react-router';
import { Page } from '../../components/page.tsx';
import { LoadError, Loading } from '../../components/status.tsx';
import { Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useWorkQueues } from './api.ts';

export function CompliancePage() {
  const { t } = useI18n();
  const queues = useWorkQueues();
  const rows = queues.data?.compliance ?? [];
  return (
    <>
      <p className="back-link">
        <Link to="/">{t('queues.back')}</Link>
      </p>
      <Page title={t('compliance.title')} lead={t('compliance.lead')}>
        {queues.isPending ? <Loading /> : null}
        {queues.isError ? <LoadError error={queues.error} onRetry={() => queues.refetch()} /> : null}
        {queues.data ? (
          rows.length === 0 ? (
            <p>{t('compliance.none')}</p>
          ) : (
            <Table
              caption={t('compliance.caption', { date: queues.data.today })}
              rows={rows}
              rowKey={(r) => r.caseworker.id ?? 'none'}
              columns={[
                {
                  key: 'name',
                  header: t('compliance.caseworker'),
                  rowHeader: true,
                  cell: (r) => r.caseworker.name,
                },
                { key: 'assisted', header: t('compliance.assisted'), numeric: true, cell: (r) => r.assisted },
                {
                  key: 'withPlan',
                  header: t('compliance.withPlan'),
                  numeric: true,
                  cell: (r) =>
                    `${r.withCurrentPlan} (${r.assisted === 0 ? 0 : Math.round((100 * r.withCurrentPlan) / r.assisted)} %)`,
                },
                {
                  key: 'missing',
                  header: t('compliance.planMissing'),
                  numeric: true,
                  cell: (r) => r.planMissing,
                },
                {
                  key: 'overdue',
                  header: t('compliance.overdue'),
                  numeric: true,
                  cell: (r) => r.followUpOverdue,
                },
              ]}
            />
          )
        ) : null}
      </Page>
    </>
  );
}
