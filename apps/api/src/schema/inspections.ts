// A quarter's inspection round: its headline figures as the 通报 prints them, its findings and
// lists, and its rectification progress. Its writes: inspection-round-writes.ts.
import type { RectificationProgress } from '@gazette/domain';
import { builder, checkedMaxSize } from '../builder.ts';
import { loadRectificationProgress } from '../services/inspections/load-rectification-progress.ts';
import {
  direction,
  quarterOf,
  rectifiedFilterArgs,
  SortDirection,
  type BuilderTypes,
} from './shared.ts';

export const DataGapKindEnum = builder.enumType('DataGapKind', {
  description: '政务数据汇集缺失的类别(通报附件3)',
  values: { BASE: { description: '上一年度基础数据' }, PROCESS: { description: '本年度过程数据' } },
});
export const AdoptionRatingEnum = builder.enumType('AdoptionRating', {
  description: '网站信息采用情况的评价(通报“相关工作落实情况”)',
  values: { GOOD: { description: '信息采用情况较好' }, ZERO: { description: '采用为0条' } },
});
/** Figures a round prints that its summary (ComplianceSummary) repeats. */
interface RoundFigures {
  quarter: string;
  newMediaAccountsChecked: number;
  messagesReceived: number;
  messagesClosed: number;
}

/** The fields of a round's printed figures, alike on InspectionRound and ComplianceSummary. */
export function roundFigureFields<Shape extends RoundFigures>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>,
) {
  return {
    quarter: t.string({ description: '季度,如 2024Q4', resolve: (r) => r.quarter }),
    newMediaAccountsChecked: t.int({
      description: '检查的政务新媒体账号和应用数',
      resolve: (r) => r.newMediaAccountsChecked,
    }),
    messagesReceived: t.int({
      description: '收到的“我为政府网站找错”网民有效留言数',
      resolve: (r) => r.messagesReceived,
    }),
    messagesClosed: t.int({ description: '已办结的留言数', resolve: (r) => r.messagesClosed }),
  };
}

builder.prismaObject('DataCollectionGap', {
  description: '政务数据汇集工作检查中未按时更新数据的单位(通报附件3 的一项)',
  fields: (t) => ({
    id: t.exposeID('id', { description: '记录号' }),
    kind: t.expose('kind', { description: '缺失的数据类别', type: DataGapKindEnum }),
    dataYear: t.exposeInt('dataYear', { description: '缺失数据所属的年度' }),
    position: t.exposeInt('position', { description: '在通报名单中的排列位置' }),
    organization: t.relation('organization', { description: '未更新数据的单位' }),
  }),
});

builder.prismaObject('InformationAdoption', {
  description: '网站信息采用情况的一项:被通报的单位及其评价',
  fields: (t) => ({
    id: t.exposeID('id', { description: '记录号' }),
    rating: t.expose('rating', { description: '评价', type: AdoptionRatingEnum }),
    position: t.exposeInt('position', { description: '在通报名单中的排列位置' }),
    organization: t.relation('organization', { description: '被通报的单位' }),
  }),
});

const RectificationProgressRef = builder
  .objectRef<RectificationProgress>('RectificationProgress')
  .implement({
    description: '某季度检查发现问题的整改进度',
    fields: (t) => ({
      quarter: t.exposeString('quarter', { description: '季度,如 2024Q4' }),
      total: t.exposeInt('total', { description: '发现的问题总数(网站与新媒体)' }),
      rectified: t.exposeInt('rectified', { description: '已整改的问题数' }),
      outstanding: t.exposeInt('outstanding', { description: '未整改的问题数' }),
      ratio: t.exposeFloat('ratio', { description: '整改率(已整改 / 总数,仅供显示)' }),
      websiteTotal: t.int({ description: '网站检查发现的问题数', resolve: (p) => p.website.total }),
      websiteRectified: t.int({
        description: '其中已整改的网站问题数',
        resolve: (p) => p.website.rectified,
      }),
      newMediaTotal: t.int({
        description: '新媒体检查发现的问题数',
        resolve: (p) => p.newMedia.total,
      }),
      newMediaRectified: t.int({
        description: '其中已整改的新媒体问题数',
        resolve: (p) => p.newMedia.rectified,
      }),
    }),
  });

