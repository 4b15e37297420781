// A rate change as administrators make it: new version from a date (a draft copy), edit an
// entry, publish (the previous version closes the day before), quotes on either side of the
// date; stale edits, started versions, bad CSV rows and other roles change nothing.
import { addDays, todayInShanghai } from '@gazette/domain';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';

let api: Api;
let admin: string;
const D = addDays(todayInShanghai(), 10);
const raw = (id: string) => decodeGlobalID(id).id;

beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
});
afterAll(async () => {
  await api?.close();
});

const landQuote = (asOf: string) =>
  api.gql(
    `query($asOf: Date) { landTransferFeeQuote(input: { landUse: COMMERCIAL, grade: 1, streetFrontGroundFloor: true, floorArea: "1", termCoefficient: "1", asOf: $asOf }) { standardPerSqm } }`,
    { asOf },
  );

async function landTable() {
  const r = await api.gql(
    `{ rateTable(key: "land-transfer-fee-standards") { id versions(first: 10) { edges { node { id version status effectiveFrom effectiveTo } } } } }`,
    {},
    { token: admin },
  );
  return r.data!.rateTable;
}

async function entryOf(versionId: string, key: string) {
  const r = await api.gql(
    `query($v: ID) { rateEntriesPage(filter: { versionId: $v }, perPage: 100) { nodes { id key version amount } } }`,
    { v: versionId },
    { token: admin },
  );
  return r.data!.rateEntriesPage.nodes.find((n: any) => n.key === key);
}

const CREATE = `mutation($input: RateTableVersionInput!) { createRateTableVersion(input: $input) { id version status effectiveFrom entryCount basedOn { effectiveFrom } } }`;
const UPDATE_ENTRY = `mutation($id: ID!, $version: Int!, $amount: Decimal) { updateRateEntry(id: $id, version: $version, input: { amount: $amount }) { id version amount } }`;
const KEY = 'COMMERCIAL|1|STREET_FRONT_GROUND_FLOOR';

describe('a rate change', () => {
  let draftId: string;

  it('copies the version in force as a draft from a date', async () => {
    const table = await landTable();
    const r = await api.gql(
      CREATE,
      { input: { tableId: table.id, effectiveFrom: D, label: '测试调整' } },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.createRateTableVersion).toMatchObject({
      status: 'DRAFT',
      effectiveFrom: D,
      entryCount: 21,
      basedOn: { effectiveFrom: '2025-01-08' },
    });
    draftId = r.data!.createRateTableVersion.id;
  });

  it('edits an entry of the draft, and a stale edit fails with CONFLICT naming who changed it', async () => {
    const entry = await entryOf(draftId, KEY);
    expect(entry.amount).toBe('1425');
    const ok = await api.gql(
      UPDATE_ENTRY,
      { id: entry.id, version: entry.version, amount: '1500' },
      { token: admin },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.updateRateEntry).toMatchObject({ amount: '1500', version: entry.version + 1 });

    const stale = await api.gql(
      UPDATE_ENTRY,
      { id: entry.id, version: entry.version, amount: '9999' },
      { token: admin },
    );
    expect(stale.codes).toEqual(['CONFLICT']);
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      currentVersion: entry.version + 1,
      changedBy: expect.stringContaining('admin'),
    });
    expect((await entryOf(draftId, KEY)).amount).toBe('1500');
  });

  it('shows the change against the version it was copied from', async () => {
    const old = (await landTable()).versions.edges
      .map((e: any) => e.node)
      .find((v: any) => v.id !== draftId);
    const r = await api.gql(
      `query($a: ID!, $b: ID!) { rateVersionDiff(fromId: $a, toId: $b) { added { key } removed { key } changed { key fields before { amount } after { amount } } } }`,
      { a: old.id, b: draftId },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.rateVersionDiff).toEqual({
      added: [],
      removed: [],
      changed: [
        { key: KEY, fields: ['amount'], before: { amount: '1425' }, after: { amount: '1500' } },
      ],
    });
  });

  it('is not used by quotes while a draft', async () => {
    expect((await landQuote(D)).data?.landTransferFeeQuote.standardPerSqm).toBe('1425.00');
  });

  it('publishes: quotes use it from its date, not the day before; the old version ends the day before', async () => {
    const draft = (await landTable()).versions.edges.find((e: any) => e.node.id === draftId).node;
    const r = await api.gql(
      `mutation($id: ID!, $v: Int!) { publishRateTableVersion(id: $id, version: $v) { status } }`,
      { id: draftId, v: draft.version },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.publishRateTableVersion.status).toBe('PUBLISHED');
    expect((await landQuote(D)).data?.landTransferFeeQuote.standardPerSqm).toBe('1500.00');
    expect((await landQuote(addDays(D, -1))).data?.landTransferFeeQuote.standardPerSqm).toBe(
      '1425.00',
    );
    const versions = (await landTable()).versions.edges.map((e: any) => e.node);
    const old = versions.find((v: any) => v.id !== draftId);
    expect(old.effectiveTo).toBe(addDays(D, -1));
    const audit = await api.db.prisma.auditEntry.count({
      where: { entity: 'RateTableVersion', entityId: raw(draftId) },
    });
    expect(audit).toBeGreaterThanOrEqual(2);
  });

  it('refuses to edit a version that has started, and changes nothing', async () => {
    const old = (await landTable()).versions.edges
      .map((e: any) => e.node)
      .find((v: any) => v.id !== draftId);
    const entry = await entryOf(old.id, KEY);
    const r = await api.gql(
      UPDATE_ENTRY,
      { id: entry.id, version: entry.version, amount: '1' },
      { token: admin },
    );
    expect(r.codes).toEqual(['CONFLICT']);
    expect((await entryOf(old.id, KEY)).amount).toBe('1425');
  });
});

