// One errand's payments in the ledger: each decided item is paid once, whatever runs again.
import type { Payment } from '../../api/case-types.ts';
import { LoadError, Loading } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { paymentStatusLabels } from '../../i18n/labels.ts';
import { useErrandPayments } from './api.ts';

export function ErrandPayments({ errandId }: { errandId: string }) {
  const { t, formatMoney, formatDateTime } = useI18n();
  const payments = useErrandPayments(errandId);
  const columns: Column<Payment>[] = [
    {
      key: 'createdAt',
      header: t('payments.createdAt'),
      rowHeader: true,
      cell: (p) => formatDateTime(p.createdAt),
    },
    { key: 'status', header: t('payments.status'), cell: (p) => t(paymentStatusLabels[p.status]) },
    { key: 'account', header: t('payments.account'), cell: (p) => p.payeeAccount ?? t('payments.noAccount') },
    { key: 'amount', header: t('payments.amount'), numeric: true, cell: (p) => formatMoney(p.amount) },
  ];
  return (
    <section className="case-section" aria-labelledby="payments-title">
      <h2 id="payments-title">{t('payments.errandTitle')}</h2>
      {payments.isPending ? <Loading /> : null}
      {payments.isError ? <LoadError error={payments.error} onRetry={() => payments.refetch()} /> : null}
      {payments.data ? (
        payments.data.length === 0 ? (
          <p>{t('payments.errandNone')}</p>
        ) : (
          <Table
            caption={t('payments.errandTitle')}
            captionHidden
            columns={columns}
            rows={payments.data}
            rowKey={(p) => p.id}
          />
        )
      ) : null}
    </section>
  );
}
