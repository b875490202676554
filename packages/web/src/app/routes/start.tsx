// Each role's home page, composed from the features that role works with.
import { Link } from 'react-router';
import type { User } from '../../api/types.ts';
import { Page } from '../../components/page.tsx';
import { AdminPage } from '../../features/admin/admin-page.tsx';
import { useCurrentUser } from '../../features/auth/api.ts';
import { OverviewPage } from '../../features/overview/overview-table.tsx';
import { ParticipantList } from '../../features/persons/participant-list.tsx';
import { PersonList } from '../../features/persons/person-list.tsx';
import { ReferralQueue } from '../../features/referrals/referral-queue.tsx';
import { QueueSummary } from '../../features/work-queues/queue-summary.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function StartRoute() {
  const user = useCurrentUser();
  switch (user.role) {
    case 'caseworker':
      return <CaseworkerStart />;
    case 'coach':
      return <CoachStart />;
    case 'unitManager':
      return <UnitManagerStart user={user} />;
    case 'committee':
    case 'auditor':
      return <OverviewPage />;
    case 'sysadmin':
      return <AdminPage municipality={user.municipality.name} />;
  }
}

function CaseworkerStart() {
  const { t } = useI18n();
  return (
    <Page title={t('persons.mineTitle')} lead={t('persons.mineIntro')}>
      <p className="button-row">
        <Link className="button" to="/arenden">
          {t('errands.startLink')}
        </Link>
        <Link className="button button--secondary" to="/persons/new">
          {t('persons.registerLink')}
        </Link>
      </p>
      <QueueSummary />
      <PersonList />
    </Page>
  );
}

function CoachStart() {
  const { t } = useI18n();
  return (
    <Page title={t('persons.participantsTitle')} lead={t('persons.participantsIntro')}>
      <h2>{t('referrals.queueTitle')}</h2>
      <p>{t('referrals.queueIntro')}</p>
      <ReferralQueue caption={t('referrals.queueTitle')} />
      <h2>{t('referrals.participantsHeading')}</h2>
      <ParticipantList />
    </Page>
  );
}

function UnitManagerStart({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <Page title={t('persons.unitTitle')} lead={t('persons.unitIntro', { unit: user.unit?.name ?? '' })}>
      <p className="button-row">
        <Link to="/arenden">{t('nav.unitErrands')}</Link>
        <Link to="/utbetalningar">{t('nav.payments')}</Link>
        <Link to="/access-log">{t('nav.accessLog')}</Link>
        <Link to="/arbetskoer/efterlevnad">{t('compliance.title')}</Link>
        <Link to="/planeringsinstallningar">{t('settings.title')}</Link>
      </p>
      <QueueSummary />
      <PersonList />
    </Page>
  );
}
