// The filter form and result table for Loggutdrag. Filters live in the URL; the form keeps
// its own draft so nothing the user typed is lost when a date is wrong. Dates are plain text
// fields with a format hint (GOV.UK advice): native date pickers show the browser's locale format.
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AccessLogEntry } from '../../api/types.ts';
import { ErrorSummary, errorFor, type FieldError } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { LoadError, Loading } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { accessActionLabels } from '../../i18n/labels.ts';
import { type AccessLogFilters, useAccessLog, usePersonOptions, useStaff } from './api.ts';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function today(offsetDays = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function isValidDate(value: string): boolean {
  return isoDate.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

export function AccessLogSearch() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const applied: AccessLogFilters = {
    personId: params.get('personId') ?? '',
    userId: params.get('userId') ?? '',
    from: params.get('from') ?? today(-30),
    to: params.get('to') ?? today(),
  };
  const [draft, setDraft] = useState<AccessLogFilters>(applied);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const staff = useStaff();
  const persons = usePersonOptions();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!isValidDate(draft.from)) problems.push({ field: 'from', message: t('accessLog.invalidDate') });
    if (!isValidDate(draft.to)) problems.push({ field: 'to', message: t('accessLog.invalidDate') });
    if (problems.length === 0 && draft.to < draft.from)
      problems.push({ field: 'to', message: t('accessLog.dateOrder') });
    setErrors(problems);
    if (problems.length > 0) return;
    const next: Record<string, string> = { from: draft.from, to: draft.to };
    if (draft.personId) next.personId = draft.personId;
    if (draft.userId) next.userId = draft.userId;
    setParams(next);
  }

  const set = (key: keyof AccessLogFilters) => (value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));

  return (
    <>
      <ErrorSummary errors={errors} />
      <form onSubmit={onSubmit} noValidate className="filters" aria-labelledby="filters-title">
        <h2 id="filters-title">{t('accessLog.filters')}</h2>
        <div className="filters__grid">
          <SelectField
            id="personId"
            label={t('accessLog.person')}
            value={draft.personId}
            onChange={set('personId')}
            options={[
              { value: '', label: t('accessLog.anyPerson') },
              ...(persons.data?.items ?? []).map((person) => ({
                value: person.id,
                label: `${person.name} (${person.personalIdentityNumber})`,
              })),
            ]}
          />
          <SelectField
            id="userId"
            label={t('accessLog.user')}
            value={draft.userId}
            onChange={set('userId')}
            options={[
              { value: '', label: t('accessLog.anyUser') },
              ...(staff.data?.items ?? []).map((user) => ({ value: user.id, label: user.name })),
            ]}
          />
          <TextField
            id="from"
            label={t('accessLog.from')}
            autoComplete="off"
            hint={t('accessLog.dateHint')}
            value={draft.from}
            onChange={set('from')}
            error={errorFor(errors, 'from')}
            width="medium"
          />
          <TextField
            id="to"
            label={t('accessLog.to')}
            autoComplete="off"
            hint={t('accessLog.dateHint')}
            value={draft.to}
            onChange={set('to')}
            error={errorFor(errors, 'to')}
            width="medium"
          />
        </div>
        <button type="submit" className="button">
          {t('accessLog.submit')}
        </button>
      </form>
      <Results filters={applied} />
    </>
  );
}

function Results({ filters }: { filters: AccessLogFilters }) {
  const { t, formatDateTime } = useI18n();
  const log = useAccessLog(filters);

  if (log.isPending) return <Loading />;
  if (log.isError) return <LoadError error={log.error} onRetry={() => log.refetch()} />;
  if (log.data.items.length === 0) {
    return (
      <p className="empty" role="status">
        {t('accessLog.empty')}
      </p>
    );
  }

  const columns: Column<AccessLogEntry>[] = [
    {
      key: 'at',
      header: t('accessLog.at'),
      cell: (entry) => (
        <time className="nowrap" dateTime={entry.at}>
          {formatDateTime(entry.at)}
        </time>
      ),
    },
    { key: 'user', header: t('accessLog.user'), cell: (entry) => entry.user.name },
    {
      key: 'person',
      header: t('accessLog.person'),
      cell: (entry) => entry.person?.name ?? <span className="muted">{t('accessLog.noPerson')}</span>,
    },
    { key: 'action', header: t('accessLog.action'), cell: (entry) => t(accessActionLabels[entry.action]) },
    { key: 'route', header: t('accessLog.route'), cell: (entry) => <code>{entry.route}</code> },
  ];

  return (
    <Table
      caption={t('accessLog.caption', { from: filters.from, to: filters.to })}
      columns={columns}
      rows={log.data.items}
      rowKey={(entry) => String(entry.id)}
    />
  );
}
