// Routes. Everything except the login page sits behind the session guard; pages that only
// some roles may use say so with `allow`, and the server enforces the same rules again.
import { createBrowserRouter, useParams } from 'react-router';
import type { Role } from '../api/types.ts';
import { ApplicationRoute } from '../features/citizen/application-wizard.tsx';
import { CitizenErrandRoute } from '../features/citizen/citizen-errand.tsx';
import { CitizenHome } from '../features/citizen/citizen-home.tsx';
import { CitizenShell } from '../features/citizen/citizen-shell.tsx';
import { CitizenMessagesRoute } from '../features/citizen/messages.tsx';
import { CitizenPlanRoute } from '../features/citizen/plan.tsx';
import { AgreementsPage } from '../features/collaboration/agreements.tsx';
import { PartnerAgenciesPage } from '../features/collaboration/partner-agencies.tsx';
import { CataloguePage, InsatsPage, NewInsatsPage } from '../features/insatser/catalogue.tsx';
import { WorkplacesPage } from '../features/insatser/workplaces.tsx';
import { InboxPage } from '../features/notifications/inbox.tsx';
import { SurveyPage } from '../features/surveys/survey-page.tsx';
import { SurveyQuestionsPage } from '../features/surveys/survey-questions.tsx';
import { SurveyResultsPage } from '../features/surveys/survey-results.tsx';
import { AccessLogRoute } from './routes/access-log.tsx';
import { AuditFileRoute, AuditRoute, AuditsRoute } from './routes/audits.tsx';
import { ErrandRoute } from './routes/errand.tsx';
import { ErrandsRoute } from './routes/errands.tsx';
import { GuidelineRoute, GuidelinesRoute } from './routes/guidelines.tsx';
import { LoginRoute } from './routes/login.tsx';
import { NewErrandRoute } from './routes/new-errand.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';
import { PaymentsRoute } from './routes/payments.tsx';
import { PersonRoute } from './routes/person.tsx';
import { ComplianceRoute, PlanningSettingsRoute } from './routes/planning-admin.tsx';
import { QueueRoute } from './routes/queue.tsx';
import { ReferralRoute } from './routes/referral.tsx';
import { ReferralsRoute } from './routes/referrals.tsx';
import { RegisterPersonRoute } from './routes/register-person.tsx';
import { ReportsRoute } from './routes/reports.tsx';
import { Allow, AppShell, RequireSession } from './routes/shell.tsx';
import { StartRoute } from './routes/start.tsx';

/** Guidelines are public policy: every staff role reads them (the server says the same). */
const GUIDELINE_READERS: Role[] = ['caseworker', 'unitManager', 'coach', 'committee', 'auditor', 'sysadmin'];

