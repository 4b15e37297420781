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
    const existing = await api.gql(NODE, { id: encodeGlobalID('AuditEntry', String(entry.id)) }, { token: viewer });
    const missing = await api.gql(NODE, { id: encodeGlobalID('AuditEntry', '999999999') }, { token: viewer });
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
