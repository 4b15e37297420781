// 导入公报: an administrator pastes an issue's text; importGazetteIssue stores a draft (what was
// found, what it would change, the problems by line) and changes nothing else;
// applyGazetteImport writes it in one transaction (contract NEXT.md, "Gazette issues"). What a
// draft shows (documents, tables, problems): gazette-import-review.ts.
import {
  applyGazetteImport,
  importGazetteIssue,
  type IssueReview,
} from '@gazette/db/gazette-import/index';
import { actorIdOf } from '../audit.ts';
import { builder, checkedMaxSize } from '../builder.ts';
import type { GazetteContext } from '../context.ts';
import { ImportedDocument, ImportedTable, ImportProblem } from './gazette-import-review.ts';
import { rawId } from './ids.ts';

const admin = { admin: true } as const;

/** The administrator (or token) an import records as its author. */
const importActor = (ctx: GazetteContext) => ({ id: actorIdOf(ctx.viewer), label: ctx.actorLabel });

export const GazetteImportStatusEnum = builder.enumType('GazetteImportStatus', {
  description: '公报导入的状态',
  values: {
    DRAFT: { description: '已读取、未应用:除本次导入记录外未改动任何数据' },
    APPLIED: { description: '已应用:文件、价格表、检查结果等已在一个事务中写入' },
    DISCARDED: { description: '已作废' },
  },
});

const review = (row: { reading: unknown }) => row.reading as IssueReview;

export const GazetteImport = builder.prismaNode('GazetteImport', {
  id: { field: 'id' },
  description: '一次公报导入:读取结果(草稿)或已应用的记录',
  fields: (t) => ({
    status: t.expose('status', {
      type: GazetteImportStatusEnum,
      description: 'DRAFT、APPLIED 或 DISCARDED',
    }),
    issueLabel: t.exposeString('issueLabel', {
      nullable: true,
      description: '公报期次,如 2024年第12期',
    }),
    documents: t.field({
      type: [ImportedDocument],
      select: { reading: true },
      description: '读出的文件',
      resolve: (r) => review(r).documents,
    }),
    tables: t.field({
      type: [ImportedTable],
      select: { reading: true },
      description: '读出的价格表及将创建的版本',
      resolve: (r) => review(r).tables,
    }),
    inspectionQuarters: t.stringList({
      select: { reading: true },
      description: '本期公报刊登检查结果的季度,如 ["2024Q4"]',
      resolve: (r) => review(r).rounds.map((x) => x.quarter),
    }),
    problems: t.field({
      type: [ImportProblem],
      select: { problems: true },
      description: '无法确定的内容;不为空时不能应用',
      resolve: (r) => r.problems as { line: number; code: string; message: string }[],
    }),
    notes: t.field({
      type: [ImportProblem],
      select: { reading: true },
      description: '提示:读取时按固定规则修复的 OCR 问题、已存在而不再写入的数据等',
      resolve: (r) => review(r).notes,
    }),
    text: t.exposeString('text', { description: '导入的公报原文' }),
    createdAt: t.string({
      select: { createdAt: true },
      description: '读取时间(ISO 时间戳)',
      resolve: (r) => r.createdAt.toISOString(),
    }),
    appliedAt: t.string({
      nullable: true,
      select: { appliedAt: true },
      description: '应用时间(ISO 时间戳)',
      resolve: (r) => r.appliedAt?.toISOString() ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  gazetteImport: t.prismaField({
    type: 'GazetteImport',
    nullable: true,
    authScopes: admin,
    description: '一次公报导入(管理员)',
    args: { id: t.arg.id({ required: true, description: 'GazetteImport 的 ID' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.gazetteImport.findUnique({
        ...query,
        where: { id: rawId(String(args.id), 'GazetteImport') },
      }),
  }),
  gazetteImports: t.prismaConnection({
    type: 'GazetteImport',
    cursor: 'id',
    maxSize: checkedMaxSize,
    authScopes: admin,
    description: '公报导入记录,最新的在前(管理员)',
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.gazetteImport.findMany({
        ...query,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
}));

builder.mutationFields((t) => ({
  importGazetteIssue: t.prismaField({
    type: 'GazetteImport',
    authScopes: admin,
    description: '读取一期公报全文(Markdown),保存为草稿导入;除导入记录外不改动任何数据',
    args: { text: t.arg.string({ required: true, description: '公报全文' }) },
    resolve: async (query, _root, args, ctx) => {
      const draft = await importGazetteIssue(ctx.prisma, args.text, importActor(ctx));
      return ctx.prisma.gazetteImport.findUniqueOrThrow({ ...query, where: { id: draft.id } });
    },
  }),
  applyGazetteImport: t.prismaField({
    type: 'GazetteImport',
    authScopes: admin,
    description: '在一个事务中应用草稿导入;有未解决的问题时拒绝(BAD_USER_INPUT),不改动任何数据',
    args: { id: t.arg.id({ required: true, description: 'importGazetteIssue 返回的 ID' }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(String(args.id), 'GazetteImport');
      await applyGazetteImport(ctx.prisma, id, importActor(ctx));
      return ctx.prisma.gazetteImport.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
