import { Link, useLocation, useParams } from 'react-router';
import { AktivitetskravSection } from '../../features/aktivitetskrav/aktivitetskrav-section.tsx';
import { useCurrentUser } from '../../features/auth/api.ts';
import { PersonClosures } from '../../features/closures/person-closures.tsx';
import { usePersonHouseholds } from '../../features/errands/api.ts';
import { HouseholdPanel } from '../../features/households/household-panel.tsx';
import { PersonDetails } from '../../features/persons/person-details.tsx';
import { AssessmentSection } from '../../features/planning/assessment-section.tsx';
import { MeetingsSection } from '../../features/planning/meetings-section.tsx';
import { PlanSection } from '../../features/planning/plan-section.tsx';
import { PersonReferrals } from '../../features/referrals/person-referrals.tsx';
import { CaseReviewSection } from '../../features/work-queues/case-reviews.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function PersonRoute() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const user = useCurrentUser();
  const state = useLocation().state as { created?: boolean } | null;
  return (
    <>
      <PersonDetails key={id} id={id} justCreated={state?.created ?? false} />
      {user.role === 'caseworker' || user.role === 'unitManager' ? <PersonHousehold personId={id} /> : null}
      {user.role === 'caseworker' || user.role === 'unitManager' ? (
        <>
          <p>
            <Link className="button" to={`/arenden/ny?person=${encodeURIComponent(id)}`}>
              {t('newErrand.link')}
            </Link>
          </p>
          <AssessmentSection key={`a-${id}`} personId={id} />
          <PlanSection key={`p-${id}`} personId={id} />
          <MeetingsSection key={`m-${id}`} personId={id} />
          <AktivitetskravSection key={`k-${id}`} personId={id} />
          <CaseReviewSection key={`r-${id}`} personId={id} />
        </>
      ) : null}
      {user.role === 'caseworker' || user.role === 'unitManager' ? (
        <>
          <PersonReferrals personId={id} />
          <PersonClosures personId={id} />
        </>
      ) : null}
    </>
  );
}

/** The person's household this month, with its members over time, shared dwelling and payout account. */
function PersonHousehold({ personId }: { personId: string }) {
  const { t } = useI18n();
  const households = usePersonHouseholds(personId);
  const household = households.data?.households[0];
  if (!households.data) return null;
  if (!household) return <p>{t('household.personHasNone')}</p>;
  return <HouseholdPanel householdId={household.id} month={households.data.month ?? household.month} />;
}
