import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('accepts the password it hashed and rejects any other', async () => {
    const hash = await hashPassword('正确的密码 correct horse');
    expect(await verifyPassword('正确的密码 correct horse', hash)).toBe(true);
    expect(await verifyPassword('正确的密码 correct hors', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('never stores the password and salts every hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword('Secret-123'), hashPassword('Secret-123')]);
    expect(a).not.toContain('Secret-123');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  });

  it('verifies hashes made with other cost parameters (so the cost can be raised later)', async () => {
    const hash = await hashPassword('x');
    const parts = hash.split('$');
    // Re-derive with N = 2^14 by hand via a hash made under those parameters.
    const cheaper = await import('node:crypto').then(({ scryptSync }) => {
      const salt = Buffer.from(parts[4]!, 'base64url');
      const key = scryptSync('x', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
      return ['scrypt', 14, 8, 1, parts[4], key.toString('base64url')].join('$');
    });
    expect(await verifyPassword('x', cheaper)).toBe(true);
    expect(await verifyPassword('y', cheaper)).toBe(false);
  });

  it('rejects malformed or tampered hashes instead of throwing', async () => {
    const hash = await hashPassword('pw');
    expect(await verifyPassword('pw', 'plain-text-pw')).toBe(false);
    expect(await verifyPassword('pw', hash.replace('scrypt$15', 'scrypt$40'))).toBe(false);
    expect(await verifyPassword('pw', hash.slice(0, -4))).toBe(false);
    expect(await verifyPassword('pw', `bcrypt${hash.slice(6)}`)).toBe(false);
  });
});
