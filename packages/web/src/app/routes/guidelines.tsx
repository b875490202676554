import { Link, useParams } from 'react-router';
import { Page } from '../../components/page.tsx';
import { useCurrentUser } from '../../features/auth/api.ts';
import { GuidelineList } from '../../features/guidelines/guideline-list.tsx';
import { GuidelineSetPage } from '../../features/guidelines/guideline-set.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The roles the server lets write guidelines (POST/PUT /guidelines…). */
const EDITORS = ['unitManager', 'sysadmin'];

export function GuidelinesRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  return (
    <Page title={t('guidelines.title')} lead={t('guidelines.intro')}>
      <GuidelineList canEdit={EDITORS.includes(user.role)} />
    </Page>
  );
}

export function GuidelineRoute() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const user = useCurrentUser();
  return (
    <>
      <p className="back-link">
        <Link to="/riktlinjer">{t('guidelines.back')}</Link>
      </p>
      <GuidelineSetPage
        key={id}
        id={id}
        viewer={{ canEdit: EDITORS.includes(user.role), municipalityId: user.municipality.id }}
      />
    </>
  );
}
