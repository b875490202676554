// Insatskatalogen: the municipality's own insatser and the region's shared ones with provider,
// target group, eligibility, places, length, cost and funding; one insats with its wait list
// (longest wait first); and the forms the labour-market unit keeps the catalogue with.

import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Insats, Role, WaitListEntry } from '../../api/types.ts';
import { Checkbox } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { Badge, LoadError, Loading, Notice } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { fundingSourceLabels, insatsKindLabels } from '../../i18n/labels.ts';
import { useCurrentUser } from '../auth/api.ts';
import { useCatalogue, useCreateInsats, useInsats, useUpdateInsats, useWaitList } from './api.ts';
import { InsatsForm } from './insats-form.tsx';

/** The labour-market unit keeps the catalogue and sees the wait lists (as the server's routes say). */
export const CATALOGUE_KEEPERS: Role[] = ['coach', 'unitManager'];

export function CataloguePage() {
  const { t, formatMoney } = useI18n();
  const user = useCurrentUser();
  const [includeInactive, setIncludeInactive] = useState(false);
  const catalogue = useCatalogue(includeInactive);
  const columns: Column<Insats>[] = [
    {
      key: 'name',
      header: t('insatser.name'),
      rowHeader: true,
      cell: (i) => (
        <>
          <Link to={`/insatser/${i.id}`}>{i.name}</Link>
          {i.active ? null : (
            <>
              {' '}
              <Badge>{t('insatser.inactive')}</Badge>
            </>
          )}
        </>
      ),
    },
    { key: 'kind', header: t('insatser.kind'), cell: (i) => t(insatsKindLabels[i.kind]) },
    { key: 'owner', header: t('insatser.owner'), cell: (i) => i.owner.name },
    { key: 'provider', header: t('insatser.provider'), cell: (i) => i.provider },
    { key: 'target', header: t('insatser.targetGroup'), cell: (i) => i.targetGroup },
    { key: 'eligibility', header: t('insatser.eligibility'), cell: (i) => i.eligibility },
    {
      key: 'places',
      header: t('insatser.places'),
      numeric: true,
      cell: (i) => t('insatser.freeOf', { free: i.free, capacity: i.capacity }),
    },
    { key: 'waiting', header: t('insatser.waiting'), numeric: true, cell: (i) => i.waiting },
    {
      key: 'duration',
      header: t('insatser.durationWeeks'),
      numeric: true,
      cell: (i) => t('insatser.weeks', { weeks: i.durationWeeks }),
    },
    {
      key: 'cost',
      header: t('insatser.costShort'),
      numeric: true,
      cell: (i) => formatMoney(i.costPerParticipantOre),
    },
    { key: 'funding', header: t('insatser.funding'), cell: (i) => t(fundingSourceLabels[i.fundingSource]) },
  ];
  return (
    <Page title={t('insatser.title')} lead={t('insatser.intro')}>
      {CATALOGUE_KEEPERS.includes(user.role) ? (
        <p>
          <Link className="button" to="/insatser/ny">
            {t('insatser.new')}
          </Link>
        </p>
      ) : null}
      <p>
        <Link to="/arbetsplatser">{t('insatser.workplacesLink')}</Link>
      </p>
      <Checkbox
        id="includeInactive"
        label={t('insatser.includeInactive')}
        checked={includeInactive}
        onChange={setIncludeInactive}
      />
      {catalogue.isPending ? <Loading /> : null}
      {catalogue.isError ? <LoadError error={catalogue.error} onRetry={() => catalogue.refetch()} /> : null}
      {catalogue.data && catalogue.data.items.length === 0 ? <p>{t('insatser.none')}</p> : null}
      {catalogue.data && catalogue.data.items.length > 0 ? (
        <Table
          caption={t('insatser.title')}
          columns={columns}
          rows={catalogue.data.items}
          rowKey={(i) => i.id}
        />
      ) : null}
    </Page>
  );
}

export function NewInsatsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const create = useCreateInsats();
  return (
    <Page title={t('insatser.newTitle')} lead={t('insatser.newIntro')}>
      <p>
        <Link to="/insatser">{t('insatser.back')}</Link>
      </p>
      <InsatsForm
        submitLabel={t('insatser.create')}
        pending={create.isPending}
        onSubmit={(input, handlers) =>
          create.mutate(input, {
            onSuccess: (insats) => {
              handlers.onSuccess();
              navigate(`/insatser/${insats.id}`);
            },
            onError: handlers.onError,
          })
        }
      />
    </Page>
  );
}

