import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPT, OPEN, OPEN_INPUT, TRANSITION, createHarness, type ApiHarness } from './helpers.ts';

const PAGE = `query($filter: AuditEntryFilter, $sort: SortInput) {
  auditEntriesPage(perPage: 100, filter: $filter, sort: $sort) { total nodes { id at actorId actorLabel action entity entityId before after } } }`;

let h: ApiHarness;
let admin: { token: string; userId: string; email: string };
let sup: { token: string; userId: string; email: string };
let caseRawId = '';

beforeAll(async () => {
  h = await createHarness();
  admin = await h.userToken('ADMIN');
  sup = await h.userToken('SUPERVISOR');
  const opened = await h.gql(OPEN, { input: OPEN_INPUT }, sup.token);
  const id = opened.data!.openDiscretionReview.case.id;
  caseRawId = Buffer.from(id, 'base64').toString().split(':')[1]!;
  await h.gql(TRANSITION, { id, event: ACCEPT }, sup.token);
  await h.gql(OPEN, { input: { ...OPEN_INPUT, caseName: '另一案件' } }, sup.token);
});
afterAll(() => h.close());

describe('auditEntries', () => {
  it('filters by entity and entity id: the case history, newest first by default', async () => {
    const r = await h.gql(
      PAGE,
      { filter: { entity: 'DiscretionCase', entityId: caseRawId } },
      admin.token,
    );
    const page = r.data!.auditEntriesPage;
    expect(page.total).toBe(2);
    expect(page.nodes.map((n: { action: string }) => n.action)).toEqual([
      'case.accept',
      'case.open',
    ]);
    expect(page.nodes[0]).toMatchObject({
      actorId: sup.userId,
      actorLabel: sup.email,
      entityId: caseRawId,
    });
    expect(page.nodes[0].before.state).toBe('REGISTERED');
    expect(page.nodes[0].after.state).toBe('UNDER_REVIEW');
  });

  it('filters by actor (id or part of the label) and action', async () => {
    const byId = await h.gql(
      PAGE,
      { filter: { actor: sup.userId, entity: 'DiscretionCase' } },
      admin.token,
    );
    expect(byId.data!.auditEntriesPage.total).toBe(3);
    const byLabel = await h.gql(
      PAGE,
      { filter: { actor: 'SUPERVISOR-', action: 'case.open' } },
      admin.token,
    );
    expect(byLabel.data!.auditEntriesPage.total).toBe(2);
  });

  it('filters by Asia/Shanghai calendar day', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    );
    const inDay = await h.gql(
      PAGE,
      { filter: { from: today, to: today, entity: 'DiscretionCase' } },
      admin.token,
    );
    expect(inDay.data!.auditEntriesPage.total).toBe(3);
    const before = await h.gql(PAGE, { filter: { to: '2024-12-31' } }, admin.token);
    expect(before.data!.auditEntriesPage.total).toBe(0);
    const reversed = await h.gql(PAGE, { filter: { from: today, to: '2024-12-31' } }, admin.token);
    expect(reversed.codes).toEqual(['BAD_USER_INPUT']);
  });

  it('pages through the connection newest first with a total', async () => {
    const first = await h.gql(
      '{ auditEntries(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id action } } } }',
      {},
      admin.token,
    );
    const conn = first.data!.auditEntries;
    expect(conn.edges).toHaveLength(2);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    const next = await h.gql(
      'query($after: String) { auditEntries(first: 100, after: $after) { edges { node { id } } } }',
      { after: conn.pageInfo.endCursor },
      admin.token,
    );
    expect(next.data!.auditEntries.edges.length).toBe(conn.totalCount - 2);
    const ids = [...conn.edges, ...next.data!.auditEntries.edges].map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(new Set(ids).size).toBe(conn.totalCount);
  });

  it('an audit entry is reachable by node(id) for an admin only', async () => {
    const r = await h.gql(PAGE, { filter: { action: 'case.accept' } }, admin.token);
    const id = r.data!.auditEntriesPage.nodes[0].id;
    const asAdmin = await h.gql(
      'query($id: ID!) { node(id: $id) { ... on AuditEntry { action } } }',
      { id },
      admin.token,
    );
    expect(asAdmin.data!.node).toEqual({ action: 'case.accept' });
    const asSup = await h.gql(
      'query($id: ID!) { node(id: $id) { ... on AuditEntry { action } } }',
      { id },
      sup.token,
    );
    expect(asSup.codes).toEqual(['FORBIDDEN']);
  });
});