describe('CSV', () => {
  it('exports a version and imports it back into a draft', async () => {
    const table = await landTable();
    const published = table.versions.edges[0].node;
    const csv = (
      await api.gql(`query($id: ID!) { rateTableVersionCsv(id: $id) }`, { id: published.id })
    ).data?.rateTableVersionCsv as string;
    expect(csv.split('\n')[0]).toContain('土地用途,基准地价级别,临街情况');
    expect(csv).toContain('商服用地,I 级,临街且平街一层');
    const r = await api.gql(
      CREATE,
      { input: { tableId: table.id, effectiveFrom: addDays(D, 40), csv } },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.createRateTableVersion.entryCount).toBe(21);
  });

  it('reports every bad row and column of a file and writes nothing', async () => {
    const table = await landTable();
    const draft = (
      await api.gql(
        CREATE,
        { input: { tableId: table.id, effectiveFrom: addDays(D, 80) } },
        { token: admin },
      )
    ).data!.createRateTableVersion;
    const csv = [
      'landUse,grade,frontage,amount',
      'COMMERCIAL,1,OTHER,500',
      'COMMERCIAL,9,OTHER,500',
      'FARMLAND,1,OTHER,abc',
    ].join('\n');
    const r = await api.gql(
      `mutation($id: ID!, $v: Int!, $csv: String!) { importRateTableVersionCsv(id: $id, version: $v, csv: $csv) { id } }`,
      { id: draft.id, v: draft.version, csv },
      { token: admin },
    );
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    const rows = r.errors?.[0]?.extensions?.rows as { line: number; column: string }[];
    expect(rows.map((e) => e.line)).toEqual(expect.arrayContaining([3, 4]));
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, column: '基准地价级别' }),
        expect.objectContaining({ line: 4, column: '土地用途' }),
      ]),
    );
    expect(rows.some((e) => e.line === 2)).toBe(false);
    // The draft still holds the 21 entries it was copied with: not one row of the file landed.
    const entries = await api.db.prisma.rateEntry.findMany({ where: { versionId: raw(draft.id) } });
    expect(entries).toHaveLength(21);
    expect(entries.find((e) => e.key === 'COMMERCIAL|1|OTHER')?.amount?.toString()).toBe('475');
  });
});

describe('who may change rates', () => {
  it.each([
    ['anonymous', null, 'UNAUTHENTICATED'],
    ['VIEWER', 'VIEWER', 'FORBIDDEN'],
    ['SUPERVISOR', 'SUPERVISOR', 'FORBIDDEN'],
  ] as const)('%s is refused and nothing is written', async (_label, role, code) => {
    const token = role ? await api.tokenFor(role) : null;
    const table = await landTable();
    const before = await api.db.prisma.rateTableVersion.count();
    const r = await api.gql(
      CREATE,
      { input: { tableId: table.id, effectiveFrom: addDays(D, 200) } },
      { token },
    );
    expect(r.codes).toEqual([code]);
    expect(await api.db.prisma.rateTableVersion.count()).toBe(before);
  });
});

