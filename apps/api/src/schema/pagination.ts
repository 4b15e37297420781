// The one pagination module of the schema: the arguments of every page-shaped list
// (react-admin's getList: `<resource>Page(page, perPage, sort, filter)` answering `{ nodes, total }`)
// and `definePage`, which builds such a list for a Prisma model. `total` is counted only when the
// client selects it. Relay connections use Pothos' `prismaConnection` (cursor = keyset on the sort).
import type { ArgBuilder, InputFieldMap, InputFieldBuilder, InputObjectRef } from '@pothos/core';
import type { GraphQLResolveInfo } from 'graphql';
import { builder } from '../builder.ts';
import type { GazetteContext } from '../context.ts';
import { MAX_PAGE_SIZE, pageArgs } from '../services/paging.ts';
import { rawId } from './ids.ts';
import { eachField } from './selected-columns.ts';
import { SortInput } from './shared.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** Arguments of every page-shaped list (react-admin's getList): page from 1, perPage ≤ 100. */
export function pageFieldArgs(t: ArgBuilder<Types>) {
  return {
    page: t.int({ required: false, description: '页码,从 1 开始;缺省 1' }),
    perPage: t.int({ required: false, description: `每页条数,1–${MAX_PAGE_SIZE};缺省 25` }),
    sort: t({
      type: SortInput,
      required: false,
      description: '排序字段与方向;缺省按该列表的默认排序',
    }),
  };
}

export interface PageArgs<F> {
  page?: number | null;
  perPage?: number | null;
  sort?: { field: string; order: 'ASC' | 'DESC' } | null;
  filter?: F | null;
}

type Delegate = {
  findMany(args: unknown): Promise<unknown[]>;
  count(args: { where: unknown }): Promise<number>;
};

export type PagedModel =
  | 'policy'
  | 'organization'
  | 'organizationAlias'
  | 'rateTable'
  | 'rateTableVersion'
  | 'rateEntry'
  | 'websiteFinding'
  | 'newMediaFinding'
  | 'inspectionRound'
  | 'discretionCase'
  | 'user'
  | 'apiToken'
  | 'auditEntry';

type FilterFields = (t: InputFieldBuilder<Types, 'InputObject'>) => InputFieldMap;

export interface PageSpec<F> {
  /** The root field, e.g. `policiesPage`. */
  field: string;
  /** What a node is, in Chinese (e.g. `账户`): the generated types' and fields' descriptions use it. */
  label: string;
  /** The node type; the page type is `${type}Page` unless `pageType` names it. */
  type: string;
  pageType?: string;
  model: PagedModel;
  sortable: readonly string[];
  defaultSort: string;
  /** Order when the client names no sort (default ASC). */
  defaultOrder?: 'ASC' | 'DESC';
  /** Direction of the `id` tie-break (default asc). */
  tieBreak?: 'asc' | 'desc';
  where: (filter: F, ctx: GazetteContext) => unknown;
  /** Fields of a new `${type}PageFilter` input (an `ids` field filters by global ids)… */
  filter?: FilterFields;
  /** …or an existing filter input. */
  filterInput?: InputObjectRef<Types, F>;
  authScopes?: { viewer: true } | { admin: true };
  /**
   * `total` of a list whose table grows without bound (default: the exact count): given the
   * where and the exact count, e.g. services/paging.ts' totalCount; `note` is added to its description.
   */
  total?: {
    count: (ctx: GazetteContext, where: object, exact: () => Promise<number>) => Promise<number>;
    note: string;
  };
  /**
   * An unfiltered page read another way than Prisma's findMany (e.g. one prepared statement), or
   * null to use findMany; it must give findMany's rows for the same query, skip, take and order.
   */
  unfilteredPage?: (
    ctx: GazetteContext,
    query: object,
    page: { skip: number; take: number; orderBy: Record<string, 'asc' | 'desc'> },
  ) => Promise<unknown[]> | null;
  /**
   * The same unfiltered page and the unfiltered `total` read together (e.g. one statement), or
   * null to read them apart; used when a request selects both.
   */
  unfilteredPageCounted?: (
    ctx: GazetteContext,
    query: object,
    page: { skip: number; take: number; orderBy: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ rows: unknown[]; total: number }> | null;
}

/** Whether the field's own selection (fragments included) names `name`. */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  let found = false;
  for (const node of info.fieldNodes)
    eachField(info, node.selectionSet, (field) => (found ||= field === name));
  return found;
}

