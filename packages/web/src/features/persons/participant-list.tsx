// "Mina deltagare" for the labour-market coach: the same persons endpoint, where the server
// returns only people whose referral the coach has accepted. Usually empty at first, so the
// empty state explains how participants arrive.
import { Link } from 'react-router';
import type { PersonSummary } from '../../api/types.ts';
import { Badge, LoadError, Loading } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePersons } from './api.ts';

export function ParticipantList() {
  const { t } = useI18n();
  const persons = usePersons({ search: '', offset: 0 });

  if (persons.isPending) return <Loading />;
  if (persons.isError) return <LoadError error={persons.error} onRetry={() => persons.refetch()} />;
  if (persons.data.items.length === 0) {
    return (
      <div className="empty-state">
        <h2>{t('persons.participantsEmptyTitle')}</h2>
        <p>{t('persons.participantsEmpty')}</p>
      </div>
    );
  }

  const columns: Column<PersonSummary>[] = [
    {
      key: 'name',
      header: t('persons.name'),
      rowHeader: true,
      cell: (person) => <Link to={`/persons/${person.id}`}>{person.name}</Link>,
    },
    {
      key: 'pin',
      header: t('persons.personalIdentityNumber'),
      cell: (person) => person.personalIdentityNumber,
    },
    {
      key: 'protection',
      header: t('persons.protection'),
      cell: (person) => (person.protectedIdentity ? <Badge>{t('persons.protectedBadge')}</Badge> : null),
    },
  ];
  return (
    <Table
      caption={t('persons.participantsTitle')}
      captionHidden
      columns={columns}
      rows={persons.data.items}
      rowKey={(person) => person.id}
    />
  );
}
