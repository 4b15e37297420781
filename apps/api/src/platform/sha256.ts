// SHA-256 of a string as hex, for every caller that hashes whole text at once: bearer secrets
// (stored only as this digest), response-cache keys, prepared statement names, idempotency
// bindings. (A body hashed as it streams keeps its own incremental Hash: http/spool.ts.)
import * as crypto from 'node:crypto';

const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string })
  .hash;

export function sha256Hex(text: string): string {
  // Every signed-in request hashes its bearer secret: the one-shot `crypto.hash` (Node ≥ 20.12)
  // skips the Hash object; createHash where it is missing (package.json allows Node 20.10).
  return oneShot
    ? oneShot('sha256', text, 'hex')
    : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}
