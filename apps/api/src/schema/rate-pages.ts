// Page-shaped lists of rate tables, their versions and entries for the dashboard (react-admin's
// getList); drafts are listed only for callers who may see them.
import type { Prisma } from '@gazette/db';
import { rawId } from './ids.ts';
import { definePage } from './pagination.ts';
import { RateTableKindEnum, RateVersionStatusEnum } from './rates.ts';
import { likeText, seesDrafts } from './shared.ts';

const contains = (q: string) => ({ contains: likeText(q.trim()), mode: 'insensitive' as const });

definePage<{
  ids?: string[] | null;
  q?: string | null;
  kind?: Prisma.RateTableWhereInput['kind'] | null;
  policyId?: string | null;
}>({
  field: 'rateTablesPage',
  label: '价格表',
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

definePage<{
  ids?: string[] | null;
  tableId?: string | null;
  status?: 'DRAFT' | 'PUBLISHED' | null;
}>({
  field: 'rateTableVersionsPage',
  label: '价格表版本',
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

definePage<{
  ids?: string[] | null;
  versionId?: string | null;
  q?: string | null;
  code?: string | null;
}>({
  field: 'rateEntriesPage',
  label: '价格表条目',
  type: 'RateEntry',
  model: 'rateEntry',
  sortable: ['position', 'key', 'code', 'name', 'amount', 'rate', 'updatedAt'],
  defaultSort: 'position',
  where: (f, ctx) => ({
    ...(f.versionId ? { versionId: rawId(f.versionId, 'RateTableVersion', 'versionId') } : {}),
    ...(f.code ? { code: f.code } : {}),
    ...(f.q
      ? { OR: [{ code: contains(f.q) }, { name: contains(f.q) }, { key: contains(f.q) }] }
      : {}),
    ...(seesDrafts(ctx) ? {} : { tableVersion: { status: 'PUBLISHED' } }),
  }),
  filter: (t) => ({
    ids: t.idList({ required: false }),
    versionId: t.id({ required: false }),
    q: t.string({ required: false }),
    code: t.string({ required: false }),
  }),
});
