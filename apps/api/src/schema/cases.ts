// Penalty discretion review cases (泸市监规发〔2024〕2号). Confidential (第十九条): every field
// needs a role (VIEWER reads, SUPERVISOR and ADMIN change), and so do node() lookups. Resolvers
// call the services in services/cases.
import { allowedEvents, type CaseDecision, type ReviewMode } from '@gazette/domain';
import type { GazetteContext } from '../context.ts';
import { builder, checkedMaxSize } from '../builder.ts';
import { totalCount, TOTAL_COUNT_NOTE } from '../services/paging.ts';
import { CASE_SORT_FIELDS, caseWhere, type CaseFilter } from '../services/cases/case-where.ts';
import { isOverdue } from '../services/cases/is-overdue.ts';
import {
  answersCaseQuery,
  firstCasesTake,
  readCaseWithNotices,
  readFirstCases,
  readFirstCasesCounted,
} from '../services/cases/read-case.ts';
import {
  CaseDecisionEnum,
  CaseEventTypeEnum,
  CaseStateEnum,
  CaseTriggerEnum,
  ReviewConditionEnum,
  ReviewExclusionEnum,
  ReviewModeEnum,
} from './case-enums.ts';
import './case-events.ts';
import './case-forms.ts';
import './case-notices.ts';
import './case-workflow.ts';
import { definePage, selectsField } from './pagination.ts';
import { direction, noRow, SortDirection } from './shared.ts';

export { noRow };

const iso = (d: Date) => d.toISOString();

export const DiscretionCase = builder.prismaNode('DiscretionCase', {
  description:
    '行政处罚改正违法行为裁量审查评估案件(泸市监规发〔2024〕2号);案件信息保密(第十九条),须具有只读及以上角色才能读取',
  id: { field: 'id' },
  authScopes: { viewer: true },
  // Checked once per case (when the case is completed), not again on each of its fields.
  runScopesOnType: true,
  fields: (t) => ({
    caseName: t.exposeString('caseName', { description: '案件名称' }),
    subjectName: t.exposeString('subjectName', { description: '涉案市场主体名称' }),
    caseNumber: t.exposeString('caseNumber', { nullable: true, description: '案号' }),
    handler: t.exposeString('handler', { nullable: true, description: '承办人' }),
    department: t.exposeString('department', { nullable: true, description: '业务科室' }),
    contactName: t.exposeString('contactName', { nullable: true, description: '联系人' }),
    contactPhone: t.exposeString('contactPhone', { nullable: true, description: '联系电话' }),
    caseFiledOn: t.expose('caseFiledOn', { type: 'Date', nullable: true, description: '立案日期' }),
    trigger: t.expose('trigger', { description: '启动情形(第六条)', type: CaseTriggerEnum }),
    filedOn: t.expose('filedOn', { description: '登记日期', type: 'Date' }),
    state: t.expose('state', { description: '当前状态', type: CaseStateEnum }),
    reviewMode: t.field({
      description: '审查评估方式(第七条);受理前为 null',
      type: ReviewModeEnum,
      nullable: true,
      select: { reviewMode: true },
      resolve: (c) => c.reviewMode as ReviewMode | null,
    }),
    reviewDays: t.exposeInt('reviewDays', {
      description: '审查评估期限天数,自受理之日起算,最长不超过两个月(第十三条);受理前为 null',
      nullable: true,
    }),
    acceptedOn: t.expose('acceptedOn', {
      description: '受理日期;受理前为 null',
      type: 'Date',
      nullable: true,
    }),
    reviewDeadline: t.expose('reviewDeadline', {
      description:
        '审查评估期限届满日(受理日期加期限天数,最迟为受理之日起两个月,第十三条);受理前为 null',
      type: 'Date',
      nullable: true,
    }),
    overdue: t.boolean({
      description: '是否超期:审查评估期限(第十三条)已届满而仍在审查评估中,按北京时间的今天判断',
      select: { state: true, reviewDeadline: true },
      resolve: (c) => isOverdue(c),
    }),
    conditionsMet: t.field({
      description: '受理时确认符合的条件(第四条,须全部符合)',
      type: [ReviewConditionEnum],
      select: { conditionsMet: true },
      resolve: (c) => c.conditionsMet as never,
    }),
    exclusions: t.field({
      description: '受理时确认具有的不适用情形(第五条,具有其一即不予受理)',
      type: [ReviewExclusionEnum],
      select: { exclusions: true },
      resolve: (c) => c.exclusions as never,
    }),
    rejectionReason: t.exposeString('rejectionReason', {
      description: '不予受理的理由;未被不予受理时为 null',
      nullable: true,
    }),
    terminationReason: t.exposeString('terminationReason', {
      description: '终止考察的理由(第十五条);未终止时为 null',
      nullable: true,
    }),
    passed: t.exposeBoolean('passed', {
      description: '是否通过审查评估(第十六条);尚无结果时为 null',
      nullable: true,
    }),
    decision: t.field({
      description: '处理决定(第十七条、第十八条);尚未决定时为 null',
      type: CaseDecisionEnum,
      nullable: true,
      select: { decision: true },
      resolve: (c) => c.decision as CaseDecision | null,
    }),
    keySupervision: t.exposeBoolean('keySupervision', {
      description: '是否纳入日常重点监管(第十八条:不予处罚、从轻或减轻处罚的)',
    }),
    allowedEvents: t.field({
      type: [CaseEventTypeEnum],
      description: '当前状态下允许的下一步(按状态转换表)',
      select: { state: true },
      resolve: (c) => allowedEvents(c.state),
    }),
    version: t.exposeInt('version', {
      description: '版本号:修改时须传回当前值,不一致时报 CONFLICT',
    }),
    createdAt: t.string({ description: '创建时间(ISO 时间戳)', resolve: (c) => iso(c.createdAt) }),
    updatedAt: t.string({
      description: '最后修改时间(ISO 时间戳)',
      resolve: (c) => iso(c.updatedAt),
    }),
    events: t.relation('events', {
      description: '办理过程中的各步,按先后顺序',
      query: { orderBy: { seq: 'asc' } },
    }),
    notices: t.relation('notices', {
      description: '案件的文书,按出具顺序',
      query: { orderBy: { position: 'asc' } },
    }),
  }),
});

