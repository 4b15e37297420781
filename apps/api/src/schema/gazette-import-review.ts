// What a draft import of a gazette issue shows before it is applied: each document and rate table
// read, compared with the database, and the problems by line (prisma/src/gazette-import/review.ts).
// The import itself, its queries and its writes: gazette-imports.ts.
import type { ReviewedDocument, ReviewedTable } from '@gazette/db/gazette-import/index';
import { builder } from '../builder.ts';
import { PolicyCategoryEnum } from './policy-parts.ts';
import { RateTableKindEnum } from './rates.ts';

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

export const ImportProblem = builder
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

export const ImportedDocument = builder
  .objectRef<ReviewedDocument>('GazetteImportDocument')
  .implement({
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

export const ImportedTable = builder.objectRef<ReviewedTable>('GazetteImportTable').implement({
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
