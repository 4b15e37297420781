// The penalty discretion review workflow of 泸市监规发〔2024〕2号 as ONE transition table:
// state × event → handler (guards + next state + fields to write + notices to issue).
// The API, the database check and the dashboard all derive from TRANSITIONS below.
import { DomainError, badInput } from '../shared/errors.ts';
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  isPlainDate,
  type PlainDate,
} from '../shared/plain-date.ts';
import {
  CASE_DECISIONS,
  CASE_EVENT_INFO,
  CASE_EVENT_TYPES,
  CASE_STATE_INFO,
  REVIEW_CONDITIONS,
  REVIEW_CONDITION_INFO,
  REVIEW_EXCLUSIONS,
  REVIEW_EXCLUSION_INFO,
  REVIEW_MODES,
  TERMINATION_REASONS,
  isLenientDecision,
  type CaseDecision,
  type CaseEventType,
  type CaseState,
  type NoticeKind,
  type ReviewCondition,
  type ReviewExclusion,
  type ReviewMode,
  type TerminationReason,
} from './codes.ts';

/** What the workflow needs to know about a case to move it. */
export interface CaseSnapshot {
  state: CaseState;
  filedOn: PlainDate;
  /** Date of the latest recorded event, if any; a new event may not precede it. */
  lastEventOn?: PlainDate | null;
}

/** An event as the API receives it (`CaseEventInput`); each type reads only its own fields. */
export interface CaseEventInput {
  type: CaseEventType;
  on: PlainDate;
  reviewMode?: ReviewMode | null;
  reviewDays?: number | null;
  conditionsMet?: readonly ReviewCondition[] | null;
  exclusions?: readonly ReviewExclusion[] | null;
  /** REJECT: free text. TERMINATE: a TerminationReason code. */
  reason?: string | null;
  passed?: boolean | null;
  decision?: CaseDecision | null;
  note?: string | null;
}

/** Case fields an event writes; absent keys stay as they are. */
export interface CaseChanges {
  reviewMode?: ReviewMode;
  reviewDays?: number;
  acceptedOn?: PlainDate;
  reviewDeadline?: PlainDate;
  conditionsMet?: ReviewCondition[];
  exclusions?: ReviewExclusion[];
  rejectionReason?: string;
  terminationReason?: TerminationReason;
  passed?: boolean;
  decision?: CaseDecision;
  keySupervision?: boolean;
}

export interface CaseTransition {
  fromState: CaseState;
  nextState: CaseState;
  changes: CaseChanges;
  /** Notices to issue, in issue order (each gets the next number of its kind and year). */
  notices: NoticeKind[];
}

type Outcome = Omit<CaseTransition, 'fromState'>;

interface Rule {
  /** Every state this rule can lead to (for the database check and the dashboard). */
  targets: readonly CaseState[];
  apply(event: CaseEventInput): Outcome;
}

// ---------------------------------------------------------------- field readers

function present<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

function requireCode<T extends string>(
  value: unknown,
  codes: readonly T[],
  field: string,
  label: string,
): T {
  if (!present(value)) throw badInput(field, `${field}(${label})为必填项`);
  if (typeof value !== 'string' || !(codes as readonly string[]).includes(value)) {
    throw badInput(field, `${field}(${label})取值无效:${String(value)}`);
  }
  return value as T;
}

/** A list of codes, de-duplicated and in canonical (article) order. */
function requireCodeList<T extends string>(
  value: unknown,
  codes: readonly T[],
  field: string,
  label: string,
): T[] {
  if (!present(value)) throw badInput(field, `${field}(${label})为必填项,没有时请传空列表`);
  if (!Array.isArray(value)) throw badInput(field, `${field}(${label})必须是列表`);
  for (const item of value) {
    if (typeof item !== 'string' || !(codes as readonly string[]).includes(item)) {
      throw badInput(field, `${field}(${label})含无效取值:${String(item)}`);
    }
  }
  return codes.filter((code) => value.includes(code));
}

/** 泸市监规发〔2024〕2号 第十三条: the review may last at most two calendar months. */
export function latestReviewDeadline(acceptedOn: PlainDate): PlainDate {
  return addMonths(acceptedOn, 2);
}

