// The case workflow's writes: opening a review, moving it by one event (the domain's transition
// table decides), correcting the registration. Each resolver calls a service in services/cases.
import { DomainError, ZCaseEventInput } from '@gazette/domain';
import { builder } from '../builder.ts';
import { ZOpenCaseInput, ZUpdateCaseInput } from '../services/cases/case-inputs.ts';
import { correctCaseEvent } from '../services/cases/correct-case-event.ts';
import { openDiscretionReview } from '../services/cases/open-discretion-review.ts';
import { transitionCase } from '../services/cases/transition-case.ts';
import { updateCase } from '../services/cases/update-case.ts';
import {
  CaseDecisionEnum,
  CaseEventTypeEnum,
  CaseTriggerEnum,
  ReviewConditionEnum,
  ReviewExclusionEnum,
  ReviewModeEnum,
} from './case-enums.ts';

const OpenDiscretionReviewInput = builder.inputType('OpenDiscretionReviewInput', {
  fields: (t) => ({
    caseName: t.string({ required: true }),
    subjectName: t.string({ required: true }),
    trigger: t.field({ type: CaseTriggerEnum, required: true }),
    filedOn: t.field({ type: 'Date', required: true }),
    caseNumber: t.string({
      required: false,
      description: '案号(执法单位编定的案件编号),唯一;空白表示无',
    }),
    handler: t.string({ required: false, description: '承办人(按填写原样,如两名执法人员的姓名)' }),
    department: t.string({ required: false, description: '业务科室(承办案件的科室)' }),
    contactName: t.string({ required: false, description: '联系人(印在送达当事人的通知书上)' }),
    contactPhone: t.string({ required: false, description: '联系电话' }),
    caseFiledOn: t.field({
      type: 'Date',
      required: false,
      description: '立案日期(执法案件的立案日,不晚于 filedOn)',
    }),
  }),
  validate: ZOpenCaseInput,
});

const CaseEventInput = builder.inputType('CaseEventInput', {
  description:
    'Each event type reads the fields it needs and rejects a missing one with BAD_USER_INPUT.',
  fields: (t) => ({
    type: t.field({ type: CaseEventTypeEnum, required: true }),
    on: t.field({ type: 'Date', required: true }),
    reviewMode: t.field({ type: ReviewModeEnum, required: false }),
    reviewDays: t.int({ required: false }),
    conditionsMet: t.field({ type: [ReviewConditionEnum], required: false }),
    exclusions: t.field({ type: [ReviewExclusionEnum], required: false }),
    reason: t.string({
      required: false,
      description: 'REJECT: free text; TERMINATE: a 第十五条 code.',
    }),
    passed: t.boolean({ required: false }),
    decision: t.field({ type: CaseDecisionEnum, required: false }),
    note: t.string({ required: false }),
  }),
  validate: ZCaseEventInput,
});

const UpdateCaseInput = builder.inputType('UpdateCaseInput', {
  validate: ZUpdateCaseInput,
  description:
    'Corrects the registration (trigger and filedOn only while REGISTERED); the workflow fields change only through transitionCase.',
  fields: (t) => ({
    caseName: t.string({ required: false }),
    subjectName: t.string({ required: false }),
    trigger: t.field({ type: CaseTriggerEnum, required: false }),
    filedOn: t.field({ type: 'Date', required: false }),
    caseNumber: t.string({
      required: false,
      description: '案号(执法单位编定的案件编号),唯一;空字符串清除',
    }),
    handler: t.string({ required: false, description: '承办人(空字符串清除)' }),
    department: t.string({ required: false, description: '业务科室(空字符串清除)' }),
    contactName: t.string({ required: false, description: '联系人(空字符串清除)' }),
    contactPhone: t.string({ required: false, description: '联系电话(空字符串清除)' }),
    caseFiledOn: t.field({
      type: 'Date',
      required: false,
      description: '立案日期(执法案件的立案日,不晚于 filedOn)',
    }),
  }),
});

const CorrectCaseEventInput = builder.inputType('CorrectCaseEventInput', {
  description: '更正最近一步的日期或备注(须说明理由,记入操作日志)',
  fields: (t) => ({
    seq: t.int({ required: true, description: '要更正的步骤序号(只能是最近一步)' }),
    on: t.field({ type: 'Date', required: false, description: '更正后的日期' }),
    note: t.string({ required: false, description: '更正后的备注' }),
    reason: t.string({ required: true, description: '更正理由' }),
  }),
});

const CasePayload = builder.objectRef<{ caseId: string }>('CasePayload').implement({
  fields: (t) => ({
    case: t.prismaField({
      type: 'DiscretionCase',
      resolve: (query, parent, _a, ctx) =>
        ctx.prisma.discretionCase.findUniqueOrThrow({ ...query, where: { id: parent.caseId } }),
    }),
  }),
});

function caseId(id: { typename: string; id: string }) {
  if (id.typename !== 'DiscretionCase') throw new DomainError('NOT_FOUND', '案件不存在');
  return id.id;
}

builder.mutationFields((t) => ({
  openDiscretionReview: t.field({
    type: CasePayload,
    authScopes: { supervisor: true },
    args: { input: t.arg({ type: OpenDiscretionReviewInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      caseId: (await openDiscretionReview(ctx, input)).id,
    }),
  }),
  transitionCase: t.field({
    type: CasePayload,
    authScopes: { supervisor: true },
    args: {
      id: t.arg.globalID({ required: true }),
      event: t.arg({ type: CaseEventInput, required: true }),
    },
    resolve: async (_root, { id, event }, ctx) => ({
      caseId: (await transitionCase(ctx, caseId(id), event)).id,
    }),
  }),
  updateCase: t.prismaField({
    type: 'DiscretionCase',
    authScopes: { supervisor: true },
    description: 'Fails with CONFLICT when `version` is not the current one.',
    args: {
      id: t.arg.globalID({ required: true }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: UpdateCaseInput, required: true }),
    },
    resolve: async (query, _root, { id, version, input }, ctx) => {
      const updated = await updateCase(ctx, { id: caseId(id), version, ...input });
      return ctx.prisma.discretionCase.findUniqueOrThrow({ ...query, where: { id: updated.id } });
    },
  }),
  correctCaseEvent: t.field({
    type: CasePayload,
    authScopes: { supervisor: true },
    description:
      '更正案件最近一步的日期或备注:按原步骤重新校验并重算受理期限,通知书随之改日期;CONFLICT when `version` is not the current one.',
    args: {
      id: t.arg.globalID({ required: true }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: CorrectCaseEventInput, required: true }),
    },
    resolve: async (_root, { id, version, input }, ctx) => ({
      caseId: (await correctCaseEvent(ctx, caseId(id), { ...input, version })).id,
    }),
  }),
}));
