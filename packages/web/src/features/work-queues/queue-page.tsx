// One work queue: who is in it and why, each linking to the person's page.
import { Link } from 'react-router';
import { Page } from '../../components/page.tsx';
import { LoadError, Loading } from '../../components/status.tsx';
import { Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { legalStatusWords } from '../../i18n/labels.ts';
import { useWorkQueues } from './api.ts';
import { CaseReviewList } from './case-reviews.tsx';
import { queueLabel, queueReasonText } from './labels.ts';

export function QueuePage({ code }: { code: string }) {
  const { t } = useI18n();
  const queues = useWorkQueues();
  const queue = queues.data?.queues.find((q) => q.code === code);
  const title = queue ? t(queueLabel(code)) : queues.data ? t('queues.notFound') : t('app.loading');
  return (
    <>
      <p className="back-link">
        <Link to="/">{t('queues.back')}</Link>
      </p>
      <Page title={title}>
        {queues.isPending ? <Loading /> : null}
        {queues.isError ? <LoadError error={queues.error} onRetry={() => queues.refetch()} /> : null}
        {queue ? (
          <>
            <p>{t('queues.countLine', { count: queue.count, date: queues.data?.today ?? '' })}</p>
            {code === 'aktivitetskrav' && queues.data?.aktivitetskrav.rule ? (
              <p>
                {t('aktivitetskrav.ruleLine', {
                  source: queues.data.aktivitetskrav.rule.source,
                  status: legalStatusWords(t, queues.data.aktivitetskrav.rule.status),
                  month: queues.data.aktivitetskrav.rule.firstAppliedMonth,
                })}
              </p>
            ) : null}
            {queue.items.length === 0 ? (
              <p>{t('queues.empty')}</p>
            ) : (
              <Table
                caption={title}
                captionHidden
                rows={queue.items}
                rowKey={(row) => row.personId}
                columns={[
                  {
                    key: 'name',
                    header: t('queues.person'),
                    rowHeader: true,
                    cell: (row) => (
                      <Link to={`/persons/${encodeURIComponent(row.personId)}`}>{row.name}</Link>
                    ),
                  },
                  {
                    key: 'reason',
                    header: t('queues.reason'),
                    cell: (row) => queueReasonText(t, row.reason),
                  },
                ]}
              />
            )}
            {code === 'caseReview' ? <CaseReviewList /> : null}
          </>
        ) : null}
      </Page>
    </>
  );
}