/** The largest reviewDays an acceptance on `acceptedOn` may set (for the dashboard's input). */
export function maxReviewDays(acceptedOn: PlainDate): number {
  return daysBetween(acceptedOn, latestReviewDeadline(acceptedOn));
}

// ---------------------------------------------------------------- handlers

function accept(event: CaseEventInput): Outcome {
  const reviewMode = requireCode(event.reviewMode, REVIEW_MODES, 'reviewMode', '审查评估方式');
  const { reviewDays } = event;
  if (!present(reviewDays)) throw badInput('reviewDays', 'reviewDays(审查评估期限天数)为必填项');
  if (!Number.isInteger(reviewDays) || reviewDays <= 0) {
    throw badInput('reviewDays', `reviewDays(审查评估期限天数)必须是正整数:${String(reviewDays)}`);
  }
  const conditionsMet = requireCodeList(
    event.conditionsMet,
    REVIEW_CONDITIONS,
    'conditionsMet',
    '符合的第四条条件',
  );
  const exclusions = requireCodeList(
    event.exclusions,
    REVIEW_EXCLUSIONS,
    'exclusions',
    '适用的第五条情形',
  );

  // 泸市监规发〔2024〕2号 第十三条: 裁量审查评估期限…最长不超过两个月 (calendar months from acceptance).
  const maxDays = maxReviewDays(event.on);
  if (reviewDays > maxDays) {
    throw badInput(
      'reviewDays',
      `reviewDays(审查评估期限天数)超出两个月上限:自 ${event.on} 起最多 ${maxDays} 日,最迟至 ${latestReviewDeadline(event.on)}(泸市监规发〔2024〕2号第十三条)`,
    );
  }
  const reviewDeadline = addDays(event.on, reviewDays);

  // 泸市监规发〔2024〕2号 第四条: all four conditions must hold together (同时符合).
  const missing = REVIEW_CONDITIONS.filter((c) => !conditionsMet.includes(c));
  if (missing.length > 0) {
    const labels = missing.map(
      (c) => `${REVIEW_CONDITION_INFO[c].article}${REVIEW_CONDITION_INFO[c].label}`,
    );
    throw new DomainError(
      'INVALID_TRANSITION',
      `不符合泸市监规发〔2024〕2号第四条,不能受理:缺少 ${labels.join(';')}`,
      { details: { missingConditions: missing } },
    );
  }
  // 泸市监规发〔2024〕2号 第五条: any one exclusion rules the subject out (具有下列情形之一的).
  if (exclusions.length > 0) {
    const labels = exclusions.map(
      (e) => `${REVIEW_EXCLUSION_INFO[e].article}${REVIEW_EXCLUSION_INFO[e].label}`,
    );
    throw new DomainError(
      'INVALID_TRANSITION',
      `具有泸市监规发〔2024〕2号第五条情形,不适用裁量审查评估:${labels.join(';')}`,
      { details: { exclusions } },
    );
  }

  return {
    nextState: 'UNDER_REVIEW',
    changes: {
      reviewMode,
      reviewDays,
      acceptedOn: event.on,
      reviewDeadline,
      conditionsMet,
      exclusions,
    },
    // 附件5 受理通知书, then 附件4 中止调查通知书 (第十三条: investigation suspended meanwhile).
    notices: ['ACCEPTANCE', 'SUSPENSION'],
  };
}

function reject(event: CaseEventInput): Outcome {
  const reason = typeof event.reason === 'string' ? event.reason.trim() : '';
  if (reason === '') throw badInput('reason', 'reason(不予受理理由)为必填项');
  return { nextState: 'REJECTED', changes: { rejectionReason: reason }, notices: [] };
}

function terminate(event: CaseEventInput): Outcome {
  // 泸市监规发〔2024〕2号 第十五条: the reason is one of its five items.
  const terminationReason = requireCode(
    event.reason,
    TERMINATION_REASONS,
    'reason',
    '终止考察理由(第十五条)',
  );
  // Not guarded by reviewDeadline: 第十五条 speaks of 考察期内 but the contract allows the
  // move from UNDER_REVIEW at any date (the deadline may be recorded late).
  return { nextState: 'TERMINATED', changes: { terminationReason }, notices: ['TERMINATION'] };
}

