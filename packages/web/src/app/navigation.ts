// What each role sees in the main menu. The start page (`/`) is each role's own home.
import type { Role } from '../api/types.ts';
import type { NavItem } from '../components/layout.tsx';
import type { MessageKey } from '../i18n/sv.ts';

type NavEntry = { to: string; label: MessageKey };

export const navigation: Record<Role, NavEntry[]> = {
  caseworker: [
    { to: '/', label: 'nav.myPersons' },
    { to: '/arenden', label: 'nav.errands' },
    { to: '/remisser', label: 'nav.referrals' },
    { to: '/insatser', label: 'nav.insatser' },
    { to: '/inkorg', label: 'nav.inbox' },
    { to: '/persons/new', label: 'nav.registerPerson' },
    { to: '/utbetalningar', label: 'nav.payments' },
    { to: '/riktlinjer', label: 'nav.guidelines' },
  ],
  coach: [
    { to: '/', label: 'nav.participants' },
    { to: '/insatser', label: 'nav.insatser' },
    { to: '/arbetsplatser', label: 'nav.workplaces' },
    { to: '/samverkansparter', label: 'nav.partnerAgencies' },
    { to: '/inkorg', label: 'nav.inbox' },
  ],
  unitManager: [
    { to: '/', label: 'nav.unitPersons' },
    { to: '/arenden', label: 'nav.unitErrands' },
    { to: '/utbetalningar', label: 'nav.payments' },
    { to: '/remisser', label: 'nav.referrals' },
    { to: '/insatser', label: 'nav.insatser' },
    { to: '/inkorg', label: 'nav.inbox' },
    { to: '/overenskommelser', label: 'nav.agreements' },
    { to: '/samverkansparter', label: 'nav.partnerAgencies' },
    { to: '/enkatresultat', label: 'nav.survey' },
    { to: '/access-log', label: 'nav.accessLog' },
    { to: '/riktlinjer', label: 'nav.guidelines' },
    { to: '/indikatorer', label: 'nav.dashboard' },
  ],
  committee: [
    { to: '/', label: 'nav.overview' },
    { to: '/indikatorer', label: 'nav.dashboard' },
    { to: '/enkatresultat', label: 'nav.survey' },
  ],
  auditor: [
    { to: '/', label: 'nav.overview' },
    { to: '/indikatorer', label: 'nav.dashboard' },
    { to: '/granskning', label: 'nav.audits' },
  ],
  sysadmin: [
    { to: '/', label: 'nav.admin' },
    { to: '/riktlinjer', label: 'nav.guidelines' },
  ],
};

/** The inbox entry carries the unread count as a badge. */
export function navItems(
  role: Role,
  t: (key: MessageKey, params?: Record<string, number>) => string,
  counts: { unread: number } = { unread: 0 },
): NavItem[] {
  return navigation[role].map((entry) => ({
    to: entry.to,
    label: t(entry.label),
    end: entry.to === '/',
    ...(entry.to === '/inkorg' && counts.unread > 0
      ? { badge: { count: counts.unread, label: t('inbox.unreadCount', { count: counts.unread }) } }
      : {}),
  }));
}
