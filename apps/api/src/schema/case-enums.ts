// The enums of penalty discretion review cases, built from the domain's constants: each value is
// described by the domain's Chinese label and the article of 泸市监规发〔2024〕2号 it comes from.
import {
  CASE_DECISION_INFO,
  CASE_DECISIONS,
  CASE_EVENT_INFO,
  CASE_EVENT_TYPES,
  CASE_STATE_INFO,
  CASE_STATES,
  CASE_TRIGGER_INFO,
  CASE_TRIGGERS,
  DISCRETION_REVIEW_DOC_NO,
  NOTICE_KIND_INFO,
  NOTICE_KINDS,
  REVIEW_CONDITION_INFO,
  REVIEW_CONDITIONS,
  REVIEW_EXCLUSION_INFO,
  REVIEW_EXCLUSIONS,
  REVIEW_MODE_INFO,
  REVIEW_MODES,
  type CodeInfo,
} from '@gazette/domain';
import { builder } from '../builder.ts';

/** Enum values in the domain's order, each described as `label(泸市监规发〔2024〕2号 article)`. */
export function described<K extends string>(keys: readonly K[], info: Record<K, CodeInfo>) {
  return Object.fromEntries(
    keys.map((key) => [
      key,
      { description: `${info[key].label}(${DISCRETION_REVIEW_DOC_NO} ${info[key].article})` },
    ]),
  ) as Record<K, { description: string }>;
}

export const CaseStateEnum = builder.enumType('CaseState', {
  description: `裁量审查评估案件的状态(${DISCRETION_REVIEW_DOC_NO})`,
  values: described(CASE_STATES, CASE_STATE_INFO),
});
export const CaseTriggerEnum = builder.enumType('CaseTrigger', {
  description: `启动裁量审查评估的情形(${DISCRETION_REVIEW_DOC_NO} 第六条)`,
  values: described(CASE_TRIGGERS, CASE_TRIGGER_INFO),
});
export const CaseEventTypeEnum = builder.enumType('CaseEventType', {
  description: '案件办理中的一步(状态转换)',
  values: described(CASE_EVENT_TYPES, CASE_EVENT_INFO),
});
export const NoticeKindEnum = builder.enumType('NoticeKind', {
  description: `案件的文书种类(${DISCRETION_REVIEW_DOC_NO} 附件所列样式)`,
  values: described(NOTICE_KINDS, NOTICE_KIND_INFO),
});
export const ReviewModeEnum = builder.enumType('ReviewMode', {
  description: `审查评估的方式(${DISCRETION_REVIEW_DOC_NO} 第七条)`,
  values: described(REVIEW_MODES, REVIEW_MODE_INFO),
});
export const ReviewConditionEnum = builder.enumType('ReviewCondition', {
  description: `适用裁量审查评估须同时符合的条件(${DISCRETION_REVIEW_DOC_NO} 第四条)`,
  values: described(REVIEW_CONDITIONS, REVIEW_CONDITION_INFO),
});
export const ReviewExclusionEnum = builder.enumType('ReviewExclusion', {
  description: `不适用裁量审查评估的情形,具有其一即不适用(${DISCRETION_REVIEW_DOC_NO} 第五条)`,
  values: described(REVIEW_EXCLUSIONS, REVIEW_EXCLUSION_INFO),
});
export const CaseDecisionEnum = builder.enumType('CaseDecision', {
  description: `审查评估后作出的处理决定(${DISCRETION_REVIEW_DOC_NO} 第十七条、第十八条)`,
  values: described(CASE_DECISIONS, CASE_DECISION_INFO),
});
