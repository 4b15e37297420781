// Exports stream (issue 9): GET /exports/… writes the rate CSV and the annex CSVs a page of rows at
// a time, the same bytes as the GraphQL fields, with the same authentication; each chunk holds at
// most a page of rows, so memory does not grow with the export's size.
import { createServer, type Server } from 'node:http';
import pino from 'pino';
import { addDays, findingKeys, todayInShanghai } from '@gazette/domain';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GazetteContext } from '../src/context.ts';
import { createApp } from '../src/http/app.ts';
import {
  ANNEX_EXPORT_PAGE_ROWS,
  annexCsvChunks,
} from '../src/services/inspections/export-annex-csv.ts';
import {
  EXPORT_PAGE_ROWS,
  rateTableVersionCsvChunks,
} from '../src/services/rates/export-rate-table-version-csv.ts';
import { importRateTableVersionCsv } from '../src/services/rates/import-rate-table-version-csv.ts';
import { annexFileCsvChunks } from '../src/services/inspections/export-annex-file-csv.ts';
import {
  adoptionTable,
  dataCollectionTable,
  newMediaTable,
  toAnnexCsv,
  websiteTable,
} from '../src/inspection-annexes/export.ts';
import { createApi, type Api } from './helpers.ts';

let api: Api;
let admin: string;
let server: Server;
let base: string;
let draftId: string;
const ROWS = EXPORT_PAGE_ROWS * 3 + 17;
const FINDINGS = ANNEX_EXPORT_PAGE_ROWS * 2 + 5;

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '').length;

beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
  const user = await api.db.prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
  const ctx = {
    prisma: api.db.prisma,
    logger: pino({ level: 'silent' }),
    requestId: 'exports-test',
    viewer: { kind: 'user', userId: user.id, email: user.email, role: 'ADMIN', sessionId: 't' },
    actorLabel: user.email,
    cache: new Map(),
  } as unknown as GazetteContext;
  const table = await api.db.prisma.rateTable.findUniqueOrThrow({
    where: { key: 'medical-service-prices' },
  });
  const draft = await api.db.prisma.rateTableVersion.create({
    data: {
      tableId: table.id,
      effectiveFrom: new Date(`${addDays(todayInShanghai(), 90)}T00:00:00Z`),
      status: 'DRAFT',
      label: '导出草稿',
    },
  });
  draftId = draft.id;
  const csv = ['code,grade,name,unit,amount'];
  for (let i = 0; i < ROWS; i++)
    csv.push(
      `${700_000_000 + Math.floor(i / 4)},${['TERTIARY_A', 'TERTIARY_B', 'SECONDARY_A', 'SECONDARY_B'][i % 4]},"项目 ${i},测试",次,${i + 0.5}`,
    );
  await importRateTableVersionCsv(ctx, draftId, draft.version, `${csv.join('\r\n')}\r\n`);

  // A round of 2,005 website findings (three pages).
  const round = await api.db.prisma.inspectionRound.findUniqueOrThrow({
    where: { quarter: '2024Q4' },
  });
  const org = await api.db.prisma.organization.findFirstOrThrow();
  await api.db.prisma.websiteFinding.createMany({
    data: Array.from({ length: FINDINGS }, (_, i) => {
      const description = `《栏目${i % 7}》问题 ${i}`;
      return {
        roundId: round.id,
        organizationId: org.id,
        siteSeq: 5000 + Math.floor(i / 3),
        siteName: `导出测试网站${i}`,
        position: i % 3,
        description,
        ...findingKeys({ channel: 'WEBSITE', description }),
      };
    }),
  });

  server = createServer(
    createApp({
      prisma: api.db.prisma,
      logger: pino({ level: 'silent' }),
      graphql: api.yoga,
      dashboardDir: '/nonexistent',
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 120_000);
afterAll(async () => {
  server?.close();
  await api?.close();
});

describe('streaming exports', () => {
  it('produce a large rate version in chunks of at most a page of entries each', async () => {
    const viewer = {
      kind: 'user',
      userId: 'u',
      email: 'e',
      role: 'ADMIN',
      sessionId: 's',
    } as const;
    const chunks: string[] = [];
    for await (const c of await rateTableVersionCsvChunks(
      { prisma: api.db.prisma, viewer },
      draftId,
      draftId,
    ))
      chunks.push(c);
    expect(chunks.length).toBe(Math.ceil(ROWS / EXPORT_PAGE_ROWS));
    // Quoted names hold no newline: one line per entry (plus the header in the first chunk).
    expect(lines(chunks[0]!)).toBe(EXPORT_PAGE_ROWS + 1);
    for (const c of chunks.slice(1)) expect(lines(c)).toBeLessThanOrEqual(EXPORT_PAGE_ROWS);
    expect(chunks.reduce((n, c) => n + lines(c), 0)).toBe(ROWS + 1);
  });

  it('write the rate CSV over HTTP as the GraphQL field gives it, drafts only for those who see them', async () => {
    const id = encodeGlobalID('RateTableVersion', draftId);
    const field = await api.gql(
      `query($id: ID!) { rateTableVersionCsv(id: $id) }`,
      { id },
      {
        token: admin,
      },
    );
    expect(field.errors).toBeUndefined();
    const res = await fetch(`${base}/exports/rate-table-versions/${encodeURIComponent(id)}.csv`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const body = await res.text();
    expect(body).toBe(field.data!.rateTableVersionCsv);
    expect(lines(body)).toBe(ROWS + 1);

    const anonymous = await fetch(
      `${base}/exports/rate-table-versions/${encodeURIComponent(id)}.csv`,
    );
    expect(anonymous.status).toBe(404);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'NOT_FOUND', field: 'id' } });
  });

  it('write annex 1 and annex 2 page by page as inspectionAnnexCsv gives them', async () => {
    const chunks: string[] = [];
    for await (const c of await annexCsvChunks({ prisma: api.db.prisma }, '2024Q4', 'WEBSITE'))
      chunks.push(c);
    const total = await api.db.prisma.websiteFinding.count({
      where: { round: { quarter: '2024Q4' } },
    });
    expect(chunks.length).toBe(Math.ceil(total / ANNEX_EXPORT_PAGE_ROWS));
    for (const annex of ['WEBSITE', 'NEW_MEDIA']) {
      const field = await api.gql(
        `query($a: InspectionAnnex!) { inspectionAnnexCsv(quarter: "2024Q4", annex: $a) }`,
        { a: annex },
      );
      expect(field.errors).toBeUndefined();
      const res = await fetch(`${base}/exports/inspection-annexes/2024q4/${annex}.csv`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(field.data!.inspectionAnnexCsv);
    }
    expect(chunks.join('')).toContain('导出测试网站2004');

    const none = await fetch(`${base}/exports/inspection-annexes/1999Q1/WEBSITE.csv`);
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: { code: 'NOT_FOUND', field: 'quarter' } });
  });

  it('write the Chinese-header annexes page by page as inspectionAnnexFile gives them, a site cut by a page in one row', async () => {
    // 2031Q1: 2,100 findings, 7 to a site, so sites straddle the 1,000-row pages.
    const round = await api.db.prisma.inspectionRound.create({
      data: {
        quarter: '2031Q1',
        windowStart: new Date(Date.UTC(2031, 0, 1)),
        windowEnd: new Date(Date.UTC(2031, 0, 15)),
        cityPortalsChecked: 1,
        districtPortalsChecked: 7,
        departmentSitesChecked: 38,
        newMediaAccountsChecked: 10,
        newMediaDistricts: 7,
        newMediaParks: 2,
        newMediaDepartments: 40,
        messagesReceived: 1,
        messagesClosed: 1,
      },
    });
    const [a, b] = await api.db.prisma.organization.findMany({ take: 2, orderBy: { name: 'asc' } });
    await api.db.prisma.websiteFinding.createMany({
      data: Array.from({ length: 2100 }, (_, i) => {
        const description = `《栏目${i % 5}》问题 ${i}, "引号"`;
        return {
          roundId: round.id,
          organizationId: Math.floor(i / 7) % 2 ? a!.id : b!.id,
          siteSeq: 1 + Math.floor(i / 7),
          siteName: `分页网站${Math.floor(i / 7)}`,
          position: i % 7,
          description,
          rectified: i % 3 === 0,
          ...findingKeys({ channel: 'WEBSITE', description }),
        };
      }),
    });
    await api.db.prisma.newMediaFinding.createMany({
      data: Array.from({ length: 1500 }, (_, i) => {
        const account = `=账号${i}`;
        return {
          roundId: round.id,
          organizationId: a!.id,
          seq: i + 1,
          account,
          platform: '微信',
          description: `问题${i}`,
          rectified: i % 4 === 0 ? null : i % 2 === 0,
          ...findingKeys({ channel: 'NEW_MEDIA', account, description: `问题${i}` }),
        };
      }),
    });
    await api.db.prisma.dataCollectionGap.create({
      data: { roundId: round.id, organizationId: a!.id, kind: 'BASE', dataYear: 2030, position: 1 },
    });
    await api.db.prisma.informationAdoption.create({
      data: { roundId: round.id, organizationId: b!.id, rating: 'GOOD', position: 1 },
    });
    // The oracle: every row loaded at once and rendered whole, as inspectionAnnexFile did before.
    const include = { organization: { select: { name: true } } } as const;
    const where = { roundId: round.id };
    const whole = {
      WEBSITE: toAnnexCsv(
        websiteTable(await api.db.prisma.websiteFinding.findMany({ where, include })),
      ),
      NEW_MEDIA: toAnnexCsv(
        newMediaTable(await api.db.prisma.newMediaFinding.findMany({ where, include })),
      ),
      DATA_COLLECTION: toAnnexCsv(
        dataCollectionTable(await api.db.prisma.dataCollectionGap.findMany({ where, include })),
      ),
      ADOPTION: toAnnexCsv(
        adoptionTable(await api.db.prisma.informationAdoption.findMany({ where, include })),
      ),
    };
    const names = {
      WEBSITE: '附件1',
      NEW_MEDIA: '附件2',
      DATA_COLLECTION: '附件3',
      ADOPTION: '信息采用情况',
    };
    // 300 sites, one row each (a site's 7 problems in one cell), the header once.
    expect(whole.WEBSITE.match(/\r\n\d+,分页网站/gu)).toHaveLength(300);
    const { chunks } = await annexFileCsvChunks({ prisma: api.db.prisma }, '2031Q1', 'WEBSITE');
    const parts: string[] = [];
    for await (const c of chunks) parts.push(c);
    expect(parts.length).toBe(3);
    expect(parts.join('')).toBe(whole.WEBSITE);
    for (const annex of ['WEBSITE', 'NEW_MEDIA', 'DATA_COLLECTION', 'ADOPTION'] as const) {
      const res = await fetch(`${base}/exports/inspection-annex-files/2031q1/${annex}.csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent(`2031Q1-${names[annex]}.csv`)}`,
      );
      const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      expect(body).toBe(whole[annex]);
      const field = await api.gql(
        `query($a: InspectionAnnex!) { inspectionAnnexFile(quarter: "2031Q1", annex: $a, format: CSV) { fileName content } }`,
        { a: annex },
      );
      expect(field.data!.inspectionAnnexFile).toEqual({
        fileName: `2031Q1-${names[annex]}.csv`,
        content: whole[annex],
      });
    }
    const none = await fetch(`${base}/exports/inspection-annex-files/1999Q1/ADOPTION.csv`);
    expect(none.status).toBe(404);
    const bad = await fetch(`${base}/exports/inspection-annex-files/2031Q1/OTHER.csv`);
    expect(bad.status).toBe(404);
  });
});

