// Every administrators' write of this schema × every kind of caller: anonymous callers are
// UNAUTHENTICATED; API tokens, viewers and supervisors FORBIDDEN (supervisors may update
// findings' rectification); administrators pass the check (then fail on the made-up ids).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TOKEN_PREFIX, newSecret, sha256Hex } from '../src/auth/secrets.ts';
import { createApi, type Api } from './helpers.ts';

let api: Api;
const tokens: Record<string, string | null> = { anonymous: null };

beforeAll(async () => {
  api = await createApi();
  tokens.VIEWER = await api.tokenFor('VIEWER');
  tokens.SUPERVISOR = await api.tokenFor('SUPERVISOR');
  tokens.ADMIN = await api.tokenFor('ADMIN');
  const owner = await api.db.prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
  const secret = newSecret(API_TOKEN_PREFIX);
  await api.db.prisma.apiToken.create({
    data: {
      name: 'downstream',
      tokenHash: sha256Hex(secret),
      prefix: secret.slice(0, 10),
      scopes: ['READ_ALL'],
      createdById: owner.id,
    },
  });
  tokens.API_TOKEN = secret;
});
afterAll(async () => {
  await api?.close();
});

const ID = '"00000000-0000-0000-0000-000000000000"';
const DATE = '"2030-01-01"';
const MUTATIONS: Record<string, string> = {
  createPolicy: `createPolicy(input: { docNo: "泸测〔2030〕1号", title: "t", category: DEPARTMENT, signedOn: ${DATE} }) { id }`,
  updatePolicy: `updatePolicy(id: ${ID}, version: 1, input: { title: "t" }) { id }`,
  deletePolicy: `deletePolicy(id: ${ID}, version: 1) { id }`,
  createOrganization: `createOrganization(input: { name: "测试机构", type: OTHER }) { id }`,
  updateOrganization: `updateOrganization(id: ${ID}, version: 1, input: { name: "x" }) { id }`,
  deleteOrganization: `deleteOrganization(id: ${ID}, version: 1) { id }`,
  createOrganizationAlias: `createOrganizationAlias(input: { organizationId: ${ID}, alias: "测试别名" }) { id }`,
  updateOrganizationAlias: `updateOrganizationAlias(id: ${ID}, version: 1, input: { alias: "x" }) { id }`,
  deleteOrganizationAlias: `deleteOrganizationAlias(id: ${ID}, version: 1) { id }`,
  createRateTable: `createRateTable(input: { key: "k", kind: LAND_TERM_COEFFICIENT, name: "n", policyId: ${ID}, dimensions: [] }) { id }`,
  updateRateTable: `updateRateTable(id: ${ID}, version: 1, input: { name: "n" }) { id }`,
  deleteRateTable: `deleteRateTable(id: ${ID}, version: 1) { id }`,
  createRateTableVersion: `createRateTableVersion(input: { tableId: ${ID}, effectiveFrom: ${DATE} }) { id }`,
  updateRateTableVersion: `updateRateTableVersion(id: ${ID}, version: 1, input: { label: "x" }) { id }`,
  deleteRateTableVersion: `deleteRateTableVersion(id: ${ID}, version: 1) { id }`,
  publishRateTableVersion: `publishRateTableVersion(id: ${ID}, version: 1) { id }`,
  importRateTableVersionCsv: `importRateTableVersionCsv(id: ${ID}, version: 1, csv: "a") { id }`,
  createRateEntry: `createRateEntry(input: { versionId: ${ID}, dimensions: {}, amount: "1" }) { id }`,
  updateRateEntry: `updateRateEntry(id: ${ID}, version: 1, input: { amount: "1" }) { id }`,
  deleteRateEntry: `deleteRateEntry(id: ${ID}, version: 1) { id }`,
  createInspectionRound: `createInspectionRound(input: { quarter: "2031Q1", windowStart: ${DATE}, windowEnd: ${DATE}, cityPortalsChecked: 1, districtPortalsChecked: 1, departmentSitesChecked: 1, newMediaAccountsChecked: 1, messagesReceived: 1, messagesClosed: 1 }) { id }`,
  updateInspectionRound: `updateInspectionRound(id: ${ID}, version: 1, input: { messagesReceived: 1 }) { id }`,
  deleteInspectionRound: `deleteInspectionRound(id: ${ID}, version: 1) { id }`,
  createWebsiteFinding: `createWebsiteFinding(input: { roundId: ${ID}, organizationId: ${ID}, siteSeq: 1, siteName: "s", description: "d" }) { id }`,
  updateWebsiteFinding: `updateWebsiteFinding(id: ${ID}, version: 1, input: { rectified: true }) { id }`,
  deleteWebsiteFinding: `deleteWebsiteFinding(id: ${ID}, version: 1) { id }`,
  createNewMediaFinding: `createNewMediaFinding(input: { roundId: ${ID}, organizationId: ${ID}, seq: 1, account: "a", platform: "p", description: "d" }) { id }`,
  updateNewMediaFinding: `updateNewMediaFinding(id: ${ID}, version: 1, input: { rectified: true }) { id }`,
  deleteNewMediaFinding: `deleteNewMediaFinding(id: ${ID}, version: 1) { id }`,
  importInspectionAnnexesCsv: `importInspectionAnnexesCsv(quarter: "2031Q1", version: 1, websiteCsv: "a") { id }`,
  importInspectionAnnexes: `importInspectionAnnexes(quarter: "2031Q1", version: 1, annexes: { website: { format: CSV, content: "a" } }) { id }`,
  assignReviewTask: `assignReviewTask(id: ${ID}, version: 1, assigneeId: ${ID}) { id }`,
  resolveReviewTask: `resolveReviewTask(id: ${ID}, version: 1, outcome: LAPSES) { id }`,
};

const SUPERVISOR_MAY = new Set(['updateWebsiteFinding', 'updateNewMediaFinding']);
const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

describe.each(Object.keys(MUTATIONS))('%s', (name) => {
  it.each(['anonymous', 'API_TOKEN', 'VIEWER', 'SUPERVISOR', 'ADMIN'])('as %s', async (caller) => {
    const r = await api.gql(`mutation { ${MUTATIONS[name]} }`, {}, { token: tokens[caller] });
    expect(r.codes).not.toContain('GRAPHQL_VALIDATION_FAILED');
    const allowed = caller === 'ADMIN' || (caller === 'SUPERVISOR' && SUPERVISOR_MAY.has(name));
    if (allowed) {
      // Past the check: it either wrote (the creates) or failed on the made-up ids.
      expect(r.codes.filter((c) => DENIED.has(c))).toEqual([]);
      if (r.codes.length === 0) expect(r.data?.[name]).toBeTruthy();
    } else {
      expect(r.codes).toEqual([caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
      expect(r.data).toBeNull();
    }
  });
});

describe('public reads', () => {
  it.each(['anonymous', 'API_TOKEN', 'VIEWER'])('are open to %s', async (caller) => {
    const r = await api.gql(
      `{ policies(first: 1) { totalCount } complianceSummary(quarter: "2024Q4") { quarter } rateTables(first: 1) { totalCount } }`,
      {},
      { token: tokens[caller] },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.policies.totalCount).toBeGreaterThanOrEqual(9);
    expect(r.data?.complianceSummary.quarter).toBe('2024Q4');
  });
});
