import { Navigate, useLocation, useNavigate } from 'react-router';
import { useSession, useSignedOut } from '../../features/auth/api.ts';
import { LoginForm } from '../../features/auth/login-form.tsx';

type LoginState = { from?: string } | null;

export function LoginRoute() {
  const session = useSession();
  const signedOut = useSignedOut();
  const navigate = useNavigate();
  const state = useLocation().state as LoginState;
  const returnTo = state?.from?.startsWith('/') && !state.from.startsWith('/login') ? state.from : '/';

  if (session.data) return <Navigate to={returnTo} replace />;
  return <LoginForm signedOut={signedOut} onSignedIn={() => navigate(returnTo, { replace: true })} />;
}