function idsWhere(ids: readonly string[] | null | undefined, typename: string) {
  return ids?.length ? { id: { in: ids.map((id) => rawId(id, typename)) } } : {};
}

export function definePage<F extends object>(spec: PageSpec<F>) {
  const Filter =
    spec.filterInput ??
    builder.inputType(`${spec.type}PageFilter`, {
      description: `${spec.label}列表的筛选条件;各条件同时满足`,
      fields: spec.filter!,
    });
  const orderArgs = (args: PageArgs<F>) =>
    pageArgs(
      {
        ...args,
        sortField: args.sort?.field,
        sortOrder: args.sort?.order ?? spec.defaultOrder ?? 'ASC',
      },
      spec.sortable,
      spec.defaultSort,
    );
  const whereOf = (args: PageArgs<F>, ctx: GazetteContext) => {
    const filter = args.filter as (F & { ids?: string[] | null }) | null | undefined;
    if (!filter) return {};
    return { AND: [idsWhere(filter.ids, spec.type), spec.where(filter, ctx)] };
  };
  const delegate = (ctx: GazetteContext) => ctx.prisma[spec.model] as unknown as Delegate;
  // Unfiltered pages whose request selects `total` (with spec.unfilteredPageCounted): `nodes`
  // may read the rows and the total at once and leave the total here for `total`.
  const totals = new WeakMap<PageArgs<F>, Promise<number> | null>();
  const Page = builder.objectRef<PageArgs<F>>(spec.pageType ?? `${spec.type}Page`).implement({
    description: `${spec.label}列表的一页:nodes 为本页各条,total 为符合筛选条件的总数`,
    fields: (t) => ({
      nodes: t.prismaField({
        description: '本页各条',
        type: [spec.type as 'Policy'],
        resolve: (query, args, _a, ctx) => {
          const { skip, take, orderBy } = orderArgs(args);
          const counted =
            !args.filter && totals.has(args)
              ? spec.unfilteredPageCounted?.(ctx, query, { skip, take, orderBy })
              : null;
          if (counted) {
            const total = counted.then((r) => r.total);
            total.catch(() => {}); // a failure is reported once, by the nodes
            totals.set(args, total);
            return counted.then((r) => r.rows) as never;
          }
          const other = args.filter
            ? null
            : spec.unfilteredPage?.(ctx, query, { skip, take, orderBy });
          if (other) return other as never;
          return delegate(ctx).findMany({
            ...query,
            where: whereOf(args, ctx),
            skip,
            take,
            orderBy: [orderBy, { id: spec.tieBreak ?? 'asc' }],
          }) as never;
        },
      }),
      total: t.int({
        description: `符合筛选条件的总条数(只在选择此字段时计算)${spec.total ? `。${spec.total.note}` : ''}`,
        resolve: (args, _a, ctx) => {
          const count = () => {
            const where = whereOf(args, ctx);
            const exact = () => delegate(ctx).count({ where });
            return spec.total ? spec.total.count(ctx, where, exact) : exact();
          };
          // `nodes` of the same page runs in the same turn (before or after this field) and may
          // have read the total with the rows; else it is counted here.
          if (totals.has(args)) return Promise.resolve().then(() => totals.get(args) ?? count());
          return count();
        },
      }),
    }),
  });
  builder.queryField(spec.field, (t) =>
    t.field({
      type: Page,
      description: `${spec.label}列表,按页读取;可排序字段:${spec.sortable.join('、')}`,
      ...(spec.authScopes && { authScopes: spec.authScopes }),
      args: {
        ...pageFieldArgs(t.arg),
        filter: t.arg({ type: Filter, required: false, description: '筛选条件' }),
      },
      resolve: (_root, args, ctx, info) => {
        // Validate page, perPage, sort and filter up front so a bad request fails as a whole.
        const pageArgsOf = args as PageArgs<F>;
        orderArgs(pageArgsOf);
        whereOf(pageArgsOf, ctx);
        if (spec.unfilteredPageCounted && !pageArgsOf.filter && selectsField(info, 'total'))
          totals.set(pageArgsOf, null);
        return pageArgsOf;
      },
    }),
  );
  return Page;
}
