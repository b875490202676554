// Routes. Everything except the login page sits behind the session guard; pages that only
// some roles may use say so with `allow`, and the server enforces the same rules again.
import { createBrowserRouter, useParams } from 'react-router';
import { AgreementsPage } from '../features/collaboration/agreements.tsx';
import { SurveyPage } from '../features/surveys/survey-page.tsx';
import { SurveyResultsPage } from '../features/surveys/survey-results.tsx';
import { AccessLogRoute } from './routes/access-log.tsx';
import { ErrandRoute } from './routes/errand.tsx';
import { ErrandsRoute } from './routes/errands.tsx';
import { LoginRoute } from './routes/login.tsx';
import { NewErrandRoute } from './routes/new-errand.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';
import { PaymentsRoute } from './routes/payments.tsx';
import { PersonRoute } from './routes/person.tsx';
import { ReferralRoute } from './routes/referral.tsx';
import { ReferralsRoute } from './routes/referrals.tsx';
import { RegisterPersonRoute } from './routes/register-person.tsx';
import { Allow, AppShell, RequireSession } from './routes/shell.tsx';
import { StartRoute } from './routes/start.tsx';

export function createRouter() {
  return createBrowserRouter([
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
