// The audit log (ADMIN only): who did what, when, with the record before and after.
import { builder, checkedMaxSize } from '../builder.ts';
import { totalCount, TOTAL_COUNT_NOTE } from '../services/paging.ts';
import { auditWhere, type AuditFilter } from '../services/audit/audit-where.ts';
import { definePage } from './pagination.ts';

builder.prismaNode('AuditEntry', {
  // The global id carries a random uuid, never the sequence number (which would tell how many
  // entries exist and in which order).
  id: { field: 'publicId' },
  authScopes: { admin: true },
  fields: (t) => ({
    at: t.string({ resolve: (e) => e.at.toISOString() }),
    actorId: t.exposeString('actorId', { nullable: true }),
    actorLabel: t.exposeString('actorLabel'),
    action: t.exposeString('action'),
    entity: t.exposeString('entity'),
    entityId: t.exposeString('entityId'),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
  }),
});

const AuditEntryFilter = builder.inputType('AuditEntryFilter', {
  fields: (t) => ({
    entity: t.string({ required: false, description: 'Model name, e.g. DiscretionCase.' }),
    entityId: t.string({ required: false }),
    actor: t.string({
      required: false,
      description: "The actor's id, or part of the email / token name.",
    }),
    action: t.string({ required: false, description: 'Exact action, e.g. case.accept.' }),
    from: t.field({ type: 'Date', required: false, description: 'First day, Asia/Shanghai.' }),
    to: t.field({ type: 'Date', required: false, description: 'Last day, Asia/Shanghai.' }),
  }),
});

definePage<AuditFilter>({
  field: 'auditEntriesPage',
  type: 'AuditEntry',
  model: 'auditEntry',
  authScopes: { admin: true },
  sortable: ['at', 'entity', 'action', 'actorLabel'],
  defaultSort: 'at',
  defaultOrder: 'DESC',
  tieBreak: 'desc',
  filterInput: AuditEntryFilter,
  where: (filter) => auditWhere(filter),
});

builder.queryFields((t) => ({
  // Newest first.
  auditEntries: t.prismaConnection({
    description: TOTAL_COUNT_NOTE,
    type: 'AuditEntry',
    cursor: 'publicId',
    authScopes: { admin: true },
    maxSize: checkedMaxSize,
    args: { filter: t.arg({ type: AuditEntryFilter, required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.auditEntry.findMany({
        ...query,
        where: auditWhere(args.filter),
        orderBy: { id: 'desc' },
      }),
    totalCount: (_parent, args, ctx) => {
      const where = auditWhere(args.filter);
      return totalCount(ctx.prisma, 'AuditEntry', where, () =>
        ctx.prisma.auditEntry.count({ where }),
      );
    },
  }),
}));
