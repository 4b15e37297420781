// Who may do what in the dashboard. Mirrors the API's roles (issue 4, "Accounts and access"):
// ADMIN everything; SUPERVISOR reads everything and changes cases and inspection records,
// not rates or accounts; VIEWER reads. The API enforces the same; this only shapes the UI.
import type { Role } from './token.ts';

const READ_ACTIONS = new Set(['list', 'show', 'export', 'read']);

/** Resources only administrators may even read (gazetteImports: the 导入公报 page). */
const ADMIN_ONLY = new Set(['users', 'apiTokens', 'auditEntries', 'gazetteImports', 'webhooks']);

/** Resources viewers may not read (validity review tasks: supervisors and administrators). */
const NOT_FOR_VIEWERS = new Set(['reviewTasks']);

/** Resources supervisors may change. */
const SUPERVISOR_WRITES = new Set([
  'cases',
  'inspectionRounds',
  'websiteFindings',
  'newMediaFindings',
]);

export function canAccess(
  role: Role | null | undefined,
  resource: string,
  action: string,
): boolean {
  if (!role) return false;
  if (role === 'ADMIN') return true;
  if (ADMIN_ONLY.has(resource)) return false;
  if (role === 'VIEWER' && NOT_FOR_VIEWERS.has(resource)) return false;
  if (READ_ACTIONS.has(action)) return true;
  if (role === 'SUPERVISOR') return SUPERVISOR_WRITES.has(resource);
  return false;
}

export function canWrite(role: Role | null | undefined, resource: string): boolean {
  return canAccess(role, resource, 'edit');
}
