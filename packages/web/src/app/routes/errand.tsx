// Ärende: everything the caseworker does with one errand, composed from the features that own
// each part; the journal sits beside it. Each feature refreshes the errand after its writes.
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { Page } from '../../components/page.tsx';
import { LoadError, Loading } from '../../components/status.tsx';
import { Calculation } from '../../features/calculations/calculation.tsx';
import { CompletionPanel } from '../../features/citizen/completion-panel.tsx';
import { ErrandMessagesPanel } from '../../features/citizen/messages.tsx';
import { DecisionSection } from '../../features/decisions/decision.tsx';
import { useErrand } from '../../features/errands/api.ts';
import {
  ErrandChangesSection,
  ErrandHistory,
  ErrandSummaryList,
  ErrandTransitions,
} from '../../features/errands/errand-overview.tsx';
import { HouseholdPanel } from '../../features/households/household-panel.tsx';
import { Investigation } from '../../features/investigation/investigation.tsx';
import { JournalPanel } from '../../features/journal/journal-panel.tsx';
import { ErrandPayments } from '../../features/payments/errand-payments.tsx';
import { PlanPanel } from '../../features/planning/plan-panel.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { errandTypeLabels } from '../../i18n/labels.ts';

export function ErrandRoute() {
  const { id = '' } = useParams();
  return <ErrandPage key={id} id={id} />;
}

function ErrandPage({ id }: { id: string }) {
  const { t, formatMonth } = useI18n();
  const errand = useErrand(id);
  const data = errand.data;
  const applicant = data?.household.members.find((m) => m.role === 'applicant') ?? data?.household.members[0];
  const title = data
    ? t('errand.title', {
        type: t(errandTypeLabels[data.type]),
        name: applicant?.person.name ?? '',
        month: formatMonth(data.month),
      })
    : errand.isError
      ? t('errand.titleFallback')
      : t('app.loading');

  return (
    <>
      <p className="back-link">
        <Link to="/arenden">{t('errand.back')}</Link>
      </p>
      <Page title={title}>
        {errand.isPending ? <Loading /> : null}
        {errand.isError ? (
          <LoadError
            error={errand.error}
            onRetry={
              errand.error instanceof ApiError && errand.error.status < 500
                ? undefined
                : () => errand.refetch()
            }
          />
        ) : null}
        {data ? (
          <div className="case-layout">
            <div>
              <ErrandSummaryList errand={data} />
              <ErrandTransitions errand={data} />
              <ErrandChangesSection errand={data} />
              <HouseholdPanel householdId={data.household.id} month={data.month} />
              <Investigation errand={data} />
              <CompletionPanel errand={data} />
              <ErrandMessagesPanel errand={data} />
              <Calculation errand={data} />
              <DecisionSection errand={data} />
              {['decided', 'paid', 'closed'].includes(data.state) ? (
                <ErrandPayments errandId={data.id} />
              ) : null}
              <ErrandHistory errand={data} />
            </div>
            {applicant ? (
              <div className="side-column">
                <PlanPanel personId={applicant.personId} personName={applicant.person.name} />
                <JournalPanel
                  personId={applicant.personId}
                  personName={applicant.person.name}
                  errandId={data.id}
                />
              </div>
            ) : null}
          </div>
        ) : null}
      </Page>
    </>
  );
}
