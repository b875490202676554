// "Utbetalning": the month's payment batch. The unit manager starts it (so the caseworker who
// decides is not the one who releases money); everyone in the unit follows the progress. A
// second run for the same month pays nothing twice; the server says so in plain words.
import { type FormEvent, useState } from 'react';
import type { PaymentBatch } from '../../api/case-types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { ActionError, LoadError, Loading, Notice } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { batchStatusLabels } from '../../i18n/labels.ts';
import { type BankFileFormat, useBatches, useDownloadBankFile, useStartBatch } from './api.ts';

function currentMonth(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date()).slice(0, 7);
}

export function PaymentBatches({ canRun }: { canRun: boolean }) {
  const { t, formatMoney, formatMonth } = useI18n();
  const batches = useBatches();
  const download = useDownloadBankFile();

  const columns: Column<PaymentBatch>[] = [
    { key: 'month', header: t('payments.month'), rowHeader: true, cell: (batch) => formatMonth(batch.month) },
    { key: 'date', header: t('payments.paymentDate'), cell: (batch) => batch.paymentDate },
    { key: 'status', header: t('payments.status'), cell: (batch) => t(batchStatusLabels[batch.status]) },
    {
      key: 'progress',
      header: t('payments.progress'),
      cell: (batch) => (
        <>
          <progress
            value={batch.processed}
            max={Math.max(batch.planned, 1)}
            aria-label={t('payments.progressLabel', { month: formatMonth(batch.month) })}
          />{' '}
          {t('payments.progressText', { processed: batch.processed, planned: batch.planned })}
        </>
      ),
    },
    { key: 'payments', header: t('payments.payments'), numeric: true, cell: (batch) => batch.payments },
    {
      key: 'total',
      header: t('payments.total'),
      numeric: true,
      cell: (batch) => formatMoney(batch.totalAmount),
    },
    {
      key: 'withoutAccount',
      header: t('payments.withoutAccount'),
      numeric: true,
      cell: (batch) => batch.withoutAccount,
    },
  ];
  if (canRun) {
    columns.push({
      key: 'files',
      header: t('payments.files'),
      cell: (batch) =>
        batch.status === 'completed' ? (
          <span className="button-row">
            {(['pain001', 'csv'] as BankFileFormat[]).map((format) => (
              <button
                key={format}
                type="button"
                className="button button--secondary"
                onClick={() => download.mutate({ batch, format })}
              >
                {t(format === 'pain001' ? 'payments.downloadPain' : 'payments.downloadCsv')}
                <span className="visually-hidden"> {formatMonth(batch.month)}</span>
              </button>
            ))}
          </span>
        ) : null,
    });
  }

  return (
    <>
      {canRun ? (
        <StartBatchForm />
      ) : (
        <Notice>
          <p>{t('payments.managerStarts')}</p>
        </Notice>
      )}
      <h2>{t('payments.batches')}</h2>
      {download.isError ? <ActionError error={download.error} /> : null}
      {batches.isPending ? <Loading /> : null}
      {batches.isError ? <LoadError error={batches.error} onRetry={() => batches.refetch()} /> : null}
      {batches.data?.some((batch) => batch.withoutAccount > 0) ? (
        <Notice tone="warning">
          <p>
            {t('payments.missingAccounts', {
              months: batches.data
                .filter((batch) => batch.withoutAccount > 0)
                .map((batch) => `${formatMonth(batch.month)} (${batch.withoutAccount})`)
                .join(', '),
            })}
          </p>
        </Notice>
      ) : null}
      {batches.data ? (
        batches.data.length === 0 ? (
          <p>{t('payments.none')}</p>
        ) : (
          <Table
            caption={t('payments.batches')}
            captionHidden
            columns={columns}
            rows={batches.data}
            rowKey={(batch) => batch.id}
          />
        )
      ) : null}
    </>
  );
}

function StartBatchForm() {
  const { t, formatMonth } = useI18n();
  const start = useStartBatch();
  const [month, setMonth] = useState(currentMonth);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [started, setStarted] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (start.isPending) return;
    setStarted(null);
    start.mutate(month.trim(), {
      onSuccess: (batch) => {
        setErrors([]);
        setStarted(t('payments.started', { month: formatMonth(batch.month), planned: batch.planned }));
      },
      onError: (error) =>
        setErrors(
          problemToFieldErrors(error, { '/month': 'batchMonth' }, t(errorMessages[errorCodeOf(error)])),
        ),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="start-batch-title">
      <h2 id="start-batch-title">{t('payments.startTitle')}</h2>
      <ErrorSummary errors={errors} />
      {started ? (
        <Notice tone="success">
          <p role="status">{started}</p>
        </Notice>
      ) : null}
      <TextField
        id="batchMonth"
        label={t('payments.month')}
        hint={t('payments.monthHint')}
        value={month}
        onChange={setMonth}
        error={errorFor(errors, 'batchMonth')}
        inputMode="numeric"
        autoComplete="off"
        width="short"
      />
      <button type="submit" className="button">
        {start.isPending ? t('payments.starting') : t('payments.start')}
      </button>
    </form>
  );
}
