// A yoga over a fresh, seeded database of this test file, with a GraphQL call helper, users of
// every role, and a counter of the SQL statements each request runs.
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '@gazette/db/testing';
import type { Role } from '@gazette/db';
import { seedDatabase } from '../../../prisma/src/seed.ts';
import { createGazetteYoga } from '../src/yoga.ts';
import { hashPassword } from '../src/auth/password.ts';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, any>;
}

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors?: GqlError[];
  codes: string[];
  /** SQL statements the request ran. */
  statements: string[];
}

export interface Api {
  db: TestDatabase;
  /** The yoga itself, for requests gql() does not make (e.g. a subscription over SSE). */
  yoga: ReturnType<typeof createGazetteYoga>;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string | null; operationName?: string },
  ): Promise<GqlResult<T>>;
  tokenFor(role: Role): Promise<string>;
  /** A raw POST to /graphql (e.g. a multipart upload); the caller sets the headers. */
  post(body: BodyInit, headers?: Record<string, string>): Promise<Response>;
  /** The SQL statements run since the last gql() or post() began (e.g. a multipart upload's). */
  lastStatements(): string[];
  close(): Promise<void>;
}

const PASSWORD = 'correct horse battery';
let counter = 0;

export async function createApi(): Promise<Api> {
  let statements: string[] = [];
  const db = await createTestDatabase({ maxConnections: 5, onQuery: (e) => statements.push(e.query) });
  await seedDatabase(db.prisma);
  const yoga = createGazetteYoga({ prisma: db.prisma, logger: pino({ level: 'silent' }), production: false, databaseUrl: db.url });
  const tokens = new Map<Role, string>();

  async function gql<T>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { token?: string | null; operationName?: string } = {},
  ): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    statements = [];
    const res = await yoga.fetch('http://gazette.test/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables, operationName: options.operationName }),
    });
    const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
    const ran = statements;
    statements = [];
    return {
      status: res.status,
      data: body.data,
      errors: body.errors,
      codes: (body.errors ?? []).map((e) => String(e.extensions?.code ?? 'NONE')),
      statements: ran,
    };
  }

  async function tokenFor(role: Role): Promise<string> {
    const known = tokens.get(role);
    if (known) return known;
    const email = `${role.toLowerCase()}-${++counter}@gazette.test`;
    await db.prisma.user.create({ data: { email, role, passwordHash: await hashPassword(PASSWORD) } });
    const r = await gql<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: email, p: PASSWORD },
    );
    if (!r.data?.login) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
    tokens.set(role, r.data.login.token);
    return r.data.login.token;
  }

  const post = (body: BodyInit, headers: Record<string, string> = {}) => {
    statements = [];
    return Promise.resolve(yoga.fetch('http://gazette.test/graphql', { method: 'POST', headers, body }));
  };

  return {
    db,
    yoga,
    gql,
    tokenFor,
    post,
    lastStatements: () => [...statements],
    close: async () => {
      await yoga.dispose();
      await db.drop();
    },
  };
}
