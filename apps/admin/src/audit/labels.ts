// The audit log in people's words: every action the API writes (apps/api/src: updateVersioned,
// deleteVersioned, createAudited, recordAudit; prisma/src/gazette-import) and every entity.

/** Entity names as the API writes them, with their translation keys (audit.entities.*). */
export const ENTITIES = [
  'Policy',
  'Organization',
  'OrganizationAlias',
  'RateTable',
  'RateTableVersion',
  'RateEntry',
  'InspectionRound',
  'WebsiteFinding',
  'NewMediaFinding',
  'DiscretionCase',
  'GazetteImport',
  'User',
  'ApiToken',
  'Session',
  'Webhook',
] as const;

/** Every action the API writes today (audit.actions.* holds their names; `.` becomes `_`). */
export const ACTIONS = [
  'policy.create',
  'policy.update',
  'policy.delete',
  'organization.create',
  'organization.update',
  'organization.delete',
  'organizationAlias.create',
  'organizationAlias.update',
  'organizationAlias.delete',
  'rateTable.create',
  'rateTable.update',
  'rateTable.delete',
  'rateTableVersion.create',
  'rateTableVersion.update',
  'rateTableVersion.delete',
  'rateTableVersion.publish',
  'rateTableVersion.importCsv',
  'rateEntry.create',
  'rateEntry.update',
  'rateEntry.delete',
  'inspectionRound.create',
  'inspectionRound.update',
  'inspectionRound.delete',
  'inspectionRound.importAnnexes',
  'inspectionRound.importCsv',
  'websiteFinding.create',
  'websiteFinding.update',
  'websiteFinding.delete',
  'newMediaFinding.create',
  'newMediaFinding.update',
  'newMediaFinding.delete',
  'case.open',
  'case.update',
  'case.correct',
  'case.accept',
  'case.reject',
  'case.terminate',
  'case.decide',
  'case.record_result',
  'gazetteImport.create',
  'gazetteImport.apply',
  'user.create',
  'user.update',
  'user.deactivate',
  'apiToken.create',
  'apiToken.revoke',
  'webhook.create',
  'webhook.update',
  'webhook.delete',
  'webhook.replay',
  'webhook.rotate_secret',
  'session.login',
  'session.logout',
] as const;

export interface AuditEntryLike {
  action: string;
  entity: string;
  before?: unknown;
  after?: unknown;
}

const statusOf = (v: unknown) =>
  v && typeof v === 'object' ? (v as Record<string, unknown>).status : undefined;

/**
 * The action shown: the API writes a publication as rateTableVersion.update from DRAFT to
 * PUBLISHED, which reads as 发布费率版本.
 */
export function displayAction(entry: AuditEntryLike): string {
  if (
    entry.action === 'rateTableVersion.update' &&
    statusOf(entry.before) === 'DRAFT' &&
    statusOf(entry.after) === 'PUBLISHED'
  )
    return 'rateTableVersion.publish';
  return entry.action;
}

/** Translation key of an action, or null when the API wrote one this list does not know. */
export function actionKey(action: string): string | null {
  return (ACTIONS as readonly string[]).includes(action)
    ? `audit.actions.${action.replace('.', '_')}`
    : null;
}

export function entityKey(entity: string): string | null {
  return (ENTITIES as readonly string[]).includes(entity) ? `audit.entities.${entity}` : null;
}

/** Bookkeeping fields that change on every write and say nothing to a reader. */
const HIDDEN = new Set([
  'version',
  'updatedAt',
  'createdAt',
  'id',
  'passwordHash',
  'tokenHash',
  'createdById',
  'updatedById',
]);

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The fields an entry changed, side by side; for a creation or deletion, every field it had. */
export function fieldChanges(entry: Pick<AuditEntryLike, 'before' | 'after'>): FieldChange[] {
  const before = asObject(entry.before);
  const after = asObject(entry.after);
  const both = entry.before != null && entry.after != null;
  const fields = Array.from(new Set([...Object.keys(before), ...Object.keys(after)])).filter(
    (f) => !HIDDEN.has(f),
  );
  return fields
    .filter((f) => !both || !same(before[f], after[f]))
    .map((f) => ({
      field: f,
      before: entry.before == null ? undefined : before[f],
      after: entry.after == null ? undefined : after[f],
    }));
}

/** A value as a short line of text. */
export function showValue(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '—';
  if (typeof value === 'string')
    return /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(value) ? value.slice(0, 10) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
