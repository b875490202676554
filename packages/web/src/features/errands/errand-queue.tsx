// "Mina ärenden": the unit's errands, newest first, filtered by state. The filter lives in the
// URL so the back button returns to the same list.
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type ErrandState, type ErrandSummary, errandStates } from '../../api/case-types.ts';
import { Checkbox, SelectField } from '../../components/fields.tsx';
import { Pagination, pageFrom } from '../../components/pagination.tsx';
import { Badge, LoadError, Loading } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { errandStateLabels, errandTypeLabels } from '../../i18n/labels.ts';
import { errandPageSize, useErrands } from './api.ts';

function isState(value: string | null): value is ErrandState {
  return errandStates.includes(value as ErrandState);
}

export function ErrandQueue() {
  const { t, formatMonth } = useI18n();
  const [params, setParams] = useSearchParams();
  const raw = params.get('state');
  const state: ErrandState | '' = isState(raw) ? raw : '';
  const mine = params.get('mine') === '1';
  const page = pageFrom(params);
  const [draft, setDraft] = useState<string>(state);
  const [draftMine, setDraftMine] = useState(mine);
  const errands = useErrands(state, mine, page);

  function onFilter(event: FormEvent) {
    event.preventDefault();
    setParams({ ...(draft ? { state: draft } : {}), ...(draftMine ? { mine: '1' } : {}) });
  }

  const columns: Column<ErrandSummary>[] = [
    {
      key: 'applicant',
      header: t('errands.applicant'),
      rowHeader: true,
      cell: (errand) => (
        <Link to={`/arenden/${errand.id}`}>
          {errand.applicant?.name ?? t('errands.noApplicant')}
          <span className="visually-hidden">
            {`, ${t(errandTypeLabels[errand.type])} ${formatMonth(errand.month)}`}
          </span>
        </Link>
      ),
    },
    {
      key: 'protection',
      header: t('persons.protection'),
      cell: (errand) =>
        errand.applicant?.protectedIdentity ? <Badge>{t('persons.protectedBadge')}</Badge> : null,
    },
    { key: 'type', header: t('errands.type'), cell: (errand) => t(errandTypeLabels[errand.type]) },
    { key: 'month', header: t('errands.month'), cell: (errand) => formatMonth(errand.month) },
    { key: 'state', header: t('errands.state'), cell: (errand) => t(errandStateLabels[errand.state]) },
    {
      key: 'waiting',
      header: t('errands.waitingDays'),
      numeric: true,
      cell: (errand) => errand.waitingDays,
    },
  ];

  return (
    <>
      <search className="search">
        <form onSubmit={onFilter} className="search__form">
          <SelectField
            id="state"
            label={t('errands.filterState')}
            value={draft}
            onChange={setDraft}
            options={[
              { value: '', label: t('errands.allStates') },
              ...errandStates.map((value) => ({ value, label: t(errandStateLabels[value]) })),
            ]}
          />
          <Checkbox id="mine" label={t('errands.mine')} checked={draftMine} onChange={setDraftMine} />
          <button type="submit" className="button search__button">
            {t('errands.filterSubmit')}
          </button>
        </form>
      </search>
      {errands.isPending ? <Loading /> : null}
      {errands.isError ? <LoadError error={errands.error} onRetry={() => errands.refetch()} /> : null}
      {errands.data ? (
        errands.data.items.length === 0 ? (
          <p className="empty" role="status">
            {state ? t('errands.emptyState', { state: t(errandStateLabels[state]) }) : t('errands.empty')}
          </p>
        ) : (
          <>
            <p role="status" className="count">
              {t('errands.count', { total: errands.data.total })}
            </p>
            <Table
              caption={
                state
                  ? t('errands.captionState', { state: t(errandStateLabels[state]) })
                  : t('errands.caption')
              }
              captionHidden
              columns={columns}
              rows={errands.data.items}
              rowKey={(errand) => errand.id}
            />
            <Pagination
              page={page}
              total={errands.data.total}
              pageSize={errandPageSize}
              params={{ ...(state ? { state } : {}), ...(mine ? { mine: '1' } : {}) }}
            />
          </>
        )
      ) : null}
    </>
  );
}
