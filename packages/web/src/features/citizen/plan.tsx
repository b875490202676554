// Min planering: the person's own genomförandeplan as agreed (goal, delmål, what they and others
// do, hours per week), the next follow-up, their meetings and their named contact.
import { Page } from '../../components/page.tsx';
import { LoadError, Loading } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';
import { useCitizenOverview, useCitizenPlan } from './api.ts';

const PARTY_LABELS: Record<string, MessageKey> = {
  person: 'plan.party.person',
  caseworker: 'plan.party.caseworker',
  labourMarketUnit: 'plan.party.labourMarketUnit',
  employmentService: 'plan.party.employmentService',
  socialInsuranceAgency: 'plan.party.socialInsuranceAgency',
  healthCare: 'plan.party.healthCare',
  coordinationAssociation: 'plan.party.coordinationAssociation',
  other: 'plan.party.other',
};

const PURPOSE_LABELS: Record<'followUp' | 'multiParty' | 'other', MessageKey> = {
  followUp: 'plan.meeting.followUp',
  multiParty: 'plan.meeting.multiParty',
  other: 'plan.meeting.other',
};

export function CitizenPlanRoute() {
  const { t, formatDateTime } = useI18n();
  const plan = useCitizenPlan();
  const overview = useCitizenOverview();
  const data = plan.data;
  const contact = overview.data?.contact;
  return (
    <Page title={t('plan.title')} lead={t('plan.lead')}>
      {plan.isPending ? <Loading /> : null}
      {plan.isError ? <LoadError error={plan.error} onRetry={() => plan.refetch()} /> : null}
      {data ? (
        <>
          <section aria-labelledby="plan-goal-title">
            <h2 id="plan-goal-title">{t('plan.goal')}</h2>
            {data.plan ? (
              <>
                <p>{data.plan.longTermGoal}</p>
                <h3>{t('plan.subGoals')}</h3>
                <ul>
                  {data.plan.subGoals.map((goal) => (
                    <li key={goal.id}>
                      {goal.outcome} ({t('plan.by', { date: goal.targetDate })})
                    </li>
                  ))}
                </ul>
                <h3>{t('plan.activities')}</h3>
                <ul>
                  {data.plan.activities.map((activity) => (
                    <li key={activity.description}>
                      {activity.description}:{' '}
                      {activity.responsible.name ??
                        t(PARTY_LABELS[activity.responsible.party] ?? 'plan.party.other')}
                      {activity.hoursPerWeek !== null
                        ? `, ${t('plan.hours', { hours: activity.hoursPerWeek })}`
                        : ''}
                    </li>
                  ))}
                </ul>
                {data.plan.clientWords ? (
                  <>
                    <h3>{t('plan.yourWords')}</h3>
                    <p className="citizen-quote">{data.plan.clientWords}</p>
                  </>
                ) : null}
                <p className="muted">
                  {data.plan.agreedOn
                    ? t('plan.agreed', { date: data.plan.agreedOn, version: data.plan.version })
                    : t('plan.notAgreed')}
                </p>
                {data.plan.nextFollowUpOn ? (
                  <p>{t('plan.nextFollowUp', { date: data.plan.nextFollowUpOn })}</p>
                ) : null}
                <p>{t('plan.requirement')}</p>
                <p>
                  <a href="/api/v1/citizen/plan/pdf" target="_blank" rel="noopener">
                    {t('plan.pdf')}
                  </a>
                </p>
              </>
            ) : (
              <p>{t('plan.none')}</p>
            )}
          </section>
          <section aria-labelledby="plan-meetings-title">
            <h2 id="plan-meetings-title">{t('plan.meetings')}</h2>
            {data.meetings.length === 0 ? (
              <p>{t('plan.noMeetings')}</p>
            ) : (
              <ul>
                {data.meetings.map((m) => (
                  <li key={m.id}>
                    {formatDateTime(m.startsAt)}, {m.homeVisit ? t('plan.homeVisit') : m.place}:{' '}
                    {t(PURPOSE_LABELS[m.purpose])}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="plan-contact-title">
            <h2 id="plan-contact-title">{t('citizen.home.contact')}</h2>
            <p>{contact ? `${contact.name}, ${contact.unit}` : t('plan.noContact')}</p>
          </section>
        </>
      ) : null}
    </Page>
  );
}
