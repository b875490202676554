// The caseworker's and unit manager's referral list: their unit's open referrals, longest wait first.
import { Link } from 'react-router';
import { Page } from '../../components/page.tsx';
import { ReferralQueue } from '../../features/referrals/referral-queue.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function ReferralsRoute() {
  const { t } = useI18n();
  return (
    <Page title={t('referrals.caseworkerQueueTitle')} lead={t('referrals.caseworkerQueueIntro')}>
      <p>
        <Link to="/samverkansparter">{t('agencies.link')}</Link>
      </p>
      <ReferralQueue caption={t('referrals.caseworkerQueueTitle')} />
    </Page>
  );
}
