// A round's BAD_USER_INPUT on the field it names, in the form's words.
import type { TranslateFunction } from 'react-admin';
import { ROUND_COUNTS, type RoundCount } from '../dataProvider/compliance.ts';
import { GraphQLRequestError } from '../graphql/client.ts';

export type Field = RoundCount | 'quarter' | 'windowStart' | 'windowEnd' | 'policyId';

/**
 * A server message in the form's words: the API names figures by their field (`messagesClosed 不能大于
 * messagesReceived`); each name becomes its label (留言办结数 不能大于 收到网民留言数).
 */
export function figureMessage(message: string, translate: TranslateFunction): string {
  const names = [...ROUND_COUNTS, 'windowStart', 'windowEnd', 'quarter', 'policyId'].sort(
    (a, b) => b.length - a.length,
  );
  return message.replace(new RegExp(`\\b(${names.join('|')})\\b`, 'gu'), (name) =>
    translate(`dashboard.round.fields.${name}`),
  );
}

/** The field errors of a BAD_USER_INPUT (extensions.issues, else extensions.field), keyed by the form's field. */
export function fieldErrors(
  error: unknown,
  translate: TranslateFunction,
): Partial<Record<Field, string>> {
  if (!(error instanceof GraphQLRequestError) || error.code !== 'BAD_USER_INPUT') return {};
  const out: Partial<Record<Field, string>> = {};
  const issues = Array.isArray(error.extensions.issues)
    ? (error.extensions.issues as { field?: string; message: string }[])
    : [];
  const field = typeof error.extensions.field === 'string' ? error.extensions.field : undefined;
  for (const issue of issues.length ? issues : field ? [{ field, message: error.message }] : []) {
    const key = issue.field?.replace(/^input\./u, '') as Field | undefined;
    if (key && !out[key]) out[key] = figureMessage(issue.message, translate);
  }
  return out;
}
