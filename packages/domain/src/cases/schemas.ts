// Input validation for discretion review cases (泸市监规发〔2024〕2号). These check shape only;
// which fields an event type needs, and every workflow rule, live in applyCaseEvent.
import { z } from 'zod';
import { isPlainDate } from '../shared/plain-date.ts';
import {
  CASE_DECISIONS,
  CASE_EVENT_TYPES,
  CASE_TRIGGERS,
  REVIEW_CONDITIONS,
  REVIEW_EXCLUSIONS,
  REVIEW_MODES,
} from './codes.ts';

function zPlainDate(field: string, label: string) {
  return z
    .string({ error: `${field}(${label})为必填项` })
    .refine(isPlainDate, { error: `${field}(${label})不是有效日期(应为 YYYY-MM-DD)` });
}

function zName(field: string, label: string, max: number) {
  return z
    .string({ error: `${field}(${label})为必填项` })
    .trim()
    .min(1, { error: `${field}(${label})不能为空` })
    .max(max, { error: `${field}(${label})不能超过${max}个字符` });
}

function zCode<const T extends readonly [string, ...string[]]>(
  codes: T,
  field: string,
  label: string,
) {
  return z.enum(codes, { error: `${field}(${label})取值无效,应为 ${codes.join('、')} 之一` });
}

export const ZOpenDiscretionReviewInput = z.object({
  caseName: zName('caseName', '案件名称', 200),
  subjectName: zName('subjectName', '涉案主体名称', 200),
  // 泸市监规发〔2024〕2号 第六条: how the review was started.
  trigger: zCode(CASE_TRIGGERS, 'trigger', '启动情形'),
  filedOn: zPlainDate('filedOn', '登记日期'),
});
export type TOpenDiscretionReviewInput = z.infer<typeof ZOpenDiscretionReviewInput>;

export const ZCaseEventInput = z.object({
  type: zCode(CASE_EVENT_TYPES, 'type', '事件类型'),
  on: zPlainDate('on', '事件日期'),
  reviewMode: zCode(REVIEW_MODES, 'reviewMode', '审查评估方式').nullish(),
  reviewDays: z
    .number({ error: 'reviewDays(审查评估期限天数)必须是数字' })
    .int({ error: 'reviewDays(审查评估期限天数)必须是整数' })
    .positive({ error: 'reviewDays(审查评估期限天数)必须大于0' })
    .nullish(),
  conditionsMet: z
    .array(zCode(REVIEW_CONDITIONS, 'conditionsMet', '符合的第四条条件'), {
      error: 'conditionsMet(符合的第四条条件)必须是列表',
    })
    .nullish(),
  exclusions: z
    .array(zCode(REVIEW_EXCLUSIONS, 'exclusions', '适用的第五条情形'), {
      error: 'exclusions(适用的第五条情形)必须是列表',
    })
    .nullish(),
  reason: z
    .string({ error: 'reason(理由)必须是文本' })
    .max(2000, { error: 'reason(理由)不能超过2000个字符' })
    .nullish(),
  passed: z.boolean({ error: 'passed(是否通过审查评估)必须是布尔值' }).nullish(),
  decision: zCode(CASE_DECISIONS, 'decision', '处理决定').nullish(),
  note: z
    .string({ error: 'note(备注)必须是文本' })
    .max(2000, { error: 'note(备注)不能超过2000个字符' })
    .nullish(),
});
export type TCaseEventInput = z.infer<typeof ZCaseEventInput>;
