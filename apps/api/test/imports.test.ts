// Imports stream (issue 9): POST /imports/… reads a rate version's or a quarter annex's CSV as the
// body arrives — limit counted as it comes, encoding from the first bytes, records parsed and
// written in batches inside one transaction — with the mutations' authentication, validation,
// side effects (audit, change feed) and response-cache flush.
import { request as httpRequest, createServer, type Server } from 'node:http';
import pino from 'pino';
import { addDays, todayInShanghai } from '@gazette/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import { MAX_IMPORT_BYTES } from '../src/http/imports.ts';
import { createGazetteYoga } from '../src/yoga.ts';
import { createApi, type Api } from './helpers.ts';

let api: Api;
let admin: string;
let viewer: string;
let server: Server;
let base: string;
/** The same app without the flush after a streamed import (shows the cache would be stale). */
let unflushed: Server;
let unflushedBase: string;
let draftId: string;
let draftGid: string;
const ROWS = 100_000;
const GRADES = ['TERTIARY_A', 'TERTIARY_B', 'SECONDARY_A', 'SECONDARY_B'];

function rateRow(i: number, amount: string = `${i + 0.5}`): string {
  return `${700_000_000 + Math.floor(i / 4)},${GRADES[i % 4]},"项目 ${i},测试",次,${amount}\r\n`;
}

/** A 100k-row rate CSV in chunks of about 64 KiB, generated as it is sent (never held whole). */
function* rateCsv(rows: number, bad?: { row: number; amount: string }): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  let chunk = 'code,grade,name,unit,amount\r\n';
  for (let i = 0; i < rows; i++) {
    chunk += rateRow(i, bad?.row === i ? bad.amount : undefined);
    if (chunk.length > 32_000) {
      yield encoder.encode(chunk);
      chunk = '';
    }
  }
  if (chunk) yield encoder.encode(chunk);
}

function bodyStream(chunks: Iterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.iterator]();
  return new ReadableStream({
    pull(controller) {
      const next = it.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}

/** GB18030 bytes of a text (Node's TextDecoder knows GB18030; an encoder is built from it). */
function gb18030(text: string): Uint8Array<ArrayBuffer> {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [a, b]);
    }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(bytes);
}

const rateUrl = (root: string, version: number) =>
  `${root}/imports/rate-table-versions/${encodeURIComponent(draftGid)}.csv?version=${version}`;

async function draftVersion(): Promise<number> {
  return (await api.db.prisma.rateTableVersion.findUniqueOrThrow({ where: { id: draftId } }))
    .version;
}

const entries = () => api.db.prisma.rateEntry.count({ where: { versionId: draftId } });

async function listen(app: ReturnType<typeof createApp>): Promise<[Server, string]> {
  const s = createServer(app);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const address = s.address();
  return [s, `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`];
}

beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
  viewer = await api.tokenFor('VIEWER');
  const table = await api.db.prisma.rateTable.findUniqueOrThrow({
    where: { key: 'medical-service-prices' },
  });
  const draft = await api.db.prisma.rateTableVersion.create({
    data: {
      tableId: table.id,
      effectiveFrom: new Date(`${addDays(todayInShanghai(), 90)}T00:00:00Z`),
      status: 'DRAFT',
      label: '流式导入草稿',
    },
  });
  draftId = draft.id;
  draftGid = encodeGlobalID('RateTableVersion', draftId);
  // A yoga with the in-process response cache and no LISTEN connection: only the writer's own
  // flush empties it, so a stale read would show.
  const cached = createGazetteYoga({
    prisma: api.db.prisma,
    logger: pino({ level: 'silent' }),
    production: false,
    responseCache: { kind: 'memory' },
  });
  const options = {
    prisma: api.db.prisma,
    logger: pino({ level: 'silent' }),
    graphql: cached,
    dashboardDir: '/nonexistent',
  };
  [server, base] = await listen(createApp({ ...options, afterWrite: cached.afterWrite }));
  const other = createGazetteYoga({
    ...options,
    production: false,
    responseCache: { kind: 'memory' },
  });
  [unflushed, unflushedBase] = await listen(createApp({ ...options, graphql: other }));
}, 120_000);
afterAll(async () => {
  server?.close();
  unflushed?.close();
  await api?.close();
});

async function postRate(root: string, body: BodyInit, token: string | null = admin) {
  const headers: Record<string, string> = { 'content-type': 'text/csv' };
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(rateUrl(root, await draftVersion()), {
    method: 'POST',
    headers,
    body,
    duplex: 'half',
  } as RequestInit);
}

