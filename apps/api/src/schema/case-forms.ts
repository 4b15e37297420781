// The forms of a case besides its notices: the 审批表 of 泸市监规发〔2024〕2号 附件2、3、6、8 and
// the 申请书 template of 附件1, rendered by the domain from the case's record, so the dashboard
// prints what the API returns and never rebuilds the forms' wording.
import {
  APPROVAL_FORM_INFO,
  APPROVAL_FORM_KINDS,
  DISCRETION_REVIEW_DOC_NO,
  type ApplicationParagraph,
  type ApprovalFormRow as Row,
  type RenderedApplicationForm,
  type RenderedApprovalForm,
} from '@gazette/domain';
import { builder } from '../builder.ts';
import { applicationFormOf, approvalFormsOf } from '../services/cases/case-forms.ts';
import { described } from './case-enums.ts';

export const ApprovalFormKindEnum = builder.enumType('ApprovalFormKind', {
  description: `裁量审查评估的审批表种类(${DISCRETION_REVIEW_DOC_NO} 附件2、3、6、8)`,
  values: described(APPROVAL_FORM_KINDS, APPROVAL_FORM_INFO),
});

const ApprovalFormRowRef = builder.objectRef<Row>('ApprovalFormRow').implement({
  description: '审批表的一栏(带边框的一行):栏目名、预填内容及其下的签名与日期',
  fields: (t) => ({
    label: t.exposeString('label', { description: '栏目名,按附件原样,如 执法机构负责人意见' }),
    text: t.exposeString('text', {
      nullable: true,
      description: '预填内容;留待手写的栏目为 null',
    }),
    signer: t.exposeString('signer', {
      nullable: true,
      description: '栏内印的签名人,如 经办人、办案机构负责人;没有签名的栏目为 null',
    }),
    signerName: t.exposeString('signerName', {
      nullable: true,
      description: '签名人姓名(经办人为案件的承办人);未知或留待签名时为 null',
    }),
    dateLine: t.exposeString('dateLine', {
      nullable: true,
      description: '留空待签的日期(年 月 日);没有日期的栏目为 null',
    }),
  }),
});

const ApprovalFormRef = builder.objectRef<RenderedApprovalForm>('ApprovalForm').implement({
  description: `按附件样式排版的审批表(${DISCRETION_REVIEW_DOC_NO} 附件2、3、6、8),由案件记录预填`,
  fields: (t) => ({
    kind: t.field({
      description: '审批表种类',
      type: ApprovalFormKindEnum,
      resolve: (f) => f.kind,
    }),
    annex: t.exposeString('annex', { description: '所属附件,如 附件2' }),
    label: t.exposeString('label', { description: '审批表简称,如 中止调查审批表' }),
    issuer: t.exposeString('issuer', { description: '标题第一行:机关名称' }),
    title: t.exposeString('title', { description: '标题第二行,如 涉案主体裁量审查评估审批表' }),
    rows: t.field({
      description:
        '各栏,按附件顺序:案件名称、审批事项、提请审批的理由依据及处理意见、两栏负责人意见、备注',
      type: [ApprovalFormRowRef],
      resolve: (f) => f.rows,
    }),
  }),
});

const ApplicationParagraphRef = builder
  .objectRef<ApplicationParagraph>('ApplicationParagraph')
  .implement({
    description: '申请书的一段',
    fields: (t) => ({
      text: t.exposeString('text', { description: '这一段的文字,按附件原样' }),
      blankLines: t.exposeInt('blankLines', {
        description: '段后留给申请人填写的空行数(如 事实与理由)',
      }),
    }),
  });

const ApplicationFormRef = builder.objectRef<RenderedApplicationForm>('ApplicationForm').implement({
  description: `涉案主体裁量审查评估申请书(样式)(${DISCRETION_REVIEW_DOC_NO} 附件1),供申请人填写`,
  fields: (t) => ({
    annex: t.exposeString('annex', { description: '所属附件,即 附件1' }),
    title: t.exposeString('title', { description: '标题' }),
    addressee: t.exposeString('addressee', { description: '抬头(受理申请的市场监督管理局)' }),
    paragraphs: t.field({
      description: '正文各段',
      type: [ApplicationParagraphRef],
      resolve: (f) => f.paragraphs,
    }),
    applicantLabel: t.exposeString('applicantLabel', { description: '落款栏名,即 申请人' }),
    applicant: t.exposeString('applicant', { description: '申请人名称(涉案市场主体)' }),
    dateLine: t.exposeString('dateLine', { description: '留空待填的日期(年 月 日)' }),
  }),
});

builder.prismaObjectFields('DiscretionCase', (t) => ({
  approvalForms: t.field({
    description:
      '案件已到达的各步的审批表,按附件顺序:登记后有附件2,受理后有附件3,终止考察后有附件6,登记结果后有附件8;案件名称、经办人(承办人)及理由由案件记录预填,日期与负责人意见留空待签',
    type: [ApprovalFormRef],
    select: { events: { select: { seq: true, type: true, on: true, payload: true } } },
    resolve: (c) => approvalFormsOf(c, c.events),
  }),
  applicationForm: t.field({
    description:
      '附件1 申请书(样式),已填入申请人名称;不是由涉案主体申请启动(第六条(一))的案件为 null',
    type: ApplicationFormRef,
    nullable: true,
    resolve: (c) => applicationFormOf(c),
  }),
}));
