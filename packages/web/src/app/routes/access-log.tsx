import { Page } from '../../components/page.tsx';
import { AccessLogSearch } from '../../features/access-log/access-log-search.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function AccessLogRoute() {
  const { t } = useI18n();
  return (
    <Page title={t('accessLog.title')} lead={t('accessLog.intro')}>
      <AccessLogSearch />
    </Page>
  );
}
