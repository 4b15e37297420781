// A quarter's findings: 附件1 websites and 附件2 new media. Administrators change everything;
// supervisors only a finding's rectification (services/inspections/update-finding.ts).
import { idVersionArgs } from './shared.ts';
import { builder } from '../builder.ts';
import { createNewMediaFinding } from '../services/inspections/create-new-media-finding.ts';
import { createWebsiteFinding } from '../services/inspections/create-website-finding.ts';
import { deleteFinding } from '../services/inspections/delete-finding.ts';
import type { FindingPatch as FindingPatchValue } from '../services/inspections/finding-patch-data.ts';
import { updateFinding } from '../services/inspections/update-finding.ts';
import { rawId } from './ids.ts';

const admin = { admin: true } as const;

export const WebsiteFinding = builder.prismaNode('WebsiteFinding', {
  description: '政府网站检查发现的一个问题(季度检查情况通报附件1 的一项)',
  id: { field: 'id' },
  fields: (t) => ({
    siteSeq: t.exposeInt('siteSeq', { description: '检查网站在附件1 中的序号' }),
    siteName: t.exposeString('siteName', { description: '检查网站的名称' }),
    position: t.exposeInt('position', { description: '同一网站多个问题中的排列位置' }),
    description: t.exposeString('description', { description: '存在问题,如“某栏目超期未更新”' }),
    rectified: t.exposeBoolean('rectified', { description: '是否整改完成' }),
    rectifiedOn: t.expose('rectifiedOn', {
      description: '整改完成的日期;未知或未整改时为 null',
      type: 'Date',
      nullable: true,
    }),
    version: t.exposeInt('version', {
      description: '版本号:修改时须传回当前值,不一致时报 CONFLICT',
    }),
    organization: t.relation('organization', { description: '网站的主办单位' }),
    round: t.relation('round', { description: '所属检查轮次' }),
  }),
});

export const NewMediaFinding = builder.prismaNode('NewMediaFinding', {
  description: '政务新媒体检查发现的一个问题(季度检查情况通报附件2 的一项)',
  id: { field: 'id' },
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: '在附件2 中的序号' }),
    account: t.exposeString('account', { description: '新媒体名称(账号)' }),
    platform: t.exposeString('platform', { description: '类型(平台),如 微信、微博' }),
    description: t.exposeString('description', { description: '存在的突出问题,如“严重表述错误”' }),
    rectified: t.exposeBoolean('rectified', {
      nullable: true,
      description: '是否整改完成;null 表示未知(通报附件2不列整改情况,待管理员录入)',
    }),
    rectifiedOn: t.expose('rectifiedOn', {
      description: '整改完成的日期;未知或未整改时为 null',
      type: 'Date',
      nullable: true,
    }),
    version: t.exposeInt('version', {
      description: '版本号:修改时须传回当前值,不一致时报 CONFLICT',
    }),
    organization: t.relation('organization', { description: '所属区县或部门' }),
    round: t.relation('round', { description: '所属检查轮次' }),
  }),
});

const WebsiteFindingInput = builder.inputType('WebsiteFindingInput', {
  description: '新建网站检查结果的内容',
  fields: (t) => ({
    roundId: t.id({ description: '所属检查轮次的全局 ID', required: true }),
    organizationId: t.id({ description: '网站主办单位的全局 ID', required: true }),
    siteSeq: t.int({ description: '检查网站在附件1 中的序号', required: true }),
    siteName: t.string({ description: '检查网站的名称', required: true }),
    position: t.int({ description: '同一网站多个问题中的排列位置;缺省排在最后', required: false }),
    description: t.string({ description: '存在问题', required: true }),
    rectified: t.boolean({ description: '是否整改完成,缺省 false', required: false }),
    rectifiedOn: t.field({ description: '整改完成的日期', type: 'Date', required: false }),
  }),
});

const NewMediaFindingInput = builder.inputType('NewMediaFindingInput', {
  description: '新建新媒体检查结果的内容',
  fields: (t) => ({
    roundId: t.id({ description: '所属检查轮次的全局 ID', required: true }),
    organizationId: t.id({ description: '所属区县或部门的全局 ID', required: true }),
    seq: t.int({ description: '在附件2 中的序号', required: true }),
    account: t.string({ description: '新媒体名称(账号)', required: true }),
    platform: t.string({ description: '类型(平台),如 微信、微博', required: true }),
    description: t.string({ description: '存在的突出问题', required: true }),
    rectified: t.boolean({ required: false, description: '是否整改完成;缺省或 null 表示未知' }),
    rectifiedOn: t.field({ description: '整改完成的日期', type: 'Date', required: false }),
  }),
});

