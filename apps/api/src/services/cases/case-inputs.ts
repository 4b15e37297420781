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

/**
 * 第六条's registration plus, optionally, the unit's 案号, the 承办人, the 业务科室, the 联系人 and
 * 电话 printed on the notices, and the 立案日期 of the enforcement case (a Date scalar).
 */
export const ZOpenCaseInput = ZOpenDiscretionReviewInput.extend({
  caseNumber: optionalText('caseNumber', '案号', 50),
  handler: optionalText('handler', '承办人', 100),
  department: optionalText('department', '业务科室', 50),
  contactName: optionalText('contactName', '联系人', 50),
  contactPhone: optionalText('contactPhone', '联系电话', 30).refine(
    (v) => v == null || /^[0-9+()\- ]{5,30}$/u.test(v),
    { error: 'contactPhone(联系电话)只能包含数字、空格、+、-、括号' },
  ),
  caseFiledOn: z.string().nullish(),
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
