import { z } from 'zod';
import { zPlainDate } from '../policies/schemas.ts';

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

/**
 * A round's headline figures as the 通报 prints them (泸市府室发〔2024〕34号 一): websites by kind,
 * new-media accounts and the districts, parks and departments they belong to, netizen messages
 * received, closed and closed late, and the 检测时间 window. Every count is a non-negative
 * integer; closed and overdue are at most received; the window ends on or after its start. The
 * body counts and the window are optional here so a caller may check only the counts.
 */
export const ZInspectionRoundFigures = z
  .object({
    quarter: ZQuarter,
    windowStart: zPlainDate('windowStart').optional(),
    windowEnd: zPlainDate('windowEnd').optional(),
    cityPortalsChecked: count('cityPortalsChecked'),
    districtPortalsChecked: count('districtPortalsChecked'),
    departmentSitesChecked: count('departmentSitesChecked'),
    newMediaAccountsChecked: count('newMediaAccountsChecked'),
    newMediaDistricts: count('newMediaDistricts').optional(),
    newMediaParks: count('newMediaParks').optional(),
    newMediaDepartments: count('newMediaDepartments').optional(),
    messagesReceived: count('messagesReceived'),
    messagesClosed: count('messagesClosed'),
    messagesOverdue: count('messagesOverdue'),
  })
  .refine((v) => v.messagesClosed <= v.messagesReceived, {
    error: 'messagesClosed 不能大于 messagesReceived',
    path: ['messagesClosed'],
  })
  .refine((v) => v.messagesOverdue <= v.messagesReceived, {
    error: 'messagesOverdue 不能大于 messagesReceived',
    path: ['messagesOverdue'],
  })
  .refine((v) => !v.windowStart || !v.windowEnd || v.windowEnd >= v.windowStart, {
    error: 'windowEnd(检测时间的结束日)不能早于 windowStart',
    path: ['windowEnd'],
  });

/** The other figure each cross-field rule compares with (to name the field a patch changed). */
export const ROUND_FIGURE_PARTNERS: Readonly<Record<string, string>> = {
  messagesClosed: 'messagesReceived',
  messagesOverdue: 'messagesReceived',
  windowEnd: 'windowStart',
};
export type TInspectionRoundFigures = z.infer<typeof ZInspectionRoundFigures>;
