// Every principal × every operation this area owns: allowed, FORBIDDEN or UNAUTHENTICATED,
// and a refused write changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  ACCEPT,
  OPEN,
  OPEN_INPUT,
  PASSWORD,
  TRANSITION,
  createHarness,
  type ApiHarness,
} from './helpers.ts';

type Principal = 'anonymous' | 'VIEWER' | 'SUPERVISOR' | 'ADMIN' | 'tokenPublished' | 'tokenAll';
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const PRINCIPALS: Principal[] = [
  'anonymous',
  'VIEWER',
  'SUPERVISOR',
  'ADMIN',
  'tokenPublished',
  'tokenAll',
];

let h: ApiHarness;
const tokens = {} as Record<Principal, string | null>;
let adminUserId = '';
let seq = 0;

async function newCase() {
  const c = await h.db.prisma.discretionCase.create({
    data: {
      caseName: `案件${++seq}`,
      subjectName: '某公司',
      trigger: 'ENFORCEMENT_UNIT',
      filedOn: new Date('2025-01-06'),
    },
  });
  return encodeGlobalID('DiscretionCase', c.id);
}

async function newApiToken() {
  const t = await h.db.prisma.apiToken.create({
    data: {
      name: `t${++seq}`,
      tokenHash: `hash${seq}`,
      prefix: 'gzt_xxxxxx',
      scopes: ['READ_ALL'],
      createdById: adminUserId,
    },
  });
  return encodeGlobalID('ApiToken', t.id);
}

async function viewerUser() {
  const u = await h.db.prisma.user.create({
    data: { email: `target${++seq}@gazette.test`, role: 'VIEWER', passwordHash: 'x' },
  });
  return { id: encodeGlobalID('User', u.id), v: u.version };
}

const ALL_OK: Record<Principal, Outcome> = {
  anonymous: 'OK',
  VIEWER: 'OK',
  SUPERVISOR: 'OK',
  ADMIN: 'OK',
  tokenPublished: 'OK',
  tokenAll: 'OK',
};
const CASE_READ: Record<Principal, Outcome> = {
  ...ALL_OK,
  anonymous: 'UNAUTHENTICATED',
  tokenPublished: 'FORBIDDEN',
};
const CASE_WRITE: Record<Principal, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  VIEWER: 'FORBIDDEN',
  SUPERVISOR: 'OK',
  ADMIN: 'OK',
  tokenPublished: 'FORBIDDEN',
  tokenAll: 'FORBIDDEN',
};
const ADMIN_ONLY: Record<Principal, Outcome> = { ...CASE_WRITE, SUPERVISOR: 'FORBIDDEN' };

interface Op {
  name: string;
  query: string;
  vars?: () => Promise<Record<string, unknown>>;
  expected: Record<Principal, Outcome>;
  write?: boolean;
}

const OPS: Op[] = [
  {
    name: 'login',
    query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    vars: async () => ({ e: 'admin-access@gazette.test', p: PASSWORD }),
    expected: ALL_OK,
  },
  { name: 'me', query: '{ me { email } }', expected: ALL_OK },
  {
    name: 'case',
    query: 'query($id: ID!) { case(id: $id) { id state notices { number } } }',
    vars: async () => ({ id: await newCase() }),
    expected: CASE_READ,
  },
  {
    name: 'casesPage',
    query: '{ casesPage(perPage: 5) { total nodes { id state } } }',
    expected: CASE_READ,
  },
  {
    name: 'cases connection',
    query: '{ cases(first: 5) { totalCount edges { node { id state } } } }',
    expected: CASE_READ,
  },
  {
    name: 'node(case)',
    query: 'query($id: ID!) { node(id: $id) { id ... on DiscretionCase { state caseName } } }',
    vars: async () => ({ id: await newCase() }),
    expected: CASE_READ,
  },
  {
    name: 'openDiscretionReview',
    query: OPEN,
    vars: async () => ({ input: OPEN_INPUT }),
    expected: CASE_WRITE,
    write: true,
  },
  {
    name: 'transitionCase',
    query: TRANSITION,
    vars: async () => ({ id: await newCase(), event: ACCEPT }),
    expected: CASE_WRITE,
    write: true,
  },
  {
    name: 'updateCase',
    query:
      'mutation($id: ID!) { updateCase(id: $id, version: 1, input: { caseName: "更正" }) { caseName } }',
    vars: async () => ({ id: await newCase() }),
    expected: CASE_WRITE,
    write: true,
  },
  {
    name: 'usersPage',
    query: '{ usersPage { total nodes { id email role } } }',
    expected: ADMIN_ONLY,
  },
  {
    name: 'node(user)',
    query: 'query($id: ID!) { node(id: $id) { id ... on User { email } } }',
    vars: async () => ({ id: (await viewerUser()).id }),
    expected: ADMIN_ONLY,
  },
  {
    name: 'createUser',
    query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id email } }',
    vars: async () => ({
      input: { email: `new${++seq}@gazette.test`, role: 'VIEWER', password: 'a long password' },
    }),
    expected: ADMIN_ONLY,
    write: true,
  },
  {
    name: 'updateUser',
    query:
      'mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { role: SUPERVISOR }) { role } }',
    vars: viewerUser,
    expected: ADMIN_ONLY,
    write: true,
  },
  {
    name: 'apiTokensPage',
    query: '{ apiTokensPage { total nodes { id name prefix } } }',
    expected: ADMIN_ONLY,
  },
  {
    name: 'node(apiToken)',
    query: 'query($id: ID!) { node(id: $id) { id ... on ApiToken { name } } }',
    vars: async () => ({ id: await newApiToken() }),
    expected: ADMIN_ONLY,
  },
  {
    name: 'createApiToken',
    query:
      'mutation { createApiToken(input: { name: "下游应用", scopes: [READ_PUBLISHED] }) { secret token { id } } }',
    expected: ADMIN_ONLY,
    write: true,
  },
  {
    name: 'revokeApiToken',
    query: 'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
    vars: async () => ({ id: await newApiToken() }),
    expected: ADMIN_ONLY,
    write: true,
  },
  {
    name: 'auditEntriesPage',
    query: '{ auditEntriesPage { total nodes { id action } } }',
    expected: ADMIN_ONLY,
  },
  {
    name: 'auditEntries connection',
    query: '{ auditEntries(first: 3) { totalCount edges { node { action } } } }',
    expected: ADMIN_ONLY,
  },
];

