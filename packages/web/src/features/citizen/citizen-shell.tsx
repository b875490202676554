// The e-service's frame: its own session (e-legitimation), header with the person's name and
// a log-out button, no staff menu. Without a session the start page offers the login.
import { Outlet, useSearchParams } from 'react-router';
import { Layout } from '../../components/layout.tsx';
import { Page } from '../../components/page.tsx';
import { LoadError, Loading, Notice } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { citizenLoginUrl, useCitizenLogout, useCitizenSession } from './api.ts';

export function CitizenShell() {
  const { t } = useI18n();
  const session = useCitizenSession();
  const logout = useCitizenLogout();
  const citizen = session.data?.citizen ?? null;
  return (
    <Layout
      user={
        citizen
          ? {
              name: citizen.name,
              roleLabel: t('citizen.role'),
              municipality: citizen.municipality.name,
              unit: null,
            }
          : null
      }
      nav={
        citizen
          ? [
              { to: '/e-tjanst', label: t('citizen.nav.home'), end: true },
              { to: '/e-tjanst/planering', label: t('citizen.nav.plan') },
              { to: '/e-tjanst/meddelanden', label: t('citizen.nav.messages') },
            ]
          : []
      }
      onLogout={() => logout.mutate()}
    >
      {session.isPending ? (
        <Loading />
      ) : session.isError ? (
        <LoadError error={session.error} onRetry={() => session.refetch()} />
      ) : citizen ? (
        <Outlet />
      ) : (
        <CitizenLogin signedOut={logout.isSuccess} />
      )}
    </Layout>
  );
}

function CitizenLogin({ signedOut }: { signedOut: boolean }) {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const failure = search.get('fel');
  return (
    <Page title={t('citizen.login.title')} lead={t('citizen.login.lead')}>
      {signedOut ? (
        <Notice tone="success">
          <p role="status">{t('citizen.login.signedOut')}</p>
        </Notice>
      ) : null}
      {failure ? (
        <div className="notice notice--error" role="alert">
          <p>{failure === 'okand' ? t('citizen.login.unknown') : t('citizen.login.cancelled')}</p>
        </div>
      ) : null}
      <p>{t('citizen.login.what')}</p>
      <ul>
        <li>{t('citizen.login.what1')}</li>
        <li>{t('citizen.login.what2')}</li>
        <li>{t('citizen.login.what3')}</li>
      </ul>
      <p>
        <a className="button" href={citizenLoginUrl}>
          {t('citizen.login.button')}
        </a>
      </p>
      <p className="muted">{t('citizen.login.privacy')}</p>
    </Page>
  );
}
