// Printable notices of 泸市监规发〔2024〕2号, following the wording of its annex forms:
// 附件4 中止调查通知书, 附件5 受理通知书, 附件7 终止考察通知书, 附件9 结果通知书.
// Where a form leaves a blank the case cannot fill literally, a comment says how it is filled.
import { badInput } from '../shared/errors.ts';
import { isPlainDate, type PlainDate } from '../shared/plain-date.ts';
import {
  NOTICE_KIND_INFO,
  TERMINATION_REASON_INFO,
  type CaseTrigger,
  type NoticeKind,
  type ReviewMode,
  type TerminationReason,
} from './codes.ts';

export const NOTICE_ISSUER = '泸州市市场监督管理局';
/** The guidance as the annex forms cite it. */
export const DISCRETION_GUIDELINE = '《泸州市市场监管局行政处罚改正违法行为裁量审查评估指导意见》';
// Interpretation: the forms address "执法机构"; the circular 泸市监规发〔2024〕2号 is sent to the
// 市局's 综合行政执法支队, which handles the city bureau's own cases.
export const DEFAULT_ENFORCEMENT_UNIT = '泸州市市场监督管理局综合行政执法支队';

export interface NoticeData {
  number: string;
  issuedOn: PlainDate;
  subjectName: string;
  caseName: string;
  trigger: CaseTrigger;
  /** When the review was registered (for an application: the application date). */
  filedOn: PlainDate;
  /** When the penalty case itself was opened (立案), if known. */
  investigationFiledOn?: PlainDate | null;
  reviewMode?: ReviewMode | null;
  /** The unit doing the review (第七条), e.g. 食品经营安全监督管理科 or a third party's name. */
  reviewUnit?: string | null;
  reviewDays?: number | null;
  acceptedOn?: PlainDate | null;
  reviewDeadline?: PlainDate | null;
  terminationReason?: TerminationReason | null;
  passed?: boolean | null;
  /** Addressee of the termination and result notices (附件7、9: 执法机构). */
  enforcementUnit?: string | null;
  contact?: { name: string; phone: string } | null;
}

export interface RenderedNotice {
  kind: NoticeKind;
  title: string;
  number: string;
  /** Printed before the colon that opens the letter. */
  addressee: string;
  /** The subject (涉案主体) the notice is about, even where it is addressed to 执法机构. */
  subjectName: string;
  paragraphs: string[];
  issuer: string;
  /** `2025年1月6日`. */
  date: string;
  /** The distribution line under the form (一式两份…), where the form has one. */
  footnote: string | null;
}