describe('the rate CSV download re-imports unchanged', () => {
  /** A version's entries as the API keeps them, in order, without ids and row versions. */
  const entriesOf = async (versionId: string) =>
    (
      await api.db.prisma.rateEntry.findMany({
        where: { versionId },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: {
          key: true,
          dimensions: true,
          code: true,
          name: true,
          unit: true,
          amount: true,
          rate: true,
          baseKey: true,
          attributes: true,
        },
      })
    ).map((e) => ({
      ...e,
      amount: e.amount?.toString() ?? null,
      rate: e.rate?.toString() ?? null,
    }));

  it('into a new draft of every seeded table: the file from /exports, BOM and all, gives equal entries', async () => {
    const published = await api.db.prisma.rateTableVersion.findMany({
      where: { status: 'PUBLISHED' },
      orderBy: [{ table: { key: 'asc' } }, { effectiveFrom: 'desc' }],
      distinct: ['tableId'],
      select: { id: true, effectiveFrom: true, table: { select: { id: true, name: true } } },
    });
    expect(published.length).toBeGreaterThan(1);
    for (const [i, v] of published.entries()) {
      const id = encodeGlobalID('RateTableVersion', v.id);
      const res = await fetch(`${base}/exports/rate-table-versions/${encodeURIComponent(id)}.csv`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(res.status).toBe(200);
      const name = `${v.table.name}-${v.effectiveFrom.toISOString().slice(0, 10)}.csv`;
      expect(res.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      const bytes = new Uint8Array(await res.arrayBuffer());
      // The file as saved: a UTF-8 BOM (Excel reads the Chinese), then the GraphQL field's text.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const file = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      const field = await api.gql(
        `query($id: ID!) { rateTableVersionCsv(id: $id) }`,
        { id },
        {
          token: admin,
        },
      );
      expect(file).toBe(`\uFEFF${field.data!.rateTableVersionCsv}`);

      const created = await api.gql<{ createRateTableVersion: { id: string; version: number } }>(
        `mutation($input: RateTableVersionInput!) { createRateTableVersion(input: $input) { id version } }`,
        {
          input: {
            tableId: encodeGlobalID('RateTable', v.table.id),
            effectiveFrom: addDays(todayInShanghai(), 500 + i),
            label: '往返导入',
          },
        },
        { token: admin },
      );
      expect(created.errors).toBeUndefined();
      const draft = created.data!.createRateTableVersion;
      // The draft starts empty, so nothing copied can pass for what the import wrote.
      const draftId = decodeGlobalID(draft.id).id;
      await api.db.prisma.rateEntry.deleteMany({ where: { versionId: draftId } });
      const { version } = await api.db.prisma.rateTableVersion.findUniqueOrThrow({
        where: { id: draftId },
      });
      const imported = await api.gql(
        `mutation($id: ID!, $version: Int!, $csv: String!) { importRateTableVersionCsv(id: $id, version: $version, csv: $csv) { id } }`,
        { id: draft.id, version, csv: file },
        { token: admin },
      );
      expect(imported.errors).toBeUndefined();
      const original = await entriesOf(v.id);
      expect(original.length).toBeGreaterThan(0);
      expect(await entriesOf(draftId)).toEqual(original);
    }
  });
});
