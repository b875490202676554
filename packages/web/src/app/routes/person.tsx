import { useLocation, useParams } from 'react-router';
import { PersonDetails } from '../../features/persons/person-details.tsx';

export function PersonRoute() {
  const { id = '' } = useParams();
  const state = useLocation().state as { created?: boolean } | null;
  return <PersonDetails key={id} id={id} justCreated={state?.created ?? false} />;
}
