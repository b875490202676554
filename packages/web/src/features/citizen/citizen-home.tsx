// Start page of the e-service: apply for next month or continue a draft, the household's
// applications with their status in plain words, who lives in the household and the named contact.

import type { CitizenOverview, CitizenStatus } from '@stegvis/server/api';
import { Link, useLocation, useNavigate } from 'react-router';
import { Page } from '../../components/page.tsx';
import { ActionError, LoadError, Loading, Notice } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { errandTypeLabels, memberRoleLabels } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/sv.ts';
import { useCitizenOverview, useStartApplication } from './api.ts';

export const citizenStatusLabels: Record<CitizenStatus, MessageKey> = {
  received: 'citizen.status.received',
  underReview: 'citizen.status.underReview',
  needsCompletion: 'citizen.status.needsCompletion',
  decided: 'citizen.status.decided',
  paid: 'citizen.status.paid',
};

export function CitizenHome() {
  const { t } = useI18n();
  const overview = useCitizenOverview();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <Page title={t('citizen.home.title')}>
      {notice ? (
        <Notice tone="success">
          <p role="status">{notice}</p>
        </Notice>
      ) : null}
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <LoadError error={overview.error} onRetry={() => overview.refetch()} /> : null}
      {overview.data ? <Overview data={overview.data} /> : null}
    </Page>
  );
}

function Overview({ data }: { data: CitizenOverview }) {
  const { t, formatMonth, formatDateTime } = useI18n();
  const start = useStartApplication();
  const navigate = useNavigate();
  const applied = (month: string) =>
    data.errands.some((e) => e.month === month && e.type !== 'supplementaryApplication');
  // This month (a first application usually is) and next month (the monthly återansökan).
  const open = [data.thisMonth, data.nextMonth].filter(
    (month) => !applied(month) && !data.drafts.some((d) => d.month === month),
  );

  return (
    <>
      <section aria-labelledby="apply-title">
        <h2 id="apply-title">{t('citizen.home.apply')}</h2>
        {data.drafts.map((draft) =>
          draft.awaitsMyConfirmation ? (
            <p key={draft.id}>
              {t('citizen.joint.homeWaiting', {
                name: draft.createdBy.name,
                month: formatMonth(draft.month),
              })}{' '}
              <Link className="button" to={`/e-tjanst/ansokan/${draft.id}/granska`}>
                {t('citizen.joint.homeConfirm', { month: formatMonth(draft.month) })}
              </Link>
            </p>
          ) : draft.createdBy.personId !== data.person.id ? (
            <p key={draft.id}>
              {t('citizen.joint.homeConfirmed', {
                name: draft.createdBy.name,
                month: formatMonth(draft.month),
              })}
            </p>
          ) : (
            <p key={draft.id}>
              <Link className="button" to={`/e-tjanst/ansokan/${draft.id}/kontakt`}>
                {t('citizen.home.continue', { month: formatMonth(draft.month) })}
              </Link>
            </p>
          ),
        )}
        {start.isError ? <ActionError error={start.error} /> : null}
        {open.map((month) => (
          <div key={month}>
            <p>{t('citizen.home.applyLead', { month: formatMonth(month) })}</p>
            <p>
              <button
                type="button"
                className="button"
                onClick={() =>
                  !start.isPending &&
                  start.mutate(month, {
                    onSuccess: (application) => navigate(`/e-tjanst/ansokan/${application.id}/kontakt`),
                  })
                }
              >
                {t('citizen.home.applyButton', { month: formatMonth(month) })}
              </button>
            </p>
          </div>
        ))}
        {applied(data.nextMonth) ? (
          <p>{t('citizen.home.alreadyApplied', { month: formatMonth(data.nextMonth) })}</p>
        ) : null}
      </section>

      <section aria-labelledby="errands-title">
        <h2 id="errands-title">{t('citizen.home.errands')}</h2>
        {data.errands.length === 0 ? (
          <p>{t('citizen.home.noErrands')}</p>
        ) : (
          <ul className="citizen-list">
            {data.errands.map((errand) => (
              <li key={errand.id} className="citizen-list__item">
                <Link to={`/e-tjanst/arenden/${errand.id}`}>
                  {t(errandTypeLabels[errand.type])} {formatMonth(errand.month)}
                </Link>
                <br />
                <span>
                  {t('citizen.home.status')}: <strong>{t(citizenStatusLabels[errand.status])}</strong>
                </span>
                {errand.openCompletionRequests > 0 ? (
                  <>
                    <br />
                    <strong>{t('citizen.home.completionNeeded')}</strong>
                  </>
                ) : null}
                <br />
                <span className="muted">
                  {t('citizen.home.received', { date: formatDateTime(errand.receivedAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="household-title">
        <h2 id="household-title">{t('citizen.home.household')}</h2>
        <ul>
          {data.household.members.map((member) => (
            <li key={member.personId}>
              {member.name} ({t(memberRoleLabels[member.role])})
            </li>
          ))}
        </ul>
        <p className="muted">{t('citizen.home.householdHint')}</p>
      </section>

      <section aria-labelledby="contact-title">
        <h2 id="contact-title">{t('citizen.home.contact')}</h2>
        {data.contact ? (
          <p>
            {data.contact.name}, {data.contact.unit}, {data.municipality.name}
          </p>
        ) : (
          <p>{t('citizen.home.noContact', { municipality: data.municipality.name })}</p>
        )}
      </section>
    </>
  );
}
