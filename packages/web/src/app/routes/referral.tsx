import { useParams } from 'react-router';
import { ReferralDetailPage } from '../../features/referrals/referral-detail.tsx';

export function ReferralRoute() {
  const { id = '' } = useParams();
  return <ReferralDetailPage key={id} id={id} />;
}
