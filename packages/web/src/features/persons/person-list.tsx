// The searchable list of persons for caseworkers and unit managers. The search lives in the
// URL so the back button and a shared link both give the same list.
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PersonSummary } from '../../api/types.ts';
import { TextField } from '../../components/fields.tsx';
import { Pagination, pageFrom } from '../../components/pagination.tsx';
import { Badge, LoadError, Loading } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { pageSize, usePersons } from './api.ts';

export function PersonList() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const page = pageFrom(params);
  const [draft, setDraft] = useState(search);
  const persons = usePersons({ search, offset: (page - 1) * pageSize });

  function onSearch(event: FormEvent) {
    event.preventDefault();
    const next = draft.trim();
    setParams(next ? { search: next } : {});
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
      cell: (person) => <span className="nowrap">{person.personalIdentityNumber}</span>,
    },
    { key: 'unit', header: t('persons.unit'), cell: (person) => person.unit.name },
    {
      key: 'protection',
      header: t('persons.protection'),
      cell: (person) => (person.protectedIdentity ? <Badge>{t('persons.protectedBadge')}</Badge> : null),
    },
  ];

  return (
    <>
      <search className="search">
        <form onSubmit={onSearch} className="search__form">
          <TextField
            id="search"
            type="search"
            label={t('persons.search')}
            hint={t('persons.searchHint')}
            value={draft}
            onChange={setDraft}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="button search__button">
            {t('persons.searchSubmit')}
          </button>
        </form>
        {search ? (
          <p>
            <Link
              to="?"
              onClick={() => {
                setDraft('');
              }}
            >
              {t('persons.searchClear')}
            </Link>
          </p>
        ) : null}
      </search>

      {persons.isPending ? <Loading /> : null}
      {persons.isError ? <LoadError error={persons.error} onRetry={() => persons.refetch()} /> : null}
      {persons.data ? (
        persons.data.items.length === 0 ? (
          <p className="empty" role="status">
            {search ? t('persons.emptySearch', { search }) : t('persons.empty')}
          </p>
        ) : (
          <>
            <p role="status" className="count">
              {t('persons.count', { shown: persons.data.items.length, total: persons.data.total })}
            </p>
            <Table
              caption={search ? t('persons.captionSearch', { search }) : t('persons.caption')}
              captionHidden
              columns={columns}
              rows={persons.data.items}
              rowKey={(person) => person.id}
            />
            <Pagination
              page={page}
              total={persons.data.total}
              pageSize={pageSize}
              params={search ? { search } : {}}
            />
          </>
        )
      ) : null}
    </>
  );
}
