// Administrators' writes of policies: every update and delete names the record's version
// (stale → CONFLICT, nothing changed); each resolver calls a service in services/policies.
import { idVersionArgs } from './shared.ts';
import { builder } from '../builder.ts';
import { createPolicy } from '../services/policies/create-policy.ts';
import { deletePolicy } from '../services/policies/delete-policy.ts';
import { updatePolicy } from '../services/policies/update-policy.ts';
import { rawId } from './ids.ts';
import { PolicyCategoryEnum } from './policy-parts.ts';

const PolicyInput = builder.inputType('PolicyInput', {
  description: '新建规范性文件的内容',
  fields: (t) => ({
    docNo: t.string({
      required: true,
      description: '文号,任意括号写法;保存时规范化为〔〕形式',
    }),
    title: t.string({ description: '标题', required: true }),
    category: t.field({ description: '类别', type: PolicyCategoryEnum, required: true }),
    signedOn: t.field({ description: '签发日期(成文日期)', type: 'Date', required: true }),
    validityClause: t.string({
      required: false,
      description: '原文中的有效期条款;给出时,effectiveFrom、expiresOn、isTrial 缺省取它所写',
    }),
    effectiveFrom: t.field({
      description: '施行日期;缺省时取有效期条款所写,或签发日期',
      type: 'Date',
      required: false,
    }),
    expiresOn: t.field({
      description: '有效期届满日(含);缺省时取有效期条款所写,无则为无期限',
      type: 'Date',
      required: false,
    }),
    isTrial: t.boolean({ description: '是否试行;缺省时取有效期条款所写', required: false }),
    issuers: t.stringList({
      required: false,
      description: '发文机关(全称或别名),按原文排列顺序',
    }),
    issueLabel: t.string({ description: '刊登的公报期次,如 2024年第12期', required: false }),
    page: t.int({ description: '公报目录所列页码', required: false }),
    summary: t.string({ description: '摘要', required: false }),
  }),
});

const PolicyPatch = builder.inputType('PolicyPatch', {
  description: '规范性文件的修改内容;缺省的字段保持不变',
  fields: (t) => ({
    title: t.string({ description: '标题', required: false }),
    category: t.field({ description: '类别', type: PolicyCategoryEnum, required: false }),
    signedOn: t.field({ description: '签发日期(成文日期)', type: 'Date', required: false }),
    validityClause: t.string({ description: '原文中的有效期条款', required: false }),
    effectiveFrom: t.field({ description: '施行日期', type: 'Date', required: false }),
    expiresOn: t.field({ description: '有效期届满日(含)', type: 'Date', required: false }),
    isTrial: t.boolean({ description: '是否试行', required: false }),
    issuers: t.stringList({ description: '发文机关(全称或别名),按原文排列顺序', required: false }),
    issueLabel: t.string({ description: '刊登的公报期次', required: false }),
    page: t.int({ description: '公报目录所列页码', required: false }),
    summary: t.string({ description: '摘要', required: false }),
  }),
});

const admin = { admin: true } as const;
builder.mutationFields((t) => ({
  createPolicy: t.prismaField({
    description: '新建规范性文件(需管理员权限);文号已存在时报错',
    type: 'Policy',
    authScopes: admin,
    args: { input: t.arg({ description: '新文件的内容', type: PolicyInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createPolicy(ctx, input);
      return ctx.prisma.policy.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updatePolicy: t.prismaField({
    description: '修改规范性文件(需管理员权限);version 不是当前值时报 CONFLICT',
    type: 'Policy',
    authScopes: admin,
    args: {
      ...idVersionArgs(t.arg, '文件'),
      input: t.arg({ description: '修改内容', type: PolicyPatch, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'Policy');
      await updatePolicy(ctx, id, args.version, args.input);
      return ctx.prisma.policy.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deletePolicy: t.prismaField({
    description: '删除规范性文件(需管理员权限);version 不是当前值时报 CONFLICT',
    type: 'Policy',
    authScopes: admin,
    args: {
      ...idVersionArgs(t.arg, '文件'),
    },
    resolve: (query, _root, args, ctx) =>
      deletePolicy(ctx, rawId(args.id, 'Policy'), args.version, query),
  }),
}));
