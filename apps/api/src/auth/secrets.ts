import { randomBytes, timingSafeEqual } from 'node:crypto';

/** Bearer secrets carry a kind prefix so the context knows which table to look in. */
export const SESSION_PREFIX = 'gzs_';
export const API_TOKEN_PREFIX = 'gzt_';

/** 32 random bytes, base64url: opaque, unguessable, never stored in clear. */
export function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Secrets are stored as sha256 hex: enough for 256-bit random input (no salt or slow hash needed). */
export { sha256Hex } from '../platform/sha256.ts';

/** The characters kept in clear so an administrator can recognise a token in a list. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, API_TOKEN_PREFIX.length + 6);
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `Authorization: Bearer <secret>` → the secret, or null when absent or malformed. */
export function bearerSecret(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
