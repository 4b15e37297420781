import {
  addDays,
  badInput,
  daysBetween,
  policyLastDay,
  normalizeSearchText,
  parseDocNo,
  policyStatus,
  ZPolicyFilter,
  type PlainDate,
} from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import { builder, checkedMaxSize } from '../builder.ts';
import { asOfOrToday, dbDate, direction, plain, SortDirection } from './shared.ts';
import { Organization } from './organizations.ts';
import { bodyNameWhere } from '../services/organizations/resolve-body.ts';
import { likeText } from './shared.ts';

export const PolicyCategoryEnum = builder.enumType('PolicyCategory', {
  values: {
    MUNICIPAL_GOVERNMENT: { description: '市政府文件' },
    GOVERNMENT_OFFICE: { description: '市政府办公室文件' },
    DEPARTMENT: { description: '部门文件' },
  },
});

export const PolicyStatusEnum = builder.enumType('PolicyStatus', {
  values: {
    NOT_YET_EFFECTIVE: { description: '尚未施行' },
    IN_FORCE: { description: '有效' },
    EXPIRED: { description: '已失效(有效期或试行期届满)' },
    REPEALED: { description: '已废止(被另一文件废止或代替,自该文件施行之日起)' },
  },
});

interface PolicySourceShape {
  issueLabel: string;
  page: number | null;
  lineFrom: number | null;
  lineTo: number | null;
}

export const PolicySource = builder.objectRef<PolicySourceShape>('PolicySource').implement({
  description: '文件的出处:公报期次与页码,以及在该期公报原文中的行号范围',
  fields: (t) => ({
    issueLabel: t.exposeString('issueLabel', { description: '公报期次,如 2024年第12期' }),
    page: t.exposeInt('page', { nullable: true, description: '目录所列页码' }),
    lineFrom: t.exposeInt('lineFrom', { nullable: true, description: '原文起始行(1 起)' }),
    lineTo: t.exposeInt('lineTo', { nullable: true, description: '原文结束行' }),
  }),
});

