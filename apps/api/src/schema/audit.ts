// The audit log (ADMIN only): who did what, when, with the record before and after.
import { builder, checkedMaxSize } from '../builder.ts';
import { totalCount, TOTAL_COUNT_NOTE } from '../services/paging.ts';
import { auditWhere, type AuditFilter } from '../services/audit/audit-where.ts';
import {
  AUDIT_ENTRY_SELECT,
  auditPageColumns,
  readAuditPage,
  readAuditPageCounted,
} from '../services/audit/read-audit-page.ts';
import { definePage } from './pagination.ts';

builder.prismaNode('AuditEntry', {
  description: '审计记录:谁在何时做了什么,以及记录修改前后的内容(仅管理员可读)',
  // The global id carries a random uuid, never the sequence number (which would tell how many
  // entries exist and in which order).
  id: { field: 'publicId' },
  authScopes: { admin: true },
  // Checked once per entry (when the entry is completed), not again on each of its fields.
  runScopesOnType: true,
  // Select mode: a page of the log must not read every entry's record before and after (large
  // JSON) when the list shows who, what and when. The small columns are always read: a field with
  // its own `select` (what `t.expose…` gives in select mode) is resolved through Pothos' per-row
  // loader check, which a page of 25 entries paid once per field and entry (≈ 6 % of the page's
  // CPU); plain resolvers over always-read columns skip it. Only the JSON columns are per field.
  select: AUDIT_ENTRY_SELECT,
  fields: (t) => ({
    at: t.string({
      description: '发生时间(ISO 时间戳)',
      resolve: (e) => e.at.toISOString(),
    }),
    actorId: t.string({
      description: '操作者的 ID(账户或 API 令牌);系统操作为 null',
      nullable: true,
      resolve: (e) => e.actorId,
    }),
    actorLabel: t.string({
      description: '操作者的可读名称(邮箱或令牌名称)',
      resolve: (e) => e.actorLabel,
    }),
    action: t.string({ description: '操作,如 case.accept', resolve: (e) => e.action }),
    entity: t.string({
      description: '被操作记录的模型名,如 DiscretionCase',
      resolve: (e) => e.entity,
    }),
    entityId: t.string({ description: '被操作记录的 ID', resolve: (e) => e.entityId }),
    before: t.expose('before', {
      description: '修改前的记录(新建时为 null)',
      type: 'JSON',
      nullable: true,
    }),
    after: t.expose('after', {
      description: '修改后的记录(删除时为 null)',
      type: 'JSON',
      nullable: true,
    }),
  }),
});

const AuditEntryFilter = builder.inputType('AuditEntryFilter', {
  description: '审计记录的筛选条件;各条件同时满足',
  fields: (t) => ({
    entity: t.string({ required: false, description: '被操作记录的模型名,如 DiscretionCase' }),
    entityId: t.string({ description: '被操作记录的 ID', required: false }),
    actor: t.string({
      required: false,
      description: '操作者的 ID,或邮箱 / 令牌名称中的一段',
    }),
    action: t.string({ required: false, description: '操作的完整名称,如 case.accept' }),
    from: t.field({ type: 'Date', required: false, description: '起始日(含),按北京时间' }),
    to: t.field({ type: 'Date', required: false, description: '截止日(含),按北京时间' }),
  }),
});

definePage<AuditFilter>({
  field: 'auditEntriesPage',
  label: '审计记录',
  type: 'AuditEntry',
  model: 'auditEntry',
  authScopes: { admin: true },
  sortable: ['at', 'entity', 'action', 'actorLabel'],
  defaultSort: 'at',
  defaultOrder: 'DESC',
  tieBreak: 'desc',
  filterInput: AuditEntryFilter,
  where: (filter) => auditWhere(filter),
  // The log only grows: an unfiltered page must not count it all (issue 9).
  total: {
    count: (ctx, where, exact) => totalCount(ctx, 'AuditEntry', where, exact),
    note: TOTAL_COUNT_NOTE.replaceAll('totalCount', 'total'),
  },
  // Its unfiltered pages (the dashboard's log) read the asked columns in one statement on pg.
  unfilteredPage: (ctx, query, page) => {
    const columns = auditPageColumns(query);
    return columns ? readAuditPage(ctx.prisma, columns, page) : null;
  },
  // …and with their total, in that same one statement.
  unfilteredPageCounted: (ctx, query, page) => {
    const columns = auditPageColumns(query);
    return columns ? readAuditPageCounted(ctx.prisma, columns, page) : null;
  },
});

builder.queryFields((t) => ({
  // Newest first.
  auditEntries: t.prismaConnection({
    description: `审计记录,新的在前(Relay 连接;仅管理员)。${TOTAL_COUNT_NOTE}`,
    type: 'AuditEntry',
    cursor: 'publicId',
    authScopes: { admin: true },
    maxSize: checkedMaxSize,
    args: { filter: t.arg({ description: '筛选条件', type: AuditEntryFilter, required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.auditEntry.findMany({
        ...query,
        where: auditWhere(args.filter),
        orderBy: { id: 'desc' },
      }),
    totalCount: (_parent, args, ctx) => {
      const where = auditWhere(args.filter);
      return totalCount(ctx, 'AuditEntry', where, () => ctx.prisma.auditEntry.count({ where }));
    },
  }),
}));
