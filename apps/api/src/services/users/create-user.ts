import { badInput } from '@gazette/domain';
import type { Role, User } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { GazetteContext } from '../../context.ts';
import { hashPassword } from '../../auth/password.ts';
import { auditView, checkPassword, EMAIL, normalizeEmail } from './user-fields.ts';

export interface CreateUserInput {
  email: string;
  name?: string | null;
  role: Role;
  password: string;
}

export async function createUser(
  ctx: Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>,
  input: CreateUserInput,
): Promise<User> {
  const email = normalizeEmail(input.email);
  if (!EMAIL.test(email)) throw badInput('email', '邮箱格式不正确');
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return ctx.prisma.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (taken) throw badInput('email', '该邮箱已被使用');
    const user = await tx.user.create({
      data: { email, name: input.name?.trim() || null, role: input.role, passwordHash },
    });
    await recordAudit(tx, ctx, {
      action: 'user.create',
      entity: 'User',
      entityId: user.id,
      after: auditView(user),
    });
    return user;
  });
}
