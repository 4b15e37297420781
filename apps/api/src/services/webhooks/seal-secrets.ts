// A webhook secret's hint, and at start-up (server.ts): the webhook secrets stored in clear (before sealing existed, or while
// the server ran without a key) are sealed under the key now configured; with no key, the server
// says how many secrets it holds in clear or cannot read.
import type { Logger } from 'pino';
import type { PrismaClient } from '@gazette/db';
import {
  openSecret,
  SEALED_PREFIX,
  sealSecret,
  secretKey,
  SecretUnreadableError,
} from '../../platform/secret-box.ts';
import { WEBHOOK_SECRET_PREFIX } from './sign-payload.ts';

/** What a list shows of a stored secret: its first characters, or that it cannot be opened. */
export function secretHint(stored: string): string {
  try {
    return `${openSecret(secretKey(), stored).slice(0, WEBHOOK_SECRET_PREFIX.length + 4)}…`;
  } catch (error) {
    // (deliveries fail with the reason in lastError)
    if (error instanceof SecretUnreadableError) return '(密钥无法解密)';
    throw error;
  }
}

/** Seals every clear secret under `key`; how many it sealed. */
export async function sealClearWebhookSecrets(prisma: PrismaClient, key: Buffer): Promise<number> {
  const clear = await prisma.webhook.findMany({
    where: { NOT: { secret: { startsWith: SEALED_PREFIX } } },
    select: { id: true, secret: true },
  });
  let sealed = 0;
  for (const { id, secret } of clear) {
    // Only if still the same clear value (another instance starting may have sealed it already).
    const { count } = await prisma.webhook.updateMany({
      where: { id, secret },
      data: { secret: sealSecret(key, secret) },
    });
    sealed += count;
  }
  return sealed;
}

/** The start-up report: sealed now, or (without a key) what stays in clear or unreadable. */
export async function reportWebhookSecrets(
  prisma: PrismaClient,
  key: Buffer | null,
  source: string,
  logger: Logger,
): Promise<void> {
  if (key) {
    const sealed = await sealClearWebhookSecrets(prisma, key);
    logger.info({ keySource: source, sealed }, 'webhook secrets are sealed at rest');
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
