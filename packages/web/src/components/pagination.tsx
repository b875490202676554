// Previous/next links for a paged list. The page lives in the URL next to the list's other
// filters (`params`), so the back button and a shared link give the same page.
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';

export function Pagination({
  page,
  total,
  pageSize,
  params,
}: {
  page: number;
  total: number;
  pageSize: number;
  params: Record<string, string>;
}) {
  const { t } = useI18n();
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  const href = (to: number) => `?${new URLSearchParams({ ...params, page: String(to) })}`;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? <Link to={href(page - 1)}>{t('pagination.previous')}</Link> : null}
      <span>{t('pagination.status', { page, pages })}</span>
      {page < pages ? <Link to={href(page + 1)}>{t('pagination.next')}</Link> : null}
    </nav>
  );
}

/** The 1-based page number in the URL (anything else is page 1). */
export function pageFrom(params: URLSearchParams): number {
  return Math.max(1, Number(params.get('page')) || 1);
}