const CaseFilterInput = builder.inputType('CaseFilter', {
  description: '案件列表的筛选条件;各条件同时满足',
  fields: (t) => ({
    q: t.string({
      required: false,
      description: '案件名称、涉案市场主体名称、案号或承办人中的一段',
    }),
    state: t.field({
      description: '只看处于这些状态的案件',
      type: [CaseStateEnum],
      required: false,
    }),
    overdue: t.boolean({ description: '只看已超期(true)或未超期(false)的案件', required: false }),
    trigger: t.field({ description: '只看这种启动情形', type: CaseTriggerEnum, required: false }),
    keySupervision: t.boolean({
      description: '只看纳入(true)或未纳入(false)日常重点监管的案件',
      required: false,
    }),
    filedFrom: t.field({ description: '登记日期不早于这一天', type: 'Date', required: false }),
    filedTo: t.field({ description: '登记日期不晚于这一天', type: 'Date', required: false }),
  }),
});

const CaseSortField = builder.enumType('CaseSortField', {
  description: '案件列表的排序字段',
  values: {
    FILED_ON: { description: '登记日期' },
    REVIEW_DEADLINE: { description: '审查评估期限届满日' },
    CASE_NAME: { description: '案件名称' },
    SUBJECT_NAME: { description: '涉案市场主体名称' },
    STATE: { description: '状态' },
    CREATED_AT: { description: '创建时间' },
    UPDATED_AT: { description: '最后修改时间' },
  } as const,
});
const SORT_COLUMNS = {
  FILED_ON: 'filedOn',
  REVIEW_DEADLINE: 'reviewDeadline',
  CASE_NAME: 'caseName',
  SUBJECT_NAME: 'subjectName',
  STATE: 'state',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
} as const satisfies Record<string, (typeof CASE_SORT_FIELDS)[number]>;

