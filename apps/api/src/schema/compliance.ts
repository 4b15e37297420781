// Compliance (contract): a quarter's figures, each body's findings and the compliance table, and
// problems repeated over consecutive quarters (repeat-findings.ts) — each computed by a service in SQL.
import type { AdoptionRating, OrganizationCompliance as OrgCompliance } from '@gazette/domain';
import type {
  NewMediaFinding as NewMediaFindingRow,
  WebsiteFinding as WebsiteFindingRow,
} from '@gazette/db';
import { builder } from '../builder.ts';
import { findOrganizationCompliance } from '../services/inspections/find-organization-compliance.ts';
import {
  listOrganizationsCompliance,
  type OrganizationComplianceRow,
} from '../services/inspections/list-organizations-compliance.ts';
import {
  loadComplianceSummaries,
  type LoadedComplianceSummary,
} from '../services/inspections/load-compliance-summaries.ts';
import { NewMediaFinding, WebsiteFinding } from './inspection-findings.ts';
import { AdoptionRatingEnum, roundFigureFields } from './inspections.ts';
import { Organization } from './organizations.ts';
import { quarterOf, type BuilderTypes } from './shared.ts';
import { checkPageSize, MAX_PAGE_SIZE } from '../services/paging.ts';

/** A body's standing in a quarter beyond its findings: 附件3 and the information adoption rating. */
interface BodyStanding {
  baseDataMissing: boolean;
  processDataMissing: boolean;
  adoption: AdoptionRating | null;
}

/** The standing fields, alike on a body's compliance and on its row of the compliance table. */
function bodyStandingFields<Shape extends BodyStanding>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>,
) {
  return {
    baseDataMissing: t.boolean({
      description: '是否未更新上一年度基础数据(附件3)',
      resolve: (c) => c.baseDataMissing,
    }),
    processDataMissing: t.boolean({
      description: '是否未更新本年度过程数据(附件3)',
      resolve: (c) => c.processDataMissing,
    }),
    adoption: t.field({
      description: '网站信息采用情况的评价;未被点名时为 null',
      type: AdoptionRatingEnum,
      nullable: true,
      resolve: (c) => c.adoption,
    }),
  };
}

const ComplianceSummaryRef = builder
  .objectRef<LoadedComplianceSummary>('ComplianceSummary')
  .implement({
    description: '一个季度检查的汇总数据(按季度检查情况通报正文所列)',
    fields: (t) => ({
      ...roundFigureFields(t),
      websitesChecked: t.exposeInt('websitesChecked', {
        description:
          '检查的政府网站数:市政府门户网站、区县政府门户网站与市级部门网站之和(泸市府室发〔2024〕34号 一(一))',
      }),
      websitesWithIssues: t.exposeInt('websitesWithIssues', {
        description: '发现问题的网站数(附件1 中不同的序号数)',
      }),
      websiteIssues: t.exposeInt('websiteIssues', { description: '网站问题总数' }),
      websiteIssuesRectified: t.exposeInt('websiteIssuesRectified', {
        description: '其中已整改的网站问题数',
      }),
      newMediaAccountsWithIssues: t.exposeInt('newMediaAccountsWithIssues', {
        description: '发现问题的新媒体账号数(附件2 中不同的序号数)',
      }),
      baseDataMissing: t.field({
        description: '未更新上一年度基础数据的单位(附件3)',
        type: [Organization],
        resolve: (s) => s.baseDataMissing.map((id) => s.orgs.get(id)!),
      }),
      processDataMissing: t.field({
        description: '未更新本年度过程数据的单位(附件3)',
        type: [Organization],
        resolve: (s) => s.processDataMissing.map((id) => s.orgs.get(id)!),
      }),
    }),
  });

// The domain's findings here are the database rows (rectifiedOn as a plain date, which the Date scalar serialises alike).
const OrganizationComplianceRef = builder
  .objectRef<OrgCompliance>('OrganizationCompliance')
  .implement({
    description: '一个单位在某季度检查中的情况',
    fields: (t) => ({
      quarter: t.exposeString('quarter', { description: '季度,如 2024Q4' }),
      websiteIssues: t.field({
        description: '该单位网站被发现的问题(附件1)',
        type: [WebsiteFinding],
        resolve: (c) => c.websiteIssues as unknown as WebsiteFindingRow[],
      }),
      newMediaIssues: t.field({
        description: '该单位新媒体被发现的问题(附件2)',
        type: [NewMediaFinding],
        resolve: (c) => c.newMediaIssues as unknown as NewMediaFindingRow[],
      }),
      ...bodyStandingFields(t),
    }),
  });

builder.prismaObjectFields('Organization', (t) => ({
  compliance: t.field({
    type: OrganizationComplianceRef,
    nullable: true,
    description: '该单位在某季度检查中的情况;该季度没有检查轮次时为 null',
    args: { quarter: t.arg.string({ description: '季度,如 2024Q4', required: true }) },
    select: { id: true },
    resolve: (org, args, ctx) => findOrganizationCompliance(ctx, quarterOf(args.quarter), org.id),
  }),
}));
const OrganizationComplianceRowRef = builder
  .objectRef<OrganizationComplianceRow>('OrganizationComplianceRow')
  .implement({
    description: '某季度达标情况表中一个单位的一行',
    fields: (t) => ({
      organization: t.field({
        description: '单位',
        type: Organization,
        resolve: (r) => r.organization,
      }),
      websiteIssues: t.exposeInt('websiteIssues', { description: '该单位网站的问题数' }),
      websiteIssuesRectified: t.exposeInt('websiteIssuesRectified', {
        description: '其中已整改的',
      }),
      newMediaIssues: t.exposeInt('newMediaIssues', { description: '该单位新媒体的问题数' }),
      newMediaIssuesRectified: t.exposeInt('newMediaIssuesRectified', {
        description: '其中已整改的',
      }),
      ...bodyStandingFields(t),
    }),
  });
builder.queryFields((t) => ({
  // Every quarter's headline figures, oldest first (trend charts).
  complianceSummaries: t.field({
    description:
      '每个季度的汇总数据,最早的在前(用于趋势图)。不给 last 时返回全部季度(随历史增长);' +
      '趋势图通常只需最近几个季度,请给 last',
    type: [ComplianceSummaryRef],
    args: {
      last: t.arg.int({
        description: `只返回最近的 last 个季度(1–${MAX_PAGE_SIZE}),仍按时间先后排列;缺省返回全部季度`,
        required: false,
      }),
    },
    resolve: (_root, args, ctx) =>
      loadComplianceSummaries(ctx.prisma, null, {
        last: args.last == null ? null : checkPageSize('last', args.last, 1),
      }),
  }),
  // Every body named in a quarter's round, with its findings counted (the compliance table).
  organizationsCompliance: t.field({
    description: '某季度检查中被点名的每个单位及其问题数(达标情况表)',
    type: [OrganizationComplianceRowRef],
    args: { quarter: t.arg.string({ description: '季度,如 2024Q4', required: true }) },
    resolve: (_root, args, ctx) => listOrganizationsCompliance(ctx.prisma, quarterOf(args.quarter)),
  }),
  complianceSummary: t.field({
    description: '某季度的汇总数据;该季度没有检查轮次时为 null',
    type: ComplianceSummaryRef,
    nullable: true,
    args: { quarter: t.arg.string({ description: '季度,如 2024Q4', required: true }) },
    resolve: async (_root, args, ctx) =>
      (await loadComplianceSummaries(ctx.prisma, quarterOf(args.quarter)))[0] ?? null,
  }),
}));
