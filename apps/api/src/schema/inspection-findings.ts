// A quarter's findings: 附件1 websites and 附件2 new media. Administrators change everything;
// supervisors only a finding's rectification (services/inspections/update-finding.ts).
import type { ArgBuilder } from '@pothos/core';
import { idVersionArgs, type BuilderTypes } from './shared.ts';
import { builder } from '../builder.ts';
import type { GazetteContext } from '../context.ts';
import { createNewMediaFinding } from '../services/inspections/create-new-media-finding.ts';
import { createWebsiteFinding } from '../services/inspections/create-website-finding.ts';
import { deleteFinding } from '../services/inspections/delete-finding.ts';
import type {
  FindingKind,
  FindingPatch as FindingPatchValue,
} from '../services/inspections/finding-patch-data.ts';
import { updateFinding } from '../services/inspections/update-finding.ts';
import { rawId } from './ids.ts';

const admin = { admin: true } as const;

/** The GraphQL type of each kind of finding. */
const FINDING_TYPE = { website: 'WebsiteFinding', newMedia: 'NewMediaFinding' } as const;

/** What both kinds of finding hold alike. */
interface FindingCommon {
  rectifiedOn: Date | null;
  version: number;
}

/** The fields both kinds of finding show alike. */
function findingCommonFields<Shape extends FindingCommon>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>,
) {
  return {
    rectifiedOn: t.field({
      description: '整改完成的日期;未知或未整改时为 null',
      type: 'Date',
      nullable: true,
      resolve: (f) => f.rectifiedOn,
    }),
    version: t.int({
      description: '版本号:修改时须传回当前值,不一致时报 CONFLICT',
      resolve: (f) => f.version,
    }),
  };
}

export const WebsiteFinding = builder.prismaNode('WebsiteFinding', {
  description: '政府网站检查发现的一个问题(季度检查情况通报附件1 的一项)',
  id: { field: 'id' },
  fields: (t) => ({
    siteSeq: t.exposeInt('siteSeq', { description: '检查网站在附件1 中的序号' }),
    siteName: t.exposeString('siteName', { description: '检查网站的名称' }),
    position: t.exposeInt('position', { description: '同一网站多个问题中的排列位置' }),
    description: t.exposeString('description', { description: '存在问题,如“某栏目超期未更新”' }),
    rectified: t.exposeBoolean('rectified', { description: '是否整改完成' }),
    organization: t.relation('organization', { description: '网站的主办单位' }),
    round: t.relation('round', { description: '所属检查轮次' }),
  }),
});
builder.objectFields(WebsiteFinding, findingCommonFields);

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
    organization: t.relation('organization', { description: '所属区县或部门' }),
    round: t.relation('round', { description: '所属检查轮次' }),
  }),
});
builder.objectFields(NewMediaFinding, findingCommonFields);

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

/** The update of either kind of finding, less its type and resolver (patchFinding). */
function findingUpdateOptions(arg: ArgBuilder<BuilderTypes>, noun: '网站' | '新媒体') {
  return {
    description: `修改${noun}检查结果:监督员只能改整改情况,管理员可改全部;version 不是当前值时报 CONFLICT`,
    authScopes: { supervisor: true },
    args: {
      ...idVersionArgs(arg, '检查结果'),
      input: arg({ description: '修改内容', type: FindingPatch, required: true }),
    },
  };
}

/** The delete of either kind of finding, less its type and resolver. */
function findingDeleteOptions(arg: ArgBuilder<BuilderTypes>, noun: '网站' | '新媒体') {
  return {
    description: `删除${noun}检查结果(需管理员权限);version 不是当前值时报 CONFLICT`,
    authScopes: admin,
    args: idVersionArgs(arg, '检查结果'),
  };
}

/** Applies a finding patch (a stale version is CONFLICT); the finding's id, to read it back. */
async function patchFinding(
  ctx: GazetteContext,
  kind: FindingKind,
  args: { id: string; version: number; input: object },
): Promise<string> {
  const id = rawId(args.id, FINDING_TYPE[kind]);
  await updateFinding(ctx, kind, id, args.version, args.input as FindingPatchValue);
  return id;
}

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
    ...findingUpdateOptions(t.arg, '网站'),
    type: 'WebsiteFinding',
    resolve: async (query, _root, args, ctx) => {
      const id = await patchFinding(ctx, 'website', args);
      return ctx.prisma.websiteFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteWebsiteFinding: t.prismaField({
    ...findingDeleteOptions(t.arg, '网站'),
    type: 'WebsiteFinding',
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'WebsiteFinding');
      return deleteFinding(ctx, 'website', id, args.version, (tx) =>
        tx.websiteFinding.findUnique({ ...query, where: { id } }),
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
    ...findingUpdateOptions(t.arg, '新媒体'),
    type: 'NewMediaFinding',
    resolve: async (query, _root, args, ctx) => {
      const id = await patchFinding(ctx, 'newMedia', args);
      return ctx.prisma.newMediaFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteNewMediaFinding: t.prismaField({
    ...findingDeleteOptions(t.arg, '新媒体'),
    type: 'NewMediaFinding',
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'NewMediaFinding');
      return deleteFinding(ctx, 'newMedia', id, args.version, (tx) =>
        tx.newMediaFinding.findUnique({ ...query, where: { id } }),
      );
    },
  }),
}));
