// Policies (政策文件): the type, the contract's queries and the dashboard's page list (the
// administrators' writes are in policy-writes.ts). Rules live in services/policies.
import {
  daysBetween,
  parseDocNo,
  policyLastDay,
  policyStatus,
  ZPolicyFilter,
} from '@gazette/domain';
import { builder, checkedMaxSize } from '../builder.ts';
import { totalCount, TOTAL_COUNT_NOTE } from '../services/paging.ts';
import {
  listExpiringPolicies,
  MAX_WITHIN_DAYS,
} from '../services/policies/list-expiring-policies.ts';
import { policyOrderBy } from '../services/policies/policy-order-by.ts';
import { policyWhere, type PolicyFilterValue } from '../services/policies/policy-where.ts';
import { Organization } from './organizations.ts';
import { definePage } from './pagination.ts';
import { PolicyCategoryEnum, PolicySource, PolicyStatusEnum } from './policy-parts.ts';

export { PolicyCategoryEnum, PolicyStatusEnum };
import './policy-writes.ts';
import { asOfOrToday, plain, SortDirection } from './shared.ts';

export const Policy = builder.prismaNode('Policy', {
  id: { field: 'id' },
  fields: (t) => ({
    docNo: t.exposeString('docNo'),
    prefix: t.exposeString('prefix'),
    year: t.exposeInt('year'),
    serial: t.exposeInt('serial'),
    title: t.exposeString('title'),
    category: t.expose('category', { type: PolicyCategoryEnum }),
    signedOn: t.expose('signedOn', { type: 'Date' }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    expiresOn: t.expose('expiresOn', { type: 'Date', nullable: true }),
    isTrial: t.exposeBoolean('isTrial'),
    validityClause: t.exposeString('validityClause', { nullable: true }),
    issueLabel: t.exposeString('issueLabel', { nullable: true }),
    page: t.exposeInt('page', { nullable: true }),
    summary: t.exposeString('summary', { nullable: true }),
    version: t.exposeInt('version'),
    // Every issuing body, in the order printed (contract README, "Policies").
    issuers: t.field({
      type: [Organization],
      select: (_args, _ctx, nested) => ({
        issuers: { orderBy: { position: 'asc' }, select: { organization: nested() } },
      }),
      resolve: (policy) => policy.issuers.map((i) => i.organization),
    }),
    status: t.field({
      type: PolicyStatusEnum,
      args: { asOf: t.arg({ type: 'Date', required: false }) },
      select: { effectiveFrom: true, expiresOn: true, repealedOn: true },
      resolve: (policy, args) =>
        policyStatus(
          {
            effectiveFrom: plain(policy.effectiveFrom),
            expiresOn: plain(policy.expiresOn),
            repealedOn: plain(policy.repealedOn),
          },
          asOfOrToday(args.asOf),
        ),
    }),
    repealedBy: t.relation('repealedBy', {
      nullable: true,
      description: '废止或代替本文件的文件(自其施行之日起本文件为 REPEALED);未被废止时为 null',
    }),
    repealedOn: t.expose('repealedOn', {
      type: 'Date',
      nullable: true,
      description: '被废止之日(废止文件的施行日期)',
    }),
    source: t.field({
      type: PolicySource,
      nullable: true,
      description: '刊登本文件的公报期次、页码与原文行号;手工录入的文件为 null',
      select: { issueLabel: true, page: true, lineFrom: true, lineTo: true, sourceIssueId: true },
      resolve: (p) =>
        p.issueLabel === null
          ? null
          : { issueLabel: p.issueLabel, page: p.page, lineFrom: p.lineFrom, lineTo: p.lineTo },
    }),
    text: t.exposeString('text', { nullable: true, description: '文件全文(按公报原文)' }),
    daysLeft: t.int({
      nullable: true,
      description: '距最后有效日的天数(当天为 0;已失效或已废止为负数);无有效期限时为 null',
      args: {
        asOf: t.arg({
          type: 'Date',
          required: false,
          description: '计算日期,缺省为今天(Asia/Shanghai)',
        }),
      },
      select: { expiresOn: true, repealedOn: true },
      resolve: (p, args) => {
        const last = policyLastDay({
          expiresOn: plain(p.expiresOn),
          repealedOn: plain(p.repealedOn),
        });
        return last === null ? null : daysBetween(asOfOrToday(args.asOf), last);
      },
    }),
    articles: t.relation('articles', {
      description: '正文各条/各部分,按原文顺序;number 为原文编号(第十三条、二、(八))',
      query: { orderBy: { position: 'asc' } },
    }),
    rateTables: t.relation('rateTables', { query: { orderBy: { key: 'asc' } } }),
    inspectionRounds: t.relation('inspectionRounds', { query: { orderBy: { quarter: 'asc' } } }),
  }),
});

export const PolicyFilter = builder.inputType('PolicyFilter', {
  fields: (t) => ({
    status: t.field({ type: PolicyStatusEnum, required: false }),
    asOf: t.field({
      type: 'Date',
      required: false,
      description: 'Date the status is judged on; today when omitted.',
    }),
    search: t.string({
      required: false,
      description: 'Title or document number (any bracket form).',
    }),
    issuer: t.string({
      required: false,
      description: 'Official name or alias of an issuing body.',
    }),
    category: t.field({ type: PolicyCategoryEnum, required: false }),
  }),
  validate: ZPolicyFilter,
});

export const PolicySortField = builder.enumType('PolicySortField', {
  values: ['DOC_NO', 'TITLE', 'SIGNED_ON', 'EFFECTIVE_FROM', 'EXPIRES_ON'] as const,
});

export const PolicySort = builder.inputType('PolicySort', {
  fields: (t) => ({
    field: t.field({ type: PolicySortField, required: true }),
    direction: t.field({ type: SortDirection, required: false }),
  }),
});

definePage<PolicyFilterValue & { ids?: string[] | null; q?: string | null }>({
  field: 'policiesPage',
  label: '规范性文件',
  type: 'Policy',
  model: 'policy',
  sortable: ['docNo', 'title', 'category', 'signedOn', 'effectiveFrom', 'expiresOn', 'updatedAt'],
  defaultSort: 'signedOn',
  where: (f) => policyWhere({ ...f, search: f.q }),
  filter: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false, description: 'Title or document number.' }),
    status: t.field({ type: PolicyStatusEnum, required: false }),
    asOf: t.field({ type: 'Date', required: false }),
    issuer: t.string({ required: false }),
    category: t.field({ type: PolicyCategoryEnum, required: false }),
  }),
});

