// Page-shaped lists for the react-admin dashboard: `<resource>Page(page, perPage, sort, filter)`
// returning `{ nodes, total }` (perPage ≤ 100), one per resource it edits.
import type { Prisma } from '@gazette/db';
import { builder } from '../builder.ts';
import type { GazetteContext } from '../context.ts';
import { pageArgs } from '../services/paging.ts';
import { pageFieldArgs } from './users.ts';
import { rawId } from './ids.ts';
import { seesDrafts } from './shared.ts';
import { PolicyCategoryEnum, PolicyStatusEnum, policyWhere } from './policies.ts';
import { OrganizationTypeEnum, organizationWhere } from './organizations.ts';
import { RateTableKindEnum, RateVersionStatusEnum } from './rates.ts';
import { likeText } from './shared.ts';

interface PageArgs<F> {
  page?: number | null;
  perPage?: number | null;
  sort?: { field: string; order: 'ASC' | 'DESC' } | null;
  filter?: F | null;
}

type Delegate = {
  findMany(args: unknown): Promise<unknown[]>;
  count(args: { where: unknown }): Promise<number>;
};

interface PageSpec<F> {
  /** GraphQL names: `${name}Page` field, `${Type}Page` type, `${Type}PageFilter` input. */
  field: string;
  type: string;
  model: 'policy' | 'organization' | 'organizationAlias' | 'rateTable' | 'rateTableVersion' | 'rateEntry' | 'websiteFinding' | 'newMediaFinding' | 'inspectionRound';
  sortable: readonly string[];
  defaultSort: string;
  where: (filter: F, ctx: GazetteContext) => unknown;
  filter: Parameters<typeof builder.inputType>[1]['fields'];
}

function idsWhere(ids: readonly string[] | null | undefined, typename: string) {
  return ids?.length ? { id: { in: ids.map((id) => rawId(id, typename)) } } : {};
}

function definePage<F extends { ids?: string[] | null }>(spec: PageSpec<F>) {
  const Filter = builder.inputType(`${spec.type}PageFilter`, { fields: spec.filter });
  const whereOf = (args: PageArgs<F>, ctx: GazetteContext) => ({
    AND: [idsWhere(args.filter?.ids, spec.type), args.filter ? spec.where(args.filter, ctx) : {}],
  });
  const delegate = (ctx: GazetteContext) => ctx.prisma[spec.model] as unknown as Delegate;
  const Page = builder.objectRef<PageArgs<F>>(`${spec.type}Page`).implement({
    fields: (t) => ({
      nodes: t.prismaField({
        type: [spec.type as 'Policy'],
        resolve: (query, args, _a, ctx) => {
          const { skip, take, orderBy } = pageArgs(
            { ...args, sortField: args.sort?.field, sortOrder: args.sort?.order },
            spec.sortable,
            spec.defaultSort,
          );
          return delegate(ctx).findMany({
            ...query,
            where: whereOf(args, ctx),
            skip,
            take,
            orderBy: [orderBy, { id: 'asc' }],
          }) as never;
        },
      }),
      total: t.int({ resolve: (args, _a, ctx) => delegate(ctx).count({ where: whereOf(args, ctx) }) }),
    }),
  });
  builder.queryField(spec.field, (t) =>
    t.field({
      type: Page,
      args: { ...pageFieldArgs(t.arg), filter: t.arg({ type: Filter, required: false }) },
      resolve: (_root, args) => {
        // Validate page, perPage and sort up front so a bad request fails as a whole.
        pageArgs({ ...args, sortField: args.sort?.field, sortOrder: args.sort?.order }, spec.sortable, spec.defaultSort);
        return args as PageArgs<F>;
      },
    }),
  );
}

const contains = (q: string) => ({ contains: likeText(q.trim()), mode: 'insensitive' as const });


definePage<{ ids?: string[] | null; q?: string | null; status?: 'NOT_YET_EFFECTIVE' | 'IN_FORCE' | 'EXPIRED' | 'REPEALED' | null; asOf?: string | null; issuer?: string | null; category?: 'MUNICIPAL_GOVERNMENT' | 'GOVERNMENT_OFFICE' | 'DEPARTMENT' | null }>({
  field: 'policiesPage',
  type: 'Policy',
  model: 'policy',
  sortable: ['docNo', 'title', 'category', 'signedOn', 'effectiveFrom', 'expiresOn', 'updatedAt'],
  defaultSort: 'signedOn',
  where: (f) => policyWhere({ search: f.q, status: f.status, asOf: f.asOf, issuer: f.issuer, category: f.category }),
  filter: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false, description: 'Title or document number.' }),
    status: t.field({ type: PolicyStatusEnum, required: false }),
    asOf: t.field({ type: 'Date', required: false }),
    issuer: t.string({ required: false }),
    category: t.field({ type: PolicyCategoryEnum, required: false }),
  }),
});

definePage<{ ids?: string[] | null; q?: string | null; type?: Prisma.OrganizationWhereInput['type'] | null }>({
  field: 'organizationsPage',
  type: 'Organization',
  model: 'organization',
  sortable: ['name', 'shortName', 'type', 'updatedAt'],
  defaultSort: 'name',
  where: (f) => organizationWhere({ search: f.q, type: f.type }),
  filter: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false, description: 'Part of the name, short name or an alias.' }),
    type: t.field({ type: OrganizationTypeEnum, required: false }),
  }),
});

