// Överenskommelser: the register with the criteria that make an agreement real, and the ones
// not followed up in the last 12 months.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/context.tsx';
import type { Agreement } from '../../api/types.ts';
import { Checkbox } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { Badge, LoadError, Loading } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/api.ts';
import { FollowUpForm, NewAgreementForm } from './agreement-forms.tsx';

function useAgreements(notFollowedUp: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['agreements', notFollowedUp],
    queryFn: () =>
      api.get<{ items: Agreement[] }>('/api/v1/agreements', {
        notFollowedUp: notFollowedUp ? 'true' : 'false',
      }),
  });
}

export function AgreementsPage() {
  const { t } = useI18n();
  const keeper = useCurrentUser().role === 'unitManager';
  const [onlyStale, setOnlyStale] = useState(false);
  const agreements = useAgreements(onlyStale);
  const columns: Column<Agreement>[] = [
    { key: 'title', header: t('agreements.name'), rowHeader: true, cell: (a) => a.title },
    { key: 'parties', header: t('agreements.parties'), cell: (a) => a.parties.map((p) => p.name).join(', ') },
    { key: 'review', header: t('agreements.reviewOn'), cell: (a) => a.reviewOn },
    {
      key: 'last',
      header: t('agreements.lastFollowUp'),
      cell: (a) => a.lastFollowedUpOn ?? t('agreements.never'),
    },
    {
      key: 'status',
      header: t('agreements.status'),
      cell: (a) =>
        !a.current ? (
          t('agreements.notCurrent')
        ) : a.notFollowedUpIn12Months ? (
          <Badge>{t('agreements.stale')}</Badge>
        ) : a.reviewOverdue ? (
          <Badge>{t('agreements.reviewOverdue')}</Badge>
        ) : (
          t('agreements.current')
        ),
    },
  ];
  return (
    <Page title={t('agreements.title')} lead={t('agreements.intro')}>
      <Checkbox
        id="onlyStale"
        label={t('agreements.onlyStale')}
        checked={onlyStale}
        onChange={setOnlyStale}
      />
      {agreements.isPending ? <Loading /> : null}
      {agreements.isError ? (
        <LoadError error={agreements.error} onRetry={() => agreements.refetch()} />
      ) : null}
      {agreements.data && agreements.data.items.length === 0 ? <p>{t('agreements.none')}</p> : null}
      {agreements.data && agreements.data.items.length > 0 ? (
        <>
          <Table
            caption={t('agreements.title')}
            columns={columns}
            rows={agreements.data.items}
            rowKey={(a) => a.id}
          />
          {agreements.data.items.map((a) => (
            <Criteria key={a.id} agreement={a} keeper={keeper} />
          ))}
        </>
      ) : null}
      {keeper ? <NewAgreementForm /> : null}
    </Page>
  );
}

/** The criteria that make the agreement real, as registered. */
function Criteria({ agreement: a, keeper }: { agreement: Agreement; keeper: boolean }) {
  const { t } = useI18n();
  const rows: [string, string][] = [
    [t('agreements.decidedBy'), `${a.decidedBy}, ${a.decidedOn}`],
    [
      t('agreements.validity'),
      a.validTo ? `${a.validFrom} – ${a.validTo}` : t('agreements.validFromOnly', { date: a.validFrom }),
    ],
    [t('agreements.purpose'), a.purpose],
    [t('agreements.targetGroup'), a.targetGroup],
    [t('agreements.procedure'), a.procedure],
    [
      t('agreements.responsibilities'),
      a.responsibilities.map((r) => `${r.party}: ${r.responsibility}`).join('; '),
    ],
    [t('agreements.goals'), a.goals.map((g) => `${g.goal} (${g.measure})`).join('; ')],
    [t('agreements.economicCommitments'), a.economicCommitments || '–'],
  ];
  return (
    <section className="section">
      <h2>{a.title}</h2>
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div key={label} className="summary-list__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('agreements.followUps')}</h3>
      {a.followUps.length === 0 ? (
        <p>{t('agreements.noFollowUps')}</p>
      ) : (
        <ul>
          {a.followUps.map((f) => (
            <li key={f.id}>
              <strong>{f.followedUpOn}</strong>: {f.summary}
              {f.goalResults.length > 0 ? (
                <ul>
                  {f.goalResults.map((r) => (
                    <li key={r.goal}>
                      {r.goal}: {r.result}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {keeper && a.current ? <FollowUpForm agreement={a} /> : null}
    </section>
  );
}
