// The app frame and the guards: who is signed in decides the header and menu; no session
// sends the user to the login page and back to where they were going afterwards.
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../../api/types.ts';
import { Layout } from '../../components/layout.tsx';
import { Page } from '../../components/page.tsx';
import { LoadError, Loading } from '../../components/status.tsx';
import { useCurrentUser, useLogout, useSession } from '../../features/auth/api.ts';
import { useUnreadCount } from '../../features/notifications/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { roleLabels } from '../../i18n/labels.ts';
import { navItems } from '../navigation.ts';

export function AppShell() {
  const { t } = useI18n();
  const session = useSession();
  const logout = useLogout();
  const user = session.data?.user ?? null;
  const unread = useUnreadCount(user !== null).data?.unread ?? 0;

  return (
    <Layout
      user={
        user
          ? {
              name: user.name,
              roleLabel: t(roleLabels[user.role]),
              municipality: user.municipality.name,
              unit: user.unit?.name ?? null,
            }
          : null
      }
      nav={user ? navItems(user.role, t, { unread }) : []}
      onLogout={() => logout.mutate()}
    >
      {session.isPending ? (
        <Loading />
      ) : session.isError ? (
        <LoadError error={session.error} onRetry={() => session.refetch()} />
      ) : (
        <Outlet />
      )}
    </Layout>
  );
}

export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session.data)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

export function Allow({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  if (!roles.includes(user.role)) {
    return (
      <Page title={t('error.forbidden')}>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </Page>
    );
  }
  return children;
}
