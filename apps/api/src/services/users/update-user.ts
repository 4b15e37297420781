import { DomainError, badInput } from '@gazette/domain';
import type { Prisma, Role, User } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { GazetteContext } from '../../context.ts';
import { hashPassword } from '../../auth/password.ts';
import { auditView, checkPassword } from './user-fields.ts';

export interface UpdateUserInput {
  id: string;
  version: number;
  name?: string | null;
  role?: Role | null;
  password?: string | null;
  active?: boolean | null;
}

/**
 * Optimistic concurrency: the write matches `{id, version}` and bumps the version, so an edit
 * based on a stale read changes nothing and fails with CONFLICT.
 */
export async function updateUser(
  ctx: Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>,
  input: UpdateUserInput,
): Promise<User> {
  const data: Prisma.UserUpdateManyMutationInput = {};
  if (input.name !== undefined) data.name = input.name?.trim() || null;
  if (input.role) data.role = input.role;
  if (input.active !== undefined && input.active !== null) data.active = input.active;
  if (input.password) {
    checkPassword(input.password);
    data.passwordHash = await hashPassword(input.password);
  }
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id } });
    if (!before) throw new DomainError('NOT_FOUND', '用户不存在');
    const demotes = (data.role && data.role !== 'ADMIN') || data.active === false;
    if (before.role === 'ADMIN' && before.active && demotes) await keepOneAdmin(tx, before.id);

    const { count } = await tx.user.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0)
      throw new DomainError('CONFLICT', '该用户已被他人修改,请刷新后重试', {
        details: { currentVersion: before.version },
      });
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id } });
    // A deactivated account, a new role or a new password ends its open sessions.
    if (data.active === false || data.role || data.passwordHash) {
      await tx.session.deleteMany({ where: { userId: after.id } });
    }
    await recordAudit(tx, ctx, {
      action: data.active === false ? 'user.deactivate' : 'user.update',
      entity: 'User',
      entityId: after.id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

async function keepOneAdmin(tx: Prisma.TransactionClient, leavingId: string) {
  // Lock the active admins so two concurrent demotions cannot both pass this check.
  const others = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND active AND id <> ${leavingId} FOR UPDATE`;
  if (others.length === 0) throw badInput('role', '不能停用或降级最后一个管理员');
}
