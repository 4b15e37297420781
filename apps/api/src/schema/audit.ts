// The audit log (ADMIN only): who did what, when, with the record before and after.
import { badInput, toUtcMidnight, addDays, type PlainDate } from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import { builder, checkedMaxSize } from '../builder.ts';
import { pageArgs } from '../services/paging.ts';
import { pageFieldArgs } from './users.ts';
import { likeText } from './shared.ts';

builder.prismaNode('AuditEntry', {
  id: { field: 'id' },
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

interface AuditFilter {
  entity?: string | null;
  entityId?: string | null;
  actor?: string | null;
  action?: string | null;
  from?: PlainDate | null;
  to?: PlainDate | null;
}

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

// Days are Asia/Shanghai calendar days: a day starts at 16:00 UTC of the day before.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60_000;
const dayStart = (d: PlainDate) => new Date(toUtcMidnight(d).getTime() - SHANGHAI_OFFSET_MS);

export function auditWhere(filter: AuditFilter | null | undefined): Prisma.AuditEntryWhereInput {
  if (!filter) return {};
  const and: Prisma.AuditEntryWhereInput[] = [];
  if (filter.entity) and.push({ entity: filter.entity });
  if (filter.entityId) and.push({ entityId: filter.entityId });
  if (filter.action) and.push({ action: filter.action });
  if (filter.actor?.trim()) {
    const a = filter.actor.trim();
    and.push({ OR: [{ actorId: a }, { actorLabel: { contains: likeText(a), mode: 'insensitive' } }] });
  }
  if (filter.from && filter.to && filter.from > filter.to)
    throw badInput('filter.to', '结束日期不能早于开始日期');
  if (filter.from) and.push({ at: { gte: dayStart(filter.from) } });
  if (filter.to) and.push({ at: { lt: dayStart(addDays(filter.to, 1)) } });
  return and.length ? { AND: and } : {};
}

const AUDIT_SORT_FIELDS = ['at', 'entity', 'action', 'actorLabel'] as const;

interface AuditPageArgs {
  page?: number | null;
  perPage?: number | null;
  sort?: { field: string; order: 'ASC' | 'DESC' } | null;
  filter?: AuditFilter | null;
}

function auditPageArgs(args: AuditPageArgs) {
  return pageArgs(
    { ...args, sortField: args.sort?.field, sortOrder: args.sort?.order ?? 'DESC' },
    AUDIT_SORT_FIELDS,
    'at',
  );
}

const AuditEntryPage = builder.objectRef<AuditPageArgs>('AuditEntryPage').implement({
  fields: (t) => ({
    nodes: t.prismaField({
      type: ['AuditEntry'],
      resolve: (query, args, _a, ctx) => {
        const { skip, take, orderBy } = auditPageArgs(args);
        return ctx.prisma.auditEntry.findMany({
          ...query,
          where: auditWhere(args.filter),
          skip,
          take,
          orderBy: [orderBy, { id: 'desc' }],
        });
      },
    }),
    total: t.int({
      resolve: (args, _a, ctx) => ctx.prisma.auditEntry.count({ where: auditWhere(args.filter) }),
    }),
  }),
});

builder.queryFields((t) => ({
  auditEntriesPage: t.field({
    type: AuditEntryPage,
    authScopes: { admin: true },
    args: { ...pageFieldArgs(t.arg), filter: t.arg({ type: AuditEntryFilter, required: false }) },
    resolve: (_root, args) => {
      auditPageArgs(args);
      auditWhere(args.filter);
      return args;
    },
  }),
  // Newest first.
  auditEntries: t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    authScopes: { admin: true },
    maxSize: checkedMaxSize,
    args: { filter: t.arg({ type: AuditEntryFilter, required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.auditEntry.findMany({
        ...query,
        where: auditWhere(args.filter),
        orderBy: { id: 'desc' },
      }),
    totalCount: (_parent, args, ctx) =>
      ctx.prisma.auditEntry.count({ where: auditWhere(args.filter) }),
  }),
}));
