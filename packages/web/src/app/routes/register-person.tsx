import { useNavigate } from 'react-router';
import { RegisterPersonForm } from '../../features/persons/register-person-form.tsx';

export function RegisterPersonRoute() {
  const navigate = useNavigate();
  return (
    <RegisterPersonForm
      onRegistered={(person) => navigate(`/persons/${person.id}`, { state: { created: true } })}
    />
  );
}
