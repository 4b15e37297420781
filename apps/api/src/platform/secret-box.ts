// Secrets the server must read back in clear (webhook signing keys: HMAC needs the key itself),
// sealed at rest with AES-256-GCM under a key that does not live in the database: a dump, a replica
// or a query that reads the Webhook table does not give away the keys that sign what downstream
// applications trust.
//
// The key, 32 bytes:
//   - GAZETTE_SECRET_KEY: base64 (44 characters) or hex (64 characters); or
//   - GAZETTE_SECRET_KEY_FILE: a file holding it in either form; or
//   - with the embedded PostgreSQL (no DATABASE_URL): <data dir>/secret.key, created on the first
//     start (mode 0600). Several instances of one deployment must share the same key, so a
//     DATABASE_URL deployment names its key: without one, secrets stay in clear and the server
//     warns at every start (sealing resumes, and existing secrets are sealed, once a key is set).
//   - GAZETTE_SECRET_KEY_PREVIOUS (optional, either form): the key being replaced. Secrets sealed
//     under it still open, and the next start re-seals them under the current key; once it has
//     (the start-up log says how many), the variable can go.
//
// Stored form: `enc:v1:` + base64url(12-byte IV | 16-byte tag | ciphertext); a value without the
// prefix is a secret from before sealing (read as is, sealed at the next start with a key).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** How a sealed value starts (what is stored without it is in clear). */
export const SEALED_PREFIX = 'enc:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key that cannot be used: the variable or file named, and why (the server refuses to start). */
export class SecretKeyConfigError extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(`${source} 无效:${reason}(${source} is not a usable key: 32 bytes as base64 or hex)`);
    this.name = 'SecretKeyConfigError';
  }
}

/** A sealed secret read without the key it was sealed under (none configured, or another one). */
export class SecretUnreadableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SecretUnreadableError';
  }
}

/** 32 bytes from base64 or hex text; null when it is neither. */
function keyFromText(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const key = Buffer.from(t.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  return null;
}

export interface SecretKeySource {
  key: Buffer | null;
  /** Where it came from (for the start-up log): a variable, a file, or 'none'. */
  source: string;
  /** GAZETTE_SECRET_KEY_PREVIOUS: the key being replaced (opens, never seals). */
  previous: Buffer | null;
}

/** GAZETTE_SECRET_KEY_PREVIOUS, checked; only beside a current key. */
function previousKey(env: NodeJS.ProcessEnv, current: Buffer | null): Buffer | null {
  if (!env.GAZETTE_SECRET_KEY_PREVIOUS) return null;
  const key = keyFromText(env.GAZETTE_SECRET_KEY_PREVIOUS);
  if (!key)
    throw new SecretKeyConfigError(
      'GAZETTE_SECRET_KEY_PREVIOUS',
      '须为 32 字节的 base64(44 个字符)或十六进制(64 个字符)',
    );
  if (!current)
    throw new SecretKeyConfigError(
      'GAZETTE_SECRET_KEY_PREVIOUS',
      '只能与当前密钥(GAZETTE_SECRET_KEY 或 GAZETTE_SECRET_KEY_FILE)一起设置',
    );
  return key;
}

/**
 * The sealing key from the environment (see the head of this file). `embeddedDataDir`: the data
 * directory of the embedded PostgreSQL when that is the database (its key file is created there).
 */
export function loadSecretKey(
  env: NodeJS.ProcessEnv,
  embeddedDataDir: string | null,
): SecretKeySource {
  const current = currentKeyFrom(env, embeddedDataDir);
  return { ...current, previous: previousKey(env, current.key) };
}

function currentKeyFrom(
  env: NodeJS.ProcessEnv,
  embeddedDataDir: string | null,
): Omit<SecretKeySource, 'previous'> {
  if (env.GAZETTE_SECRET_KEY) {
    const key = keyFromText(env.GAZETTE_SECRET_KEY);
    if (!key)
      throw new SecretKeyConfigError(
        'GAZETTE_SECRET_KEY',
        '须为 32 字节的 base64(44 个字符)或十六进制(64 个字符)',
      );
    return { key, source: 'GAZETTE_SECRET_KEY' };
  }
  const file =
    env.GAZETTE_SECRET_KEY_FILE ??
    (embeddedDataDir ? path.join(embeddedDataDir, 'secret.key') : null);
  if (!file) return { key: null, source: 'none' };
  const name = env.GAZETTE_SECRET_KEY_FILE ? 'GAZETTE_SECRET_KEY_FILE' : file;
  if (!existsSync(file)) {
    if (env.GAZETTE_SECRET_KEY_FILE) throw new SecretKeyConfigError(name, `文件不存在:${file}`);
    // The embedded default's own key, made once beside its data.
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
      chmodSync(file, 0o600);
    } catch (error) {
      // Another start made it first: read that one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = keyFromText(readFileSync(file, 'utf8'));
  if (!key)
    throw new SecretKeyConfigError(
      name,
      '文件内容须为 32 字节的 base64(44 个字符)或十六进制(64 个字符)',
    );
  return { key, source: file };
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/** `clear` sealed under `key`; in clear when there is no key. */
export function sealSecret(key: Buffer | null, clear: string): string {
  if (!key) return clear;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/**
 * The clear secret of a stored value (a value from before sealing is returned as is), opened with
 * the first of `keys` that fits (the current key, then the one being replaced).
 */
export function openSecret(keys: Buffer | readonly Buffer[] | null, stored: string): string {
  if (!isSealed(stored)) return stored;
  const candidates = keys === null ? [] : Buffer.isBuffer(keys) ? [keys] : keys;
  if (candidates.length === 0)
    throw new SecretUnreadableError(
      '签名密钥已加密保存,但服务器未配置解密密钥(GAZETTE_SECRET_KEY 或 GAZETTE_SECRET_KEY_FILE)',
    );
  const raw = Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretUnreadableError('签名密钥的密文已损坏');
  for (const key of candidates) {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      // not this key
    }
  }
  throw new SecretUnreadableError(
    '签名密钥无法解密:服务器的解密密钥(GAZETTE_SECRET_KEY)与加密时所用的不同',
  );
}

/**
 * The process's keys: set once at start-up (server.ts) before anything is served. No key (the
 * default, and tests that do not set one) stores secrets in clear.
 */
let currentKey: Buffer | null = null;
let previous: Buffer | null = null;

export function useSecretKey(key: Buffer | null, replaced: Buffer | null = null): void {
  currentKey = key;
  previous = key ? replaced : null;
}

/** The key that seals. */
export function secretKey(): Buffer | null {
  return currentKey;
}

/** The keys that open: the current one, then the one being replaced. */
export function openingKeys(): Buffer[] {
  return [currentKey, previous].filter((k): k is Buffer => k !== null);
}
