// Administrators' writes of a quarter's inspection round (new quarter, edit of its headline
// figures, delete): each resolver calls a service in services/inspections.
import { builder } from '../builder.ts';
import { createInspectionRound } from '../services/inspections/create-inspection-round.ts';
import { deleteInspectionRound } from '../services/inspections/delete-inspection-round.ts';
import { updateInspectionRound } from '../services/inspections/update-inspection-round.ts';
import { rawId } from './ids.ts';
import { idVersionArgs } from './shared.ts';

const admin = { admin: true } as const;

const InspectionRoundInput = builder.inputType('InspectionRoundInput', {
  description: '一个季度的检查数据,按该季度通报所列填写(参见泸市府室发〔2024〕34号 一、附件2 说明)',
  fields: (t) => ({
    quarter: t.string({ required: true, description: '季度,如 2025Q1' }),
    policyId: t.id({
      required: false,
      description: '通报本身(规范性文件的全局 ID,如泸市府室发〔2024〕34号)',
    }),
    windowStart: t.field({ type: 'Date', required: true, description: '检测时间的起始日' }),
    windowEnd: t.field({
      type: 'Date',
      required: true,
      description: '检测时间的截止日(不早于起始日)',
    }),
    cityPortalsChecked: t.int({ required: true, description: '检查的市政府门户网站数' }),
    districtPortalsChecked: t.int({ required: true, description: '检查的区县政府门户网站数' }),
    departmentSitesChecked: t.int({ required: true, description: '检查的市级部门网站数' }),
    newMediaAccountsChecked: t.int({ required: true, description: '检查的政务新媒体账号和应用数' }),
    newMediaDistricts: t.int({ required: false, defaultValue: 0, description: '账号所属区县数' }),
    newMediaParks: t.int({ required: false, defaultValue: 0, description: '账号所属园区数' }),
    newMediaDepartments: t.int({
      required: false,
      defaultValue: 0,
      description: '账号所属市级有关部门数',
    }),
    messagesReceived: t.int({
      required: true,
      description: '收到的“我为政府网站找错”网民有效留言数',
    }),
    messagesClosed: t.int({ required: true, description: '已办结的留言数(不超过收到数)' }),
    messagesOverdue: t.int({
      required: false,
      defaultValue: 0,
      description: '超期办理的留言数(不超过收到数)',
    }),
  }),
});

const InspectionRoundPatch = builder.inputType('InspectionRoundPatch', {
  description: '检查轮次的修改内容:缺省或 null 的字段保持不变(policyId 传 null 取消与通报的关联)',
  fields: (t) => ({
    policyId: t.id({
      description: '通报本身(规范性文件的全局 ID);传 null 取消关联',
      required: false,
    }),
    windowStart: t.field({ description: '检测时间的起始日', type: 'Date', required: false }),
    windowEnd: t.field({ description: '检测时间的截止日', type: 'Date', required: false }),
    cityPortalsChecked: t.int({ description: '检查的市政府门户网站数', required: false }),
    districtPortalsChecked: t.int({ description: '检查的区县政府门户网站数', required: false }),
    departmentSitesChecked: t.int({ description: '检查的市级部门网站数', required: false }),
    newMediaAccountsChecked: t.int({
      description: '检查的政务新媒体账号和应用数',
      required: false,
    }),
    newMediaDistricts: t.int({ description: '政务新媒体账号所属的区县数', required: false }),
    newMediaParks: t.int({ description: '政务新媒体账号所属的园区数', required: false }),
    newMediaDepartments: t.int({
      description: '政务新媒体账号所属的市级有关部门数',
      required: false,
    }),
    messagesReceived: t.int({ description: '收到的网民有效留言数', required: false }),
    messagesClosed: t.int({ description: '已办结的留言数(不超过收到数)', required: false }),
    messagesOverdue: t.int({ description: '超期办理的留言数(不超过收到数)', required: false }),
  }),
});

builder.mutationFields((t) => ({
  createInspectionRound: t.prismaField({
    description: '新建检查轮次(需管理员权限);季度已存在时报错',
    type: 'InspectionRound',
    authScopes: admin,
    args: {
      input: t.arg({
        description: '该季度通报所列的数据',
        type: InspectionRoundInput,
        required: true,
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createInspectionRound(ctx, input);
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateInspectionRound: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    description:
      '修改检查轮次的数据(需管理员权限);修改后仍须满足新建时的规则;version 不是当前值时报 CONFLICT',
    args: {
      ...idVersionArgs(t.arg, '检查轮次'),
      input: t.arg({ description: '修改内容', type: InspectionRoundPatch, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'InspectionRound');
      await updateInspectionRound(ctx, id, args.version, args.input);
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteInspectionRound: t.prismaField({
    description: '删除检查轮次及其检查结果(需管理员权限);version 不是当前值时报 CONFLICT',
    type: 'InspectionRound',
    authScopes: admin,
    args: {
      ...idVersionArgs(t.arg, '检查轮次'),
    },
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'InspectionRound');
      return deleteInspectionRound(
        ctx,
        id,
        args.version,
        async (tx) => (await tx.inspectionRound.findUnique({ ...query, where: { id } }))!,
      );
    },
  }),
}));
