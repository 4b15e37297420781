// The approval forms (审批表) of 泸市监规发〔2024〕2号 — 附件2 审查评估, 附件3 中止调查,
// 附件6 终止考察, 附件8 结果 — and its 附件1 申请书 (样式), laid out as the annexes print them.
// Every title, row label and signer below is the annex's own wording; the reason row is drafted
// from the case's record of the step the form asks approval for, citing the guidance's articles.
import { badInput } from '../shared/errors.ts';
import type { PlainDate } from '../shared/plain-date.ts';
import {
  CASE_TRIGGER_INFO,
  REVIEW_CONDITION_INFO,
  TERMINATION_REASON_INFO,
  type CaseEventType,
  type CaseTrigger,
  type CodeInfo,
  type ReviewCondition,
  type ReviewMode,
  type TerminationReason,
} from './codes.ts';
import {
  DISCRETION_GUIDELINE,
  NOTICE_ISSUER,
  caseReference,
  formatChineseDate,
  reviewUnitName,
} from './render-notice.ts';

export const APPROVAL_FORM_KINDS = ['REVIEW', 'SUSPENSION', 'TERMINATION', 'RESULT'] as const;
export type ApprovalFormKind = (typeof APPROVAL_FORM_KINDS)[number];

interface ApprovalFormDefinition extends CodeInfo {
  /** The second title line (the first is the bureau's name). */
  title: string;
  /** 审批事项 as printed. */
  matter: string;
  /** The two opinion rows: the row's printed label and the signer printed in it. */
  opinions: readonly [{ label: string; signer: string }, { label: string; signer: string }];
}

const ENFORCEMENT_HEAD = { label: '执法机构负责人意见', signer: '办案机构负责人' };
const BUSINESS_HEAD = { label: '业务机构负责人意见', signer: '业务机构负责人' };
const DEPARTMENT_HEAD = { label: '部门负责人意见', signer: '部门负责人' };

/** The four 审批表 as the annexes print them (附件3 has no 评估 in its title, as printed). */
export const APPROVAL_FORM_INFO: Record<ApprovalFormKind, ApprovalFormDefinition> = {
  // 第九条: the enforcement unit proposes, 部门负责人 (or 主要负责人 for major cases) approves.
  REVIEW: {
    label: '审查评估审批表',
    article: '第九条、附件2',
    title: '涉案主体裁量审查评估审批表',
    matter: '涉案主体裁量审查评估申请',
    opinions: [ENFORCEMENT_HEAD, { label: '部门负责人或主要负责人意见', signer: '部门负责人' }],
  },
  // 第十三条: the enforcement unit suspends the investigation during the review period.
  SUSPENSION: {
    label: '中止调查审批表',
    article: '第十三条、附件3',
    title: '涉案主体裁量审查中止调查审批表',
    matter: '涉案主体裁量审查中止调查',
    opinions: [ENFORCEMENT_HEAD, DEPARTMENT_HEAD],
  },
  // 第十五条: the reviewing (business) unit ends the review.
  TERMINATION: {
    label: '终止考察审批表',
    article: '第十五条、附件6',
    title: '涉案主体裁量审查评估终止考察审批表',
    matter: '涉案主体裁量审查评估终止考察',
    opinions: [BUSINESS_HEAD, DEPARTMENT_HEAD],
  },
  // 第十六条: the result, approved by 部门负责人, goes to the enforcement unit.
  RESULT: {
    label: '结果审批表',
    article: '第十六条、附件8',
    title: '涉案主体裁量审查评估结果审批表',
    matter: '涉案主体裁量审查评估结果',
    opinions: [BUSINESS_HEAD, DEPARTMENT_HEAD],
  },
};

/** What the forms read from a case: its fields and its recorded steps (oldest first). */
export interface ApprovalFormCase {
  caseName: string;
  subjectName: string;
  caseNumber?: string | null;
  /** 承办人: printed as the form's 经办人. */
  handler?: string | null;
  trigger: CaseTrigger;
  filedOn: PlainDate;
  /** 立案日期 of the enforcement case, if known. */
  caseFiledOn?: PlainDate | null;
  reviewMode?: ReviewMode | null;
  reviewUnit?: string | null;
  reviewDays?: number | null;
  acceptedOn?: PlainDate | null;
  reviewDeadline?: PlainDate | null;
  conditionsMet?: readonly ReviewCondition[] | null;
  rejectionReason?: string | null;
  terminationReason?: TerminationReason | null;
  passed?: boolean | null;
  steps: readonly { type: CaseEventType; on: PlainDate; note?: string | null }[];
}

