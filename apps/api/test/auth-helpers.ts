// Shared by the auth-* and cases-* tests: a yoga over a fresh database, users of every role,
// and a GraphQL call helper that returns data, errors and error codes.
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '@gazette/db/testing';
import type { Role } from '@gazette/db';
import { createGazetteYoga } from '../src/yoga.ts';
import { hashPassword } from '../src/auth/password.ts';

export const PASSWORD = 'correct horse battery';

export interface GqlResult<T = Record<string, any>> {
  status: number;
  /** The Retry-After header, when the answer is RATE_LIMITED. */
  retryAfter?: string | null;
  data: T | null | undefined;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  codes: string[];
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

let counter = 0;

export async function createHarness(
  options: { maxConnections?: number; onQuery?: (e: { query: string }) => void } = {},
): Promise<ApiHarness> {
  const db = await createTestDatabase({
    maxConnections: options.maxConnections ?? 5,
    onQuery: options.onQuery,
  });
  const yoga = createGazetteYoga({
    prisma: db.prisma,
    logger: pino({ level: 'silent' }),
    production: false,
  });

  async function gql<T>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string | null,
    clientAddress?: string,
  ): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    // The server context the node adapter would pass: the socket's remote address.
    const serverContext = clientAddress
      ? { req: { socket: { remoteAddress: clientAddress } } }
      : {};
    const res = await yoga.fetch(
      'http://gazette.test/graphql',
      { method: 'POST', headers, body: JSON.stringify({ query, variables }) },
      serverContext as never,
    );
    const body = (await res.json()) as Omit<GqlResult<T>, 'status' | 'codes'>;
    const codes = (body.errors ?? []).map((e) => String(e.extensions?.code ?? 'NONE'));
    return { status: res.status, retryAfter: res.headers.get('retry-after'), ...body, codes };
  }

  async function userToken(role: Role, email = `${role.toLowerCase()}-${++counter}@gazette.test`) {
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

  return { db, gql, userToken, close: () => db.drop() };
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