const CaseSort = builder.inputType('CaseSort', {
  description: '案件列表的排序',
  fields: (t) => ({
    field: t.field({ description: '排序字段', type: CaseSortField, required: true }),
    direction: t.field({ description: '排序方向,缺省降序', type: SortDirection, required: false }),
  }),
});

definePage<CaseFilter>({
  field: 'casesPage',
  label: '裁量审查评估案件',
  type: 'DiscretionCase',
  pageType: 'CasePage',
  model: 'discretionCase',
  authScopes: { viewer: true },
  sortable: CASE_SORT_FIELDS,
  defaultSort: 'filedOn',
  defaultOrder: 'DESC',
  filterInput: CaseFilterInput,
  where: (filter) => caseWhere(filter),
});

// ---------------------------------------------------------------- root fields

/** The count of one `cases` field's cases, started at most once (keyed by its arguments object). */
const caseCounts = new WeakMap<object, Promise<number>>();
function caseCount(args: { filter?: CaseFilter | null }, ctx: GazetteContext): Promise<number> {
  let count = caseCounts.get(args);
  if (!count) {
    const where = caseWhere(args.filter ?? {});
    count = totalCount(ctx.prisma, 'DiscretionCase', where, () =>
      ctx.prisma.discretionCase.count({ where }),
    );
    caseCounts.set(args, count);
  }
  return count;
}

builder.queryFields((t) => ({
  case: t.prismaField({
    description: '按全局 ID 读取案件(需只读及以上角色);不存在或不是案件的 ID 时为 null',
    type: 'DiscretionCase',
    nullable: true,
    authScopes: { viewer: true },
    args: { id: t.arg.globalID({ description: '案件的全局 ID', required: true }) },
    // Another type's global id names no case (the query is marked used: nothing to load).
    resolve: (query, _root, { id }, ctx) => {
      if (id.typename !== 'DiscretionCase') return noRow(query);
      // The contract's selection (columns and notices): one statement on pg.
      if (answersCaseQuery(query)) return readCaseWithNotices(ctx.prisma, id.id);
      return ctx.prisma.discretionCase.findUnique({ ...query, where: { id: id.id } });
    },
  }),
  cases: t.prismaConnection({
    description: `裁量审查评估案件列表(Relay 连接;需只读及以上角色)。${TOTAL_COUNT_NOTE}`,
    type: 'DiscretionCase',
    cursor: 'id',
    authScopes: { viewer: true },
    maxSize: checkedMaxSize,
    args: {
      filter: t.arg({ description: '筛选条件', type: CaseFilterInput, required: false }),
      sort: t.arg({ description: '排序,缺省按登记日期降序', type: CaseSort, required: false }),
    },
    resolve: (query, _root, args, ctx, info) => {
      const counted = selectsField(info, 'totalCount');
      const where = caseWhere(args.filter ?? {});
      const column = SORT_COLUMNS[args.sort?.field ?? 'FILED_ON'];
      const order = direction(args.sort?.direction ?? 'DESC');
      // An unfiltered first page of plain columns (the list's usual read): one statement on pg,
      // which also counts the cases when totalCount is asked for.
      const take = Object.keys(where).length === 0 ? firstCasesTake(query) : null;
      if (take !== null && counted) {
        const read = readFirstCasesCounted(ctx.prisma, column, order, take);
        const total = read.then((r) => r.total);
        total.catch(() => {}); // a failure is reported once, by the page
        caseCounts.set(args, total);
        return read.then((r) => r.cases);
      }
      // Counted beside the page, not after it (Pothos asks for totalCount once the page is in).
      if (counted) void caseCount(args, ctx).catch(() => {});
      if (take !== null) return readFirstCases(ctx.prisma, column, order, take);
      return ctx.prisma.discretionCase.findMany({
        ...query,
        where,
        orderBy: [{ [column]: order }, { id: 'asc' }],
      });
    },
    totalCount: (_parent, args, ctx) => caseCount(args, ctx),
  }),
}));
