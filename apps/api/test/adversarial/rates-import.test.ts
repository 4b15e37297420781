// One import must not freeze the server (hardening issue, item 2; performance issue, "bulk without
// blocking"): a 100k-row rate CSV lands whole while the event loop stays responsive (delay
// sampled with monitorEventLoopDelay, and a health-check-like timer keeps firing); a bad last row
// leaves the version as it was; the file can come as a GraphQL multipart upload.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { addDays, todayInShanghai } from '@gazette/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GazetteContext } from '../../src/context.ts';
import { importRateTableVersionCsv } from '../../src/services/rates/import-rate-table-version-csv.ts';
import { exportRateTableVersionCsv } from '../../src/services/rates/export-rate-table-version-csv.ts';
import { createPrismaClient } from '@gazette/db';
import { createApi, type Api } from '../helpers.ts';

let api: Api;
let admin: string;
let ctx: GazetteContext;
let draftId: string;
const ROWS = 100_000;
const GRADES = ['TERTIARY_A', 'TERTIARY_B', 'SECONDARY_A', 'SECONDARY_B', 'BELOW_SECONDARY_B'];

/** `rows` medical price rows: 9-digit codes × the five grades, with a name needing quotes. */
function bigCsv(rows: number): string {
  const lines = ['code,grade,name,unit,amount'];
  for (let i = 0; i < rows; i++) {
    const code = String(800_000_000 + Math.floor(i / GRADES.length));
    lines.push(`${code},${GRADES[i % GRADES.length]},"项目 ${i},测试",次,${(i % 997) + 0.5}`);
  }
  return lines.join('\r\n') + '\r\n';
}

beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
  const user = await api.db.prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
  ctx = {
    prisma: createPrismaClient(api.db.url, { maxConnections: 3 }),
    logger: pino({ level: 'silent' }),
    requestId: 'rates-import-test',
    viewer: { kind: 'user', userId: user.id, email: user.email, role: 'ADMIN', sessionId: 'test' },
    actorLabel: user.email,
    cache: new Map(),
  };
  const table = await api.db.prisma.rateTable.findUniqueOrThrow({
    where: { key: 'medical-service-prices' },
  });
  const draft = await api.db.prisma.rateTableVersion.create({
    data: {
      tableId: table.id,
      effectiveFrom: new Date(`${addDays(todayInShanghai(), 60)}T00:00:00Z`),
      status: 'DRAFT',
      label: '导入草稿',
    },
  });
  draftId = draft.id;
}, 60_000);
afterAll(async () => {
  await ctx?.prisma.$disconnect();
  await api?.close();
});

const version = async () =>
  (await api.db.prisma.rateTableVersion.findUniqueOrThrow({ where: { id: draftId } })).version;
const count = () => api.db.prisma.rateEntry.count({ where: { versionId: draftId } });

describe('a 100k-row rate CSV import', () => {
  it('lands whole while the event loop keeps answering', async () => {
    const csv = bigCsv(ROWS);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let ticks = 0;
    let last = performance.now();
    let longestGap = 0;
    const heartbeat = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 20);
    delay.enable();
    const started = performance.now();
    const written = await importRateTableVersionCsv(ctx, draftId, await version(), csv);
    const elapsed = performance.now() - started;
    delay.disable();
    clearInterval(heartbeat);

    expect(written).toBe(ROWS);
    expect(await count()).toBe(ROWS);
    const p99 = delay.percentile(99) / 1e6;
    // The benchmark's target is 50 ms on an idle machine; this bound holds on a busy 2-core one.
    expect(
      p99,
      `event-loop delay p99 ${p99.toFixed(1)} ms over ${elapsed.toFixed(0)} ms`,
    ).toBeLessThan(200);
    // A liveness probe waits seconds: the longest pause (CPU shared with other work included) stays far below.
    expect(longestGap, 'longest pause of a 20 ms timer').toBeLessThan(1000);
    expect(ticks).toBeGreaterThan(elapsed / 20 / 4);
    const sample = await api.db.prisma.rateEntry.findFirstOrThrow({
      where: { versionId: draftId, key: '800000001|TERTIARY_A' },
    });
    expect(sample).toMatchObject({ name: '项目 5,测试', unit: '次', position: 5 });
    expect(sample.amount?.toString()).toBe('5.5');
  }, 120_000);

  it('exports back a page at a time, the event loop answering, readable by the import', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const csv = await exportRateTableVersionCsv(ctx, draftId, draftId);
    delay.disable();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[0]).toBe('项目编码,医疗机构等级,名称,单位,金额(元),比例,基准项,附加属性');
    expect(lines[6]).toBe('800000001,三甲,"项目 5,测试",次,5.5,,,');
    expect(delay.percentile(99) / 1e6).toBeLessThan(200);
    // Imported again unchanged: the same 100k entries.
    expect(await importRateTableVersionCsv(ctx, draftId, await version(), csv)).toBe(ROWS);
  }, 120_000);

  it('writes nothing when the last row is bad, naming its line and column', async () => {
    const before = await version();
    const lines = bigCsv(ROWS).trimEnd().split('\r\n');
    lines[lines.length - 1] = lines[lines.length - 1]!.replace(/,[^,]*$/, ',12.34567');
    await expect(
      importRateTableVersionCsv(ctx, draftId, before, lines.join('\n')),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        rows: [{ line: ROWS + 1, column: '金额(元)', message: expect.stringContaining('小数') }],
      },
    });
    expect(await version()).toBe(before);
    expect(await count()).toBe(ROWS);
  }, 120_000);
});

describe('the CSV as a GraphQL multipart upload', () => {
  const IMPORT = `mutation($id: ID!, $v: Int!, $file: File!) { importRateTableVersionCsvFile(id: $id, version: $v, file: $file) { entryCount version } }`;
  const upload = (
    csv: string | Uint8Array<ArrayBuffer>,
    v: number,
    headers: Record<string, string> = { 'x-graphql-yoga-csrf': '1' },
  ) => {
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({
        query: IMPORT,
        variables: { id: encodeGlobalID('RateTableVersion', draftId), v, file: null },
      }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new File([csv], '价格.csv', { type: 'text/csv' }));
    return api.post(form, { authorization: `Bearer ${admin}`, ...headers });
  };

  it('replaces the entries with the file', async () => {
    const v = await version();
    const res = await upload(bigCsv(10), v);
    const body = (await res.json()) as { data?: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.importRateTableVersionCsvFile).toEqual({ entryCount: 10, version: v + 1 });
    expect(await count()).toBe(10);
  });

  it('reads a GB18030 file as Excel saves it', async () => {
    const v = await version();
    // "项目" in GB18030 bytes: the name arrives as text, not replacement characters.
    const gb = Uint8Array.from([
      ...Buffer.from('code,grade,name,amount\r\n311201069,TERTIARY_A,'),
      0xcf,
      0xee,
      0xc4,
      0xbf,
      ...Buffer.from(',1\r\n'),
    ]);
    const body = (await (await upload(gb, v)).json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(
      (await api.db.prisma.rateEntry.findFirstOrThrow({ where: { versionId: draftId } })).name,
    ).toBe('项目');
  });

  it('is refused for a stale version and without the CSRF header, and changes nothing', async () => {
    const v = await version();
    const stale = (await (await upload(bigCsv(3), v - 1)).json()) as {
      errors?: { extensions: { code: string } }[];
    };
    expect(stale.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect((await upload(bigCsv(3), v, {})).status).toBe(403);
    expect(await count()).toBe(1);
  });
});