/** One bordered row of a form: its label cell, its text, and the signature line under it. */
export interface ApprovalFormRow {
  label: string;
  /** Prefilled text; null where the form is left for handwriting. */
  text: string | null;
  /** The signer printed in the row (经办人, 办案机构负责人…); null where the row has none. */
  signer: string | null;
  /** The signer's name when the case knows it (经办人 = the case's 承办人). */
  signerName: string | null;
  /** The date left blank for signing (年 月 日); null where the row has none. */
  dateLine: string | null;
}

export interface RenderedApprovalForm {
  kind: ApprovalFormKind;
  /** e.g. 附件2. */
  annex: string;
  label: string;
  /** First title line: the bureau. */
  issuer: string;
  /** Second title line, e.g. 涉案主体裁量审查评估审批表. */
  title: string;
  rows: ApprovalFormRow[];
}

/** The blank date of a signature, as the forms print it. */
export const BLANK_DATE = '年\u3000\u3000月\u3000\u3000日';

/** `第十五条(二)` → `第十五条第（二）项`, the way the notices cite an item. */
function itemOf(article: string): string {
  return article.replace(/\((.+?)\)/u, '第（$1）项');
}

function latestStep(c: ApprovalFormCase, type: CaseEventType) {
  return [...c.steps].reverse().find((s) => s.type === type);
}

function noteOf(step: { note?: string | null } | undefined): string {
  const note = step?.note?.trim();
  return note ? `办理说明：${note.replace(/[。；;.]+$/u, '')}。` : '';
}

const applied = (c: ApprovalFormCase) => c.trigger === 'SUBJECT_APPLICATION';

/** 案件名称 as the form's first row holds it: the case's name, its subject and its 案号. */
export function approvalCaseTitle(c: ApprovalFormCase): string {
  const parts = [
    ...(c.caseName.includes(c.subjectName) ? [] : [`涉案主体：${c.subjectName}`]),
    ...(c.caseNumber ? [`案号：${c.caseNumber}`] : []),
  ];
  return parts.length ? `${c.caseName}（${parts.join('；')}）` : c.caseName;
}

/** 第六条: how the review started, with the item that applies. */
function startSentence(c: ApprovalFormCase): string {
  const on = formatChineseDate(c.filedOn);
  const item = itemOf(CASE_TRIGGER_INFO[c.trigger].article);
  switch (c.trigger) {
    case 'SUBJECT_APPLICATION':
      return `${c.subjectName}于${on}向我局提出涉案主体裁量审查评估书面申请（${DISCRETION_GUIDELINE}${item}、第九条）。`;
    case 'ENFORCEMENT_UNIT':
      return `${on}，执法机构认为有必要对${c.subjectName}启动涉案主体裁量审查评估（${DISCRETION_GUIDELINE}${item}）。`;
    case 'OVERSIGHT_RECOMMENDATION':
      return `${on}，我局收到“三书一函”，建议对${c.subjectName}启动涉案主体裁量审查评估（${DISCRETION_GUIDELINE}${item}、第十条）。`;
    case 'SUPERIOR_RECOMMENDATION':
      return `${on}，上级部门建议对${c.subjectName}启动涉案主体裁量审查评估（${DISCRETION_GUIDELINE}${item}、第十条）。`;
    default:
      throw badInput('trigger', `trigger(启动情形)取值无效:${String(c.trigger)}`);
  }
}

function reviewReason(c: ApprovalFormCase): string {
  const opened = c.caseFiledOn
    ? `${formatChineseDate(c.caseFiledOn)}，我局立案调查${caseReference(c.caseName)}。`
    : `我局在办理${caseReference(c.caseName)}中，`;
  let proposal: string;
  let step;
  if (c.acceptedOn && c.reviewDeadline && c.reviewDays) {
    step = latestStep(c, 'ACCEPT');
    const conditions = (c.conditionsMet ?? []).map((k) => REVIEW_CONDITION_INFO[k].label);
    proposal =
      `经审查，该涉案主体符合第四条规定的条件（${conditions.join('；')}），不具有第五条规定的不适用情形。` +
      `依据第七条、第九条、第十三条，拟受理并由${reviewUnitName(c)}对其改正违法行为进行审查评估，` +
      `审查评估期限${c.reviewDays}日（${formatChineseDate(c.acceptedOn)}至${formatChineseDate(c.reviewDeadline)}）。`;
  } else if (c.rejectionReason) {
    step = latestStep(c, 'REJECT');
    proposal = `经审查，${c.rejectionReason.replace(/[。；;.]+$/u, '')}。依据第四条、第五条，拟不予受理。`;
  } else {
    // Registered, not yet examined: 第九条 asks the enforcement unit for a proposal.
    proposal =
      '拟依据第四条、第五条审查其是否符合启动条件，并依据第七条、第九条提出是否启动裁量审查评估及采取何种审查评估方式的建议。';
  }
  return `${opened}${startSentence(c)}${proposal}${noteOf(step)}妥否，请审批。`;
}

