// What a case's registration accepts, validated once at the edge (the GraphQL inputs use these).
import { ZOpenDiscretionReviewInput } from '@gazette/domain';
import { z } from 'zod';

/** An optional text: trimmed, blank means none, at most `max` characters. */
const optionalText = (field: string, label: string, max: number) =>
  z
    .string({ error: `${field}(${label})必须是文本` })
    .trim()
    .max(max, { error: `${field}(${label})不能超过${max}个字符` })
    .transform((v) => (v === '' ? null : v))
    .nullish();

/** 第六条's registration plus the unit's 案号 and the 承办人, both optional. */
export const ZOpenCaseInput = ZOpenDiscretionReviewInput.extend({
  caseNumber: optionalText('caseNumber', '案号', 50),
  handler: optionalText('handler', '承办人', 100),
});
export type TOpenCaseInput = z.infer<typeof ZOpenCaseInput>;

/**
 * Corrections: each given field as at registration; an omitted or null field stays unchanged, and
 * an empty 案号 or 承办人 clears it.
 */
export const ZUpdateCaseInput = z.preprocess(
  (v) =>
    v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x != null))
      : v,
  ZOpenCaseInput.partial(),
);
