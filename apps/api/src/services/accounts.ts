import { DomainError, badInput } from '@gazette/domain';
import type { Prisma, Role, User } from '@gazette/db';
import { recordAudit } from '../audit.ts';
import type { GazetteContext, Viewer } from '../context.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { SESSION_PREFIX, newSecret, sha256Hex } from '../auth/secrets.ts';
import { loginThrottle, type LoginThrottle } from '../auth/throttle.ts';
import { pageArgs, type PageInput, type Page } from './paging.ts';
import { likeText } from '../schema/shared.ts';

export const SESSION_TTL_MS = 12 * 60 * 60_000;
const MIN_PASSWORD_LENGTH = 10;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

type Ctx = Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>;

/** The same message whether the email is unknown, inactive or the password wrong. */
const BAD_CREDENTIALS = '邮箱或密码错误';

// A real scrypt hash, verified when the email is unknown so both paths take the same time.
let dummyHash: Promise<string> | undefined;
function timingDecoy() {
  dummyHash ??= hashPassword('gazette-timing-decoy-password');
  return dummyHash;
}

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
}

export async function login(
  ctx: Ctx & { clientAddress?: string },
  email: string,
  password: string,
  throttle: LoginThrottle = loginThrottle,
): Promise<LoginResult> {
  const address = ctx.clientAddress ?? 'unknown';
  const normalized = normalizeEmail(email);
  const wait = await throttle.waitFor(ctx.prisma, normalized, address);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new DomainError('RATE_LIMITED', `登录尝试过于频繁,请 ${seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`}后再试`, {
      details: { retryAfterSeconds: seconds },
    });
  }
  const user = await ctx.prisma.user.findUnique({ where: { email: normalized } });
  const ok = user
    ? await verifyPassword(password, user.passwordHash)
    : (await verifyPassword(password, await timingDecoy()), false);
  if (!user || !ok || !user.active) {
    await throttle.recordFailure(ctx.prisma, normalized, address);
    throw new DomainError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  await throttle.recordSuccess(ctx.prisma, normalized, address);

  const token = newSecret(SESSION_PREFIX);
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  const actor = { viewer: asViewer(user, ''), actorLabel: user.email };
  await ctx.prisma.$transaction(async (tx) => {
    // Expired sessions of this user are dead weight; clear them while we are here.
    await tx.session.deleteMany({ where: { userId: user.id, expiresAt: { lte: new Date() } } });
    const session = await tx.session.create({
      data: { userId: user.id, tokenHash: sha256Hex(token), expiresAt },
    });
    await recordAudit(tx, actor, {
      action: 'session.login',
      entity: 'Session',
      entityId: session.id,
    });
  });
  return { token, expiresAt, user };
}

/** Ends the caller's session; true when there was one. */
export async function logout(ctx: Ctx): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.kind !== 'user') return false;
  return ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: viewer.sessionId } });
    if (count)
      await recordAudit(tx, ctx, {
        action: 'session.logout',
        entity: 'Session',
        entityId: viewer.sessionId,
      });
    return count > 0;
  });
}

function asViewer(user: User, sessionId: string): Viewer {
  return { kind: 'user', userId: user.id, email: user.email, role: user.role, sessionId };
}

/** What an audit entry keeps of a user: never the password hash. */
function auditView(user: User) {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}

function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badInput('password', `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`);
  }
}

export interface CreateUserInput {
  email: string;
  name?: string | null;
  role: Role;
  password: string;
}

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<User> {
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
export async function updateUser(ctx: Ctx, input: UpdateUserInput): Promise<User> {
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

export function deactivateUser(ctx: Ctx, id: string, version: number) {
  return updateUser(ctx, { id, version, active: false });
}

async function keepOneAdmin(tx: Prisma.TransactionClient, leavingId: string) {
  // Lock the active admins so two concurrent demotions cannot both pass this check.
  const others = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND active AND id <> ${leavingId} FOR UPDATE`;
  if (others.length === 0) throw badInput('role', '不能停用或降级最后一个管理员');
}

export interface UserFilter {
  q?: string | null;
  role?: Role | null;
  active?: boolean | null;
}

export const USER_SORT_FIELDS = ['email', 'name', 'role', 'createdAt', 'updatedAt'] as const;

export function userWhere(filter: UserFilter = {}): Prisma.UserWhereInput {
  const where: Prisma.UserWhereInput = {};
  if (filter.q?.trim()) {
    const q = filter.q.trim();
    where.OR = [
      { email: { contains: likeText(q), mode: 'insensitive' } },
      { name: { contains: likeText(q), mode: 'insensitive' } },
    ];
  }
  if (filter.role) where.role = filter.role;
  if (filter.active !== undefined && filter.active !== null) where.active = filter.active;
  return where;
}

export async function usersPage(
  ctx: Ctx,
  input: PageInput<UserFilter>,
  query: object = {},
): Promise<Page<User>> {
  const where = userWhere(input.filter ?? {});
  const { skip, take, orderBy } = pageArgs(input, USER_SORT_FIELDS, 'email');
  const [nodes, total] = await Promise.all([
    ctx.prisma.user.findMany({ ...query, where, skip, take, orderBy: [orderBy, { id: 'asc' }] }),
    ctx.prisma.user.count({ where }),
  ]);
  return { nodes, total };
}
