// Closed sets from the API mapped to their UI words; Record keeps them exhaustive.
import type { AccessLogEntry, Role } from '../api/types.ts';
import type { MessageKey } from './sv.ts';

export const roleLabels: Record<Role, MessageKey> = {
  caseworker: 'role.caseworker',
  coach: 'role.coach',
  unitManager: 'role.unitManager',
  committee: 'role.committee',
  auditor: 'role.auditor',
  sysadmin: 'role.sysadmin',
};

export const accessActionLabels: Record<AccessLogEntry['action'], MessageKey> = {
  read: 'accessLog.action.read',
  create: 'accessLog.action.create',
  update: 'accessLog.action.update',
  search: 'accessLog.action.search',
};