export const InspectionRound = builder.prismaNode('InspectionRound', {
  description:
    '一个季度的政府网站和政务新媒体检查(对应一份季度检查情况通报,如泸市府室发〔2024〕34号)',
  id: { field: 'id' },
  fields: (t) => ({
    windowStart: t.expose('windowStart', { description: '检测时间的起始日', type: 'Date' }),
    windowEnd: t.expose('windowEnd', { description: '检测时间的截止日', type: 'Date' }),
    cityPortalsChecked: t.exposeInt('cityPortalsChecked', {
      description: '检查的市政府门户网站数',
    }),
    districtPortalsChecked: t.exposeInt('districtPortalsChecked', {
      description: '检查的区县政府门户网站数',
    }),
    departmentSitesChecked: t.exposeInt('departmentSitesChecked', {
      description: '检查的市级部门网站数',
    }),
    newMediaDistricts: t.exposeInt('newMediaDistricts', {
      description: '政务新媒体账号所属的区县数',
    }),
    newMediaParks: t.exposeInt('newMediaParks', { description: '政务新媒体账号所属的园区数' }),
    newMediaDepartments: t.exposeInt('newMediaDepartments', {
      description: '政务新媒体账号所属的市级有关部门数',
    }),
    messagesOverdue: t.exposeInt('messagesOverdue', { description: '超期办理的留言数' }),
    version: t.exposeInt('version', {
      description: '版本号:修改时须传回当前值,不一致时报 CONFLICT',
    }),
    policy: t.relation('policy', {
      description: '通报本身(一份规范性文件);尚未关联时为 null',
      nullable: true,
    }),
    websiteFindings: t.relatedConnection('websiteFindings', {
      description: '政府网站检查发现的问题(附件1),按网站序号排列',
      cursor: 'id',
      maxSize: checkedMaxSize,
      args: rectifiedFilterArgs(t.arg),
      query: (args) => ({
        where: args.rectified == null ? {} : { rectified: args.rectified },
        orderBy: [{ siteSeq: 'asc' }, { position: 'asc' }],
      }),
      totalCount: true,
    }),
    newMediaFindings: t.relatedConnection('newMediaFindings', {
      description: '政务新媒体检查发现的问题(附件2),按序号排列',
      cursor: 'id',
      maxSize: checkedMaxSize,
      args: rectifiedFilterArgs(t.arg),
      query: (args) => ({
        where: args.rectified == null ? {} : { rectified: args.rectified },
        orderBy: { seq: 'asc' },
      }),
      totalCount: true,
    }),
    dataGaps: t.relation('dataGaps', {
      description: '政务数据汇集未按时更新的单位(附件3),先基础数据后过程数据',
      query: { orderBy: [{ kind: 'asc' }, { position: 'asc' }] },
    }),
    adoptions: t.relation('adoptions', {
      description: '网站信息采用情况被通报的单位,先较好后为 0 条',
      query: { orderBy: [{ rating: 'asc' }, { position: 'asc' }] },
    }),
    rectificationProgress: t.field({
      description: '本季度发现问题的整改进度',
      type: RectificationProgressRef,
      select: { id: true },
      resolve: (round, _args, ctx) => loadRectificationProgress(ctx, round.id),
    }),
  }),
});
builder.objectFields(InspectionRound, roundFigureFields);
export const InspectionRoundFilter = builder.inputType('InspectionRoundFilter', {
  description: '检查轮次列表的筛选条件',
  fields: (t) => ({ year: t.int({ description: '只看这一年的季度', required: false }) }),
});
builder.queryFields((t) => ({
  inspectionRound: t.prismaField({
    description: '按季度查找检查轮次;找不到时为 null',
    type: 'InspectionRound',
    nullable: true,
    args: { quarter: t.arg.string({ description: '季度,如 2024Q4(大小写均可)', required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.inspectionRound.findUnique({
        ...query,
        where: { quarter: quarterOf(args.quarter) },
      }),
  }),
  inspectionRounds: t.prismaConnection({
    description: '检查轮次列表,按季度排序(Relay 连接)',
    type: 'InspectionRound',
    cursor: 'id',
    maxSize: checkedMaxSize,
    args: {
      filter: t.arg({ description: '筛选条件', type: InspectionRoundFilter, required: false }),
      direction: t.arg({
        type: SortDirection,
        required: false,
        description: '按季度排序的方向,缺省升序',
      }),
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
