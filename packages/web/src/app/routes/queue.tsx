import { useParams } from 'react-router';
import { QueuePage } from '../../features/work-queues/queue-page.tsx';

export function QueueRoute() {
  const { code = '' } = useParams();
  return <QueuePage key={code} code={code} />;
}
