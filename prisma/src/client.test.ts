import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './testing.ts';

describe('createPrismaClient', () => {
  it('runs its connections without JIT (a compiled plan costs a second on history-long reads)', async () => {
    const db = await createTestDatabase();
    try {
      // Every connection of the pool, not only the first one asked.
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => db.prisma.$queryRaw<{ jit: string }[]>`SHOW jit`),
      );
      expect(answers.map((a) => a[0]!.jit)).toEqual(['off', 'off', 'off', 'off']);
    } finally {
      await db.drop();
    }
  });
});
