// A page of the audit log reads the columns the request selects: never every entry's record
// before and after (large JSON) for a list of who, what and when.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  AUDIT_ENTRY_SELECT,
  auditPageColumns,
  readAuditPage,
  readAuditPageCounted,
} from '../src/services/audit/read-audit-page.ts';
import { createHarness, type ApiHarness } from './helpers.ts';

let h: ApiHarness;
let admin: string;

beforeAll(async () => {
  h = await createHarness();
  admin = (await h.userToken('ADMIN')).token;
  const created = await h.gql(
    'mutation { createApiToken(input: { name: "审计", scopes: [READ_PUBLISHED] }) { secret } }',
    {},
    admin,
  );
  expect(created.errors).toBeUndefined();
});
afterAll(() => h?.close());

// Reads of entries (Prisma's or the unfiltered page's statement, alone or with the total), not
// the total's own statement.
const entryReads = (statements: string[]) =>
  statements.filter(
    (s) => /FROM "(public"\.")?AuditEntry"/.test(s) && (!/reltuples/.test(s) || /json_agg/.test(s)),
  );

it('the dashboard page of the log selects neither before nor after', async () => {
  const r = await h.gql(
    '{ auditEntriesPage(perPage: 25) { total nodes { id at actorLabel action entity entityId } } }',
    {},
    admin,
  );
  expect(r.errors).toBeUndefined();
  const node = r.data!.auditEntriesPage.nodes.find(
    (n: { action: string }) => n.action === 'apiToken.create',
  );
  expect(node).toMatchObject({ entity: 'ApiToken', at: expect.stringMatching(/Z$/) });
  const [read] = entryReads(r.statements);
  expect(read).toBeDefined();
  expect(read).not.toMatch(/"before"|"after"/);
});

it('a request that asks for before and after gets them', async () => {
  const r = await h.gql(
    '{ auditEntries(first: 5) { edges { node { action before after } } } }',
    {},
    admin,
  );
  expect(r.errors).toBeUndefined();
  const node = r.data!.auditEntries.edges.find(
    (e: { node: { action: string } }) => e.node.action === 'apiToken.create',
  ).node;
  expect(node.before).toBeNull();
  expect(node.after).toMatchObject({ name: '审计' });
  expect(entryReads(r.statements)[0]).toMatch(/"after"/);
});

it('an unfiltered page is one statement on pg, with the rows and order Prisma gives', async () => {
  for (let i = 0; i < 3; i++) {
    const more = await h.gql(
      `mutation { createApiToken(input: { name: "审计${i}", scopes: [READ_PUBLISHED] }) { secret } }`,
      {},
      admin,
    );
    expect(more.errors).toBeUndefined();
  }
  const select = { id: true, ...AUDIT_ENTRY_SELECT } as const;
  const columns = auditPageColumns({ select });
  expect(columns).not.toBeNull();
  for (const field of ['at', 'entity', 'action', 'actorLabel']) {
    for (const order of ['asc', 'desc'] as const) {
      for (const [skip, take] of [
        [0, 2],
        [1, 3],
      ] as const) {
        const viaPrisma = await h.db.prisma.auditEntry.findMany({
          select,
          skip,
          take,
          orderBy: [{ [field]: order }, { id: 'desc' }],
        });
        expect(viaPrisma.length).toBeGreaterThan(0);
        expect(
          await readAuditPage(h.db.prisma, columns!, { skip, take, orderBy: { [field]: order } }),
        ).toEqual(viaPrisma);
        // With the total, in one statement: the same rows in the same order.
        expect(
          await readAuditPageCounted(h.db.prisma, columns!, {
            skip,
            take,
            orderBy: { [field]: order },
          }),
        ).toEqual({ rows: viaPrisma, total: await h.db.prisma.auditEntry.count() });
      }
    }
  }
  // Past the last entry: no rows, and still the total.
  expect(
    await readAuditPageCounted(h.db.prisma, columns!, {
      skip: 10_000,
      take: 2,
      orderBy: { at: 'desc' },
    }),
  ).toEqual({ rows: [], total: await h.db.prisma.auditEntry.count() });
  // Relations and the JSON columns are left to Prisma.
  expect(auditPageColumns({ select: { ...select, before: true } })).toBeNull();
  expect(auditPageColumns({ select, include: {} })).toBeNull();
  const r = await h.gql(
    '{ auditEntriesPage(perPage: 2, page: 2, sort: { field: "action", order: ASC }) { nodes { id action at } } }',
    {},
    admin,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data!.auditEntriesPage.nodes).toHaveLength(2);
  expect(r.statements).toHaveLength(2);
  expect(r.statements[1]).toContain('json_agg(x ORDER BY');
  const filtered = await h.gql(
    '{ auditEntriesPage(perPage: 2, filter: { entity: "ApiToken" }) { nodes { action } } }',
    {},
    admin,
  );
  expect(filtered.errors).toBeUndefined();
  expect(filtered.statements.some((s) => s.includes('json_agg(x ORDER BY'))).toBe(false);
});

it('a page with its total, unfiltered, is one statement besides authentication, in either order', async () => {
  const total = await h.db.prisma.auditEntry.count();
  const firstPage = await h.db.prisma.auditEntry.findMany({
    select: { action: true },
    take: 3,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
  });
  for (const query of [
    '{ auditEntriesPage(perPage: 3) { total nodes { action } } }',
    '{ auditEntriesPage(perPage: 3) { nodes { action } total } }',
  ]) {
    const r = await h.gql(query, {}, admin);
    expect(r.errors).toBeUndefined();
    expect(r.data!.auditEntriesPage).toEqual({ total, nodes: firstPage });
    expect(r.statements).toHaveLength(2);
  }
  // The total alone, and a filtered page with its total, are counted apart.
  const alone = await h.gql('{ auditEntriesPage(perPage: 3) { total } }', {}, admin);
  expect(alone.data!.auditEntriesPage.total).toBe(total);
  const filtered = await h.gql(
    '{ auditEntriesPage(perPage: 3, filter: { entity: "ApiToken" }) { total nodes { action } } }',
    {},
    admin,
  );
  expect(filtered.errors).toBeUndefined();
  expect(filtered.data!.auditEntriesPage.total).toBe(
    await h.db.prisma.auditEntry.count({ where: { entity: 'ApiToken' } }),
  );
  expect(filtered.statements).toHaveLength(3);
});