const FindingPatch = builder.inputType('FindingPatch', {
  description:
    '检查结果的修改内容:监督员只能改 rectified 和 rectifiedOn,管理员可改全部;缺省的字段保持不变',
  fields: (t) => ({
    rectified: t.boolean({
      required: false,
      description:
        '是否整改完成。新媒体检查结果:传 null 改回未知(并清除 rectifiedOn);网站检查结果:只能为 true 或 false',
    }),
    rectifiedOn: t.field({ description: '整改完成的日期', type: 'Date', required: false }),
    organizationId: t.id({ description: '单位的全局 ID', required: false }),
    description: t.string({ description: '存在问题', required: false }),
    siteSeq: t.int({ required: false, description: '检查网站的序号(仅网站检查结果)' }),
    siteName: t.string({ required: false, description: '检查网站的名称(仅网站检查结果)' }),
    position: t.int({
      required: false,
      description: '同一网站多个问题中的排列位置(仅网站检查结果)',
    }),
    seq: t.int({ required: false, description: '序号(仅新媒体检查结果)' }),
    account: t.string({ required: false, description: '新媒体名称(仅新媒体检查结果)' }),
    platform: t.string({ required: false, description: '类型(平台)(仅新媒体检查结果)' }),
  }),
});

builder.mutationFields((t) => ({
  createWebsiteFinding: t.prismaField({
    description: '新建网站检查结果(需管理员权限)',
    type: 'WebsiteFinding',
    authScopes: admin,
    args: {
      input: t.arg({ description: '检查结果的内容', type: WebsiteFindingInput, required: true }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createWebsiteFinding(ctx, input);
      return ctx.prisma.websiteFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateWebsiteFinding: t.prismaField({
    description:
      '修改网站检查结果:监督员只能改整改情况,管理员可改全部;version 不是当前值时报 CONFLICT',
    type: 'WebsiteFinding',
    authScopes: { supervisor: true },
    args: {
      ...idVersionArgs(t.arg, '检查结果'),
      input: t.arg({ description: '修改内容', type: FindingPatch, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'WebsiteFinding');
      await updateFinding(ctx, 'website', id, args.version, args.input as FindingPatchValue);
      return ctx.prisma.websiteFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteWebsiteFinding: t.prismaField({
    description: '删除网站检查结果(需管理员权限);version 不是当前值时报 CONFLICT',
    type: 'WebsiteFinding',
    authScopes: admin,
    args: {
      ...idVersionArgs(t.arg, '检查结果'),
    },
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'WebsiteFinding');
      return deleteFinding(
        ctx,
        'website',
        id,
        args.version,
        async (tx) => (await tx.websiteFinding.findUnique({ ...query, where: { id } }))!,
      );
    },
  }),

  createNewMediaFinding: t.prismaField({
    description: '新建新媒体检查结果(需管理员权限)',
    type: 'NewMediaFinding',
    authScopes: admin,
    args: {
      input: t.arg({ description: '检查结果的内容', type: NewMediaFindingInput, required: true }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createNewMediaFinding(ctx, input);
      return ctx.prisma.newMediaFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateNewMediaFinding: t.prismaField({
    description:
      '修改新媒体检查结果:监督员只能改整改情况,管理员可改全部;version 不是当前值时报 CONFLICT',
    type: 'NewMediaFinding',
    authScopes: { supervisor: true },
    args: {
      ...idVersionArgs(t.arg, '检查结果'),
      input: t.arg({ description: '修改内容', type: FindingPatch, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'NewMediaFinding');
      await updateFinding(ctx, 'newMedia', id, args.version, args.input as FindingPatchValue);
      return ctx.prisma.newMediaFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteNewMediaFinding: t.prismaField({
    description: '删除新媒体检查结果(需管理员权限);version 不是当前值时报 CONFLICT',
    type: 'NewMediaFinding',
    authScopes: admin,
    args: {
      ...idVersionArgs(t.arg, '检查结果'),
    },
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'NewMediaFinding');
      return deleteFinding(
        ctx,
        'newMedia',
        id,
        args.version,
        async (tx) => (await tx.newMediaFinding.findUnique({ ...query, where: { id } }))!,
      );
    },
  }),
}));
