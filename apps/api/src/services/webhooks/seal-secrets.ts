// A webhook secret's hint, and at start-up (server.ts): the webhook secrets stored in clear (before
// sealing existed, or while the server ran without a key) are sealed under the key now configured,
// those sealed under GAZETTE_SECRET_KEY_PREVIOUS re-sealed under it; with no key, the server says
// how many secrets it holds in clear or cannot read.
import type { Logger } from 'pino';
import type { PrismaClient } from '@gazette/db';
import {
  isSealed,
  openingKeys,
  openSecret,
  SEALED_PREFIX,
  sealSecret,
  SecretUnreadableError,
} from '../../platform/secret-box.ts';
import { WEBHOOK_SECRET_PREFIX } from './sign-payload.ts';

/** What a list shows of a stored secret: its first characters, or that it cannot be opened. */
export function secretHint(stored: string): string {
  try {
    return `${openSecret(openingKeys(), stored).slice(0, WEBHOOK_SECRET_PREFIX.length + 4)}…`;
  } catch (error) {
    // (deliveries fail with the reason in lastError)
    if (error instanceof SecretUnreadableError) return '(密钥无法解密)';
    throw error;
  }
}

export interface ResealCounts {
  /** Secrets found in clear, now sealed under the current key. */
  sealed: number;
  /** Secrets sealed under the previous key, now sealed under the current one. */
  resealed: number;
  /** Secrets neither key opens (their deliveries fail until rotated). */
  unreadable: number;
}

/**
 * Seals every clear secret under `key`, and re-seals under it those only `previous` opens; how
 * many of each, and how many neither opens.
 */
export async function resealWebhookSecrets(
  prisma: PrismaClient,
  key: Buffer,
  previous: Buffer | null,
): Promise<ResealCounts> {
  const counts: ResealCounts = { sealed: 0, resealed: 0, unreadable: 0 };
  const rows = await prisma.webhook.findMany({ select: { id: true, secret: true } });
  for (const { id, secret } of rows) {
    let clear: string;
    try {
      openSecret(key, secret);
      if (isSealed(secret)) continue; // sealed under the current key already
      clear = secret;
    } catch {
      try {
        clear = openSecret(previous ? [previous] : [], secret);
      } catch {
        counts.unreadable++;
        continue;
      }
    }
    // Only if still the same stored value (another instance starting may have done it already).
    const { count } = await prisma.webhook.updateMany({
      where: { id, secret },
      data: { secret: sealSecret(key, clear) },
    });
    counts[isSealed(secret) ? 'resealed' : 'sealed'] += count;
  }
  return counts;
}

/** The start-up report: sealed and re-sealed now, or (without a key) what stays in clear or unreadable. */
export async function reportWebhookSecrets(
  prisma: PrismaClient,
  keys: { key: Buffer | null; previous: Buffer | null; source: string },
  logger: Logger,
): Promise<void> {
  if (keys.key) {
    const counts = await resealWebhookSecrets(prisma, keys.key, keys.previous);
    logger.info({ keySource: keys.source, ...counts }, 'webhook secrets are sealed at rest');
    if (counts.unreadable > 0)
      logger.error(
        { unreadable: counts.unreadable },
        `${counts.unreadable} 个网络钩子的签名密钥无法用当前密钥(或 GAZETTE_SECRET_KEY_PREVIOUS)解密:这些钩子的投递将失败,请为它们更换密钥`,
      );
    return;
  }
  const [inClear, unreadable] = await Promise.all([
    prisma.webhook.count({ where: { NOT: { secret: { startsWith: SEALED_PREFIX } } } }),
    prisma.webhook.count({ where: { secret: { startsWith: SEALED_PREFIX } } }),
  ]);
  if (unreadable > 0)
    logger.error(
      { unreadable },
      `${unreadable} 个网络钩子的签名密钥已加密保存,但未配置 GAZETTE_SECRET_KEY(或 GAZETTE_SECRET_KEY_FILE):这些钩子的投递将失败`,
    );
  logger.warn(
    { inClear },
    '未配置 GAZETTE_SECRET_KEY(或 GAZETTE_SECRET_KEY_FILE):网络钩子的签名密钥以明文保存在数据库中',
  );
}
