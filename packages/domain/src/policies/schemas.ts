import { z } from 'zod';
import { isPlainDate } from '../shared/plain-date.ts';

/** A `YYYY-MM-DD` calendar date; the message names the field. */
export function zPlainDate(field: string) {
  return z
    .string({ error: `${field} 必须是日期字符串(YYYY-MM-DD)` })
    .refine(isPlainDate, { error: `${field} 不是有效日期(应为 YYYY-MM-DD)` });
}

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
