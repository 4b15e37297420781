// The role × operation × node-type matrix (hardening issue, "authorization by default"), read
// from the schema itself so that a type or a mutation added later is covered without editing
// this file:
// - every type implementing Node × every kind of caller (anonymous, a read-published API token,
//   viewer, supervisor, administrator): node(id) of an existing record and of a missing one answer
//   exactly alike unless the caller may read the record, and a refusal runs no SQL beyond the
//   caller's own authentication;
// - every Mutation field called anonymously is refused (UNAUTHENTICATED or FORBIDDEN) before any
//   SQL, except the few meant to be public (PUBLIC_MUTATIONS).
import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { addDays, todayInShanghai } from '@gazette/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TOKEN_PREFIX, newSecret, sha256Hex } from '../../src/auth/secrets.ts';
import { schema } from '../../src/schema/index.ts';
import { createApi, type Api, type GqlResult } from '../helpers.ts';

/** Mutations anyone may call without signing in. Adding one here is a deliberate decision. */
const PUBLIC_MUTATIONS = new Set(['login', 'logout']);

let api: Api;
const callers: Record<string, string | null> = { anonymous: null };
/** Per Node type: global ids of existing records (the first found, plus unpublished ones). */
const existing = new Map<string, string[]>();

const NODE_TYPES = Object.values(schema.getTypeMap())
  .filter(
    (t): t is GraphQLObjectType =>
      isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'),
  )
  .map((t) => t.name)
  .sort();

const delegate = (model: string) =>
  (
    api.db.prisma as unknown as Record<
      string,
      { findMany(args?: unknown): Promise<Record<string, unknown>[]> } | undefined
    >
  )[model[0]!.toLowerCase() + model.slice(1)];

beforeAll(async () => {
  api = await createApi();
  callers.VIEWER = await api.tokenFor('VIEWER');
  callers.SUPERVISOR = await api.tokenFor('SUPERVISOR');
  callers.ADMIN = await api.tokenFor('ADMIN');
  const admin = callers.ADMIN;
  const owner = await api.db.prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
  const secret = newSecret(API_TOKEN_PREFIX);
  await api.db.prisma.apiToken.create({
    data: {
      name: 'published only',
      tokenHash: sha256Hex(secret),
      prefix: secret.slice(0, 10),
      scopes: ['READ_PUBLISHED'],
      createdById: owner.id,
    },
  });
  callers.READ_PUBLISHED_TOKEN = secret;

  // Records the seed does not hold: a case, a webhook, review tasks, a draft rate version with an entry.
  const opened = await api.gql(
    'mutation { openDiscretionReview(input: { caseName: "矩阵案件", subjectName: "某公司", trigger: SUBJECT_APPLICATION, filedOn: "2025-02-01" }) { case { id } } }',
    {},
    { token: admin },
  );
  expect(opened.errors).toBeUndefined();
  await api.db.prisma.webhook.create({
    data: { url: 'https://example.test/hook', kinds: [], secret: 'x'.repeat(32) },
  });
  const { ensureReviewTasks } = await import('../../src/services/review-tasks.ts');
  await ensureReviewTasks(api.db.prisma);
  const table = await api.db.prisma.rateTable.findUniqueOrThrow({
    where: { key: 'medical-service-prices' },
  });
  const draft = await api.db.prisma.rateTableVersion.create({
    data: {
      tableId: table.id,
      effectiveFrom: new Date(`${addDays(todayInShanghai(), 90)}T00:00:00Z`),
      status: 'DRAFT',
      label: '矩阵草稿',
    },
  });
  const imported = await api.gql(
    'mutation($id: ID!, $csv: String!) { importRateTableVersionCsv(id: $id, version: 1, csv: $csv) { id } }',
    {
      id: encodeGlobalID('RateTableVersion', draft.id),
      csv: 'code,grade,name,unit,amount\r\n899999999,TERTIARY_A,草稿项目,次,9.5\r\n',
    },
    { token: admin },
  );
  expect(imported.errors).toBeUndefined();

  for (const type of NODE_TYPES) {
    const model = delegate(type);
    if (!model)
      throw new Error(
        `Node type ${type} has no Prisma model of the same name: give the matrix a way to find one of its records`,
      );
    // Two records where there are two (e.g. the caller's own account and someone else's).
    const rows = await model.findMany({ take: 2 });
    if (rows.length === 0)
      throw new Error(`no ${type} record in the matrix's database: create one in beforeAll`);
    const ids = rows.map((row) => (type === 'AuditEntry' ? String(row.publicId) : String(row.id)));
    // Unpublished rows too: the readable type must not leak them.
    if (type === 'RateTableVersion') ids.push(draft.id);
    if (type === 'RateEntry')
      ids.push(
        (await api.db.prisma.rateEntry.findFirstOrThrow({ where: { versionId: draft.id } })).id,
      );
    existing.set(
      type,
      ids.map((id) => encodeGlobalID(type, id)),
    );
  }
}, 60_000);
afterAll(async () => {
  await api?.close();
});