function recordResult(event: CaseEventInput): Outcome {
  if (!present(event.passed)) throw badInput('passed', 'passed(是否通过审查评估)为必填项');
  if (typeof event.passed !== 'boolean') {
    throw badInput('passed', 'passed(是否通过审查评估)必须是布尔值');
  }
  // 泸市监规发〔2024〕2号 第十六条 and 附件9: 是/否通过裁量审查评估验收.
  return {
    nextState: event.passed ? 'PASSED' : 'FAILED',
    changes: { passed: event.passed },
    notices: ['RESULT'],
  };
}

function decide(event: CaseEventInput): Outcome {
  const decision = requireCode(event.decision, CASE_DECISIONS, 'decision', '处理决定');
  // 泸市监规发〔2024〕2号 第十八条: 不予处罚、从轻处罚或减轻处罚 → 纳入日常重点监管.
  return {
    nextState: 'DECIDED',
    changes: { decision, keySupervision: isLenientDecision(decision) },
    notices: [],
  };
}

const ACCEPT: Rule = { targets: ['UNDER_REVIEW'], apply: accept };
const REJECT: Rule = { targets: ['REJECTED'], apply: reject };
const TERMINATE: Rule = { targets: ['TERMINATED'], apply: terminate };
const RECORD_RESULT: Rule = { targets: ['PASSED', 'FAILED'], apply: recordResult };
const DECIDE: Rule = { targets: ['DECIDED'], apply: decide };

/** THE transition table. A pair missing here is refused with INVALID_TRANSITION. */
const TRANSITIONS: Record<CaseState, Partial<Record<CaseEventType, Rule>>> = {
  REGISTERED: { ACCEPT, REJECT },
  UNDER_REVIEW: { TERMINATE, RECORD_RESULT },
  REJECTED: {},
  // 第十五条: the case resumes (恢复案件办理), so the penalty decision follows.
  TERMINATED: { DECIDE },
  // 第十七条: the result is one factor of the penalty decision.
  PASSED: { DECIDE },
  FAILED: { DECIDE },
  DECIDED: {},
};

// ---------------------------------------------------------------- public API

/** Event types allowed from `state`, in the order of CASE_EVENT_TYPES. */
export function allowedEvents(state: CaseState): CaseEventType[] {
  const row = TRANSITIONS[state];
  return CASE_EVENT_TYPES.filter((type) => row[type] !== undefined);
}

export function invalidTransition(state: CaseState, type: CaseEventType): DomainError {
  const s = CASE_STATE_INFO[state]?.label ?? state;
  const e = CASE_EVENT_INFO[type]?.label ?? type;
  return new DomainError(
    'INVALID_TRANSITION',
    `案件当前状态为“${s}”(${state}),不能执行“${e}”(${type})`,
    { details: { state, event: type } },
  );
}

/**
 * Applies one event to a case: returns the next state, the fields to write and the notices
 * to issue, or throws DomainError (INVALID_TRANSITION, or BAD_USER_INPUT naming the field).
 * Pure: the caller persists the result in one transaction that re-checks the state.
 */
export function applyCaseEvent(snapshot: CaseSnapshot, event: CaseEventInput): CaseTransition {
  const type = event?.type;
  if (!(CASE_EVENT_TYPES as readonly unknown[]).includes(type)) {
    throw badInput('type', `type(事件类型)取值无效:${String(type)}`);
  }
  const rule = TRANSITIONS[snapshot.state]?.[type];
  if (!rule) throw invalidTransition(snapshot.state, type);

  if (!present(event.on)) throw badInput('on', 'on(事件日期)为必填项');
  if (typeof event.on !== 'string' || !isPlainDate(event.on)) {
    throw badInput('on', `on(事件日期)不是有效日期(应为 YYYY-MM-DD):${String(event.on)}`);
  }
  if (compareDates(event.on, snapshot.filedOn) < 0) {
    throw badInput('on', `on(事件日期)${event.on} 早于登记日期 ${snapshot.filedOn}`);
  }
  if (present(snapshot.lastEventOn) && compareDates(event.on, snapshot.lastEventOn) < 0) {
    throw badInput('on', `on(事件日期)${event.on} 早于上一事件日期 ${snapshot.lastEventOn}`);
  }

  return { fromState: snapshot.state, ...rule.apply(event) };
}
