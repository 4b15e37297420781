// What the server logs about failed operations: expected failures at info without a stack, and
// never the request's text (a password inlined in a query must not reach the log).
import { Writable } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '@gazette/db/testing';
import { DomainError } from '@gazette/domain';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGazetteYoga, logYogaError } from '../src/yoga.ts';
import { ServiceUnavailableError } from '../src/platform/db-errors.ts';

const lines: string[] = [];
const logger = pino(
  { level: 'debug' },
  new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  }),
);

let db: TestDatabase;
let yoga: ReturnType<typeof createGazetteYoga>;
beforeAll(async () => {
  db = await createTestDatabase();
  yoga = createGazetteYoga({ prisma: db.prisma, logger, production: true });
});
afterAll(async () => {
  await yoga?.dispose();
  await db?.drop();
});

const post = (query: string) =>
  yoga.fetch('http://gazette.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });

describe('logging failed operations', () => {
  it('never writes an inlined password, whatever happens to the operation', async () => {
    lines.length = 0;
    await post(
      'mutation { login(email: "nobody@gazette.test", password: "Hunter2-secret-zz") { token } }',
    );
    await post('mutation { login(email: "nobody@gazette.test", password: "Hunter2-secret-zz" }'); // unparsable
    await post(
      'mutation { login(email: "nobody@gazette.test", password: "Hunter2-secret-zz", extra: 1) { token } }',
    ); // invalid
    expect(lines.join('\n')).not.toContain('Hunter2-secret-zz');
  });

  it('logs expected failures at info without a stack, and unexpected ones at error with it', () => {
    lines.length = 0;
    logYogaError(logger, [new DomainError('UNAUTHENTICATED', '邮箱或密码错误')]);
    logYogaError(logger, [
      new GraphQLError('已有相同的记录', { extensions: { code: 'CONFLICT' } }),
    ]);
    logYogaError(logger, [new Error('connection reset')]);
    const [first, conflict, second] = lines.map(
      (l) => JSON.parse(l) as { level: number; code?: string; err?: { stack?: string } },
    );
    expect(first).toMatchObject({ level: 30, code: 'UNAUTHENTICATED' });
    expect(first!.err).toBeUndefined();
    expect(conflict).toMatchObject({ level: 30, code: 'CONFLICT' });
    expect(second!.level).toBe(50);
    expect(second!.err?.stack).toContain('connection reset');
  });

  it('logs refused values from the database at info and exhausted retries at warn, without stacks', () => {
    lines.length = 0;
    const unique = Object.assign(new Error('Unique constraint failed on the fields: (`email`)'), {
      code: 'P2002',
      meta: { target: ['email'] },
    });
    logYogaError(logger, [new GraphQLError('Unexpected error.', { originalError: unique })]);
    logYogaError(logger, [
      new GraphQLError('Unexpected error.', {
        originalError: new ServiceUnavailableError('deadlock', 3),
      }),
    ]);
    const [input, busy] = lines.map(
      (l) => JSON.parse(l) as { level: number; code?: string; field?: string; err?: unknown },
    );
    expect(input).toMatchObject({ level: 30, code: 'BAD_USER_INPUT', field: 'email' });
    expect(busy).toMatchObject({ level: 40, code: 'SERVICE_UNAVAILABLE' });
    expect(input!.err).toBeUndefined();
    expect(busy!.err).toBeUndefined();
  });
});
