import { DomainError } from '@gazette/domain';
import type { User } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { GazetteContext, Viewer } from '../../context.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { SESSION_PREFIX, newSecret, sha256Hex } from '../../auth/secrets.ts';
import { loginThrottle, type LoginThrottle } from '../../auth/throttle.ts';
import { normalizeEmail } from '../users/user-fields.ts';

export const SESSION_TTL_MS = 12 * 60 * 60_000;

type Ctx = Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>;

/** The same message whether the email is unknown, inactive or the password wrong. */
const BAD_CREDENTIALS = '邮箱或密码错误';

// A real scrypt hash, verified when the email is unknown so both paths take the same time.
let dummyHash: Promise<string> | undefined;
function timingDecoy() {
  dummyHash ??= hashPassword('gazette-timing-decoy-password');
  return dummyHash;
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
    throw new DomainError(
      'RATE_LIMITED',
      `登录尝试过于频繁,请 ${seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`}后再试`,
      {
        details: { retryAfterSeconds: seconds },
      },
    );
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

function asViewer(user: User, sessionId: string): Viewer {
  return { kind: 'user', userId: user.id, email: user.email, role: user.role, sessionId };
}
