// The case lists: the `cases` connection (downstream) and `casesPage` (react-admin), their filter
// and sort inputs, and the single `case` read.
import type { GazetteContext } from '../context.ts';
import { builder, checkedMaxSize } from '../builder.ts';
import { totalCount, TOTAL_COUNT_NOTE } from '../services/paging.ts';
import { countRemembered } from '../platform/totals-cache.ts';
import { CASE_SORT_FIELDS, caseWhere, type CaseFilter } from '../services/cases/case-where.ts';
import {
  answersCaseQuery,
  firstCasesTake,
  readCaseWithNotices,
  readFirstCases,
  readFirstCasesCounted,
} from '../services/cases/read-case.ts';
import { CaseStateEnum, CaseTriggerEnum } from './case-enums.ts';
import { definePage, selectsField } from './pagination.ts';
import { selectedColumns } from './selected-columns.ts';
import { direction, noRow, SortDirection } from './shared.ts';

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
  // As the `cases` connection: remembered until the next write, an estimate past the limit.
  total: {
    count: (ctx, where, exact) => totalCount(ctx, 'DiscretionCase', where, exact),
    note: TOTAL_COUNT_NOTE.replaceAll('totalCount', 'total'),
  },
});

// ---------------------------------------------------------------- root fields

/** The count of one `cases` field's cases, started at most once (keyed by its arguments object). */
const caseCounts = new WeakMap<object, Promise<number>>();
function caseCount(args: { filter?: CaseFilter | null }, ctx: GazetteContext): Promise<number> {
  let count = caseCounts.get(args);
  if (!count) {
    const where = caseWhere(args.filter ?? {});
    count = totalCount(ctx, 'DiscretionCase', where, () =>
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
      // reading only the columns the nodes ask for, which also counts the cases when totalCount
      // is asked for.
      const take = Object.keys(where).length === 0 ? firstCasesTake(query) : null;
      const columns = take === null ? null : selectedColumns(info, 'DiscretionCase');
      // (Unless the total is remembered since the last write: then the page alone.)
      if (take !== null && counted && ctx.totals?.get('DiscretionCase') === undefined) {
        const read = readFirstCasesCounted(ctx.prisma, column, order, take, columns);
        const total = countRemembered(ctx.totals, 'DiscretionCase', () =>
          read.then((r) => r.total),
        );
        total.catch(() => {}); // a failure is reported once, by the page
        caseCounts.set(args, total);
        return read.then((r) => r.cases);
      }
      // Counted beside the page, not after it (Pothos asks for totalCount once the page is in).
      if (counted) void caseCount(args, ctx).catch(() => {});
      if (take !== null) return readFirstCases(ctx.prisma, column, order, take, columns);
      return ctx.prisma.discretionCase.findMany({
        ...query,
        where,
        orderBy: [{ [column]: order }, { id: 'asc' }],
      });
    },
    totalCount: (_parent, args, ctx) => caseCount(args, ctx),
  }),
}));
