// One person's details. Masked fields (skyddad identitet) come from the server as null and
// are shown as "Skyddad uppgift", never as blanks that look like missing data.
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import type { PersonDetail } from '../../api/types.ts';
import { Page } from '../../components/page.tsx';
import { Badge, LoadError, Loading, Notice } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePerson } from './api.ts';

export function PersonDetails({ id, justCreated }: { id: string; justCreated: boolean }) {
  const { t } = useI18n();
  const person = usePerson(id);
  const title = person.data?.name ?? (person.isError ? t('person.title') : t('app.loading'));

  return (
    <>
      <p className="back-link">
        <Link to="/">{t('person.back')}</Link>
      </p>
      {justCreated && person.data ? (
        <Notice tone="success">
          <p role="status">{t('person.created')}</p>
        </Notice>
      ) : null}
      <Page title={title}>
        {person.isPending ? <Loading /> : null}
        {person.isError ? (
          <LoadError
            error={person.error}
            onRetry={
              person.error instanceof ApiError && person.error.status < 500
                ? undefined
                : () => person.refetch()
            }
          />
        ) : null}
        {person.data ? <Details person={person.data} /> : null}
      </Page>
    </>
  );
}

function Details({ person }: { person: PersonDetail }) {
  const { t } = useI18n();
  const masked = <span className="masked">{t('person.protectedValue')}</span>;
  const address = person.masked ? (
    masked
  ) : person.address ? (
    <>
      {person.address.street}
      <br />
      {person.address.postalCode} {person.address.city}
    </>
  ) : (
    t('person.noAddress')
  );

  return (
    <>
      {person.protectedIdentity ? (
        <Notice tone="warning">
          <p>
            <Badge>{t('persons.protectedBadge')}</Badge> {t('person.protectedNotice')}
          </p>
        </Notice>
      ) : null}
      <h2>{t('person.details')}</h2>
      <dl className="summary-list">
        <Row label={t('persons.personalIdentityNumber')}>{person.personalIdentityNumber}</Row>
        <Row label={t('person.firstName')}>{person.firstName ?? masked}</Row>
        <Row label={t('person.lastName')}>{person.lastName ?? masked}</Row>
        <Row label={t('person.birthDate')}>{person.birthDate}</Row>
        <Row label={t('person.address')}>{address}</Row>
        <Row label={t('persons.unit')}>{person.unit.name}</Row>
      </dl>
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
