import {
  complianceSummary,
  formatQuarter,
  organizationCompliance,
  parseQuarter,
  rectificationProgress,
  repeatFindings,
  type InspectionRound as DomainRound,
} from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import type { GazetteContext } from '../context.ts';
import { builder, checkedMaxSize } from '../builder.ts';
import { Organization } from './organizations.ts';
import { direction, plain, SortDirection } from './shared.ts';

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
  .objectRef<ReturnType<typeof rectificationProgress>>('RectificationProgress')
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
      select: { quarter: true },
      resolve: async (round, _args, ctx) => rectificationProgress((await loadRound(ctx, round.quarter))!.domain),
    }),
  }),
});

// ------------------------------------------------------------------ compliance (contract)

const roundInclude = {
  websiteFindings: { include: { organization: true } },
  newMediaFindings: { include: { organization: true } },
  dataGaps: { include: { organization: true } },
  adoptions: { include: { organization: true } },
} satisfies Prisma.InspectionRoundInclude;

type RoundRow = Prisma.InspectionRoundGetPayload<{ include: typeof roundInclude }>;

export interface LoadedRound {
  row: RoundRow;
  /** The domain's view, organizationId = database id; findings are the database rows. */
  domain: DomainRound;
}

function toDomainRound(row: RoundRow): DomainRound {
  const finding = <T extends { rectifiedOn: Date | null }>(f: T) => ({ ...f, rectifiedOn: plain(f.rectifiedOn) });
  return {
    ...row,
    policyDocNo: null,
    windowStart: plain(row.windowStart),
    windowEnd: plain(row.windowEnd),
    websiteFindings: row.websiteFindings.map(finding),
    newMediaFindings: row.newMediaFindings.map(finding),
    dataGaps: row.dataGaps,
    adoptions: row.adoptions,
  };
}

/** A quarter's round with all its children, loaded once per request. */
export async function loadRound(ctx: GazetteContext, quarterText: string): Promise<LoadedRound | null> {
  const quarter = formatQuarter(parseQuarter(quarterText, 'quarter'));
  const key = `round:${quarter}`;
  const cached = ctx.cache.get(key) as Promise<LoadedRound | null> | undefined;
  if (cached) return cached;
  const loading = ctx.prisma.inspectionRound
    .findUnique({ where: { quarter }, include: roundInclude })
    .then((row) => (row ? { row, domain: toDomainRound(row) } : null));
  ctx.cache.set(key, loading);
  return loading;
}

type OrgRow = RoundRow['dataGaps'][number]['organization'];
type Summary = ReturnType<typeof complianceSummary> & { orgs: Map<string, OrgRow> };

const ComplianceSummaryRef = builder.objectRef<Summary>('ComplianceSummary').implement({
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

type OrgCompliance = ReturnType<typeof organizationCompliance>;

const OrganizationComplianceRef = builder.objectRef<OrgCompliance>('OrganizationCompliance').implement({
  fields: (t) => ({
    quarter: t.exposeString('quarter'),
    websiteIssues: t.field({
      type: [WebsiteFinding],
      resolve: (c) => c.websiteIssues as unknown as RoundRow['websiteFindings'],
    }),
    newMediaIssues: t.field({
      type: [NewMediaFinding],
      resolve: (c) => c.newMediaIssues as unknown as RoundRow['newMediaFindings'],
    }),
    baseDataMissing: t.exposeBoolean('baseDataMissing'),
    processDataMissing: t.exposeBoolean('processDataMissing'),
    adoption: t.field({ type: AdoptionRatingEnum, nullable: true, resolve: (c) => c.adoption }),
  }),
});

const RepeatFindingRef = builder
  .objectRef<ReturnType<typeof repeatFindings>[number] & { organization: OrgRow }>('RepeatFinding')
  .implement({
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
    resolve: async (org, args, ctx) => {
      const round = await loadRound(ctx, args.quarter);
      return round ? organizationCompliance(round.domain, org.id) : null;
    },
  }),
}));

export const InspectionRoundFilter = builder.inputType('InspectionRoundFilter', {
  fields: (t) => ({ year: t.int({ required: false }) }),
});

const OrganizationComplianceRowRef = builder
  .objectRef<OrgCompliance & { organization: OrgRow }>('OrganizationComplianceRow')
  .implement({
    description: "One body's line in a quarter's compliance table.",
    fields: (t) => ({
      organization: t.field({ type: Organization, resolve: (r) => r.organization }),
      websiteIssues: t.int({ resolve: (r) => r.websiteIssues.length }),
      websiteIssuesRectified: t.int({ resolve: (r) => r.websiteIssues.filter((f) => f.rectified).length }),
      newMediaIssues: t.int({ resolve: (r) => r.newMediaIssues.length }),
      newMediaIssuesRectified: t.int({ resolve: (r) => r.newMediaIssues.filter((f) => f.rectified).length }),
      baseDataMissing: t.exposeBoolean('baseDataMissing'),
      processDataMissing: t.exposeBoolean('processDataMissing'),
      adoption: t.field({ type: AdoptionRatingEnum, nullable: true, resolve: (r) => r.adoption }),
    }),
  });

function summaryOf(round: LoadedRound): Summary {
  const orgs = new Map(round.row.dataGaps.map((g) => [g.organizationId, g.organization]));
  return { ...complianceSummary(round.domain), orgs };
}

builder.queryFields((t) => ({
  // Every quarter's headline figures, oldest first (trend charts).
  complianceSummaries: t.field({
    type: [ComplianceSummaryRef],
    resolve: async (_root, _args, ctx) => {
      const rows = await ctx.prisma.inspectionRound.findMany({ include: roundInclude, orderBy: { quarter: 'asc' } });
      return rows.map((row) => summaryOf({ row, domain: toDomainRound(row) }));
    },
  }),
  // Every body named in a quarter's round, with its findings counted (the compliance table).
  organizationsCompliance: t.field({
    type: [OrganizationComplianceRowRef],
    args: { quarter: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const round = await loadRound(ctx, args.quarter);
      if (!round) return [];
      const orgs = new Map<string, OrgRow>();
      const r = round.row;
      for (const x of [...r.websiteFindings, ...r.newMediaFindings, ...r.dataGaps, ...r.adoptions]) orgs.set(x.organizationId, x.organization);
      return [...orgs.values()]
        .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
        .map((organization) => ({ ...organizationCompliance(round.domain, organization.id), organization }));
    },
  }),
  complianceSummary: t.field({
    type: ComplianceSummaryRef,
    nullable: true,
    args: { quarter: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const round = await loadRound(ctx, args.quarter);
      return round ? summaryOf(round) : null;
    },
  }),
  inspectionRound: t.prismaField({
    type: 'InspectionRound',
    nullable: true,
    args: { quarter: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.inspectionRound.findUnique({
        ...query,
        where: { quarter: formatQuarter(parseQuarter(args.quarter, 'quarter')) },
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
    resolve: async (_root, args, ctx) => {
      const rows = await ctx.prisma.inspectionRound.findMany({ include: roundInclude, orderBy: { quarter: 'asc' } });
      const orgs = new Map<string, OrgRow>();
      for (const r of rows) for (const f of [...r.websiteFindings, ...r.newMediaFindings]) orgs.set(f.organizationId, f.organization);
      return repeatFindings(rows.map(toDomainRound), { matchIssue: args.matchIssue ?? true }).map((r) => ({
        ...r,
        organization: orgs.get(r.organizationId)!,
      }));
    },
  }),
}));
