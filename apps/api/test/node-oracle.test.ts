// node(id) of a type the caller may not read answers the same for a record that exists and one
// that does not, and runs no SQL (hardening: no existence oracle).
import { encodeGlobalID } from '@pothos/plugin-relay';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';

let api: Api;
let admin: string;
let caseId: string;
beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
  const r = await api.gql(
    `mutation { openDiscretionReview(input: { caseName: "测试案件", subjectName: "某公司", trigger: SUBJECT_APPLICATION, filedOn: "2025-02-01" }) { case { id } } }`,
    {},
    { token: admin },
  );
  expect(r.errors).toBeUndefined();
  caseId = r.data!.openDiscretionReview.case.id;
});
afterAll(async () => {
  await api?.close();
});

const NODE = `query($id: ID!) { node(id: $id) { id } }`;

describe('node(id) without the right to read the type', () => {
  it('answers an existing and a missing case alike, running no SQL', async () => {
    const missing = encodeGlobalID('DiscretionCase', randomUUID());
    const a = await api.gql(NODE, { id: caseId });
    const b = await api.gql(NODE, { id: missing });
    expect(a.codes).toEqual(['UNAUTHENTICATED']);
    expect(b.codes).toEqual(a.codes);
    expect(b.errors![0]!.message).toBe(a.errors![0]!.message);
    expect(a.statements).toEqual([]);
    expect(b.statements).toEqual([]);
  });

  it('answers audit entries and users alike to a signed-in viewer, FORBIDDEN before any SQL', async () => {
    const viewer = await api.tokenFor('VIEWER');
    const entry = await api.db.prisma.auditEntry.findFirstOrThrow();
    const existing = await api.gql(
      NODE,
      { id: encodeGlobalID('AuditEntry', entry.publicId) },
      { token: viewer },
    );
    const missing = await api.gql(
      NODE,
      { id: encodeGlobalID('AuditEntry', randomUUID()) },
      { token: viewer },
    );
    expect(existing.codes).toEqual(['FORBIDDEN']);
    expect(missing.codes).toEqual(['FORBIDDEN']);
    // Only the session lookup of the token ran, no read of the audit log.
    expect(existing.statements.some((s) => /"AuditEntry"/.test(s))).toBe(false);
    const anonymousUser = await api.gql(NODE, { id: encodeGlobalID('User', randomUUID()) });
    expect(anonymousUser.codes).toEqual(['UNAUTHENTICATED']);
  });

  it('still gives an administrator the record', async () => {
    const r = await api.gql(NODE, { id: caseId }, { token: admin });
    expect(r.errors).toBeUndefined();
    expect(r.data!.node).toEqual({ id: caseId });
  });
});

describe('audit entry ids', () => {
  const ENTRIES = `{ auditEntries(first: 100) { edges { cursor node { id } } } auditEntriesPage(perPage: 100) { nodes { id } } }`;

  it('carry a random uuid, never the sequence number, in global ids and cursors', async () => {
    await api.gql(
      `mutation { openDiscretionReview(input: { caseName: "另一案件", subjectName: "某公司", trigger: SUBJECT_APPLICATION, filedOn: "2025-02-02" }) { case { id } } }`,
      {},
      { token: admin },
    );
    const rows = await api.db.prisma.auditEntry.findMany({ orderBy: { id: 'asc' } });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const r = await api.gql(ENTRIES, {}, { token: admin });
    expect(r.errors).toBeUndefined();
    const edges = r.data!.auditEntries.edges as { cursor: string; node: { id: string } }[];
    const shown = [
      ...edges.map((e) => e.node.id),
      ...r.data!.auditEntriesPage.nodes.map((n: { id: string }) => n.id),
    ];
    const decoded = shown.map((id) => Buffer.from(id, 'base64').toString('utf8'));
    const cursors = edges.map((e) => Buffer.from(e.cursor, 'base64').toString('utf8'));
    const publicIds = new Set(rows.map((row) => row.publicId));
    for (const text of decoded) {
      expect(text).toMatch(/^AuditEntry:[0-9a-f-]{36}$/);
      expect(publicIds.has(text.slice('AuditEntry:'.length))).toBe(true);
    }
    for (const text of [...decoded, ...cursors]) {
      for (const row of rows) expect(text).not.toMatch(new RegExp(`[^0-9a-f-]${row.id}$`));
    }
    // The administrator reads an entry by its global id, and the next page follows the cursor.
    const node = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on AuditEntry { action } } }`,
      { id: shown[0] },
      { token: admin },
    );
    expect(node.data!.node.action).toBe(
      rows.find((row) => row.publicId === decoded[0]!.slice(11))!.action,
    );
    const next = await api.gql(
      `query($after: String) { auditEntries(first: 1, after: $after) { edges { node { id } } } }`,
      { after: edges[0]!.cursor },
      { token: admin },
    );
    expect(next.data!.auditEntries.edges[0].node.id).toBe(edges[1]!.node.id);
  });
});
