import { Link } from 'react-router';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function NotFoundRoute() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