export const PolicyArticle = builder.prismaObject('PolicyArticle', {
  description: '文件的一条或一个编号部分',
  fields: (t) => ({
    number: t.exposeString('number', { description: '原文编号:第十三条、二、(八)' }),
    path: t.exposeString('path', { description: '文件内唯一的位置,如 二(八)、第十三条' }),
    text: t.exposeString('text', { description: '该条全文' }),
    lineFrom: t.exposeInt('lineFrom', { description: '在公报原文中的起始行' }),
    lineTo: t.exposeInt('lineTo', { description: '在公报原文中的结束行' }),
  }),
});

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
          { effectiveFrom: plain(policy.effectiveFrom), expiresOn: plain(policy.expiresOn), repealedOn: plain(policy.repealedOn) },
          asOfOrToday(args.asOf),
        ),
    }),
    repealedBy: t.relation('repealedBy', {
      nullable: true,
      description: '废止或代替本文件的文件(自其施行之日起本文件为 REPEALED);未被废止时为 null',
    }),
    repealedOn: t.expose('repealedOn', { type: 'Date', nullable: true, description: '被废止之日(废止文件的施行日期)' }),
    source: t.field({
      type: PolicySource,
      nullable: true,
      description: '刊登本文件的公报期次、页码与原文行号;手工录入的文件为 null',
      select: { issueLabel: true, page: true, lineFrom: true, lineTo: true, sourceIssueId: true },
      resolve: (p) => (p.issueLabel === null ? null : { issueLabel: p.issueLabel, page: p.page, lineFrom: p.lineFrom, lineTo: p.lineTo }),
    }),
    text: t.exposeString('text', { nullable: true, description: '文件全文(按公报原文)' }),
    daysLeft: t.int({
      nullable: true,
      description: '距最后有效日的天数(当天为 0;已失效或已废止为负数);无有效期限时为 null',
      args: { asOf: t.arg({ type: 'Date', required: false, description: '计算日期,缺省为今天(Asia/Shanghai)' }) },
      select: { expiresOn: true, repealedOn: true },
      resolve: (p, args) => {
        const last = policyLastDay({ expiresOn: plain(p.expiresOn), repealedOn: plain(p.repealedOn) });
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
    asOf: t.field({ type: 'Date', required: false, description: 'Date the status is judged on; today when omitted.' }),
    search: t.string({ required: false, description: 'Title or document number (any bracket form).' }),
    issuer: t.string({ required: false, description: 'Official name or alias of an issuing body.' }),
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

export interface PolicyFilterValue {
  status?: 'NOT_YET_EFFECTIVE' | 'IN_FORCE' | 'EXPIRED' | 'REPEALED' | null;
  asOf?: PlainDate | null;
  search?: string | null;
  issuer?: string | null;
  category?: 'MUNICIPAL_GOVERNMENT' | 'GOVERNMENT_OFFICE' | 'DEPARTMENT' | null;
}

/** The filter of the contract's `policies` as a Prisma where (status is judged on asOf). */
export function policyWhere(filter: PolicyFilterValue | null | undefined): Prisma.PolicyWhereInput {
  if (!filter) return {};
  const and: Prisma.PolicyWhereInput[] = [];
  if (filter.status) {
    const day = dbDate(asOfOrToday(filter.asOf));
    // In force from effectiveFrom through expiresOn, both inclusive (policyStatus in the domain).
    if (filter.status === 'NOT_YET_EFFECTIVE') and.push({ effectiveFrom: { gt: day } });
    const notRepealed: Prisma.PolicyWhereInput = { OR: [{ repealedOn: null }, { repealedOn: { gt: day } }] };
    if (filter.status === 'EXPIRED') and.push({ expiresOn: { lt: day } }, notRepealed);
    if (filter.status === 'REPEALED') and.push({ effectiveFrom: { lte: day }, repealedOn: { lte: day } });
    if (filter.status === 'IN_FORCE') {
      and.push({ effectiveFrom: { lte: day }, OR: [{ expiresOn: null }, { expiresOn: { gte: day } }] }, notRepealed);
    }
  }
  const search = filter.search?.trim();
  if (search) {
    const needle = normalizeSearchText(search);
    const parsed = parseDocNo(search);
    and.push({
      OR: [
        { title: { contains: likeText(search), mode: 'insensitive' } },
        { title: { contains: likeText(needle), mode: 'insensitive' } },
        { docNo: { contains: likeText(parsed ? parsed.docNo : needle), mode: 'insensitive' } },
      ],
    });
  }
  if (filter.issuer?.trim()) {
    and.push({ issuers: { some: { organization: bodyNameWhere(filter.issuer) } } });
  }
  if (filter.category) and.push({ category: filter.category });
  return and.length ? { AND: and } : {};
}

const POLICY_SORT_COLUMNS = {
  DOC_NO: 'docNo',
  TITLE: 'title',
  SIGNED_ON: 'signedOn',
  EFFECTIVE_FROM: 'effectiveFrom',
  EXPIRES_ON: 'expiresOn',
} as const;

export function policyOrderBy(
  field: keyof typeof POLICY_SORT_COLUMNS | null | undefined,
  dir: 'ASC' | 'DESC' | null | undefined,
): Prisma.PolicyOrderByWithRelationInput[] {
  const column = POLICY_SORT_COLUMNS[field ?? 'SIGNED_ON'];
  return [{ [column]: direction(dir) }, { id: 'asc' }];
}

/** Longest look-ahead of expiringPolicies: ten years. */
export const MAX_WITHIN_DAYS = 3650;

builder.queryFields((t) => ({
  // Validity watch (contract NEXT.md): documents whose last day falls within withinDays of asOf.
  expiringPolicies: t.prismaField({
    type: ['Policy'],
    description: '有效期在 asOf 起 withinDays 天内(含)届满的文件,最先届满的在前;已废止的不列',
    args: {
      asOf: t.arg({ type: 'Date', required: false, description: '起算日期,缺省为今天(Asia/Shanghai)' }),
      withinDays: t.arg.int({ required: true, description: `天数,0–${MAX_WITHIN_DAYS}` }),
    },
    resolve: (query, _root, args, ctx) => {
      if (args.withinDays < 0 || args.withinDays > MAX_WITHIN_DAYS) {
        throw badInput('withinDays', `withinDays(天数)应为 0–${MAX_WITHIN_DAYS} 的整数:${args.withinDays}`);
      }
      const from = asOfOrToday(args.asOf);
      const to = addDays(from, args.withinDays);
      return ctx.prisma.policy.findMany({
        ...query,
        where: {
          expiresOn: { gte: dbDate(from), lte: dbDate(to) },
          // A document repealed by then has no expiry left to watch.
          OR: [{ repealedOn: null }, { repealedOn: { gt: dbDate(from) } }],
        },
        orderBy: [{ expiresOn: 'asc' }, { docNo: 'asc' }],
      });
    },
  }),
  // Every printed variant of a number (〔〕, [], ［］, OCR spaces) finds the same document.
  policy: t.prismaField({
    type: 'Policy',
    nullable: true,
    args: { docNo: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const parsed = parseDocNo(args.docNo);
      if (!parsed) return null;
      return ctx.prisma.policy.findUnique({ ...query, where: { docNo: parsed.docNo } });
    },
  }),
  policies: t.prismaConnection({
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
    totalCount: (_parent, args, ctx) => ctx.prisma.policy.count({ where: policyWhere(args.filter) }),
  }),
}));
