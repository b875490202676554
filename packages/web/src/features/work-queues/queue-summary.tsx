// The start page's work queues: each queue's count, linking to its own page.
import { Link } from 'react-router';
import { LoadError, Loading } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useWorkQueues } from './api.ts';
import { queueLabel } from './labels.ts';

export function QueueSummary() {
  const { t } = useI18n();
  const queues = useWorkQueues();
  return (
    <section aria-labelledby="queues-title" className="case-section">
      <h2 id="queues-title">{t('queues.title')}</h2>
      {queues.isPending ? <Loading /> : null}
      {queues.isError ? <LoadError error={queues.error} onRetry={() => queues.refetch()} /> : null}
      {queues.data ? (
        <>
          <ul className="queue-counts">
            {queues.data.queues.map((q) => (
              <li key={q.code} data-testid={`queue-${q.code}`}>
                <Link to={`/arbetskoer/${q.code}`}>
                  {t(queueLabel(q.code))}: <strong data-testid="queue-count">{q.count}</strong>
                </Link>
              </li>
            ))}
          </ul>
          <p>{t('queues.asOf', { date: queues.data.today })}</p>
        </>
      ) : null}
    </section>
  );
}
