// The audit log in people's words: every action, entity and field the API writes (the audit
// vocabulary of @gazette/domain, checked against the API's writes by its test), and their values.
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  AUDIT_HIDDEN_FIELDS,
  type AuditEntityName,
} from '@gazette/domain';
import { formatDate, formatDateTime } from '../shared/format.ts';

/** Entity names as the API writes them (@gazette/domain's audit vocabulary; audit.entities.*). */
export const ENTITIES: readonly AuditEntityName[] = AUDIT_ENTITIES;

/**
 * Every action the API writes (@gazette/domain's AUDIT_ACTIONS), and the publication the list
 * shows for a version's DRAFT → PUBLISHED update (audit.actions.* holds their names; `.` becomes `_`).
 */
export const ACTIONS: readonly string[] = [
  ...Object.keys(AUDIT_ACTIONS),
  'rateTableVersion.publish',
];

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

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const blank = (v: unknown) => v == null || (Array.isArray(v) && v.length === 0);

/**
 * The fields an entry changed, side by side; for a creation or deletion, every field it had a
 * value in (the empty ones of a new or deleted record say nothing).
 */
export function fieldChanges(entry: Pick<AuditEntryLike, 'before' | 'after'>): FieldChange[] {
  const before = asObject(entry.before);
  const after = asObject(entry.after);
  const both = entry.before != null && entry.after != null;
  const fields = Array.from(new Set([...Object.keys(before), ...Object.keys(after)])).filter(
    (f) => !AUDIT_HIDDEN_FIELDS.has(f),
  );
  return fields
    .filter((f) => (both ? !same(before[f], after[f]) : !blank(before[f]) || !blank(after[f])))
    .map((f) => ({
      field: f,
      before: entry.before == null ? undefined : before[f],
      after: entry.after == null ? undefined : after[f],
    }));
}

/** Which of the dashboard's enums (enums.*) a field's codes come from: by field, or by entity. */
const FIELD_ENUMS: Record<string, string | Partial<Record<AuditEntityName, string>>> = {
  role: 'Role',
  category: 'PolicyCategory',
  kind: { RateTable: 'RateTableKind' },
  type: { Organization: 'OrganizationType', DiscretionCase: 'CaseEventType' },
  status: { RateTableVersion: 'RateVersionStatus' },
  scopes: 'ApiTokenScope',
  kinds: 'ChangeKind',
  outcome: 'ReviewOutcome',
  trigger: 'CaseTrigger',
  state: 'CaseState',
  fromState: 'CaseState',
  toState: 'CaseState',
  reviewMode: 'ReviewMode',
  conditionsMet: 'ReviewCondition',
  exclusions: 'ReviewExclusion',
  terminationReason: 'TerminationReason',
  // A rejection's reason is free text; a termination's is a TerminationReason code.
  reason: 'TerminationReason',
  decision: 'CaseDecision',
};

function enumOf(field: string, entity: string): string | undefined {
  const e = FIELD_ENUMS[field];
  return typeof e === 'string' ? e : e?.[entity as AuditEntityName];
}

/** How values are put into words: the field names, enum codes, yes/no and dates of a language. */
export interface ValueWords {
  field(name: string): string;
  /** The name of an enum's code, or the code itself when the dashboard has none. */
  code(enumName: string, code: string): string;
  yes: string;
  no: string;
  locale: string;
}

/** The words without translations (field names and codes as written, ISO dates): tests and CSV. */
export const PLAIN_WORDS: ValueWords = {
  field: (name) => name,
  code: (_e, code) => code,
  yes: 'true',
  no: 'false',
  locale: 'iso',
};

const MIDNIGHT = /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * A value of `field` (of an entry about `entity`) as a short line of text: codes by their names,
 * dates as the dashboard writes them, lists joined by 、, nested records as 名称：值 (hidden
 * fields left out).
 */
export function showValue(
  value: unknown,
  field = '',
  entity = '',
  words: ValueWords = PLAIN_WORDS,
): string {
  if (value === undefined) return '';
  if (value === null) return '—';
  if (Array.isArray(value))
    return value.length ? value.map((v) => showValue(v, field, entity, words)).join('、') : '—';
  if (typeof value === 'object')
    return Object.entries(value)
      .filter(([k]) => !AUDIT_HIDDEN_FIELDS.has(k))
      .map(([k, v]) => `${words.field(k)}：${showValue(v, k, entity, words)}`)
      .join('；');
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value !== 'string') return String(value);
  const iso = words.locale === 'iso';
  // A date column (timestamp at UTC midnight) as a date; other timestamps on the Shanghai clock.
  if (MIDNIGHT.test(value))
    return iso ? value.slice(0, 10) : formatDate(value.slice(0, 10), words.locale);
  if (TIMESTAMP.test(value) && !iso) return formatDateTime(value, words.locale);
  const codes = enumOf(field, entity);
  return codes ? words.code(codes, value) : value;
}
