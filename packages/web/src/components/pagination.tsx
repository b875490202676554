// Previous/next links for a paged list. The page lives in the URL next to the list's other
// filters (`params`), so the back button and a shared link give the same page; a list inside a
// panel whose own state is not in the URL pages with buttons (`onPage`) instead.
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';

export function Pagination({
  page,
  total,
  pageSize,
  ...to
}: {
  page: number;
  total: number;
  pageSize: number;
} & ({ params: Record<string, string> } | { onPage: (page: number) => void })) {
  const { t } = useI18n();
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  const go = (target: number, label: string) =>
    'onPage' in to ? (
      <button type="button" className="button button--secondary" onClick={() => to.onPage(target)}>
        {label}
      </button>
    ) : (
      <Link to={`?${new URLSearchParams({ ...to.params, page: String(target) })}`}>{label}</Link>
    );
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? go(page - 1, t('pagination.previous')) : null}
      <span>{t('pagination.status', { page, pages })}</span>
      {page < pages ? go(page + 1, t('pagination.next')) : null}
    </nav>
  );
}

/** The 1-based page number in the URL (anything else is page 1). */
export function pageFrom(params: URLSearchParams): number {
  return Math.max(1, Number(params.get('page')) || 1);
}
