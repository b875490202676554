// Min planering: the person's own genomförandeplan as agreed (goal, delmål, what they and others
// do, hours per week), the next follow-up, their meetings and their named contact.
import { Page } from '../../components/page.tsx';
import { LoadError, Loading } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';
import { useCitizenOverview, useCitizenPlan } from './api.ts';

const PARTY_LABELS: Record<string, MessageKey> = {
  person: 'citizenPlan.party.person',
  caseworker: 'citizenPlan.party.caseworker',
  labourMarketUnit: 'citizenPlan.party.labourMarketUnit',
  employmentService: 'citizenPlan.party.employmentService',
  socialInsuranceAgency: 'citizenPlan.party.socialInsuranceAgency',
  healthCare: 'citizenPlan.party.healthCare',
  coordinationAssociation: 'citizenPlan.party.coordinationAssociation',
  other: 'citizenPlan.party.other',
};

const PURPOSE_LABELS: Record<'followUp' | 'multiParty' | 'other', MessageKey> = {
  followUp: 'citizenPlan.meeting.followUp',
  multiParty: 'citizenPlan.meeting.multiParty',
  other: 'citizenPlan.meeting.other',
};

export function CitizenPlanRoute() {
  const { t, formatDateTime } = useI18n();
  const plan = useCitizenPlan();
  const overview = useCitizenOverview();
  const data = plan.data;
  const contact = overview.data?.contact;
  return (
    <Page title={t('citizenPlan.title')} lead={t('citizenPlan.lead')}>
      {plan.isPending ? <Loading /> : null}
      {plan.isError ? <LoadError error={plan.error} onRetry={() => plan.refetch()} /> : null}
      {data ? (
        <>
          <section aria-labelledby="plan-goal-title">
            <h2 id="plan-goal-title">{t('citizenPlan.goal')}</h2>
            {data.plan ? (
              <>
                <p>{data.plan.longTermGoal}</p>
                <h3>{t('citizenPlan.subGoals')}</h3>
                <ul>
                  {data.plan.subGoals.map((goal) => (
                    <li key={goal.id}>
                      {goal.outcome} ({t('citizenPlan.by', { date: goal.targetDate })})
                    </li>
                  ))}
                </ul>
                <h3>{t('citizenPlan.activities')}</h3>
                <ul>
                  {data.plan.activities.map((activity) => (
                    <li key={activity.description}>
                      {activity.description}:{' '}
                      {activity.responsible.name ??
                        t(PARTY_LABELS[activity.responsible.party] ?? 'citizenPlan.party.other')}
                      {activity.hoursPerWeek !== null
                        ? `, ${t('citizenPlan.hours', { hours: activity.hoursPerWeek })}`
                        : ''}
                    </li>
                  ))}
                </ul>
                {data.plan.clientWords ? (
                  <>
                    <h3>{t('citizenPlan.yourWords')}</h3>
                    <p className="citizen-quote">{data.plan.clientWords}</p>
                  </>
                ) : null}
                <p className="muted">
                  {data.plan.agreedOn
                    ? t('citizenPlan.agreed', { date: data.plan.agreedOn, version: data.plan.version })
                    : t('citizenPlan.notAgreed')}
                </p>
                {data.plan.nextFollowUpOn ? (
                  <p>{t('citizenPlan.nextFollowUp', { date: data.plan.nextFollowUpOn })}</p>
                ) : null}
                <p>{t('citizenPlan.requirement')}</p>
                <p>
                  <a href="/api/v1/citizen/plan/pdf" target="_blank" rel="noopener">
                    {t('citizenPlan.pdf')}
                  </a>
                </p>
              </>
            ) : (
              <p>{t('citizenPlan.none')}</p>
            )}
          </section>
          <section aria-labelledby="plan-meetings-title">
            <h2 id="plan-meetings-title">{t('citizenPlan.meetings')}</h2>
            {data.meetings.length === 0 ? (
              <p>{t('citizenPlan.noMeetings')}</p>
            ) : (
              <ul>
                {data.meetings.map((m) => (
                  <li key={m.id}>
                    {formatDateTime(m.startsAt)}, {m.homeVisit ? t('citizenPlan.homeVisit') : m.place}:{' '}
                    {t(PURPOSE_LABELS[m.purpose])}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="plan-contact-title">
            <h2 id="plan-contact-title">{t('citizen.home.contact')}</h2>
            <p>{contact ? `${contact.name}, ${contact.unit}` : t('citizenPlan.noContact')}</p>
          </section>
        </>
      ) : null}
    </Page>
  );
}
