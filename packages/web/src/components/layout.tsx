// The frame of every page: skip link, header with the signed-in user and language switch,
// main navigation, main and footer landmarks. Focus moves to the page's h1 on route changes
// so screen-reader and keyboard users start reading at the new content.
import { type ReactNode, useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';

/** A menu entry; `badge` shows a count (for example unread notices) with words for screen readers. */
export type NavItem = { to: string; label: string; end?: boolean; badge?: { count: number; label: string } };

export type LayoutUser = { name: string; roleLabel: string; municipality: string; unit: string | null };

type LayoutProps = {
  user: LayoutUser | null;
  nav: NavItem[];
  onLogout?: () => void;
  children: ReactNode;
};

export function Layout({ user, nav, onLogout, children }: LayoutProps) {
  const { t } = useI18n();
  useFocusHeadingOnNavigation();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="header">
        <div className="container header__inner">
          <div className="header__brand">
            <span className="header__logo" aria-hidden="true" />
            <span>
              <span className="header__name">{t('app.name')}</span>
              <span className="header__tagline">
                {user ? `${t('app.tagline')} · ${user.municipality}` : t('app.tagline')}
              </span>
            </span>
          </div>
          <div className="header__tools">
            {user ? (
              <section className="header__user" aria-label={t('app.userMenu')}>
                <span className="header__user-name">{user.name}</span>
                <span className="header__user-role">
                  {user.unit ? `${user.roleLabel}, ${user.unit}` : user.roleLabel}
                </span>
              </section>
            ) : null}
            <LanguageSwitch />
            {user && onLogout ? (
              <button type="button" className="button button--header" onClick={onLogout}>
                {t('app.logout')}
              </button>
            ) : null}
          </div>
        </div>
        {nav.length > 0 ? (
          <nav className="nav" aria-label={t('app.mainNav')}>
            <ul className="container nav__list">
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink className="nav__link" to={item.to} end={item.end ?? false}>
                    {item.label}
                    {item.badge && item.badge.count > 0 ? (
                      <>
                        <span className="nav__badge" aria-hidden="true">
                          {item.badge.count}
                        </span>
                        <span className="visually-hidden"> ({item.badge.label})</span>
                      </>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="container main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <div className="container">
          <p>{t('app.footer')}</p>
        </div>
      </footer>
    </div>
  );
}

function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  const next = locale === 'sv' ? 'en' : 'sv';
  return (
    <button type="button" className="button button--header" lang={next} onClick={() => setLocale(next)}>
      {t('app.switchLanguage')}
    </button>
  );
}

function useFocusHeadingOnNavigation() {
  const { pathname } = useLocation();
  // On the first load the browser's own focus start is right: the skip link comes first.
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [pathname]);
}
