// Sign-in with username and password, and e-legitimation when the municipality has it.
// Wrong credentials never reveal which of the two was wrong, and nothing typed is cleared.
import { type FormEvent, useState } from 'react';
import { ErrorSummary, errorFor, type FieldError } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { oidcLoginUrl, useLogin, useOidcStatus } from './api.ts';

export function LoginForm({ onSignedIn, signedOut }: { onSignedIn: () => void; signedOut?: boolean }) {
  const { t } = useI18n();
  const login = useLogin();
  const oidc = useOidcStatus();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (login.isPending) return;
    const missing: FieldError[] = [];
    if (!username.trim()) missing.push({ field: 'username', message: t('login.usernameMissing') });
    if (!password) missing.push({ field: 'password', message: t('login.passwordMissing') });
    if (missing.length > 0) {
      setErrors(missing);
      return;
    }
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          const code = errorCodeOf(error);
          // 401 and 422 both mean "these credentials do not work"; never say which part was wrong.
          const field =
            code === 'invalid_credentials' || code === 'unauthenticated' || code === 'invalid_input';
          setErrors([
            field
              ? { field: 'password', message: t('login.wrongCredentials') }
              : { field: null, message: t(errorMessages[code]) },
          ]);
        },
      },
    );
  }

  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      {signedOut && errors.length === 0 ? (
        <div className="notice notice--success" role="status">
          {t('login.loggedOut')}
        </div>
      ) : null}
      <Page title={t('login.title')} lead={t('login.intro')}>
        <form onSubmit={onSubmit} noValidate>
          <TextField
            id="username"
            label={t('login.username')}
            value={username}
            onChange={setUsername}
            autoComplete="username"
            spellCheck={false}
            width="medium"
            error={errorFor(errors, 'username')}
          />
          <TextField
            id="password"
            type="password"
            label={t('login.password')}
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            width="medium"
            error={errorFor(errors, 'password')}
          />
          <button type="submit" className="button">
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        {oidc.data?.enabled ? (
          <div className="login-alternative">
            <p className="login-alternative__or">{t('login.or')}</p>
            {/* A full navigation: the identity provider's pages are outside this app. */}
            <a className="button button--secondary" href={oidcLoginUrl}>
              {t('login.eid')}
            </a>
          </div>
        ) : null}
      </Page>
    </div>
  );
}