export function InsatsPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const insats = useInsats(id);
  if (insats.isPending) return <Loading />;
  if (insats.isError)
    return (
      <Page title={t('insatser.title')}>
        <LoadError error={insats.error} onRetry={() => insats.refetch()} />
      </Page>
    );
  return <InsatsDetail key={insats.data.id} insats={insats.data} />;
}

function InsatsDetail({ insats }: { insats: Insats }) {
  const { t, formatMoney } = useI18n();
  const user = useCurrentUser();
  const keeper = CATALOGUE_KEEPERS.includes(user.role);
  const update = useUpdateInsats(insats.id);
  const [saved, setSaved] = useState(false);
  const rows: [string, string][] = [
    [t('insatser.kind'), t(insatsKindLabels[insats.kind])],
    [t('insatser.owner'), insats.owner.name],
    [t('insatser.provider'), insats.provider],
    [t('insatser.targetGroup'), insats.targetGroup],
    [t('insatser.eligibility'), insats.eligibility],
    [
      t('insatser.places'),
      t('insatser.placesLong', {
        capacity: insats.capacity,
        occupied: insats.occupied,
        free: insats.free,
      }),
    ],
    [t('insatser.waiting'), String(insats.waiting)],
    [t('insatser.durationWeeks'), t('insatser.weeks', { weeks: insats.durationWeeks })],
    [t('insatser.cost'), formatMoney(insats.costPerParticipantOre)],
    [t('insatser.funding'), t(fundingSourceLabels[insats.fundingSource])],
    [t('insatser.status'), insats.active ? t('insatser.activeStatus') : t('insatser.inactive')],
  ];
  return (
    <Page title={insats.name}>
      <p>
        <Link to="/insatser">{t('insatser.back')}</Link>
      </p>
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div key={label} className="summary-list__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {keeper ? <WaitList insats={insats} /> : <p>{t('insatser.waitListKeepersOnly')}</p>}
      {keeper ? (
        <section className="section" aria-labelledby="edit-insats-title">
          <h2 id="edit-insats-title">{t('insatser.editTitle')}</h2>
          {insats.owner.kind === 'region' ? (
            <Notice>
              <p>{t('insatser.regionOwned', { name: insats.owner.name })}</p>
            </Notice>
          ) : (
            <>
              {saved ? (
                <Notice tone="success">
                  <p role="status">{t('insatser.saved')}</p>
                </Notice>
              ) : null}
              <InsatsForm
                insats={insats}
                submitLabel={t('insatser.save')}
                pending={update.isPending}
                onSubmit={(input, handlers) => {
                  setSaved(false);
                  update.mutate(input, {
                    onSuccess: () => {
                      handlers.onSuccess();
                      setSaved(true);
                    },
                    onError: handlers.onError,
                  });
                }}
              />
            </>
          )}
        </section>
      ) : null}
    </Page>
  );
}

/** Who waits for a place, since when, longest wait first (the server logs the reading). */
function WaitList({ insats }: { insats: Insats }) {
  const { t } = useI18n();
  const list = useWaitList(insats.id, true);
  const columns: Column<WaitListEntry>[] = [
    {
      key: 'name',
      header: t('insatser.waitPerson'),
      rowHeader: true,
      cell: (w) => (w.referralId ? <Link to={`/remisser/${w.referralId}`}>{w.name}</Link> : w.name),
    },
    { key: 'since', header: t('insatser.waitSince'), cell: (w) => w.listedOn },
    {
      key: 'days',
      header: t('insatser.waitDays'),
      numeric: true,
      cell: (w) => t('referrals.days', { days: w.waitingDays }),
    },
  ];
  return (
    <section className="section" aria-labelledby="wait-list-title">
      <h2 id="wait-list-title">{t('insatser.waitListTitle')}</h2>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? <p>{t('insatser.waitListEmpty')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <Table
          caption={t('insatser.waitListCaption', { name: insats.name })}
          columns={columns}
          rows={list.data.items}
          rowKey={(w) => w.participationId}
        />
      ) : null}
    </section>
  );
}
