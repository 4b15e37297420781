// The case workflow's writes: opening a review, moving it by one event (the domain's transition
// table decides), correcting the registration. Each resolver calls a service in services/cases.
import {
  DomainError,
  TERMINATION_REASON_INFO,
  TERMINATION_REASONS,
  ZCaseEventInput,
} from '@gazette/domain';
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
  description: '登记裁量审查评估的内容',
  fields: (t) => ({
    caseName: t.string({ description: '案件名称', required: true }),
    subjectName: t.string({ description: '涉案市场主体名称', required: true }),
    trigger: t.field({
      description: '启动情形(泸市监规发〔2024〕2号 第六条)',
      type: CaseTriggerEnum,
      required: true,
    }),
    filedOn: t.field({ description: '登记日期', type: 'Date', required: true }),
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
  description: '案件办理的一步:每种步骤只读取它需要的字段,缺少时报 BAD_USER_INPUT',
  fields: (t) => ({
    type: t.field({
      description: '这一步的种类;须是当前状态允许的(见 DiscretionCase.allowedEvents)',
      type: CaseEventTypeEnum,
      required: true,
    }),
    on: t.field({ description: '这一步的日期,不早于登记日期', type: 'Date', required: true }),
    reviewMode: t.field({
      description: '审查评估方式(ACCEPT 必填,第七条)',
      type: ReviewModeEnum,
      required: false,
    }),
    reviewDays: t.int({
      description:
        '审查评估期限天数(ACCEPT 必填),自受理之日起最长不超过两个月(泸市监规发〔2024〕2号 第十三条)',
      required: false,
    }),
    conditionsMet: t.field({
      description: '符合的条件(ACCEPT 必填,须包含第四条全部四项;没有时传空列表)',
      type: [ReviewConditionEnum],
      required: false,
    }),
    exclusions: t.field({
      description: '具有的不适用情形(ACCEPT 必填,第五条;有任一项则不能受理;没有时传空列表)',
      type: [ReviewExclusionEnum],
      required: false,
    }),
    reason: t.string({
      required: false,
      description: `理由:REJECT 为文字;TERMINATE 为泸市监规发〔2024〕2号 第十五条情形的代码(${TERMINATION_REASONS.map((r) => `${r} ${TERMINATION_REASON_INFO[r].label}`).join('、')})`,
    }),
    passed: t.boolean({
      description: '是否通过审查评估(RECORD_RESULT 必填,第十六条)',
      required: false,
    }),
    decision: t.field({
      description: '处理决定(DECIDE 必填,第十七条、第十八条)',
      type: CaseDecisionEnum,
      required: false,
    }),
    note: t.string({ description: '办理说明', required: false }),
  }),
  validate: ZCaseEventInput,
});

const UpdateCaseInput = builder.inputType('UpdateCaseInput', {
  validate: ZUpdateCaseInput,
  description:
    '更正案件的登记信息(trigger 和 filedOn 仅在 REGISTERED 状态可改);办理字段只能通过 transitionCase 改变;缺省的字段保持不变',
  fields: (t) => ({
    caseName: t.string({ description: '案件名称', required: false }),
    subjectName: t.string({ description: '涉案市场主体名称', required: false }),
    trigger: t.field({
      description: '启动情形(仅 REGISTERED 状态可改)',
      type: CaseTriggerEnum,
      required: false,
    }),
    filedOn: t.field({
      description: '登记日期(仅 REGISTERED 状态可改)',
      type: 'Date',
      required: false,
    }),
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
  description: '案件写操作的结果',
  fields: (t) => ({
    case: t.prismaField({
      description: '写入后的案件',
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
    description: '登记一件裁量审查评估(需监督员或管理员角色),状态为 REGISTERED',
    type: CasePayload,
    authScopes: { supervisor: true },
    args: {
      input: t.arg({ description: '登记内容', type: OpenDiscretionReviewInput, required: true }),
    },
    resolve: async (_root, { input }, ctx) => ({
      caseId: (await openDiscretionReview(ctx, input)).id,
    }),
  }),
  transitionCase: t.field({
    description:
      '案件办理一步(需监督员或管理员角色):由状态转换表判断是否允许,并按泸市监规发〔2024〕2号 出具相应文书',
    type: CasePayload,
    authScopes: { supervisor: true },
    args: {
      id: t.arg.globalID({ description: '案件的全局 ID', required: true }),
      event: t.arg({ description: '这一步的内容', type: CaseEventInput, required: true }),
    },
    resolve: async (_root, { id, event }, ctx) => ({
      caseId: (await transitionCase(ctx, caseId(id), event)).id,
    }),
  }),
  updateCase: t.prismaField({
    type: 'DiscretionCase',
    authScopes: { supervisor: true },
    description: '更正案件的登记信息(需监督员或管理员角色);version 不是当前值时报 CONFLICT',
    args: {
      id: t.arg.globalID({ description: '案件的全局 ID', required: true }),
      version: t.arg.int({ description: '案件当前的版本号', required: true }),
      input: t.arg({ description: '修改内容', type: UpdateCaseInput, required: true }),
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
      '更正案件最近一步的日期或备注:按原步骤重新校验并重算受理期限,通知书随之改日期;version 不是当前值时报 CONFLICT',
    args: {
      id: t.arg.globalID({ description: '案件的全局 ID', required: true }),
      version: t.arg.int({ description: '案件当前的版本号', required: true }),
      input: t.arg({ description: '更正内容', type: CorrectCaseEventInput, required: true }),
    },
    resolve: async (_root, { id, version, input }, ctx) => ({
      caseId: (await correctCaseEvent(ctx, caseId(id), { ...input, version })).id,
    }),
  }),
}));