function need<T>(value: T | null | undefined, field: string, label: string, kind: string): T {
  if (value === undefined || value === null || value === '') {
    throw badInput(field, `${field}(${label})为空,案件尚未到${kind}这一步`);
  }
  return value;
}

function suspensionReason(c: ApprovalFormCase): string {
  const label = APPROVAL_FORM_INFO.SUSPENSION.label;
  const accepted = need(c.acceptedOn, 'acceptedOn', '受理日期', label);
  const deadline = need(c.reviewDeadline, 'reviewDeadline', '审查评估期限届满日', label);
  return (
    `${formatChineseDate(accepted)}，我局受理${c.subjectName}涉案主体裁量审查评估${applied(c) ? '申请' : ''}，` +
    `审查评估期限至${formatChineseDate(deadline)}（${DISCRETION_GUIDELINE}第十三条）。` +
    `依据${DISCRETION_GUIDELINE}第十三条及《市场监督管理行政处罚程序规定》第四十六条之规定，` +
    `拟在裁量审查评估期限内对${caseReference(c.caseName)}中止调查，期限届满后立即恢复案件调查。妥否，请审批。`
  );
}

function terminationReason(c: ApprovalFormCase): string {
  const label = APPROVAL_FORM_INFO.TERMINATION.label;
  const accepted = need(c.acceptedOn, 'acceptedOn', '受理日期', label);
  const reason = need(c.terminationReason, 'terminationReason', '终止考察理由', label);
  const info = TERMINATION_REASON_INFO[reason];
  if (!info)
    throw badInput('terminationReason', `terminationReason(终止考察理由)取值无效:${reason}`);
  const step = latestStep(c, 'TERMINATE');
  const when = step ? `${formatChineseDate(step.on)}，` : '';
  return (
    `${formatChineseDate(accepted)}，我局受理${c.subjectName}涉案主体裁量审查评估${applied(c) ? '申请' : ''}，` +
    `由${reviewUnitName(c)}对其违法行为整改内容进行审查评估。在裁量审查评估考察期内，${when}该市场主体${info.label}，` +
    `属于${DISCRETION_GUIDELINE}${itemOf(info.article)}规定的情形。依据第十五条，拟终止裁量审查评估，恢复案件办理，并告知执法机构。` +
    `${noteOf(step)}妥否，请审批。`
  );
}

function resultReason(c: ApprovalFormCase): string {
  const label = APPROVAL_FORM_INFO.RESULT.label;
  const accepted = need(c.acceptedOn, 'acceptedOn', '受理日期', label);
  const passed = need(c.passed, 'passed', '是否通过审查评估', label);
  const step = latestStep(c, 'RECORD_RESULT');
  const period = step
    ? `${formatChineseDate(accepted)}至${formatChineseDate(step.on)}`
    : `${formatChineseDate(accepted)}起`;
  return (
    `${period}，${reviewUnitName(c)}依据${DISCRETION_GUIDELINE}第十四条对${c.subjectName}的违法行为整改内容进行了审查评估，` +
    `${c.subjectName}${passed ? '通过' : '未通过'}裁量审查评估验收。` +
    `依据第十六条，拟将审查评估结果提交执法机构，作为案件处理的参考（第十七条）。${noteOf(step)}妥否，请审批。`
  );
}

const REASONS: Record<ApprovalFormKind, (c: ApprovalFormCase) => string> = {
  REVIEW: reviewReason,
  SUSPENSION: suspensionReason,
  TERMINATION: terminationReason,
  RESULT: resultReason,
};

/**
 * The forms a case has reached, in annex order: 附件2 from registration, 附件3 once accepted
 * (第十三条), 附件6 once terminated (第十五条), 附件8 once a result is recorded (第十六条).
 */
