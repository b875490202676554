import { Link, useLocation, useParams } from 'react-router';
import { useCurrentUser } from '../../features/auth/api.ts';
import { PersonClosures } from '../../features/closures/person-closures.tsx';
import { PersonDetails } from '../../features/persons/person-details.tsx';
import { PersonReferrals } from '../../features/referrals/person-referrals.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function PersonRoute() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const user = useCurrentUser();
  const state = useLocation().state as { created?: boolean } | null;
  return (
    <>
      <PersonDetails key={id} id={id} justCreated={state?.created ?? false} />
      {user.role === 'caseworker' || user.role === 'unitManager' ? (
        <p>
          <Link className="button" to={`/arenden/ny?person=${encodeURIComponent(id)}`}>
            {t('newErrand.link')}
          </Link>
        </p>
      ) : null}
      {user.role === 'caseworker' || user.role === 'unitManager' ? (
        <>
          <PersonReferrals personId={id} />
          <PersonClosures personId={id} />
        </>
      ) : null}
    </>
  );
}
