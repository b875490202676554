import { Page } from '../../components/page.tsx';
import { ErrandQueue } from '../../features/errands/errand-queue.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function ErrandsRoute() {
  const { t } = useI18n();
  return (
    <Page title={t('errands.title')} lead={t('errands.intro')}>
      <ErrandQueue />
    </Page>
  );
}
