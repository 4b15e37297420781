// The one API test harness: a yoga over a fresh database of this test file, a GraphQL call helper
// (data, errors, error codes, the Retry-After header and the SQL statements the request ran),
// and users of every role. Two entry points over the same core:
// - createApi(): the database seeded, `gql(query, variables, { token })`, `tokenFor(role)`;
// - createHarness(): an empty database (the auth-* and cases-* tests), `gql(query, variables,
//   token, clientAddress)`, `userToken(role)` with the new user's id.
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '@gazette/db/testing';
import type { Role } from '@gazette/db';
import { seedDatabase } from '../../../prisma/src/seed.ts';
import { createGazetteYoga } from '../src/yoga.ts';
import { hashPassword } from '../src/auth/password.ts';

/** The password of every user the harness creates. */
export const PASSWORD = 'correct horse battery';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, any>;
}

/**
 * One GraphQL POST to a yoga of the test's own (no port), as a bearer of `token` when given: the
 * parsed body. For tests that build their yogas themselves (several instances, caches on).
 */
export async function postGraphql(
  yoga: { fetch: (url: string, init: RequestInit) => Response | Promise<Response> },
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  token?: string,
): Promise<{ data?: any; errors?: GqlError[] }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await yoga.fetch('http://gazette.test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify(request),
  });
  return (await res.json()) as { data?: any; errors?: GqlError[] };
}

/** Until `check` holds (true), or false after `ms`: what another instance hears arrives a little later. */
export async function waitUntil(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

/**
 * Instances of the API as production runs them (the in-process response cache, its listener and
 * the remembered viewers and totals that come with it) over one fresh database whose SQL
 * statements are recorded per call: the tests of what an instance remembers between requests and
 * of how another instance learns that it changed. `close` disposes of them and drops the database.
 */
export interface CachingInstances {
  db: TestDatabase;
  instance(options?: {
    viewerCache?: boolean;
    personalCache?: boolean;
  }): ReturnType<typeof createGazetteYoga>;
  /** postGraphql, with the statements the call ran. */
  gql(
    yoga: ReturnType<typeof createGazetteYoga>,
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<{ data?: any; errors?: GqlError[]; statements: string[] }>;
  /** Signs in as `email` (PASSWORD) on `yoga`: the bearer token. */
  signIn(yoga: ReturnType<typeof createGazetteYoga>, email: string): Promise<string>;
  close(): Promise<void>;
}

export async function createCachingInstances(): Promise<CachingInstances> {
  let statements: string[] = [];
  const db = await createTestDatabase({
    maxConnections: 6,
    onQuery: (e) => statements.push(e.query),
  });
  const yogas: ReturnType<typeof createGazetteYoga>[] = [];
  const gql: CachingInstances['gql'] = async (yoga, query, variables, token) => {
    statements = [];
    const body = await postGraphql(yoga, { query, variables }, token);
    return { ...body, statements: [...statements] };
  };
  return {
    db,
    instance: ({ viewerCache = true, personalCache = true } = {}) => {
      const yoga = createGazetteYoga({
        prisma: db.prisma,
        logger: pino({ level: 'silent' }),
        production: true,
        databaseUrl: db.url,
        responseCache: { kind: 'memory' },
        viewerCache,
        personalCache,
      });
      yogas.push(yoga);
      return yoga;
    },
    gql,
    signIn: async (yoga, email) => {
      const r = await gql(
        yoga,
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: PASSWORD },
      );
      return r.data.login.token as string;
    },
    close: async () => {
      for (const y of yogas) await y.dispose();
      await db.drop();
    },
  };
}

export interface GqlResult<T = Record<string, any>> {
  status: number;
  /** The Retry-After header (RATE_LIMITED, SERVICE_UNAVAILABLE). */
  retryAfter?: string | null;
  data: T | null | undefined;
  errors?: GqlError[];
  codes: string[];
  /** SQL statements the request ran. */
  statements: string[];
}

interface RequestOptions {
  token?: string | null;
  operationName?: string;
  /** The socket's remote address, as the node adapter passes it in the server context. */
  clientAddress?: string;
}

interface Core {
  db: TestDatabase;
  yoga: ReturnType<typeof createGazetteYoga>;
  gql<T>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GqlResult<T>>;
  createUser(role: Role, email?: string): Promise<{ token: string; userId: string; email: string }>;
  post(body: BodyInit, headers?: Record<string, string>): Promise<Response>;
  lastStatements(): string[];
  close(): Promise<void>;
}

let counter = 0;

async function createCore(options: {
  seed: boolean;
  maxConnections?: number;
  onQuery?: (e: { query: string }) => void;
}): Promise<Core> {
  let statements: string[] = [];
  const db = await createTestDatabase({
    maxConnections: options.maxConnections ?? 5,
    onQuery: (e) => {
      statements.push(e.query);
      options.onQuery?.(e);
    },
  });
  if (options.seed) await seedDatabase(db.prisma);
  const yoga = createGazetteYoga({
    prisma: db.prisma,
    logger: pino({ level: 'silent' }),
    production: false,
    databaseUrl: options.seed ? db.url : undefined,
  });

  async function gql<T>(
    query: string,
    variables: Record<string, unknown> = {},
    request: RequestOptions = {},
  ): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    const serverContext = request.clientAddress
      ? { req: { socket: { remoteAddress: request.clientAddress } } }
      : {};
    statements = [];
    const res = await yoga.fetch(
      'http://gazette.test/graphql',
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables, operationName: request.operationName }),
      },
      serverContext as never,
    );
    const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
    const ran = statements;
    statements = [];
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      data: body.data,
      errors: body.errors,
      codes: (body.errors ?? []).map((e) => String(e.extensions?.code ?? 'NONE')),
      statements: ran,
    };
  }

  async function createUser(role: Role, email = `${role.toLowerCase()}-${++counter}@gazette.test`) {
    const user = await db.prisma.user.create({
      data: { email, role, passwordHash: await hashPassword(PASSWORD) },
    });
    const r = await gql<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: email, p: PASSWORD },
    );
    if (!r.data?.login) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
    return { token: r.data.login.token, userId: user.id, email };
  }

  const post = (body: BodyInit, headers: Record<string, string> = {}) => {
    statements = [];
    return Promise.resolve(
      yoga.fetch('http://gazette.test/graphql', { method: 'POST', headers, body }),
    );
  };

  return {
    db,
    yoga,
    gql,
    createUser,
    post,
    lastStatements: () => [...statements],
    close: async () => {
      await yoga.dispose();
      await db.drop();
    },
  };
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
  /** A signed-in user of the role (one per role and harness), by bearer token. */
  tokenFor(role: Role): Promise<string>;
  /** A raw POST to /graphql (e.g. a multipart upload); the caller sets the headers. */
  post(body: BodyInit, headers?: Record<string, string>): Promise<Response>;
  /** The SQL statements run since the last gql() or post() began (e.g. a multipart upload's). */
  lastStatements(): string[];
  close(): Promise<void>;
}

