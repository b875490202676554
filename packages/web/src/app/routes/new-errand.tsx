import { Link, useNavigate, useSearchParams } from 'react-router';
import { Page } from '../../components/page.tsx';
import { NewErrandForm } from '../../features/errands/new-errand-form.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function NewErrandRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const personId = useSearchParams()[0].get('person') ?? '';
  if (!personId) {
    return (
      <Page title={t('newErrand.title')}>
        <p>{t('newErrand.choosePerson')}</p>
        <p>
          <Link to="/">{t('nav.myPersons')}</Link>
        </p>
      </Page>
    );
  }
  return <NewErrandForm personId={personId} onCreated={(errand) => navigate(`/arenden/${errand.id}`)} />;
}
