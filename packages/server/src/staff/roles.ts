// Staff roles, shared by the server's access rules and its API clients.
export const ROLES = ['caseworker', 'coach', 'unitManager', 'committee', 'auditor', 'sysadmin'] as const;
/**
 * Staff roles: socialsekreterare, arbetsmarknadscoach, enhetschef, nämnd (aggregates only),
 * revisor (aggregates plus logged reads of sampled files), systemadministratör (no case data).
 */
export type Role = (typeof ROLES)[number];
