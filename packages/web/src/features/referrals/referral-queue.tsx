// The referral queue, longest wait first: for the coach the referrals to the unit, for the
// caseworker those of the unit's persons. The waiting days are the same number on both sides.
import { Link } from 'react-router';
import type { Referral } from '../../api/types.ts';
import { Badge, LoadError, Loading } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { referralStatusLabels } from '../../i18n/labels.ts';
import { useReferralQueue } from './api.ts';

export function ReferralQueue({ caption }: { caption: string }) {
  const { t } = useI18n();
  const queue = useReferralQueue();
  if (queue.isPending) return <Loading />;
  if (queue.isError) return <LoadError error={queue.error} onRetry={() => queue.refetch()} />;
  if (queue.data.items.length === 0) return <p>{t('referrals.queueEmpty')}</p>;
  return <ReferralTable caption={caption} rows={queue.data.items} />;
}

export function ReferralTable({ caption, rows }: { caption: string; rows: Referral[] }) {
  const { t } = useI18n();
  const columns: Column<Referral>[] = [
    {
      key: 'person',
      header: t('referrals.person'),
      rowHeader: true,
      cell: (r) => <Link to={`/remisser/${r.id}`}>{r.personName || t('referrals.to')}</Link>,
    },
    { key: 'from', header: t('referrals.from'), cell: (r) => r.from.name },
    { key: 'to', header: t('referrals.to'), cell: (r) => r.to.name },
    { key: 'sent', header: t('referrals.sentOn'), cell: (r) => r.sentOn },
    {
      key: 'waiting',
      header: t('referrals.waitingDays'),
      numeric: true,
      cell: (r) => t('referrals.days', { days: r.clocks.waitingDays }),
    },
    { key: 'status', header: t('referrals.status'), cell: (r) => t(referralStatusLabels[r.status]) },
    { key: 'coach', header: t('referrals.coach'), cell: (r) => r.coach?.name ?? '' },
    {
      key: 'absence',
      header: t('referrals.unexcused'),
      numeric: true,
      cell: (r) =>
        r.unexcusedHoursLast4Weeks > 0 ? (
          <Badge>{t('referrals.hours', { hours: r.unexcusedHoursLast4Weeks })}</Badge>
        ) : (
          ''
        ),
    },
  ];
  return <Table caption={caption} columns={columns} rows={rows} rowKey={(r) => r.id} />;
}
