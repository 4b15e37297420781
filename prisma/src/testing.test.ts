import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from './testing.ts';

describe('createTestDatabase', () => {
  it('gives each caller its own migrated database, invisible to the others, and drops it', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    expect(a.url).not.toBe(b.url);
    await a.prisma.organization.create({ data: { name: '隔离检查', type: 'OTHER' } });
    expect(await a.prisma.organization.count({ where: { name: '隔离检查' } })).toBe(1);
    expect(await b.prisma.organization.count({ where: { name: '隔离检查' } })).toBe(0);
    await a.drop();
    await b.drop();
    const client = new pg.Client({ connectionString: process.env.GAZETTE_TEST_ADMIN_URL });
    await client.connect();
    const left = await client.query('SELECT 1 FROM pg_database WHERE datname = ANY($1)', [
      [new URL(a.url).pathname.slice(1), new URL(b.url).pathname.slice(1)],
    ]);
    await client.end();
    expect(left.rowCount).toBe(0);
  });
});
