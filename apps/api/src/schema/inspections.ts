// A quarter's inspection round: its headline figures as the 通报 prints them, its findings and
// lists, and its rectification progress. Writes go through services/inspections.
import { formatQuarter, parseQuarter, type RectificationProgress } from '@gazette/domain';
import { builder, checkedMaxSize } from '../builder.ts';
import { createInspectionRound } from '../services/inspections/create-inspection-round.ts';
import { deleteInspectionRound } from '../services/inspections/delete-inspection-round.ts';
import { loadRectificationProgress } from '../services/inspections/load-rectification-progress.ts';
import { updateInspectionRound } from '../services/inspections/update-inspection-round.ts';
import { rawId } from './ids.ts';
import { direction, SortDirection } from './shared.ts';

const admin = { admin: true } as const;

/** A quarter text as stored: 2024q4 → 2024Q4; anything else BAD_USER_INPUT. */
const quarterOf = (text: string) => formatQuarter(parseQuarter(text, 'quarter'));

export const DataGapKindEnum = builder.enumType('DataGapKind', {
  values: { BASE: { description: '上一年度基础数据' }, PROCESS: { description: '本年度过程数据' } },
});
export const AdoptionRatingEnum = builder.enumType('AdoptionRating', {
  values: { GOOD: { description: '信息采用情况较好' }, ZERO: { description: '采用为0条' } },
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
    dataGaps: t.relation('dataGaps', {
      query: { orderBy: [{ kind: 'asc' }, { position: 'asc' }] },
    }),
    adoptions: t.relation('adoptions', {
      query: { orderBy: [{ rating: 'asc' }, { position: 'asc' }] },
    }),
    rectificationProgress: t.field({
      type: RectificationProgressRef,
      select: { id: true },
      resolve: (round, _args, ctx) => loadRectificationProgress(ctx, round.id),
    }),
  }),
});
export const InspectionRoundFilter = builder.inputType('InspectionRoundFilter', {
  fields: (t) => ({ year: t.int({ required: false }) }),
});
builder.queryFields((t) => ({
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
}));

const InspectionRoundInput = builder.inputType('InspectionRoundInput', {
  description:
    "A quarter's headline figures as its 通报 prints them (泸市府室发〔2024〕34号 一、附件2 说明).",
  fields: (t) => ({
    quarter: t.string({ required: true, description: '2025Q1' }),
    policyId: t.id({
      required: false,
      description: 'The 通报 itself (a Policy, e.g. 泸市府室发〔2024〕34号).',
    }),
    windowStart: t.field({ type: 'Date', required: true, description: '检测时间 from' }),
    windowEnd: t.field({
      type: 'Date',
      required: true,
      description: '检测时间 to (not before windowStart)',
    }),
    cityPortalsChecked: t.int({ required: true, description: '市政府门户网站' }),
    districtPortalsChecked: t.int({ required: true, description: '区县政府门户网站' }),
    departmentSitesChecked: t.int({ required: true, description: '市级部门网站' }),
    newMediaAccountsChecked: t.int({ required: true, description: '政务新媒体账号和应用' }),
    newMediaDistricts: t.int({ required: false, defaultValue: 0, description: '账号所属区县数' }),
    newMediaParks: t.int({ required: false, defaultValue: 0, description: '账号所属园区数' }),
    newMediaDepartments: t.int({
      required: false,
      defaultValue: 0,
      description: '账号所属市级有关部门数',
    }),
    messagesReceived: t.int({
      required: true,
      description: '“我为政府网站找错”网民有效留言 received',
    }),
    messagesClosed: t.int({ required: true, description: '办结 (at most received)' }),
    messagesOverdue: t.int({
      required: false,
      defaultValue: 0,
      description: '超期 (at most received)',
    }),
  }),
});

const InspectionRoundPatch = builder.inputType('InspectionRoundPatch', {
  description: 'Omitted or null: unchanged (policyId: null detaches the 通报).',
  fields: (t) => ({
    policyId: t.id({ required: false }),
    windowStart: t.field({ type: 'Date', required: false }),
    windowEnd: t.field({ type: 'Date', required: false }),
    cityPortalsChecked: t.int({ required: false }),
    districtPortalsChecked: t.int({ required: false }),
    departmentSitesChecked: t.int({ required: false }),
    newMediaAccountsChecked: t.int({ required: false }),
    newMediaDistricts: t.int({ required: false }),
    newMediaParks: t.int({ required: false }),
    newMediaDepartments: t.int({ required: false }),
    messagesReceived: t.int({ required: false }),
    messagesClosed: t.int({ required: false }),
    messagesOverdue: t.int({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  createInspectionRound: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    args: { input: t.arg({ type: InspectionRoundInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createInspectionRound(ctx, input);
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateInspectionRound: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    description:
      "Changes a round's headline figures; the result must still keep the rules of createInspectionRound.",
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: InspectionRoundPatch, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'InspectionRound');
      await updateInspectionRound(ctx, id, args.version, args.input);
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteInspectionRound: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'InspectionRound');
      return deleteInspectionRound(
        ctx,
        id,
        args.version,
        async (tx) => (await tx.inspectionRound.findUnique({ ...query, where: { id } }))!,
      );
    },
  }),
}));
