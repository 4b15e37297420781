// The lists of policies: the contract's Relay connection `policies` (filter and sort inputs) and
// the dashboard's offset page `policiesPage`, both over services/policies' where and order.
import { ZPolicyFilter } from '@gazette/domain';
import { builder, checkedMaxSize } from '../builder.ts';
import { totalCount, TOTAL_COUNT_NOTE } from '../services/paging.ts';
import { policyOrderBy } from '../services/policies/policy-order-by.ts';
import { policyWhere, type PolicyFilterValue } from '../services/policies/policy-where.ts';
import { definePage } from './pagination.ts';
import { PolicyCategoryEnum, PolicyStatusEnum } from './policy-parts.ts';
import { SortDirection } from './shared.ts';

export const PolicyFilter = builder.inputType('PolicyFilter', {
  description: '规范性文件列表的筛选条件;各条件同时满足',
  fields: (t) => ({
    status: t.field({
      description: '只看在 asOf 当日处于这个状态的文件',
      type: PolicyStatusEnum,
      required: false,
    }),
    asOf: t.field({
      type: 'Date',
      required: false,
      description: '判断状态的日期,缺省为今天(Asia/Shanghai)',
    }),
    search: t.string({
      required: false,
      description: '标题或文号中的一段(任意括号写法)',
    }),
    issuer: t.string({
      required: false,
      description: '发文机关的全称或别名',
    }),
    category: t.field({ description: '只看这个类别', type: PolicyCategoryEnum, required: false }),
  }),
  validate: ZPolicyFilter,
});

export const PolicySortField = builder.enumType('PolicySortField', {
  description: '规范性文件列表的排序字段',
  values: {
    DOC_NO: { description: '文号' },
    TITLE: { description: '标题' },
    SIGNED_ON: { description: '签发日期' },
    EFFECTIVE_FROM: { description: '施行日期' },
    EXPIRES_ON: { description: '届满日期' },
  } as const,
});

export const PolicySort = builder.inputType('PolicySort', {
  description: '规范性文件列表的排序',
  fields: (t) => ({
    field: t.field({ description: '排序字段', type: PolicySortField, required: true }),
    direction: t.field({ description: '排序方向,缺省升序', type: SortDirection, required: false }),
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
    ids: t.idList({ description: '只看这些全局 ID', required: false }),
    q: t.string({ required: false, description: '标题或文号中的一段' }),
    status: t.field({
      description: '只看在 asOf 当日处于这个状态的文件',
      type: PolicyStatusEnum,
      required: false,
    }),
    asOf: t.field({
      description: '判断状态的日期,缺省为今天(Asia/Shanghai)',
      type: 'Date',
      required: false,
    }),
    issuer: t.string({ description: '发文机关的全称或别名', required: false }),
    category: t.field({ description: '只看这个类别', type: PolicyCategoryEnum, required: false }),
  }),
});

builder.queryFields((t) => ({
  policies: t.prismaConnection({
    description: `规范性文件列表(Relay 连接)。${TOTAL_COUNT_NOTE}`,
    type: 'Policy',
    cursor: 'id',
    maxSize: checkedMaxSize,
    args: {
      filter: t.arg({ description: '筛选条件', type: PolicyFilter, required: false }),
      sort: t.arg({ description: '排序,缺省按签发日期', type: PolicySort, required: false }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.policy.findMany({
        ...query,
        where: policyWhere(args.filter),
        orderBy: policyOrderBy(args.sort?.field, args.sort?.direction),
      }),
    totalCount: (_parent, args, ctx) => {
      const where = policyWhere(args.filter);
      return totalCount(ctx, 'Policy', where, () => ctx.prisma.policy.count({ where }));
    },
  }),
}));