export function approvalFormKinds(c: ApprovalFormCase): ApprovalFormKind[] {
  return APPROVAL_FORM_KINDS.filter((kind) => {
    if (kind === 'SUSPENSION') return Boolean(c.acceptedOn);
    if (kind === 'TERMINATION') return Boolean(c.terminationReason);
    if (kind === 'RESULT') return c.passed !== null && c.passed !== undefined;
    return true;
  });
}

/** One 审批表 of a case, laid out as its annex, with 案件名称, 经办人 and the reason prefilled. */
export function renderApprovalForm(
  kind: ApprovalFormKind,
  c: ApprovalFormCase,
): RenderedApprovalForm {
  const info = APPROVAL_FORM_INFO[kind];
  if (!info) throw badInput('kind', `kind(审批表种类)取值无效:${String(kind)}`);
  if (!c.caseName) throw badInput('caseName', 'caseName(案件名称)为必填项,无法生成审批表');
  if (!c.subjectName) throw badInput('subjectName', 'subjectName(涉案主体名称)为必填项');
  const plain = (label: string, text: string | null): ApprovalFormRow => ({
    label,
    text,
    signer: null,
    signerName: null,
    dateLine: null,
  });
  const signed = (label: string, text: string | null, signer: string, name: string | null) => ({
    label,
    text,
    signer,
    signerName: name,
    dateLine: BLANK_DATE,
  });
  const [first, second] = info.opinions;
  return {
    kind,
    annex: info.article.split('、').at(-1)!,
    label: info.label,
    issuer: NOTICE_ISSUER,
    title: info.title,
    rows: [
      plain('案件名称', approvalCaseTitle(c)),
      plain('审批事项', info.matter),
      signed('提请审批的理由、依据及处理意见', REASONS[kind](c), '经办人', c.handler || null),
      signed(first.label, null, first.signer, null),
      signed(second.label, null, second.signer, null),
      plain('备注', null),
    ],
  };
}

/** Every 审批表 the case has reached (see approvalFormKinds). */
export function renderApprovalForms(c: ApprovalFormCase): RenderedApprovalForm[] {
  return approvalFormKinds(c).map((kind) => renderApprovalForm(kind, c));
}

// ---------------------------------------------------------------- 附件1 申请书(样式)

export interface ApplicationParagraph {
  text: string;
  /** Lines left blank after the paragraph for the applicant to write in. */
  blankLines: number;
}

export interface RenderedApplicationForm {
  annex: string;
  title: string;
  /** Printed before the colon that opens the letter (the form's **市场监督管理局). */
  addressee: string;
  paragraphs: ApplicationParagraph[];
  /** 申请人. */
  applicantLabel: string;
  applicant: string;
  dateLine: string;
}

/**
 * 附件1 as a template for the applicant (第九条: a written application), with the bureau and the
 * subject's name filled in; 事实与理由 is left blank for the applicant to write. Only a case
 * started by the subject's own application (第六条(一)) has one.
 */
export function renderApplicationForm(c: Pick<ApprovalFormCase, 'subjectName' | 'trigger'>) {
  if (c.trigger !== 'SUBJECT_APPLICATION') return null;
  if (!c.subjectName) throw badInput('subjectName', 'subjectName(涉案主体名称)为必填项');
  const form: RenderedApplicationForm = {
    annex: '附件1',
    title: '涉案主体裁量审查评估申请书',
    addressee: NOTICE_ISSUER,
    paragraphs: [
      {
        text: '1.申请事项：由贵局对我公司的生产、经营行为改正违法行为进行审查评估，依据合规审查结果对我公司作出不予或减轻处罚。',
        blankLines: 0,
      },
      { text: '2.事实与理由：', blankLines: 6 },
      {
        text: '同时，我公司还在自行主动整改措施中制定了有效的裁量审查计划，完善了我公司管理组织机构、明确职责分工、生产、加工工艺控制和质量管理、出厂前检验流程和要求、产品标识、追溯和召回等，建立起切实有效的管理体系。',
        blankLines: 0,
      },
      {
        text: '恳请贵局考虑到上述因素，以及我公司生产经营实际困难，服务企业，助企纾困，对我公司的违法行为的整改进行审查评估，并根据裁量审查评估的结果给予我公司不予或减轻处罚。',
        blankLines: 0,
      },
    ],
    applicantLabel: '申请人',
    applicant: c.subjectName,
    dateLine: BLANK_DATE,
  };
  return form;
}
