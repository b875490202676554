import { useParams } from 'react-router';
import { AuditFilePage, AuditListPage, AuditPage } from '../../features/audits/audits.tsx';

export function AuditsRoute() {
  return <AuditListPage />;
}

export function AuditRoute() {
  const { id = '' } = useParams();
  return <AuditPage id={id} />;
}

export function AuditFileRoute() {
  const { id = '', itemNo = '1' } = useParams();
  return <AuditFilePage id={id} itemNo={Number(itemNo)} />;
}
