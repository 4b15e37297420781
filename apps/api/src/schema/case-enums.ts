// The enums of penalty discretion review cases, built from the domain's constants.
import {
  CASE_DECISIONS,
  CASE_EVENT_TYPES,
  CASE_STATES,
  CASE_TRIGGERS,
  NOTICE_KINDS,
  REVIEW_CONDITIONS,
  REVIEW_EXCLUSIONS,
  REVIEW_MODES,
} from '@gazette/domain';
import { builder } from '../builder.ts';

export const CaseStateEnum = builder.enumType('CaseState', { values: CASE_STATES });
export const CaseTriggerEnum = builder.enumType('CaseTrigger', { values: CASE_TRIGGERS });
export const CaseEventTypeEnum = builder.enumType('CaseEventType', { values: CASE_EVENT_TYPES });
export const NoticeKindEnum = builder.enumType('NoticeKind', { values: NOTICE_KINDS });
export const ReviewModeEnum = builder.enumType('ReviewMode', { values: REVIEW_MODES });
export const ReviewConditionEnum = builder.enumType('ReviewCondition', {
  values: REVIEW_CONDITIONS,
});
export const ReviewExclusionEnum = builder.enumType('ReviewExclusion', {
  values: REVIEW_EXCLUSIONS,
});
export const CaseDecisionEnum = builder.enumType('CaseDecision', { values: CASE_DECISIONS });
