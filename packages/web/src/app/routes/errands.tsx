import { Page } from '../../components/page.tsx';
import { useCurrentUser } from '../../features/auth/api.ts';
import { ErrandQueue } from '../../features/errands/errand-queue.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function ErrandsRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const manager = user.role === 'unitManager';
  return (
    <Page
      title={manager ? t('nav.unitErrands') : t('errands.title')}
      lead={manager ? t('errands.unitIntro', { unit: user.unit?.name ?? '' }) : t('errands.intro')}
    >
      <ErrandQueue />
    </Page>
  );
}