export function createRouter() {
  return createBrowserRouter([
    {
      // The citizen e-service: its own frame and session (e-legitimation), no staff pages.
      path: '/e-tjanst',
      element: <CitizenShell />,
      children: [
        { index: true, element: <CitizenHome /> },
        { path: 'ansokan/:id/:step', element: <ApplicationRoute /> },
        { path: 'arenden/:id', element: <CitizenErrandRoute /> },
        { path: 'planering', element: <CitizenPlanRoute /> },
        { path: 'meddelanden', element: <CitizenMessagesRoute /> },
      ],
    },
    {
      element: <AppShell />,
      children: [
        { path: '/login', element: <LoginRoute /> },
        { path: '/enkat/:token', element: <SurveyRoute /> },
        {
          element: <RequireSession />,
          children: [
            { index: true, element: <StartRoute /> },
            {
              path: '/persons/new',
              element: (
                <Allow roles={['caseworker']}>
                  <RegisterPersonRoute />
                </Allow>
              ),
            },
            {
              path: '/persons/:id',
              element: (
                <Allow roles={['caseworker', 'coach', 'unitManager']}>
                  <PersonRoute />
                </Allow>
              ),
            },
            {
              path: '/arenden',
              element: (
                <Allow roles={['caseworker', 'unitManager']}>
                  <ErrandsRoute />
                </Allow>
              ),
            },
            {
              path: '/arenden/ny',
              element: (
                <Allow roles={['caseworker', 'unitManager']}>
                  <NewErrandRoute />
                </Allow>
              ),
            },
            {
              path: '/arenden/:id',
              element: (
                <Allow roles={['caseworker', 'unitManager']}>
                  <ErrandRoute />
                </Allow>
              ),
            },
            {
              path: '/utbetalningar',
              element: (
                <Allow roles={['caseworker', 'unitManager']}>
                  <PaymentsRoute />
                </Allow>
              ),
            },
            {
              path: '/riktlinjer',
              element: (
                <Allow roles={GUIDELINE_READERS}>
                  <GuidelinesRoute />
                </Allow>
              ),
            },
            {
              path: '/arbetskoer/efterlevnad',
              element: (
                <Allow roles={['unitManager']}>
                  <ComplianceRoute />
                </Allow>
              ),
            },
            {
              path: '/riktlinjer/:id',
              element: (
                <Allow roles={GUIDELINE_READERS}>
                  <GuidelineRoute />
                </Allow>
              ),
            },
            {
              path: '/planeringsinstallningar',
              element: (
                <Allow roles={['unitManager']}>
                  <PlanningSettingsRoute />
                </Allow>
              ),
            },
            {
              path: '/arbetskoer/:code',
              element: (
                <Allow roles={['caseworker', 'unitManager']}>
                  <QueueRoute />
                </Allow>
              ),
            },
            {
              path: '/remisser',
              element: (
                <Allow roles={['caseworker', 'unitManager']}>
                  <ReferralsRoute />
                </Allow>
              ),
            },
            {
              path: '/remisser/:id',
              element: (
                <Allow roles={['caseworker', 'coach', 'unitManager']}>
                  <ReferralRoute />
                </Allow>
              ),
            },
            {
              path: '/insatser',
              element: (
                <Allow roles={['caseworker', 'coach', 'unitManager']}>
                  <CataloguePage />
                </Allow>
              ),
            },
            {
              path: '/insatser/ny',
              element: (
                <Allow roles={['coach', 'unitManager']}>
                  <NewInsatsPage />
                </Allow>
              ),
            },
            {
              path: '/insatser/:id',
              element: (
                <Allow roles={['caseworker', 'coach', 'unitManager']}>
                  <InsatsPage />
                </Allow>
              ),
            },
            {
              path: '/arbetsplatser',
              element: (
                <Allow roles={['caseworker', 'coach', 'unitManager']}>
                  <WorkplacesPage />
                </Allow>
              ),
            },
            {
              path: '/samverkansparter',
              element: (
                <Allow roles={['caseworker', 'coach', 'unitManager']}>
                  <PartnerAgenciesPage />
                </Allow>
              ),
            },
            {
              path: '/enkatfragor',
              element: (
                <Allow roles={['unitManager']}>
                  <SurveyQuestionsPage />
                </Allow>
              ),
            },
            {
              path: '/inkorg',
              element: (
                <Allow roles={['caseworker', 'coach', 'unitManager', 'committee', 'auditor', 'sysadmin']}>
                  <InboxPage />
                </Allow>
              ),
            },
            {
              path: '/overenskommelser',
              element: (
                <Allow roles={['caseworker', 'coach', 'unitManager', 'committee', 'auditor']}>
                  <AgreementsPage />
                </Allow>
              ),
            },
            {
              path: '/enkatresultat',
              element: (
                <Allow roles={['unitManager', 'committee', 'auditor']}>
                  <SurveyResultsPage />
                </Allow>
              ),
            },
            {
              path: '/access-log',
              element: (
                <Allow roles={['unitManager']}>
                  <AccessLogRoute />
                </Allow>
              ),
            },
            {
              path: '/indikatorer',
              element: (
                <Allow roles={['committee', 'auditor', 'unitManager']}>
                  <ReportsRoute />
                </Allow>
              ),
            },
            {
              path: '/granskning',
              element: (
                <Allow roles={['auditor']}>
                  <AuditsRoute />
                </Allow>
              ),
            },
            {
              path: '/granskning/:id',
              element: (
                <Allow roles={['auditor']}>
                  <AuditRoute />
                </Allow>
              ),
            },
            {
              path: '/granskning/:id/akter/:itemNo',
              element: (
                <Allow roles={['auditor']}>
                  <AuditFileRoute />
                </Allow>
              ),
            },
            { path: '*', element: <NotFoundRoute /> },
          ],
        },
      ],
    },
  ]);
}

/** The anonymous survey: no session needed. */
function SurveyRoute() {
  const { token = '' } = useParams();
  return <SurveyPage key={token} token={token} />;
}
