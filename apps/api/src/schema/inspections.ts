import { formatQuarter, parseQuarter, type OrganizationCompliance as OrgCompliance, type RectificationProgress } from '@gazette/domain';
import type { NewMediaFinding as NewMediaFindingRow, WebsiteFinding as WebsiteFindingRow } from '@gazette/db';
import { builder, checkedMaxSize } from '../builder.ts';
import { findOrganizationCompliance } from '../services/inspections/find-organization-compliance.ts';
import { findRepeatFindings, type RepeatFindingWithBody } from '../services/inspections/find-repeat-findings.ts';
import { listOrganizationsCompliance, type OrganizationComplianceRow } from '../services/inspections/list-organizations-compliance.ts';
import { loadComplianceSummaries, type LoadedComplianceSummary } from '../services/inspections/load-compliance-summaries.ts';
import { loadRectificationProgress } from '../services/inspections/load-rectification-progress.ts';
import { Organization } from './organizations.ts';
import { direction, SortDirection } from './shared.ts';

export const DataGapKindEnum = builder.enumType('DataGapKind', {
  values: { BASE: { description: '上一年度基础数据' }, PROCESS: { description: '本年度过程数据' } },
});
export const AdoptionRatingEnum = builder.enumType('AdoptionRating', {
  values: { GOOD: { description: '信息采用情况较好' }, ZERO: { description: '采用为0条' } },
});

export const WebsiteFinding = builder.prismaNode('WebsiteFinding', {
  id: { field: 'id' },
  fields: (t) => ({
    siteSeq: t.exposeInt('siteSeq'),
    siteName: t.exposeString('siteName'),
    position: t.exposeInt('position'),
    description: t.exposeString('description'),
    rectified: t.exposeBoolean('rectified'),
    rectifiedOn: t.expose('rectifiedOn', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
    organization: t.relation('organization'),
    round: t.relation('round'),
  }),
});

export const NewMediaFinding = builder.prismaNode('NewMediaFinding', {
  id: { field: 'id' },
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    account: t.exposeString('account'),
    platform: t.exposeString('platform'),
    description: t.exposeString('description'),
    rectified: t.exposeBoolean('rectified', {
      nullable: true,
      description: '是否整改完成;null 表示未知(通报附件2不列整改情况,待管理员录入)',
    }),
    rectifiedOn: t.expose('rectifiedOn', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
    organization: t.relation('organization'),
    round: t.relation('round'),
  }),
});

builder.prismaObject('DataCollectionGap', {
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: DataGapKindEnum }),
    dataYear: t.exposeInt('dataYear'),
    position: t.exposeInt('position'),
    organization: t.relation('organization'),
  }),
});

builder.prismaObject('InformationAdoption', {
  fields: (t) => ({
    id: t.exposeID('id'),
    rating: t.expose('rating', { type: AdoptionRatingEnum }),
    position: t.exposeInt('position'),
    organization: t.relation('organization'),
  }),
});

const RectificationProgressRef = builder
  .objectRef<RectificationProgress>('RectificationProgress')
  .implement({
    fields: (t) => ({
      quarter: t.exposeString('quarter'),
      total: t.exposeInt('total'),
      rectified: t.exposeInt('rectified'),
      outstanding: t.exposeInt('outstanding'),
      ratio: t.exposeFloat('ratio', { description: 'For display only.' }),
      websiteTotal: t.int({ resolve: (p) => p.website.total }),
      websiteRectified: t.int({ resolve: (p) => p.website.rectified }),
      newMediaTotal: t.int({ resolve: (p) => p.newMedia.total }),
      newMediaRectified: t.int({ resolve: (p) => p.newMedia.rectified }),
    }),
  });