definePage<{ ids?: string[] | null; q?: string | null; organizationId?: string | null }>({
  field: 'organizationAliasesPage',
  type: 'OrganizationAlias',
  model: 'organizationAlias',
  sortable: ['alias', 'createdAt'],
  defaultSort: 'alias',
  where: (f) => ({
    ...(f.q ? { alias: contains(f.q) } : {}),
    ...(f.organizationId ? { organizationId: rawId(f.organizationId, 'Organization', 'organizationId') } : {}),
  }),
  filter: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false }),
    organizationId: t.id({ required: false }),
  }),
});

definePage<{ ids?: string[] | null; q?: string | null; kind?: Prisma.RateTableWhereInput['kind'] | null; policyId?: string | null }>({
  field: 'rateTablesPage',
  type: 'RateTable',
  model: 'rateTable',
  sortable: ['key', 'name', 'kind', 'updatedAt'],
  defaultSort: 'key',
  where: (f) => ({
    ...(f.q ? { OR: [{ name: contains(f.q) }, { key: contains(f.q) }] } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.policyId ? { policyId: rawId(f.policyId, 'Policy', 'policyId') } : {}),
  }),
  filter: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false }),
    kind: t.field({ type: RateTableKindEnum, required: false }),
    policyId: t.id({ required: false }),
  }),
});

definePage<{ ids?: string[] | null; tableId?: string | null; status?: 'DRAFT' | 'PUBLISHED' | null }>({
  field: 'rateTableVersionsPage',
  type: 'RateTableVersion',
  model: 'rateTableVersion',
  sortable: ['effectiveFrom', 'effectiveTo', 'status', 'createdAt', 'updatedAt'],
  defaultSort: 'effectiveFrom',
  where: (f, ctx) => ({
    AND: [
      f.tableId ? { tableId: rawId(f.tableId, 'RateTable', 'tableId') } : {},
      f.status ? { status: f.status } : {},
      seesDrafts(ctx) ? {} : { status: 'PUBLISHED' },
    ],
  }),
  filter: (t) => ({
    ids: t.idList({ required: false }),
    tableId: t.id({ required: false }),
    status: t.field({ type: RateVersionStatusEnum, required: false }),
  }),
});

definePage<{ ids?: string[] | null; versionId?: string | null; q?: string | null; code?: string | null }>({
  field: 'rateEntriesPage',
  type: 'RateEntry',
  model: 'rateEntry',
  sortable: ['position', 'key', 'code', 'name', 'amount', 'rate', 'updatedAt'],
  defaultSort: 'position',
  where: (f, ctx) => ({
    ...(f.versionId ? { versionId: rawId(f.versionId, 'RateTableVersion', 'versionId') } : {}),
    ...(f.code ? { code: f.code } : {}),
    ...(f.q ? { OR: [{ code: contains(f.q) }, { name: contains(f.q) }, { key: contains(f.q) }] } : {}),
    ...(seesDrafts(ctx) ? {} : { tableVersion: { status: 'PUBLISHED' } }),
  }),
  filter: (t) => ({
    ids: t.idList({ required: false }),
    versionId: t.id({ required: false }),
    q: t.string({ required: false }),
    code: t.string({ required: false }),
  }),
});

interface FindingFilter {
  ids?: string[] | null;
  roundId?: string | null;
  quarter?: string | null;
  organizationId?: string | null;
  rectified?: boolean | null;
  q?: string | null;
}

const findingFilter: PageSpec<FindingFilter>['filter'] = (t) => ({
  ids: t.idList({ required: false }),
  roundId: t.id({ required: false }),
  quarter: t.string({ required: false }),
  organizationId: t.id({ required: false }),
  rectified: t.boolean({ required: false }),
  q: t.string({ required: false }),
});

function findingWhere(f: FindingFilter, text: string[]) {
  return {
    ...(f.roundId ? { roundId: rawId(f.roundId, 'InspectionRound', 'roundId') } : {}),
    ...(f.quarter ? { round: { quarter: f.quarter.trim().toUpperCase() } } : {}),
    ...(f.organizationId ? { organizationId: rawId(f.organizationId, 'Organization', 'organizationId') } : {}),
    ...(f.rectified == null ? {} : { rectified: f.rectified }),
    ...(f.q ? { OR: text.map((column) => ({ [column]: contains(f.q!) })) } : {}),
  };
}

definePage<FindingFilter>({
  field: 'websiteFindingsPage',
  type: 'WebsiteFinding',
  model: 'websiteFinding',
  sortable: ['siteSeq', 'siteName', 'description', 'rectified', 'updatedAt'],
  defaultSort: 'siteSeq',
  where: (f) => findingWhere(f, ['siteName', 'description']),
  filter: findingFilter,
});

definePage<FindingFilter>({
  field: 'newMediaFindingsPage',
  type: 'NewMediaFinding',
  model: 'newMediaFinding',
  sortable: ['seq', 'account', 'platform', 'description', 'rectified', 'updatedAt'],
  defaultSort: 'seq',
  where: (f) => findingWhere(f, ['account', 'platform', 'description']),
  filter: findingFilter,
});

definePage<{ ids?: string[] | null; q?: string | null }>({
  field: 'inspectionRoundsPage',
  type: 'InspectionRound',
  model: 'inspectionRound',
  sortable: ['quarter', 'windowStart', 'updatedAt'],
  defaultSort: 'quarter',
  where: (f) => (f.q ? { quarter: contains(f.q) } : {}),
  filter: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false, description: 'Part of the quarter, e.g. 2024.' }),
  }),
});
