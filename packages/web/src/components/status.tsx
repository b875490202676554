// Small shared states: loading, a failed request (with a retry) and notices.
import type { ReactNode } from 'react';
import { errorCodeOf, errorMessages, refusalDetail } from '../i18n/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <p>{t(errorMessages[errorCodeOf(error)])}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('error.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Notice({
  children,
  tone = 'info',
}: {
  children: ReactNode;
  tone?: 'info' | 'success' | 'warning';
}) {
  return <div className={`notice notice--${tone}`}>{children}</div>;
}

export function Badge({ children }: { children: ReactNode }) {
  return <strong className="badge">{children}</strong>;
}

/** A refused action: the server's own words for a conflict or missing delegation, else the generic message. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <p>{refusalDetail(error) ?? t(errorMessages[errorCodeOf(error)])}</p>
    </div>
  );
}