export const InspectionRound = builder.prismaNode('InspectionRound', {
  id: { field: 'id' },
  fields: (t) => ({
    quarter: t.exposeString('quarter'),
    windowStart: t.expose('windowStart', { type: 'Date' }),
    windowEnd: t.expose('windowEnd', { type: 'Date' }),
    cityPortalsChecked: t.exposeInt('cityPortalsChecked'),
    districtPortalsChecked: t.exposeInt('districtPortalsChecked'),
    departmentSitesChecked: t.exposeInt('departmentSitesChecked'),
    newMediaAccountsChecked: t.exposeInt('newMediaAccountsChecked'),
    newMediaDistricts: t.exposeInt('newMediaDistricts'),
    newMediaParks: t.exposeInt('newMediaParks'),
    newMediaDepartments: t.exposeInt('newMediaDepartments'),
    messagesReceived: t.exposeInt('messagesReceived'),
    messagesClosed: t.exposeInt('messagesClosed'),
    messagesOverdue: t.exposeInt('messagesOverdue'),
    version: t.exposeInt('version'),
    policy: t.relation('policy', { nullable: true }),
    websiteFindings: t.relatedConnection('websiteFindings', {
      cursor: 'id',
      maxSize: checkedMaxSize,
      args: { rectified: t.arg.boolean({ required: false }) },
      query: (args) => ({
        where: args.rectified == null ? {} : { rectified: args.rectified },
        orderBy: [{ siteSeq: 'asc' }, { position: 'asc' }],
      }),
      totalCount: true,
    }),
    newMediaFindings: t.relatedConnection('newMediaFindings', {
      cursor: 'id',
      maxSize: checkedMaxSize,
      args: { rectified: t.arg.boolean({ required: false }) },
      query: (args) => ({
        where: args.rectified == null ? {} : { rectified: args.rectified },
        orderBy: { seq: 'asc' },
      }),
      totalCount: true,
    }),
    dataGaps: t.relation('dataGaps', { query: { orderBy: [{ kind: 'asc' }, { position: 'asc' }] } }),
    adoptions: t.relation('adoptions', { query: { orderBy: [{ rating: 'asc' }, { position: 'asc' }] } }),
    rectificationProgress: t.field({
      type: RectificationProgressRef,
      select: { id: true },
      resolve: (round, _args, ctx) => loadRectificationProgress(ctx, round.id),
    }),
  }),
});

// ------------------------------------------------------------------ compliance (contract)

/** A quarter text as stored: 2024q4 → 2024Q4; anything else BAD_USER_INPUT. */
const quarterOf = (text: string) => formatQuarter(parseQuarter(text, 'quarter'));

const ComplianceSummaryRef = builder.objectRef<LoadedComplianceSummary>('ComplianceSummary').implement({
  fields: (t) => ({
    quarter: t.exposeString('quarter'),
    websitesChecked: t.exposeInt('websitesChecked'),
    websitesWithIssues: t.exposeInt('websitesWithIssues'),
    websiteIssues: t.exposeInt('websiteIssues'),
    websiteIssuesRectified: t.exposeInt('websiteIssuesRectified'),
    newMediaAccountsChecked: t.exposeInt('newMediaAccountsChecked'),
    newMediaAccountsWithIssues: t.exposeInt('newMediaAccountsWithIssues'),
    messagesReceived: t.exposeInt('messagesReceived'),
    messagesClosed: t.exposeInt('messagesClosed'),
    baseDataMissing: t.field({ type: [Organization], resolve: (s) => s.baseDataMissing.map((id) => s.orgs.get(id)!) }),
    processDataMissing: t.field({ type: [Organization], resolve: (s) => s.processDataMissing.map((id) => s.orgs.get(id)!) }),
  }),
});

// The domain's findings here are the database rows (rectifiedOn as a plain date, which the Date scalar serialises alike).
const OrganizationComplianceRef = builder.objectRef<OrgCompliance>('OrganizationCompliance').implement({
  fields: (t) => ({
    quarter: t.exposeString('quarter'),
    websiteIssues: t.field({ type: [WebsiteFinding], resolve: (c) => c.websiteIssues as unknown as WebsiteFindingRow[] }),
    newMediaIssues: t.field({ type: [NewMediaFinding], resolve: (c) => c.newMediaIssues as unknown as NewMediaFindingRow[] }),
    baseDataMissing: t.exposeBoolean('baseDataMissing'),
    processDataMissing: t.exposeBoolean('processDataMissing'),
    adoption: t.field({ type: AdoptionRatingEnum, nullable: true, resolve: (c) => c.adoption }),
  }),
});