describe('streaming rate imports', () => {
  it('land a 100k-row CSV sent in chunks whole, with the audit entry of the mutation', async () => {
    const before = await draftVersion();
    const res = await postRate(base, bodyStream(rateCsv(ROWS)));
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.data.importRateTableVersionCsvFile).toMatchObject({
      id: draftGid,
      version: before + 1,
      status: 'DRAFT',
      entryCount: ROWS,
    });
    expect(await entries()).toBe(ROWS);
    const last = await api.db.prisma.rateEntry.findFirstOrThrow({
      where: { versionId: draftId, position: ROWS - 1 },
    });
    expect(last.name).toBe(`项目 ${ROWS - 1},测试`);
    const audit = await api.db.prisma.auditEntry.findFirst({
      where: { action: 'rateTableVersion.importCsv', entityId: draftId },
      orderBy: { id: 'desc' },
    });
    expect(audit?.after).toMatchObject({ entries: ROWS });
  }, 120_000);

  it('refuse a bad row in the middle naming its line and column, writing nothing', async () => {
    const before = await draftVersion();
    const res = await postRate(base, bodyStream(rateCsv(ROWS, { row: 50_000, amount: 'abc' })));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as any;
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect(error.message).toContain('第 50002 行');
    expect(error.rows).toEqual([expect.objectContaining({ line: 50_002, column: '金额(元)' })]);
    expect(await entries()).toBe(ROWS);
    expect(await draftVersion()).toBe(before);
  }, 120_000);

  it('refuse a body over the limit as it arrives (413 naming the field), writing nothing, the server still serving', async () => {
    const before = await draftVersion();
    const url = new URL(rateUrl(base, before));
    // Long rows: the byte limit is met long before the row limit.
    const row = `311201069,TERTIARY_A,"${'长'.repeat(1000)}",次,1\r\n`;
    const chunk = new TextEncoder().encode(row.repeat(20));
    let sent = 0;
    const answer = await new Promise<{ status: number; body: string; sent: number }>(
      (resolve, reject) => {
        const req = httpRequest(
          url,
          { method: 'POST', headers: { authorization: `Bearer ${admin}` } },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (d: string) => (body += d));
            res.on('end', () => resolve({ status: res.statusCode!, body, sent }));
          },
        );
        req.on('error', reject);
        req.write('code,grade,name,unit,amount\r\n');
        const pump = () => {
          // Stops once the answer came (the request is then destroyed by its end); 3× the limit at most.
          while (sent < 3 * MAX_IMPORT_BYTES && !req.destroyed) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      },
    );
    expect(answer.status).toBe(413);
    // Answered as the limit was passed, not after the whole body.
    expect(answer.sent).toBeLessThan(3 * MAX_IMPORT_BYTES);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { code: 'PAYLOAD_TOO_LARGE', field: 'file' },
    });
    expect(await entries()).toBe(ROWS);
    expect(await draftVersion()).toBe(before);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    // A declared length over the limit is refused before a byte of the body is sent or read.
    const declared = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${admin}`,
          'content-length': String(MAX_IMPORT_BYTES + 1),
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(declared).toBe(413);
    expect(await draftVersion()).toBe(before);
  }, 120_000);

  it('answer 401 to an anonymous caller and 403 to a viewer, writing nothing', async () => {
    const csv = 'code,grade,amount\r\n311201069,TERTIARY_A,1\r\n';
    const anonymous = await postRate(base, csv, null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const forbidden = await postRate(base, csv, viewer);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await entries()).toBe(ROWS);
    const noVersion = await fetch(rateUrl(base, 1).replace(/\?.*/u, ''), {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: csv,
    });
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toMatchObject({ error: { field: 'version' } });
  });

  it('read a GB18030 file (Excel "CSV" on a Chinese Windows)', async () => {
    const csv =
      '项目编码,医疗机构等级,名称,单位,金额(元)\r\n311201069,三甲,中文名称检查,次,12.5\r\n311201069,三乙,另一项目,次,10\r\n';
    const res = await postRate(base, gb18030(csv));
    expect(res.status, await res.clone().text()).toBe(200);
    const names = await api.db.prisma.rateEntry.findMany({
      where: { versionId: draftId },
      orderBy: { position: 'asc' },
      select: { name: true },
    });
    expect(names.map((n) => n.name)).toEqual(['中文名称检查', '另一项目']);
  });

  it('flush the response cache, so a cached read sees the imported draft as after the mutation', async () => {
    const READ = `{ rateTable(key: "medical-service-prices") { versions(first: 100) { edges { node { id entryCount } } } } }`;
    const count = async (root: string) => {
      const res = await fetch(`${root}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: READ }),
      });
      const body = (await res.json()) as any;
      return body.data.rateTable.versions.edges.find((e: any) => e.node.id === draftGid).node
        .entryCount as number;
    };
    const csv = (n: number) =>
      `code,grade,amount\r\n${Array.from({ length: n }, (_, i) => `${311_000_000 + i},TERTIARY_A,1\r\n`).join('')}`;
    for (const [root, flushed] of [
      [base, true],
      [unflushedBase, false],
    ] as const) {
      const before = await count(root); // now cached
      expect(await count(root)).toBe(before);
      const n = before + 3;
      expect((await postRate(root, csv(n))).status).toBe(200);
      // The app that flushes answers the new count; without the flush the cache would still serve the old one.
      expect(await count(root)).toBe(flushed ? n : before);
    }
  });

  it('replay a retry with the same Idempotency-Key without importing again', async () => {
    const version = await draftVersion();
    const send = () =>
      fetch(rateUrl(base, version), {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'idempotency-key': 'stream-import-1' },
        body: 'code,grade,amount\r\n311201069,TERTIARY_A,1\r\n',
      });
    const first = await send();
    expect(first.status).toBe(200);
    const again = await send();
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect(await draftVersion()).toBe(version + 1);
    // The same key with other bytes is another request: refused, nothing imported.
    const other = await fetch(rateUrl(base, version), {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'idempotency-key': 'stream-import-1' },
      body: 'code,grade,amount\r\n311201069,TERTIARY_A,2\r\n',
    });
    expect(other.status).toBe(409);
    expect(((await other.json()) as { error: { field: string } }).error.field).toBe(
      'Idempotency-Key',
    );
    expect(await draftVersion()).toBe(version + 1);
  });

  it('hold no transaction while a slow client is still sending: the file is received first', async () => {
    const version = await draftVersion();
    const url = new URL(rateUrl(base, version));
    const req = httpRequest({
      method: 'POST',
      host: url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
    req.write('code,grade,amount\r\n311201069,TERTIARY_A,3\r\n');
    await new Promise((r) => setTimeout(r, 400));
    // Half the file sent, the client stalls: no transaction of the database is open meanwhile,
    // so nothing (a publish, another import) waits on a lock the upload holds.
    const open = await api.db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND state IN ('idle in transaction', 'active') AND backend_xid IS NOT NULL`,
    );
    expect(open[0]!.n).toBe(0);
    expect(await draftVersion()).toBe(version);
    req.end('311201070,TERTIARY_A,4\r\n');
    const { status, body } = await answer;
    expect(status, body).toBe(200);
    expect(await draftVersion()).toBe(version + 1);
    expect(await entries()).toBe(2);
  });
});

describe('streaming annex imports', () => {
  it('round-trip a quarter annex exported as CSV, in UTF-8 and in GB18030, with the audit entry', async () => {
    const round = await api.db.prisma.inspectionRound.findUniqueOrThrow({
      where: { quarter: '2024Q4' },
    });
    const findings = await api.db.prisma.websiteFinding.count({ where: { roundId: round.id } });
    const changes = () => api.db.prisma.changeEvent.count({ where: { entityId: round.id } });
    const changesBefore = await changes();
    const exported = await fetch(`${base}/exports/inspection-annex-files/2024Q4/WEBSITE.csv`);
    const text = (await exported.text()).replace(/^\uFEFF/u, '');
    let version = round.version;
    for (const body of [new TextEncoder().encode(text), gb18030(text)]) {
      const res = await fetch(
        `${base}/imports/inspection-annexes/2024Q4/WEBSITE.csv?version=${version}&fileName=附件1.csv`,
        { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body },
      );
      const answer = (await res.json()) as any;
      expect(res.status, JSON.stringify(answer)).toBe(200);
      expect(answer.data.importInspectionAnnexes).toMatchObject({
        id: encodeGlobalID('InspectionRound', round.id),
        quarter: '2024Q4',
        version: version + 1,
      });
      version++;
      expect(await api.db.prisma.websiteFinding.count({ where: { roundId: round.id } })).toBe(
        findings,
      );
    }
    expect(
      await api.db.prisma.auditEntry.count({
        where: { action: 'inspectionRound.importAnnexes', entityId: round.id },
      }),
    ).toBe(2);
    // The change feed (and so the webhooks) hears of each import, as after the mutation.
    expect(await changes()).toBe(changesBefore + 2);
  });

  it('refuse a bad row naming the annex argument and line, writing nothing', async () => {
    const round = await api.db.prisma.inspectionRound.findUniqueOrThrow({
      where: { quarter: '2024Q4' },
    });
    const exported = await (
      await fetch(`${base}/exports/inspection-annex-files/2024Q4/WEBSITE.csv`)
    ).text();
    const lines = exported.split('\r\n');
    lines.splice(3, 0, 'x,y');
    const res = await fetch(
      `${base}/imports/inspection-annexes/2024Q4/WEBSITE.csv?version=${round.version}`,
      { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: lines.join('\r\n') },
    );
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as any;
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'annexes.website' });
    expect(error.rows.length).toBeGreaterThan(0);
    expect(
      (await api.db.prisma.inspectionRound.findUniqueOrThrow({ where: { id: round.id } })).version,
    ).toBe(round.version);
  });
});
