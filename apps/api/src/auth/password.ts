import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Passwords are stored only as scrypt hashes in a self-describing string:
//   scrypt$<log2 N>$<r>$<p>$<salt base64url>$<hash base64url>
// so the cost can be raised later without breaking existing hashes.
const LOG_N = 15; // N = 32768: about 50 ms and 32 MiB per hash
const R = 8;
const P = 1;
const KEY_BYTES = 32;

function derive(
  password: string,
  salt: Buffer,
  logN: number,
  r: number,
  p: number,
): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, LOG_N, R, P);
  return ['scrypt', LOG_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  if (
    !Number.isInteger(logN) ||
    logN! < 10 ||
    logN! > 20 ||
    !Number.isInteger(r) ||
    !Number.isInteger(p)
  )
    return false;
  if (r! < 1 || r! > 32 || p! < 1 || p! > 16) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length !== KEY_BYTES || salt.length < 16) return false;
  const actual = await derive(password, salt, logN!, r!, p!);
  return timingSafeEqual(actual, expected);
}
