// Codes of the penalty discretion review workflow (行政处罚改正违法行为裁量审查评估),
// 泸市监规发〔2024〕2号. Each code carries its Chinese label and the article it comes from.
// Where a code stands for an article item only by interpretation, a comment says so.

/** The document every rule of this area comes from. */
export const DISCRETION_REVIEW_DOC_NO = '泸市监规发〔2024〕2号';

/** A code's Chinese label and where in 泸市监规发〔2024〕2号 it comes from. */
export interface CodeInfo {
  label: string;
  /** e.g. `第六条(一)`, or `附件5` for an annex form. */
  article: string;
}

export const CASE_STATES = [
  'REGISTERED',
  'UNDER_REVIEW',
  'REJECTED',
  'TERMINATED',
  'PASSED',
  'FAILED',
  'DECIDED',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_INFO: Record<CaseState, CodeInfo> = {
  // 第六条/第九条: a start request registered, not yet examined.
  REGISTERED: { label: '已登记', article: '第六条' },
  // 第十三条: the review period, during which the investigation is suspended.
  UNDER_REVIEW: { label: '审查评估中', article: '第十三条' },
  // Interpretation: not accepted because 第四条 fails or 第五条 applies (or for another reason).
  REJECTED: { label: '不予受理', article: '第四条、第五条' },
  TERMINATED: { label: '已终止考察', article: '第十五条' },
  PASSED: { label: '通过审查评估', article: '第十六条' },
  FAILED: { label: '未通过审查评估', article: '第十六条' },
  DECIDED: { label: '已作出处理决定', article: '第十七条' },
};

export const CASE_TRIGGERS = [
  'SUBJECT_APPLICATION',
  'ENFORCEMENT_UNIT',
  'OVERSIGHT_RECOMMENDATION',
  'SUPERIOR_RECOMMENDATION',
] as const;
export type CaseTrigger = (typeof CASE_TRIGGERS)[number];

// 泸市监规发〔2024〕2号 第六条: the four ways a review starts.
export const CASE_TRIGGER_INFO: Record<CaseTrigger, CodeInfo> = {
  SUBJECT_APPLICATION: { label: '涉案市场主体申请', article: '第六条(一)' },
  ENFORCEMENT_UNIT: { label: '执法机构认为有必要启动', article: '第六条(二)' },
  // 三书一函: 监察建议、司法建议、检察建议、公安提示函.
  OVERSIGHT_RECOMMENDATION: { label: '“三书一函”建议', article: '第六条(三)' },
  // Item (四) names 省市场监管局 and 市政府; 第十条 says 上级部门 generally.
  SUPERIOR_RECOMMENDATION: { label: '省市场监管局、市政府建议', article: '第六条(四)' },
};

export const CASE_EVENT_TYPES = [
  'ACCEPT',
  'REJECT',
  'TERMINATE',
  'RECORD_RESULT',
  'DECIDE',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export const CASE_EVENT_INFO: Record<CaseEventType, CodeInfo> = {
  ACCEPT: { label: '受理', article: '第四条、第九条、附件5' },
  REJECT: { label: '不予受理', article: '第四条、第五条' },
  TERMINATE: { label: '终止考察', article: '第十五条、附件7' },
  RECORD_RESULT: { label: '登记审查评估结果', article: '第十六条、附件9' },
  DECIDE: { label: '作出处理决定', article: '第十七条、第十八条' },
};

export const REVIEW_CONDITIONS = ['FACTS_CLEAR', 'COOPERATED', 'RECTIFYING', 'VOLUNTARY'] as const;
export type ReviewCondition = (typeof REVIEW_CONDITIONS)[number];

// 泸市监规发〔2024〕2号 第四条: all four must hold (同时符合下列条件).
export const REVIEW_CONDITION_INFO: Record<ReviewCondition, CodeInfo> = {
  FACTS_CLEAR: { label: '案件事实清楚,证据充分,法律适用明确', article: '第四条(一)' },
  COOPERATED: { label: '积极配合调查、主动供述违法事实', article: '第四条(二)' },
  RECTIFYING: { label: '积极主动整改,能够正常生产经营', article: '第四条(三)' },
  VOLUNTARY: { label: '自愿适用裁量审查评估机制', article: '第四条(四)' },
};

export const REVIEW_EXCLUSIONS = [
  'INTENTIONAL',
  'UNLICENSED',
  'SERIOUS_HARM',
  'REPEAT_OFFENCE',
  'EVIDENCE_TAMPERING',
  'INCITEMENT',
  'OBSTRUCTION',
  'CRIMINAL_REFERRAL',
  'OTHER',
] as const;
export type ReviewExclusion = (typeof REVIEW_EXCLUSIONS)[number];

// 泸市监规发〔2024〕2号 第五条: any one of these excludes the subject (具有下列情形之一的).
export const REVIEW_EXCLUSION_INFO: Record<ReviewExclusion, CodeInfo> = {
  INTENTIONAL: { label: '主观故意违法', article: '第五条(一)' },
  UNLICENSED: {
    label: '未依法取得市场主体资格擅自从事生产经营活动',
    article: '第五条(二)',
  },
  // Item (三) joins three harms (accident, death/injury/major loss, public-opinion impact).
  SERIOUS_HARM: {
    label: '造成重大安全生产事故、人身伤亡或者重大财产损失等严重危害后果,或者造成舆情等社会影响',
    article: '第五条(三)',
  },
  // Item (四) covers both a prior criminal penalty and an administrative penalty within a year.
  REPEAT_OFFENCE: {
    label: '因同一性质的违法行为受过刑事处罚,或者一年内受过行政处罚',
    article: '第五条(四)',
  },
  // Interpretation: item (五) concerns seized or impounded property as well as preserved evidence.
  EVIDENCE_TAMPERING: {
    label: '隐藏、转移、损毁、使用、处置依法查封、扣押的财物或者先行登记保存的证据',
    article: '第五条(五)',
  },
  INCITEMENT: { label: '教唆、胁迫、诱骗他人实施违法行为', article: '第五条(六)' },
  OBSTRUCTION: {
    label: '阻碍或者拒不配合行政执法人员依法执行职务或者对其打击报复',
    article: '第五条(七)',
  },
  CRIMINAL_REFERRAL: { label: '涉嫌犯罪应移送司法机关', article: '第五条(八)' },
  OTHER: { label: '其他不宜适用的情形', article: '第五条(九)' },
};

export const REVIEW_MODES = ['INTERNAL', 'THIRD_PARTY'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

// 泸市监规发〔2024〕2号 第七条: who carries out the review.
export const REVIEW_MODE_INFO: Record<ReviewMode, CodeInfo> = {
  INTERNAL: { label: '市场监督管理部门相关业务机构审查评估', article: '第七条(一)' },
  THIRD_PARTY: { label: '邀请第三方组织审查评估', article: '第七条(二)' },
};

export const TERMINATION_REASONS = [
  'NEW_VIOLATION',
  'REFUSED_RECTIFICATION',
  'OBSTRUCTION_OR_FRAUD',
  'SERIOUS_BREACH',
  'OTHER',
] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

// 泸市监规发〔2024〕2号 第十五条: grounds to end the review and resume the case.
export const TERMINATION_REASON_INFO: Record<TerminationReason, CodeInfo> = {
  NEW_VIOLATION: { label: '实施新的违法行为', article: '第十五条(一)' },
  REFUSED_RECTIFICATION: { label: '拒不实施或者变相不实施整改', article: '第十五条(二)' },
  OBSTRUCTION_OR_FRAUD: { label: '拒不配合监督考察或整改弄虚作假', article: '第十五条(三)' },
  SERIOUS_BREACH: { label: '实施其他违反承诺行为情节严重', article: '第十五条(四)' },
  OTHER: { label: '其他应当终止的情形', article: '第十五条(五)' },
};

export const CASE_DECISIONS = ['NO_PENALTY', 'LIGHTER', 'MITIGATED', 'STANDARD'] as const;
export type CaseDecision = (typeof CASE_DECISIONS)[number];

export const CASE_DECISION_INFO: Record<CaseDecision, CodeInfo> = {
  NO_PENALTY: { label: '不予处罚', article: '第十八条' },
  LIGHTER: { label: '从轻处罚', article: '第十八条' },
  MITIGATED: { label: '减轻处罚', article: '第十八条' },
  // Interpretation: 第十七条 leaves the kind and range of penalty to the law; STANDARD is a
  // penalty without any of the lenient outcomes 第十八条 names.
  STANDARD: { label: '依法给予行政处罚', article: '第十七条' },
};

/**
 * 泸市监规发〔2024〕2号 第十八条: 不予处罚、从轻处罚或减轻处罚 put the subject under
 * 日常重点监管 (the key-supervision list).
 */
export function isLenientDecision(decision: CaseDecision): boolean {
  return decision === 'NO_PENALTY' || decision === 'LIGHTER' || decision === 'MITIGATED';
}

export const NOTICE_KINDS = ['ACCEPTANCE', 'SUSPENSION', 'TERMINATION', 'RESULT'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface NoticeKindInfo extends CodeInfo {
  /** The number prefix printed on the annex form, e.g. 泸市监受理书. */
  prefix: string;
}

export const NOTICE_KIND_INFO: Record<NoticeKind, NoticeKindInfo> = {
  ACCEPTANCE: { label: '受理通知书', article: '附件5', prefix: '泸市监受理书' },
  // 第十三条: investigation suspended during the review period (附件4).
  SUSPENSION: { label: '中止调查通知书', article: '第十三条、附件4', prefix: '泸市监中止书' },
  TERMINATION: { label: '终止考察通知书', article: '第十五条、附件7', prefix: '泸市监终止书' },
  RESULT: { label: '结果通知书', article: '第十六条、附件9', prefix: '泸市监审结书' },
};
