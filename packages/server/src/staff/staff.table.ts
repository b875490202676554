import type { Generated } from 'kysely';

export const ROLES = ['caseworker', 'coach', 'unitManager', 'committee', 'auditor', 'sysadmin'] as const;
/**
 * Staff roles: socialsekreterare, arbetsmarknadscoach, enhetschef, nämnd (aggregates only),
 * revisor (aggregates plus logged reads of sampled files), systemadministratör (no case data).
 */
export type Role = (typeof ROLES)[number];

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
