import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@gazette/db';
import { hashPassword } from './auth/password.ts';

export const DEFAULT_ADMIN_EMAIL = 'admin@localhost';
export const INITIAL_PASSWORD_FILE = 'initial-admin-password';
/** Serialises bootstrapping across servers sharing one database. */
const BOOTSTRAP_LOCK_KEY = 0x6761_7a61; // "gaza"

export interface BootstrapAdminOptions {
  env?: NodeJS.ProcessEnv;
  /** Where a generated password is written (`<dataDir>/initial-admin-password`, mode 0600). */
  dataDir: string;
  /** Prints the generated password once, for the person starting the server. */
  announce?: (message: string) => void;
}

export type BootstrapAdminResult =
  | { created: false }
  | { created: true; email: string; generatedPassword: string | null; passwordFile: string | null };

/**
 * On an empty users table, creates one ADMIN from ADMIN_EMAIL / ADMIN_PASSWORD. Without
 * ADMIN_PASSWORD a random password is generated, printed once and written to a 0600 file.
 * Once any user exists it does nothing, so restarts never reset a password.
 */
export async function bootstrapAdmin(
  prisma: PrismaClient,
  options: BootstrapAdminOptions,
): Promise<BootstrapAdminResult> {
  const env = options.env ?? process.env;
  // Every restart after the first: nothing to do, so no scrypt hash (≈50 ms of CPU and 32 MiB
  // of memory at start). The count is taken again under the lock below.
  if ((await prisma.user.count()) > 0) return { created: false };
  const email = (env.ADMIN_EMAIL?.trim() || DEFAULT_ADMIN_EMAIL).toLowerCase();
  const generatedPassword = env.ADMIN_PASSWORD ? null : randomBytes(15).toString('base64url');
  const passwordHash = await hashPassword(env.ADMIN_PASSWORD || generatedPassword!);

  const created = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`;
    if ((await tx.user.count()) > 0) return false;
    await tx.user.create({ data: { email, name: '管理员', role: 'ADMIN', passwordHash } });
    return true;
  });
  if (!created) return { created: false };

  let passwordFile: string | null = null;
  if (generatedPassword) {
    mkdirSync(options.dataDir, { recursive: true });
    passwordFile = path.join(options.dataDir, INITIAL_PASSWORD_FILE);
    writeFileSync(passwordFile, `${email}\n${generatedPassword}\n`, { mode: 0o600 });
    chmodSync(passwordFile, 0o600); // in case an older file was there
    options.announce?.(
      `\n  初始管理员 / initial administrator: ${email}\n  密码 / password: ${generatedPassword}\n` +
        `  (仅显示一次,已保存到 / shown once, saved to ${passwordFile})\n`,
    );
  }
  return { created: true, email, generatedPassword, passwordFile };
}
