import { z } from 'zod';
import { isPlainDate } from '../shared/plain-date.ts';
import { parseDocNo } from './parse-doc-no.ts';

/** A `YYYY-MM-DD` calendar date; the message names the field. */
export function zPlainDate(field: string) {
  return z
    .string({ error: `${field} 必须是日期字符串(YYYY-MM-DD)` })
    .refine(isPlainDate, { error: `${field} 不是有效日期(应为 YYYY-MM-DD)` });
}

/** A document number in any printed form (〔〕, [], ［］, OCR spaces), normalised to 〔〕. */
export const ZDocNo = z
  .string({ error: 'docNo 必须是字符串' })
  .refine((v) => parseDocNo(v) !== null, { error: 'docNo 不是有效的文号(如 泸市府规〔2024〕4号)' })
  .transform((v) => parseDocNo(v)!.docNo);

export const ZPolicyCategory = z.enum(['MUNICIPAL_GOVERNMENT', 'GOVERNMENT_OFFICE', 'DEPARTMENT'], {
  error: 'category 必须是 MUNICIPAL_GOVERNMENT、GOVERNMENT_OFFICE 或 DEPARTMENT',
});

export const ZPolicyStatus = z.enum(['NOT_YET_EFFECTIVE', 'IN_FORCE', 'EXPIRED', 'REPEALED'], {
  error: 'status 必须是 NOT_YET_EFFECTIVE、IN_FORCE 或 EXPIRED',
});

/** `policies(filter)` of the contract: status on asOf (default today), search, issuer. */
export const ZPolicyFilter = z.object({
  status: ZPolicyStatus.nullish(),
  asOf: zPlainDate('filter.asOf').nullish(),
  search: z
    .string({ error: 'filter.search 必须是字符串' })
    .max(100, { error: 'filter.search 不能超过100个字符' })
    .nullish(),
  issuer: z
    .string({ error: 'filter.issuer 必须是字符串' })
    .max(100, { error: 'filter.issuer 不能超过100个字符' })
    .nullish(),
  category: ZPolicyCategory.nullish(),
});
export type TPolicyFilter = z.infer<typeof ZPolicyFilter>;

/** Relay page size: at most 100 (contract README, "Policies"). */
export const ZPageSize = z
  .number({ error: 'first 必须是整数' })
  .int({ error: 'first 必须是整数' })
  .min(0, { error: 'first 不能小于0' })
  .max(100, { error: 'first 最大为100' });

/** Input for parsing a validity clause (used by the admin when a document is edited). */
export const ZValidityClauseInput = z.object({
  text: z.string({ error: 'validityClause 必须是字符串' }).max(2000, {
    error: 'validityClause 不能超过2000个字符',
  }),
  signedOn: zPlainDate('signedOn'),
});
export type TValidityClauseInput = z.infer<typeof ZValidityClauseInput>;