const NODE = 'query($id: ID!) { node(id: $id) { __typename id } }';
const answer = (r: GqlResult) => ({
  status: r.status,
  data: r.data,
  errors: r.errors?.map((e) => ({ message: e.message, code: e.extensions?.code })),
});

/** SQL statements the caller's own authentication runs (the session or token lookup). */
async function authStatements(token: string | null): Promise<number> {
  const r = await api.gql('{ __typename }', {}, { token });
  expect(r.errors).toBeUndefined();
  return r.statements.length;
}

describe('node(id): every Node type × every caller', () => {
  it('finds the Node types in the schema', () => {
    expect(NODE_TYPES.length).toBeGreaterThanOrEqual(10);
    expect(NODE_TYPES).toEqual(
      expect.arrayContaining(['AuditEntry', 'DiscretionCase', 'RateEntry', 'User']),
    );
  });

  it('the administrator reads every fixture (so the matrix tests real records)', async () => {
    for (const [type, ids] of existing) {
      for (const id of ids) {
        const r = await api.gql(NODE, { id }, { token: callers.ADMIN });
        expect(r.errors, `${type} ${id}`).toBeUndefined();
        expect(r.data!.node, `${type} ${id}`).toEqual({ __typename: type, id });
      }
    }
  });

  describe.each(['anonymous', 'READ_PUBLISHED_TOKEN', 'VIEWER', 'SUPERVISOR', 'ADMIN'])(
    'as %s',
    (caller) => {
      it.each(NODE_TYPES)(
        '%s: an existing and a missing record answer alike unless readable; a refusal runs no SQL',
        async (type) => {
          const token = callers[caller] ?? null;
          const auth = await authStatements(token);
          const missing = await api.gql(
            NODE,
            { id: encodeGlobalID(type, randomUUID()) },
            { token },
          );
          const hidden: GqlResult[] = [];
          for (const id of existing.get(type)!) {
            const found = await api.gql(NODE, { id }, { token });
            if (found.data?.node) {
              expect(found.errors).toBeUndefined();
              expect(found.data.node).toEqual({ __typename: type, id });
              continue;
            }
            hidden.push(found);
            // Not readable: exactly the answer of a record that does not exist.
            expect(answer(found), `${type} ${id} as ${caller}`).toEqual(answer(missing));
            if (found.errors?.length) {
              expect(
                found.codes.every((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN'),
                `${type} as ${caller}: ${found.codes}`,
              ).toBe(true);
            }
          }
          if (hidden.length === 0 && !missing.errors) {
            // Everything of the type is readable: a missing record is simply null.
            expect(missing.data!.node).toBeNull();
          } else {
            // Refused: UNAUTHENTICATED or FORBIDDEN, and, when refused by type, before any SQL.
            expect(
              missing.codes.length,
              `${type} as ${caller}: a missing record must answer as a hidden one`,
            ).toBeGreaterThan(0);
            expect(missing.codes.every((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN')).toBe(
              true,
            );
            if (hidden.length === existing.get(type)!.length) {
              for (const r of [missing, ...hidden])
                expect(
                  r.statements.length,
                  `${type} as ${caller} ran: ${r.statements.join('\n')}`,
                ).toBe(auth);
            }
          }
        },
      );
    },
  );
});

describe('nodes(ids) with a missing id among existing ones', () => {
  const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }';

  it('answers null at the missing index and the records elsewhere', async () => {
    const [policy] = existing.get('Policy')!;
    const missing = encodeGlobalID('Policy', randomUUID());
    const r = await api.gql(NODES, { ids: [policy, missing, policy] });
    expect(r.errors).toBeUndefined();
    expect(r.data!.nodes).toEqual([
      { __typename: 'Policy', id: policy },
      null,
      { __typename: 'Policy', id: policy },
    ]);
  });

  it('answers a missing rate entry as a hidden draft one to an anonymous caller, item by item', async () => {
    const entries = existing.get('RateEntry')!;
    const [published, draft] = [entries[0]!, entries.at(-1)!]; // the fixture's draft entry comes last
    const missing = encodeGlobalID('RateEntry', randomUUID());
    const withDraft = await api.gql(NODES, { ids: [published, draft] });
    const withMissing = await api.gql(NODES, { ids: [published, missing] });
    expect(withDraft.data!.nodes).toEqual([{ __typename: 'RateEntry', id: published }, null]);
    expect(answer(withMissing)).toEqual(answer(withDraft));
    expect(withMissing.errors).toMatchObject([
      { path: ['nodes', 1], extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    // An administrator sees the draft, and null for the missing one.
    const admin = await api.gql(NODES, { ids: [draft, missing] }, { token: callers.ADMIN });
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.nodes).toEqual([{ __typename: 'RateEntry', id: draft }, null]);
  });
});

// ---- every mutation, anonymously ----

const SCALARS: Record<string, unknown> = {
  String: 'x',
  ID: '00000000-0000-0000-0000-000000000000',
  Int: 1,
  Float: 1,
  Boolean: false,
  Date: '2030-01-01',
  Decimal: '1',
  JSON: {},
};

/** A global id of a type anyone may read (so decoding it refuses nobody before the resolver). */
const GLOBAL_ID = encodeGlobalID('Policy', '00000000-0000-0000-0000-000000000000');
const isGlobalId = (x: { extensions?: Record<string, unknown> | null }) =>
  Boolean(x.extensions?.isRelayGlobalID);

/** A value of `type` that passes GraphQL's own coercion (required fields only). */
function sample(type: GraphQLInputType, globalId = false): unknown {
  if (isNonNullType(type)) return sample(type.ofType, globalId);
  if (isListType(type)) return [sample(type.ofType, globalId)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        out[field.name] = sample(field.type, isGlobalId(field));
    }
    // A @oneOf input needs exactly one field.
    if (Object.keys(out).length === 0 && type.isOneOf) {
      const first = Object.values(type.getFields())[0]!;
      out[first.name] = sample(first.type, isGlobalId(first));
    }
    return out;
  }
  if (isScalarType(type)) {
    if (type.name === 'ID' && globalId) return GLOBAL_ID;
    if (type.name === 'File') return null; // sent as a multipart part
    if (!(type.name in SCALARS))
      throw new Error(`no sample for scalar ${type.name}: add one to SCALARS`);
    return SCALARS[type.name];
  }
  throw new Error(`no sample for ${String(type)}`);
}

/** Variable paths (`variables.input.file`) where the sample holds a File. */
function filePaths(type: GraphQLInputType, at: string): string[] {
  if (isNonNullType(type)) return filePaths(type.ofType, at);
  if (isListType(type)) return filePaths(type.ofType, `${at}.0`);
  if (isScalarType(type)) return type.name === 'File' ? [at] : [];
  if (isInputObjectType(type)) {
    return Object.values(type.getFields()).flatMap((f) =>
      isNonNullType(f.type) && f.defaultValue === undefined
        ? filePaths(f.type, `${at}.${f.name}`)
        : [],
    );
  }
  return [];
}

const mutationFields = Object.values(schema.getMutationType()!.getFields());

async function callAnonymously(name: string): Promise<GqlResult> {
  const field = schema.getMutationType()!.getFields()[name]!;
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const decl = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection =
    isObjectType(named) || (!isScalarType(named) && !isEnumType(named)) ? ' { __typename }' : '';
  const query = `mutation${decl ? `(${decl})` : ''} { ${name}${args ? `(${args})` : ''}${selection} }`;
  const variables = Object.fromEntries(
    required.map((a) => [a.name, sample(a.type, isGlobalId(a))]),
  );
  const files = required.flatMap((a) => filePaths(a.type, `variables.${a.name}`));
  if (files.length === 0) return api.gql(query, variables, { token: null });

  // A File argument: a GraphQL multipart request, counted like gql() does.
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables }));
  form.set('map', JSON.stringify(Object.fromEntries(files.map((p, i) => [String(i), [p]]))));
  files.forEach((_, i) =>
    form.set(String(i), new File(['code,amount\r\n'], 'x.csv', { type: 'text/csv' })),
  );
  const res = await api.post(form, { 'x-graphql-yoga-csrf': '1' });
  const body = (await res.json()) as {
    data?: Record<string, unknown> | null;
    errors?: GqlResult['errors'];
  };
  return {
    status: res.status,
    data: body.data,
    errors: body.errors,
    codes: (body.errors ?? []).map((e) => String(e.extensions?.code ?? 'NONE')),
    statements: api.lastStatements(),
  };
}

describe('every mutation, called anonymously', () => {
  it('finds the mutations in the schema, and the public ones still exist', () => {
    expect(mutationFields.length).toBeGreaterThanOrEqual(30);
    for (const name of PUBLIC_MUTATIONS) expect(mutationFields.map((f) => f.name)).toContain(name);
  });

  it.each(mutationFields.map((f) => f.name).filter((n) => !PUBLIC_MUTATIONS.has(n)))(
    '%s is refused before any SQL',
    async (name) => {
      const r = await callAnonymously(name);
      expect(r.codes.length, `${name} answered ${JSON.stringify(r.data)}`).toBeGreaterThan(0);
      expect(
        r.codes.every((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN'),
        `${name}: ${JSON.stringify(r.errors)}`,
      ).toBe(true);
      expect(r.statements, `${name} ran SQL`).toEqual([]);
    },
  );
});