builder.queryFields((t) => ({
  expiringPolicies: t.prismaField({
    type: ['Policy'],
    description: '有效期在 asOf 起 withinDays 天内(含)届满的文件,最先届满的在前;已废止的不列',
    args: {
      asOf: t.arg({
        type: 'Date',
        required: false,
        description: '起算日期,缺省为今天(Asia/Shanghai)',
      }),
      withinDays: t.arg.int({ required: true, description: `天数,0–${MAX_WITHIN_DAYS}` }),
    },
    resolve: (query, _root, args, ctx) => listExpiringPolicies(ctx, args, query),
  }),
  // Every printed variant of a number (〔〕, [], ［］, OCR spaces) finds the same document.
  policy: t.prismaField({
    type: 'Policy',
    nullable: true,
    args: { docNo: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const parsed = parseDocNo(args.docNo);
      return parsed
        ? ctx.prisma.policy.findUnique({ ...query, where: { docNo: parsed.docNo } })
        : null;
    },
  }),
  policies: t.prismaConnection({
    description: TOTAL_COUNT_NOTE,
    type: 'Policy',
    cursor: 'id',
    maxSize: checkedMaxSize,
    args: {
      filter: t.arg({ type: PolicyFilter, required: false }),
      sort: t.arg({ type: PolicySort, required: false }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.policy.findMany({
        ...query,
        where: policyWhere(args.filter),
        orderBy: policyOrderBy(args.sort?.field, args.sort?.direction),
      }),
    totalCount: (_parent, args, ctx) => {
      const where = policyWhere(args.filter);
      return totalCount(ctx.prisma, 'Policy', where, () => ctx.prisma.policy.count({ where }));
    },
  }),
}));
