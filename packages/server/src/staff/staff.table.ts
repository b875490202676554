import type { Generated } from 'kysely';

import type { Role } from './roles.ts';

export { ROLES, type Role } from './roles.ts';

export type StaffUserTable = {
  municipalityId: string;
  id: string;
  username: string;
  name: string;
  role: Role;
  unitId: string | null;
  passwordHash: string | null;
  oidcSubject: string | null;
  active: Generated<boolean>;
  createdAt: Generated<Date>;
};
