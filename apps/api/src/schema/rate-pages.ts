// Page-shaped lists of rate tables, their versions and entries for the dashboard (react-admin's
// getList); drafts are listed only for callers who may see them. Tables and entries are filtered
// by the same service functions as their Relay connections (rateTables, rateEntries).
import type { Prisma } from '@gazette/db';
import { rateEntryWhere } from '../services/rates/rate-entries-where.ts';
import { rateTableWhere } from '../services/rates/rate-table-where.ts';
import { rawId } from './ids.ts';
import { definePage } from './pagination.ts';
import { RateTableKindEnum, RateVersionStatusEnum } from './rates.ts';
import { seesDrafts } from './shared.ts';

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
  where: (f) =>
    rateTableWhere({
      q: f.q,
      kind: f.kind,
      policyId: f.policyId ? rawId(f.policyId, 'Policy', 'policyId') : null,
    }),
  filter: (t) => ({
    ids: t.idList({ description: '只看这些全局 ID', required: false }),
    q: t.string({ description: '键或名称中的一段', required: false }),
    kind: t.field({ description: '只看这个种类', type: RateTableKindEnum, required: false }),
    policyId: t.id({ description: '只看这份文件(全局 ID)公布的价格表', required: false }),
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
    ids: t.idList({ description: '只看这些全局 ID', required: false }),
    tableId: t.id({ description: '只看这个价格表(全局 ID)的版本', required: false }),
    status: t.field({
      description: '只看这个状态的版本',
      type: RateVersionStatusEnum,
      required: false,
    }),
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
  where: (f, ctx) =>
    rateEntryWhere(ctx, {
      versionId: f.versionId ? rawId(f.versionId, 'RateTableVersion', 'versionId') : null,
      code: f.code,
      q: f.q,
    }),
  filter: (t) => ({
    ids: t.idList({ description: '只看这些全局 ID', required: false }),
    versionId: t.id({ description: '只看这个版本(全局 ID)的条目', required: false }),
    q: t.string({ description: '编码、名称或键中的一段', required: false }),
    code: t.string({ description: '只看这个项目编码', required: false }),
  }),
});
