import { z } from 'zod';

/** A quarter written 2024Q4. */
export const ZQuarter = z
  .string({ error: 'quarter 必须是字符串' })
  .trim()
  .toUpperCase()
  .regex(/^\d{4}Q[1-4]$/u, { error: 'quarter 不是有效的季度(应为如 2024Q4)' });

/** Editing a round's headline figures; every count is a non-negative integer. */
const count = (field: string) =>
  z
    .number({ error: `${field} 必须是整数` })
    .int({ error: `${field} 必须是整数` })
    .min(0, { error: `${field} 不能为负数` });

export const ZInspectionRoundFigures = z
  .object({
    quarter: ZQuarter,
    cityPortalsChecked: count('cityPortalsChecked'),
    districtPortalsChecked: count('districtPortalsChecked'),
    departmentSitesChecked: count('departmentSitesChecked'),
    newMediaAccountsChecked: count('newMediaAccountsChecked'),
    messagesReceived: count('messagesReceived'),
    messagesClosed: count('messagesClosed'),
    messagesOverdue: count('messagesOverdue'),
  })
  .refine((v) => v.messagesClosed <= v.messagesReceived, {
    error: 'messagesClosed 不能大于 messagesReceived',
    path: ['messagesClosed'],
  });
export type TInspectionRoundFigures = z.infer<typeof ZInspectionRoundFigures>;
