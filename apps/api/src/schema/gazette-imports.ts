// 导入公报: an administrator pastes an issue's text; importGazetteIssue stores a draft (what was
// found, what it would change, the problems by line) and changes nothing else;
// applyGazetteImport writes it in one transaction (contract NEXT.md, "Gazette issues").
import {
  applyGazetteImport,
  importGazetteIssue,
  type IssueReview,
  type ReviewedDocument,
  type ReviewedTable,
} from '@gazette/db/gazette-import/index';
import { builder, checkedMaxSize } from '../builder.ts';
import type { GazetteContext } from '../context.ts';
import { rawId } from './ids.ts';
import { PolicyCategoryEnum } from './policies.ts';
import { RateTableKindEnum } from './rates.ts';

const admin = { admin: true } as const;

function importActor(ctx: GazetteContext) {
  const id =
    ctx.viewer.kind === 'user'
      ? ctx.viewer.userId
      : ctx.viewer.kind === 'token'
        ? ctx.viewer.tokenId
        : null;
  return { id, label: ctx.actorLabel };
}

export const GazetteImportStatusEnum = builder.enumType('GazetteImportStatus', {
  description: '公报导入的状态',
  values: {
    DRAFT: { description: '已读取、未应用:除本次导入记录外未改动任何数据' },
    APPLIED: { description: '已应用:文件、价格表、检查结果等已在一个事务中写入' },
    DISCARDED: { description: '已作废' },
  },
});

export const DocumentChangeEnum = builder.enumType('GazetteDocumentChange', {
  description: '公报中一份文件与数据库相比的变化',
  values: {
    NEW: { description: '数据库中没有该文号' },
    UNCHANGED: { description: '与数据库中的文件相同' },
    CHANGED: { description: '文号相同而内容不同:应用前请查看差异' },
  },
});

export const TableActionEnum = builder.enumType('GazetteTableAction', {
  description: '公报中一张价格表应用时的处理方式',
  values: {
    NEW_TABLE: { description: '新建价格表' },
    NEW_VERSION: { description: '已有价格表(项目与等级相同)的新版本,自文件施行之日起' },
    UNCHANGED: { description: '数据库中已有相同的版本' },
  },
});

const ImportProblem = builder
  .objectRef<{ line: number; code: string; message: string }>('GazetteImportProblem')
  .implement({
    description: '读取时无法确定的内容(或提示),附原文行号',
    fields: (t) => ({
      line: t.exposeInt('line', { description: '公报原文的行号(1 起)' }),
      code: t.exposeString('code', {
        description: '问题类别,如 UNKNOWN_BODY、MEDICAL_CELL_UNREADABLE',
      }),
      message: t.exposeString('message', { description: '中文说明' }),
    }),
  });

const FieldChange = builder
  .objectRef<{ field: string; before: string | null; after: string | null }>('GazetteFieldChange')
  .implement({
    description: '与数据库中同一文号文件的字段差异',
    fields: (t) => ({
      field: t.exposeString('field', { description: '字段:title、effectiveFrom、text …' }),
      before: t.exposeString('before', { nullable: true, description: '数据库中的值' }),
      after: t.exposeString('after', { nullable: true, description: '本期公报中的值' }),
    }),
  });

const DiffLine = builder.objectRef<{ op: string; text: string }>('GazetteDiffLine').implement({
  description: '正文差异的一行',
  fields: (t) => ({
    op: t.exposeString('op', { description: "' ' 相同,'-' 仅在数据库中,'+' 仅在本期公报中" }),
    text: t.exposeString('text', { description: '该行文字' }),
  }),
});

const ImportedDocument = builder.objectRef<ReviewedDocument>('GazetteImportDocument').implement({
  description: '本期公报中的一个文件,及其与数据库的比较',
  fields: (t) => ({
    docNo: t.exposeString('docNo', { description: '规范化的文号(〔〕)' }),
    title: t.exposeString('title', { description: '标题(按目录)' }),
    category: t.expose('category', { type: PolicyCategoryEnum, description: '文件类别' }),
    issuers: t.exposeStringList('issuers', { description: '发文机关(数据库中的正式名称)' }),
    signedOn: t.field({ type: 'Date', description: '落款日期', resolve: (d) => d.signedOn }),
    effectiveFrom: t.field({
      type: 'Date',
      description: '施行日期',
      resolve: (d) => d.effectiveFrom,
    }),
    expiresOn: t.field({
      type: 'Date',
      nullable: true,
      description: '有效期末日',
      resolve: (d) => d.expiresOn,
    }),
    isTrial: t.exposeBoolean('isTrial', { description: '是否试行' }),
    page: t.exposeInt('page', { nullable: true, description: '目录页码' }),
    lineFrom: t.exposeInt('lineFrom', { description: '原文起始行' }),
    lineTo: t.exposeInt('lineTo', { description: '原文结束行' }),
    articleCount: t.exposeInt('articleCount', { description: '读出的条款数' }),
    repeals: t.exposeStringList('repeals', { description: '本文件废止或代替的文件文号' }),
    change: t.expose('change', {
      type: DocumentChangeEnum,
      description: '与数据库比较:NEW、UNCHANGED、CHANGED',
    }),
    fields: t.field({
      type: [FieldChange],
      description: 'CHANGED 时不同的字段',
      resolve: (d) => d.fields,
    }),
    textDiff: t.field({
      type: [DiffLine],
      description: 'CHANGED 时正文的差异行(含上下文)',
      resolve: (d) => d.textDiff,
    }),
  }),
});

const RateChange = builder
  .objectRef<ReviewedTable['changes'][number]>('GazetteRateChange')
  .implement({
    description: '新版本与前一版本相比改变的一项',
    fields: (t) => ({
      key: t.exposeString('key', { description: '条目键,如 311201069|TERTIARY_A' }),
      name: t.exposeString('name', { nullable: true, description: '项目名称' }),
      field: t.exposeString('field', {
        description: '变化的字段:amount、rate、attributes,或 added / removed',
      }),
      before: t.exposeString('before', { nullable: true, description: '原值' }),
      after: t.exposeString('after', { nullable: true, description: '新值' }),
    }),
  });

const ImportedTable = builder.objectRef<ReviewedTable>('GazetteImportTable').implement({
  description: '本期公报中的一张价格表(附件或正文中的标准)',
  fields: (t) => ({
    kind: t.expose('kind', { type: RateTableKindEnum, description: '价格表类别' }),
    docNo: t.exposeString('docNo', { description: '所属文件' }),
    name: t.exposeString('name', { description: '表名' }),
    tableKey: t.exposeString('tableKey', { description: '写入的价格表' }),
    action: t.expose('action', { type: TableActionEnum, description: '应用时的动作' }),
    effectiveFrom: t.field({
      type: 'Date',
      description: '新版本的生效日期(文件施行之日)',
      resolve: (x) => x.effectiveFrom,
    }),
    entryCount: t.exposeInt('entryCount', { description: '条目数' }),
    lineFrom: t.exposeInt('lineFrom', { description: '原文起始行' }),
    lineTo: t.exposeInt('lineTo', { description: '原文结束行' }),
    changes: t.field({
      type: [RateChange],
      description: 'NEW_VERSION 时与前一版本的差异',
      resolve: (x) => x.changes,
    }),
  }),
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