const RepeatFindingRef = builder.objectRef<RepeatFindingWithBody>('RepeatFinding').implement({
  fields: (t) => ({
    organization: t.field({ type: Organization, resolve: (r) => r.organization }),
    channel: t.exposeString('channel'),
    subject: t.exposeString('subject'),
    issue: t.exposeString('issue'),
    quarters: t.exposeStringList('quarters'),
  }),
});

builder.prismaObjectFields('Organization', (t) => ({
  compliance: t.field({
    type: OrganizationComplianceRef,
    nullable: true,
    description: "This body's findings in a quarter's inspection; null when no round exists.",
    args: { quarter: t.arg.string({ required: true }) },
    select: { id: true },
    resolve: (org, args, ctx) => findOrganizationCompliance(ctx, quarterOf(args.quarter), org.id),
  }),
}));

export const InspectionRoundFilter = builder.inputType('InspectionRoundFilter', {
  fields: (t) => ({ year: t.int({ required: false }) }),
});

const OrganizationComplianceRowRef = builder.objectRef<OrganizationComplianceRow>('OrganizationComplianceRow').implement({
  description: "One body's line in a quarter's compliance table.",
  fields: (t) => ({
    organization: t.field({ type: Organization, resolve: (r) => r.organization }),
    websiteIssues: t.exposeInt('websiteIssues'),
    websiteIssuesRectified: t.exposeInt('websiteIssuesRectified'),
    newMediaIssues: t.exposeInt('newMediaIssues'),
    newMediaIssuesRectified: t.exposeInt('newMediaIssuesRectified'),
    baseDataMissing: t.exposeBoolean('baseDataMissing'),
    processDataMissing: t.exposeBoolean('processDataMissing'),
    adoption: t.field({ type: AdoptionRatingEnum, nullable: true, resolve: (r) => r.adoption }),
  }),
});

builder.queryFields((t) => ({
  // Every quarter's headline figures, oldest first (trend charts).
  complianceSummaries: t.field({
    type: [ComplianceSummaryRef],
    resolve: (_root, _args, ctx) => loadComplianceSummaries(ctx.prisma, null),
  }),
  // Every body named in a quarter's round, with its findings counted (the compliance table).
  organizationsCompliance: t.field({
    type: [OrganizationComplianceRowRef],
    args: { quarter: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => listOrganizationsCompliance(ctx.prisma, quarterOf(args.quarter)),
  }),
  complianceSummary: t.field({
    type: ComplianceSummaryRef,
    nullable: true,
    args: { quarter: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => (await loadComplianceSummaries(ctx.prisma, quarterOf(args.quarter)))[0] ?? null,
  }),
  inspectionRound: t.prismaField({
    type: 'InspectionRound',
    nullable: true,
    args: { quarter: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.inspectionRound.findUnique({
        ...query,
        where: { quarter: quarterOf(args.quarter) },
      }),
  }),
  inspectionRounds: t.prismaConnection({
    type: 'InspectionRound',
    cursor: 'id',
    maxSize: checkedMaxSize,
    args: {
      filter: t.arg({ type: InspectionRoundFilter, required: false }),
      direction: t.arg({ type: SortDirection, required: false, description: 'By quarter.' }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.inspectionRound.findMany({
        ...query,
        where: args.filter?.year ? { quarter: { startsWith: String(args.filter.year) } } : {},
        orderBy: [{ quarter: direction(args.direction) }],
      }),
    totalCount: (_p, args, ctx) =>
      ctx.prisma.inspectionRound.count({
        where: args.filter?.year ? { quarter: { startsWith: String(args.filter.year) } } : {},
      }),
  }),
  // The same body with the same problem in consecutive quarters.
  repeatFindings: t.field({
    type: [RepeatFindingRef],
    args: { matchIssue: t.arg.boolean({ required: false, defaultValue: true }) },
    resolve: (_root, args, ctx) => findRepeatFindings(ctx.prisma, { matchIssue: args.matchIssue ?? true }),
  }),
}));