async function counts() {
  const p = h.db.prisma;
  const [cases, events, notices, users, apiTokens, revoked, audit, supervisors, renamed] =
    await Promise.all([
      p.discretionCase.count(),
      p.caseEvent.count(),
      p.notice.count(),
      p.user.count(),
      p.apiToken.count(),
      p.apiToken.count({ where: { revokedAt: { not: null } } }),
      p.auditEntry.count({ where: { NOT: { action: 'session.login' } } }),
      p.user.count({ where: { role: 'SUPERVISOR' } }),
      p.discretionCase.count({ where: { caseName: '更正' } }),
    ]);
  return { cases, events, notices, users, apiTokens, revoked, audit, supervisors, renamed };
}

beforeAll(async () => {
  h = await createHarness();
  tokens.anonymous = null;
  tokens.VIEWER = (await h.userToken('VIEWER')).token;
  tokens.SUPERVISOR = (await h.userToken('SUPERVISOR')).token;
  const admin = await h.userToken('ADMIN', 'admin-access@gazette.test');
  tokens.ADMIN = admin.token;
  adminUserId = admin.userId;
  for (const [key, scope] of [
    ['tokenPublished', 'READ_PUBLISHED'],
    ['tokenAll', 'READ_ALL'],
  ] as const) {
    const r = await h.gql(
      `mutation { createApiToken(input: { name: "${key}", scopes: [${scope}] }) { secret } }`,
      {},
      tokens.ADMIN,
    );
    tokens[key] = r.data!.createApiToken.secret;
  }
});
afterAll(() => h.close());

describe.each(OPS)('$name', (op) => {
  it.each(PRINCIPALS)('%s', async (principal) => {
    const expected = op.expected[principal];
    const vars = op.vars ? await op.vars() : {};
    const before = await counts();
    const r = await h.gql(op.query, vars, tokens[principal]);
    if (expected === 'OK') {
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      expect(Object.values(r.data ?? {})[0]).not.toBeUndefined();
      if (op.write) expect(await counts()).not.toEqual(before);
    } else {
      expect(r.codes.length).toBeGreaterThan(0);
      expect(new Set(r.codes)).toEqual(new Set([expected]));
      expect(Object.values(r.data ?? {}).every((v) => v === null)).toBe(true);
      expect(await counts()).toEqual(before);
    }
  });
});

it('a revoked API token reads as anonymous', async () => {
  const r = await h.gql(
    'mutation { createApiToken(input: { name: "soon revoked", scopes: [READ_ALL] }) { secret token { id } } }',
    {},
    tokens.ADMIN,
  );
  const { secret, token } = r.data!.createApiToken;
  expect((await h.gql('{ casesPage { total } }', {}, secret)).codes).toEqual([]);
  await h.gql(
    'mutation($id: ID!) { revokeApiToken(id: $id) { id } }',
    { id: token.id },
    tokens.ADMIN,
  );
  expect((await h.gql('{ casesPage { total } }', {}, secret)).codes).toEqual(['UNAUTHENTICATED']);
});
