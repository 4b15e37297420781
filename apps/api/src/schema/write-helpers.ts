// Conflict-safe writes: every update or delete names the version it read; a stale one fails with
// CONFLICT (naming who changed the record and when) and changes nothing. Every write records an
// audit entry in the same transaction.
import { DomainError } from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import type { GazetteContext } from '../context.ts';
import { recordAudit } from '../audit.ts';

export type Tx = Prisma.TransactionClient;

export type VersionedModel =
  | 'policy'
  | 'organization'
  | 'organizationAlias'
  | 'rateTable'
  | 'rateTableVersion'
  | 'rateEntry'
  | 'websiteFinding'
  | 'newMediaFinding'
  | 'inspectionRound'
  | 'reviewTask';

interface LooseDelegate {
  findUnique(args: {
    where: { id: string };
  }): Promise<({ id: string; version: number } & Record<string, unknown>) | null>;
  updateMany(args: {
    where: { id: string; version: number };
    data: Record<string, unknown>;
  }): Promise<{ count: number }>;
  deleteMany(args: { where: { id: string; version: number } }): Promise<{ count: number }>;
  create(args: {
    data: Record<string, unknown>;
  }): Promise<{ id: string } & Record<string, unknown>>;
}

const delegate = (tx: Tx, model: VersionedModel) => tx[model] as unknown as LooseDelegate;

/** Model name as written in audit entries, e.g. rateEntry → RateEntry. */
export const entityName = <M extends VersionedModel>(model: M) =>
  (model[0]!.toUpperCase() + model.slice(1)) as Capitalize<M>;

interface PrismaKnownError {
  code: string;
  meta?: Record<string, unknown>;
}

function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    /^P\d{4}$/.test((error as { code: string }).code)
  );
}

/** Constraint violations become expected errors; anything else stays unexpected (masked). */
export function mapPrismaError(error: unknown): unknown {
  if (!isPrismaKnownError(error)) return error;
  const target =
    error.meta?.target ??
    (
      error.meta?.driverAdapterError as
        { cause?: { constraint?: { fields?: string[] } } } | undefined
    )?.cause?.constraint?.fields;
  const field = Array.isArray(target)
    ? target.join(',')
    : typeof target === 'string'
      ? target
      : undefined;
  if (error.code === 'P2002')
    return new DomainError('BAD_USER_INPUT', `已存在相同的记录${field ? `(${field})` : ''}`, {
      field,
    });
  if (error.code === 'P2003')
    return new DomainError('CONFLICT', '该记录仍被其他记录引用,不能删除或修改引用', { field });
  if (error.code === 'P2025') return new DomainError('NOT_FOUND', '记录不存在');
  return error;
}

/** Runs a write in one transaction, mapping constraint violations to expected errors. */
export async function writeTransaction<T>(
  ctx: GazetteContext,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.prisma.$transaction(fn, { timeout: 60_000, maxWait: 10_000 });
  } catch (error) {
    throw mapPrismaError(error);
  }
}

/** CONFLICT naming the last change of the record, from the audit log. */
export async function conflictError(
  tx: Tx,
  model: VersionedModel,
  id: string,
  currentVersion: number,
  yourVersion: number,
) {
  const last = await tx.auditEntry.findFirst({
    where: { entity: entityName(model), entityId: id },
    orderBy: { id: 'desc' },
    select: { actorLabel: true, at: true, action: true },
  });
  const who = last ? `${last.actorLabel} 于 ${last.at.toISOString()}` : '其他人';
  return new DomainError(
    'CONFLICT',
    `记录已被${who}修改(当前版本 ${currentVersion},你提交的版本 ${yourVersion}),请刷新后重试`,
    {
      field: 'version',
      details: {
        currentVersion,
        yourVersion,
        changedBy: last?.actorLabel ?? null,
        changedAt: last?.at.toISOString() ?? null,
        lastAction: last?.action ?? null,
      },
    },
  );
}

export async function findOrThrow(tx: Tx, model: VersionedModel, id: string) {
  const row = await delegate(tx, model).findUnique({ where: { id } });
  if (!row)
    throw new DomainError('NOT_FOUND', `${entityName(model)} ${id} 不存在`, { field: 'id' });
  return row;
}

/** Updates when `version` is current (updateMany where {id, version}, then +1); else CONFLICT. */
export async function updateVersioned(
  tx: Tx,
  ctx: GazetteContext,
  model: VersionedModel,
  id: string,
  version: number,
  data: Record<string, unknown>,
  before?: Awaited<ReturnType<typeof findOrThrow>>,
) {
  const current = before ?? (await findOrThrow(tx, model, id));
  if (current.version !== version)
    throw await conflictError(tx, model, id, current.version, version);
  const { count } = await delegate(tx, model).updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const now = await findOrThrow(tx, model, id);
    throw await conflictError(tx, model, id, now.version, version);
  }
  const after = await findOrThrow(tx, model, id);
  await recordAudit(tx, ctx, {
    action: `${model}.update`,
    entity: entityName(model),
    entityId: id,
    before: current,
    after,
  });
  return after;
}

/** Deletes when `version` is current; else CONFLICT. Returns the deleted row. */
export async function deleteVersioned(
  tx: Tx,
  ctx: GazetteContext,
  model: VersionedModel,
  id: string,
  version: number,
) {
  const current = await findOrThrow(tx, model, id);
  if (current.version !== version)
    throw await conflictError(tx, model, id, current.version, version);
  const { count } = await delegate(tx, model).deleteMany({ where: { id, version } });
  if (count === 0) throw await conflictError(tx, model, id, current.version + 1, version);
  await recordAudit(tx, ctx, {
    action: `${model}.delete`,
    entity: entityName(model),
    entityId: id,
    before: current,
  });
  return current;
}

/** Loads what a delete answers (the client's selection of the row) while the row still exists. */
export type ReadBeforeDelete<T> = (tx: Tx) => Promise<T | null>;

/**
 * A delete that answers the row as it was: in one transaction (`transaction`, e.g.
 * writeTransaction or rateWrite), `read` loads the client's selection, then `remove` checks,
 * deletes (deleteVersioned) and records what else the delete means.
 */
export function deleteAnsweringRow<T>(
  transaction: (fn: (tx: Tx) => Promise<T>) => Promise<T>,
  read: ReadBeforeDelete<T>,
  remove: (tx: Tx) => Promise<void>,
): Promise<T> {
  return transaction(async (tx) => {
    const row = await read(tx);
    await remove(tx);
    return row!;
  });
}

export async function createAudited(
  tx: Tx,
  ctx: GazetteContext,
  model: VersionedModel,
  data: Record<string, unknown>,
) {
  const created = await delegate(tx, model).create({ data });
  await recordAudit(tx, ctx, {
    action: `${model}.create`,
    entity: entityName(model),
    entityId: created.id,
    after: created,
  });
  return created;
}

/** Drops undefined keys (GraphQL omitted fields) so a patch only touches what was sent. */
export function definedOnly<T extends Record<string, unknown>>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
