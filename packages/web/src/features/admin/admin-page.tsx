// Administration start page: everyone with an account and every unit in the municipality.
import type { Unit, User } from '../../api/types.ts';
import { Page } from '../../components/page.tsx';
import { LoadError, Loading } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { roleLabels } from '../../i18n/labels.ts';
import { useUnits, useUsers } from './api.ts';

export function AdminPage({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  const users = useUsers();
  const units = useUnits();

  const userColumns: Column<User>[] = [
    { key: 'name', header: t('admin.name'), rowHeader: true, cell: (user) => user.name },
    { key: 'username', header: t('admin.username'), cell: (user) => <code>{user.username}</code> },
    { key: 'role', header: t('admin.role'), cell: (user) => t(roleLabels[user.role]) },
    {
      key: 'unit',
      header: t('admin.unit'),
      cell: (user) => user.unit?.name ?? <span className="muted">{t('admin.noUnit')}</span>,
    },
  ];
  const unitColumns: Column<Unit>[] = [
    { key: 'name', header: t('admin.unit'), rowHeader: true, cell: (unit) => unit.name },
    { key: 'committee', header: t('admin.committee'), cell: (unit) => unit.committee },
  ];

  return (
    <Page title={t('admin.title')} lead={t('admin.intro', { municipality })}>
      <section aria-labelledby="users-title">
        <h2 id="users-title">{t('admin.users')}</h2>
        {users.isPending ? <Loading /> : null}
        {users.isError ? <LoadError error={users.error} onRetry={() => users.refetch()} /> : null}
        {users.data ? (
          <Table
            caption={t('admin.users')}
            captionHidden
            columns={userColumns}
            rows={users.data.items}
            rowKey={(user) => user.id}
          />
        ) : null}
      </section>
      <section aria-labelledby="units-title">
        <h2 id="units-title">{t('admin.units')}</h2>
        {units.isPending ? <Loading /> : null}
        {units.isError ? <LoadError error={units.error} onRetry={() => units.refetch()} /> : null}
        {units.data ? (
          <Table
            caption={t('admin.units')}
            captionHidden
            columns={unitColumns}
            rows={units.data.items}
            rowKey={(unit) => unit.id}
          />
        ) : null}
      </section>
    </Page>
  );
}