describe('draft entries', () => {
  it('are not readable through node(id) by anonymous callers or read-published tokens', async () => {
    const table = await landTable();
    const r = await api.gql(
      CREATE,
      { input: { tableId: table.id, effectiveFrom: addDays(D, 30), label: '未发布草稿' } },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    const entry = await entryOf(r.data!.createRateTableVersion.id, KEY);
    const NODE = `query($id: ID!) { node(id: $id) { ... on RateEntry { amount } } }`;
    const anonymous = await api.gql(NODE, { id: entry.id });
    expect(anonymous.data?.node?.amount ?? null).toBeNull();
    expect(anonymous.codes).toEqual(['UNAUTHENTICATED']);
    const created = await api.gql(
      `mutation { createApiToken(input: { name: "公开数据", scopes: [READ_PUBLISHED] }) { secret } }`,
      {},
      { token: admin },
    );
    const published = await api.gql(
      NODE,
      { id: entry.id },
      { token: created.data!.createApiToken.secret },
    );
    expect(published.data?.node?.amount ?? null).toBeNull();
    expect(published.codes).toEqual(['FORBIDDEN']);
    // Signed-in users see drafts (the dashboard shows them).
    expect(
      (await api.gql(NODE, { id: entry.id }, { token: await api.tokenFor('VIEWER') })).data?.node,
    ).toEqual({ amount: '1500' });
    const asAdmin = await api.gql(NODE, { id: entry.id }, { token: admin });
    expect(asAdmin.data?.node).toEqual({ amount: '1500' });
  });
});

describe('clearing a cell of a draft (deleteRateEntry)', () => {
  const DELETE = `mutation($id: ID!, $version: Int!) { deleteRateEntry(id: $id, version: $version) { id key amount } }`;
  const OTHER_KEY = 'COMMERCIAL|1|OTHER';
  let draftId: string;

  it('deletes the entry with an audit entry; re-creating it (undo) brings back its point, value and place', async () => {
    const table = await landTable();
    const r = await api.gql(
      CREATE,
      { input: { tableId: table.id, effectiveFrom: addDays(D, 90), label: '清除单元格' } },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    draftId = r.data!.createRateTableVersion.id;
    const entry = await entryOf(draftId, KEY);
    const row = await api.db.prisma.rateEntry.findUniqueOrThrow({ where: { id: raw(entry.id) } });

    const gone = await api.gql(DELETE, { id: entry.id, version: entry.version }, { token: admin });
    expect(gone.errors).toBeUndefined();
    expect(gone.data?.deleteRateEntry).toMatchObject({ key: KEY, amount: entry.amount });
    expect(await entryOf(draftId, KEY)).toBeUndefined();
    const audit = await api.db.prisma.auditEntry.findFirst({
      where: { action: 'rateEntry.delete', entityId: raw(entry.id) },
    });
    expect(audit?.entity).toBe('RateEntry');
    expect(audit?.before).toMatchObject({ key: KEY });

    const back = await api.gql(
      `mutation($input: RateEntryInput!) { createRateEntry(input: $input) { key amount position } }`,
      {
        input: {
          versionId: draftId,
          dimensions: row.dimensions,
          amount: entry.amount,
          position: row.position,
        },
      },
      { token: admin },
    );
    expect(back.errors).toBeUndefined();
    expect(back.data?.createRateEntry).toEqual({
      key: KEY,
      amount: entry.amount,
      position: row.position,
    });
  });

  it('refuses a stale version with CONFLICT and deletes nothing', async () => {
    const entry = await entryOf(draftId, OTHER_KEY);
    const r = await api.gql(DELETE, { id: entry.id, version: entry.version + 1 }, { token: admin });
    expect(r.codes).toEqual(['CONFLICT']);
    expect(await entryOf(draftId, OTHER_KEY)).toMatchObject({ id: entry.id });
  });

  it('refuses supervisors and viewers, and deletes nothing', async () => {
    const entry = await entryOf(draftId, OTHER_KEY);
    for (const role of ['SUPERVISOR', 'VIEWER'] as const) {
      const r = await api.gql(
        DELETE,
        { id: entry.id, version: entry.version },
        { token: await api.tokenFor(role) },
      );
      expect(r.codes).toEqual(['FORBIDDEN']);
    }
    expect(await entryOf(draftId, OTHER_KEY)).toMatchObject({ id: entry.id });
  });

  it('refuses an entry of a version in force (published rates stay as published)', async () => {
    const inForce = (await landTable()).versions.edges
      .map((e: any) => e.node)
      .find((v: any) => v.status === 'PUBLISHED' && v.effectiveFrom <= todayInShanghai());
    const entry = await entryOf(inForce.id, OTHER_KEY);
    const r = await api.gql(DELETE, { id: entry.id, version: entry.version }, { token: admin });
    expect(r.codes).toEqual(['CONFLICT']);
    expect(r.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/u);
    expect(await entryOf(inForce.id, OTHER_KEY)).toMatchObject({ id: entry.id });
  });
});