/** `2025-01-06` → `2025年1月6日`, the way the gazette prints dates. */
export function formatChineseDate(date: PlainDate): string {
  if (typeof date !== 'string' || !isPlainDate(date)) {
    throw badInput('date', `date(日期)不是有效日期(应为 YYYY-MM-DD):${String(date)}`);
  }
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function need<T>(value: T | null | undefined, field: string, label: string): T {
  if (value === undefined || value === null || value === '') {
    throw badInput(field, `${field}(${label})为必填项,无法生成通知书`);
  }
  return value;
}

function dateOf(value: PlainDate | null | undefined, field: string, label: string): string {
  const date = need(value, field, label);
  if (!isPlainDate(date)) throw badInput(field, `${field}(${label})不是有效日期:${date}`);
  return formatChineseDate(date);
}

/** `某某案` is printed as is; other names get the form's `一案`. */
export function caseReference(caseName: string): string {
  return caseName.endsWith('案') ? caseName : `${caseName}一案`;
}

export function reviewUnitName(data: Pick<NoticeData, 'reviewUnit' | 'reviewMode'>): string {
  if (data.reviewUnit) return data.reviewUnit;
  // 第七条: (一) the bureau's business unit, (二) a third-party organisation.
  return data.reviewMode === 'THIRD_PARTY' ? '第三方组织' : '我局相关业务机构';
}

/** The sentence of 附件5 saying how the review started; the form only has 第六条(一). */
function startSentence(data: NoticeData): string {
  const on = dateOf(data.filedOn, 'filedOn', '登记日期');
  switch (data.trigger) {
    case 'SUBJECT_APPLICATION':
      return `你于${on}向我局提出涉案主体裁量审查评估工作申请。`;
    // Interpretation for 第六条(二)-(四): the form's sentence adapted to who asked.
    case 'ENFORCEMENT_UNIT':
      return `${on}，我局执法机构认为有必要对你启动涉案主体裁量审查评估工作。`;
    case 'OVERSIGHT_RECOMMENDATION':
      return `${on}，我局收到“三书一函”，建议对你启动涉案主体裁量审查评估工作。`;
    case 'SUPERIOR_RECOMMENDATION':
      return `${on}，上级部门建议我局对你启动涉案主体裁量审查评估工作。`;
    default:
      throw badInput('trigger', `trigger(启动情形)取值无效:${String(data.trigger)}`);
  }
}

// Titles exactly as the annex forms print them (附件4 has no 评估).
const TITLES: Record<NoticeKind, string> = {
  ACCEPTANCE: `${NOTICE_ISSUER}涉案主体裁量审查评估受理通知书`,
  SUSPENSION: `${NOTICE_ISSUER}涉案主体裁量审查中止调查通知书`,
  TERMINATION: `${NOTICE_ISSUER}涉案主体裁量审查评估终止考察通知书`,
  RESULT: `${NOTICE_ISSUER}涉案主体裁量审查评估结果通知书`,
};

function acceptance(data: NoticeData): string[] {
  const opened = data.investigationFiledOn
    ? `${dateOf(data.investigationFiledOn, 'investigationFiledOn', '立案日期')}，`
    : '';
  const applied = data.trigger === 'SUBJECT_APPLICATION';
  const days = need(data.reviewDays, 'reviewDays', '审查评估期限天数');
  const until = dateOf(data.reviewDeadline, 'reviewDeadline', '审查评估期限届满日');
  return [
    // 附件5 wording; the form's 期限暂定为***月 is filled with the days 第十三条 allows.
    `${opened}我局立案对${caseReference(data.caseName)}，${startSentence(data)}` +
      `经本局审查后认为符合${DISCRETION_GUIDELINE}第四条规定的情形，决定${applied ? '受理你的申请' : '受理'}，` +
      `由${reviewUnitName(data)}对你的改正违法行为进行审查评估，合规审查期限暂定为${days}日（至${until}）。`,
    '裁量审查评估期限内中止案件调查，你公司应当积极配合我局裁量审查整改，裁量审查评估结果将作为我局案件处理的参考。',
    '特此通知。',
  ];
}

function suspension(data: NoticeData): string[] {
  const what =
    data.trigger === 'SUBJECT_APPLICATION'
      ? '你提出的涉案主体裁量审查申请'
      : '对你启动的涉案主体裁量审查评估';
  const until = data.reviewDeadline
    ? `（${dateOf(data.reviewDeadline, 'reviewDeadline', '审查评估期限届满日')}届满）`
    : '';
  const paragraphs = [
    // 附件4 wording; 第十三条: 依据《市场监督管理行政处罚程序规定》第四十六条规定中止调查.
    `经审查，${what}符合本规定要求，执法机构依据《市场监督管理行政处罚程序规定》第四十六条之规定对你单位涉嫌的违法行为采取中止调查，待裁量审查评估考察期限${until}结束，立即恢复案件调查。`,
    // The form's XX市人民政府 is 泸州市人民政府 for the city bureau; the court is left general.
    '如对本通知书决定不服，可以自收到本通知书之日起六十日内向泸州市人民政府申请行政复议；也可以在六个月内依法向有管辖权的人民法院提起行政诉讼。',
  ];
  if (data.contact) {
    paragraphs.push(`联系人：${data.contact.name} 联系电话：${data.contact.phone}`);
  }
  return paragraphs;
}

function termination(data: NoticeData): string[] {
  const reason = need(data.terminationReason, 'terminationReason', '终止考察理由');
  const info = TERMINATION_REASON_INFO[reason];
  if (!info)
    throw badInput('terminationReason', `terminationReason(终止考察理由)取值无效:${reason}`);
  const item = info.article.replace('第十五条', '').replace('(', '（').replace(')', '）');
  // The form assumes an application; other triggers (第六条(二)-(四)) drop the word 申请.
  const application = data.trigger === 'SUBJECT_APPLICATION' ? '申请' : '';
  return [
    // 附件7 wording, naming the item of 第十五条 that applied.
    `${dateOf(data.acceptedOn, 'acceptedOn', '受理日期')}，我局受理了${data.subjectName}裁量审查评估${application}，` +
      `由${reviewUnitName(data)}对该市场主体的违法行为整改内容进行审查评估，在裁量审查评估考察期内，` +
      `因该市场主体${info.label}，违反了${DISCRETION_GUIDELINE}第十五条第${item}项之规定，` +
      `我局决定对${data.subjectName}${application ? '申请' : ''}的裁量审查评估终止考察。`,
    '特此通知。',
  ];
}

function result(data: NoticeData): string[] {
  const from = need(data.acceptedOn, 'acceptedOn', '受理日期');
  const passed = need(data.passed, 'passed', '是否通过审查评估');
  // 附件9 prints the end as **月**日; the year is added when the period crosses a year.
  const to = formatChineseDate(data.issuedOn);
  const end = from.slice(0, 4) === data.issuedOn.slice(0, 4) ? to.replace(/^\d+年/u, '') : to;
  return [
    `${formatChineseDate(from)}—${end}，我局对${data.subjectName}的违法行为整改内容进行了审查评估，` +
      `经审查${data.subjectName}${passed ? '通过' : '未通过'}裁量审查评估验收。`,
  ];
}

const FOOTNOTES: Record<NoticeKind, string | null> = {
  ACCEPTANCE: '该文书一式三份，一份送达申请人，一份送达执法机构，一份存档。',
  SUSPENSION: '该文书一式两份，一份送达申请人，一份留存执法机构。',
  TERMINATION: null,
  RESULT: null,
};

/** A notice laid out as its annex form, ready to print. */
export function renderNotice(kind: NoticeKind, data: NoticeData): RenderedNotice {
  if (!NOTICE_KIND_INFO[kind]) throw badInput('kind', `kind(通知书种类)取值无效:${String(kind)}`);
  const subjectName = need(data.subjectName, 'subjectName', '涉案主体名称');
  need(data.caseName, 'caseName', '案件名称');
  const date = dateOf(data.issuedOn, 'issuedOn', '发文日期');
  const paragraphs = {
    ACCEPTANCE: acceptance,
    SUSPENSION: suspension,
    TERMINATION: termination,
    RESULT: result,
  }[kind](data);
  // 附件4、5 are sent to the subject; 附件7、9 to the enforcement unit.
  const toSubject = kind === 'ACCEPTANCE' || kind === 'SUSPENSION';
  return {
    kind,
    title: TITLES[kind],
    number: need(data.number, 'number', '文书编号'),
    addressee: toSubject ? subjectName : data.enforcementUnit || DEFAULT_ENFORCEMENT_UNIT,
    subjectName,
    paragraphs,
    issuer: NOTICE_ISSUER,
    date,
    footnote: FOOTNOTES[kind],
  };
}