/** A yoga over a fresh, seeded database (with the change stream's LISTEN connection). */
export async function createApi(): Promise<Api> {
  const core = await createCore({ seed: true });
  const tokens = new Map<Role, string>();
  async function tokenFor(role: Role): Promise<string> {
    const known = tokens.get(role);
    if (known) return known;
    const { token } = await core.createUser(role);
    tokens.set(role, token);
    return token;
  }
  return {
    db: core.db,
    yoga: core.yoga,
    gql: core.gql,
    tokenFor,
    post: core.post,
    lastStatements: core.lastStatements,
    close: core.close,
  };
}

export interface ApiHarness {
  db: TestDatabase;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
    clientAddress?: string,
  ): Promise<GqlResult<T>>;
  /** Creates an active user with PASSWORD and returns its bearer token from `login`. */
  userToken(role: Role, email?: string): Promise<{ token: string; userId: string; email: string }>;
  close(): Promise<void>;
}

/** A yoga over a fresh, empty (migrated, unseeded) database. */
export async function createHarness(
  options: { maxConnections?: number; onQuery?: (e: { query: string }) => void } = {},
): Promise<ApiHarness> {
  const core = await createCore({ seed: false, ...options });
  return {
    db: core.db,
    gql: (query, variables, token, clientAddress) =>
      core.gql(query, variables, { token, clientAddress }),
    userToken: core.createUser,
    close: core.close,
  };
}

export const OPEN = `mutation Open($input: OpenDiscretionReviewInput!) { openDiscretionReview(input: $input) { case { id state } } }`;
export const TRANSITION = `mutation T($id: ID!, $event: CaseEventInput!) {
  transitionCase(id: $id, event: $event) { case { id state reviewDeadline notices { kind number issuedOn } } } }`;

export const OPEN_INPUT = {
  caseName: '某食品经营者未按规定公示食品经营许可证案',
  subjectName: '泸州市江阳区某餐饮店',
  trigger: 'SUBJECT_APPLICATION',
  filedOn: '2025-01-06',
};

// 泸市监规发〔2024〕2号 第四条: all four conditions; 第五条: no exclusion.
export const ACCEPT = {
  type: 'ACCEPT',
  on: '2025-01-10',
  reviewMode: 'INTERNAL',
  reviewDays: 15,
  conditionsMet: ['FACTS_CLEAR', 'COOPERATED', 'RECTIFYING', 'VOLUNTARY'],
  exclusions: [],
};
