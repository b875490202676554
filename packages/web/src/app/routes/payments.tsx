import { Page } from '../../components/page.tsx';
import { useCurrentUser } from '../../features/auth/api.ts';
import { PaymentBatches } from '../../features/payments/payment-batches.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function PaymentsRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  return (
    <Page title={t('payments.title')} lead={t('payments.intro')}>
      <PaymentBatches canRun={user.role === 'unitManager'} />
    </Page>
  );
}
