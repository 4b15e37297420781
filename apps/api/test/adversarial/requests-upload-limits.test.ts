// Body limits over real HTTP (hardening issue: "limits while streaming"): a GraphQL multipart
// upload may be as large as its largest file (not the 2 MiB JSON limit), and a body without a
// length is counted as it arrives and refused with PAYLOAD_TOO_LARGE (413) naming the limit the
// moment it crosses it, so an endless chunked upload never makes memory grow.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, todayInShanghai } from '@gazette/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, MAX_UPLOAD_REQUEST_BYTES } from '../../src/yoga.ts';
import { createApi, type Api } from '../helpers.ts';

let api: Api;
let admin: string;
let server: Server;
let base: string;
let draftId: string;

const IMPORT = `mutation($id: ID!, $v: Int!, $file: File!) { importRateTableVersionCsvFile(id: $id, version: $v, file: $file) { entryCount version } }`;
const GRADES = ['TERTIARY_A', 'TERTIARY_B', 'SECONDARY_A', 'SECONDARY_B', 'BELOW_SECONDARY_B'];

/** A rate CSV of at least `bytes` bytes: long names keep the row count (and the import) small. */
function csvOf(bytes: number): { csv: string; rows: number } {
  const lines = ['code,grade,name,unit,amount'];
  let size = lines[0]!.length + 2;
  let i = 0;
  for (; size < bytes; i++) {
    const line = `${800_000_000 + Math.floor(i / GRADES.length)},${GRADES[i % GRADES.length]},项目 ${i} ${'说明'.repeat(150)},次,${(i % 997) + 0.5}`;
    lines.push(line);
    size += Buffer.byteLength(line) + 2;
  }
  return { csv: lines.join('\r\n') + '\r\n', rows: i };
}

beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
  const table = await api.db.prisma.rateTable.findUniqueOrThrow({
    where: { key: 'medical-service-prices' },
  });
  draftId = (
    await api.db.prisma.rateTableVersion.create({
      data: {
        tableId: table.id,
        effectiveFrom: new Date(`${addDays(todayInShanghai(), 60)}T00:00:00Z`),
        status: 'DRAFT',
        label: '上传草稿',
      },
    })
  ).id;
  server = createServer(api.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await api?.close();
});

const version = async () =>
  (await api.db.prisma.rateTableVersion.findUniqueOrThrow({ where: { id: draftId } })).version;

function operations(v: number) {
  return JSON.stringify({
    query: IMPORT,
    variables: { id: encodeGlobalID('RateTableVersion', draftId), v, file: null },
  });
}

describe('a multipart upload over HTTP', () => {
  it('of a 10 MiB rate CSV lands whole (the 2 MiB JSON limit does not apply)', async () => {
    const { csv, rows } = csvOf(10 * 1024 * 1024);
    expect(Buffer.byteLength(csv)).toBeGreaterThan(MAX_REQUEST_BYTES * 4);
    const v = await version();
    const form = new FormData();
    form.set('operations', operations(v));
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new File([csv], '价格.csv', { type: 'text/csv' }));
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${admin}`, 'x-graphql-yoga-csrf': '1' },
    });
    const body = (await res.json()) as { data?: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(body.data.importRateTableVersionCsvFile).toEqual({ entryCount: rows, version: v + 1 });
    expect(await api.db.prisma.rateEntry.count({ where: { versionId: draftId } })).toBe(rows);
  }, 120_000);

  it('of a file in no encoding a CSV is read in is refused as bad input naming the file', async () => {
    const v = await version();
    const form = new FormData();
    form.set('operations', operations(v));
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    // Bytes GB18030 cannot decode either (0xFF is never a lead byte), after a valid header.
    const bytes = new Uint8Array([
      ...Buffer.from('code,grade,name,unit,amount\r\n'),
      0xff,
      0xff,
      0x41,
    ]);
    form.set('0', new File([bytes], '价格.csv', { type: 'text/csv' }));
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${admin}`, 'x-graphql-yoga-csrf': '1' },
    });
    const body = (await res.json()) as { errors?: Array<{ message: string; extensions?: any }> };
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(body.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/u);
    expect(await version()).toBe(v);
  });

  it('declaring a length over the upload limit is refused before it is read', async () => {
    const res = await rawPost(
      {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(MAX_UPLOAD_REQUEST_BYTES + 1),
      },
      'x',
    );
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: MAX_UPLOAD_REQUEST_BYTES } }],
    });
  });

  it('of 100 MiB without a length is refused at the limit, and memory does not grow', async () => {
    const before = await version();
    const boundary = 'gazette-boundary';
    const head =
      `--${boundary}\r\ncontent-disposition: form-data; name="operations"\r\n\r\n${operations(before)}\r\n` +
      `--${boundary}\r\ncontent-disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n` +
      `--${boundary}\r\ncontent-disposition: form-data; name="0"; filename="big.csv"\r\ncontent-type: text/csv\r\n\r\ncode,grade,name,unit,amount\r\n`;
    const chunk = Buffer.from(`800000001,TERTIARY_A,${'x'.repeat(60)},次,1\r\n`.repeat(800));
    const total = 100 * 1024 * 1024;
    global.gc?.();
    const rss = process.memoryUsage().rss;
    let peak = rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    let sent = 0;
    const res = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = request(`${base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          authorization: `Bearer ${admin}`,
          'x-graphql-yoga-csrf': '1',
        },
      });
      let answered = false;
      req.on('response', (r) => {
        answered = true;
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (d: string) => (text += d));
        r.on('end', () => {
          req.destroy();
          resolve({ status: r.statusCode!, body: JSON.parse(text) });
        });
      });
      req.on('error', (e) => (answered ? undefined : reject(e)));
      req.write(head);
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.byteLength;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end(`\r\n--${boundary}--\r\n`);
      };
      pump();
    });
    clearInterval(sampler);
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      maxBytes: MAX_UPLOAD_REQUEST_BYTES,
    });
    expect(res.body.errors[0].message).toContain(String(MAX_UPLOAD_REQUEST_BYTES));
    // Refused as the limit was crossed, not at the end of the 100 MiB (socket buffers aside).
    expect(sent).toBeLessThan(MAX_UPLOAD_REQUEST_BYTES + 16 * 1024 * 1024);
    expect(peak - rss).toBeLessThan(50 * 1024 * 1024);
    expect(await version()).toBe(before);
  }, 60_000);

  it('a JSON body keeps the 2 MiB limit, with or without a length', async () => {
    const pad = 'x'.repeat(MAX_REQUEST_BYTES);
    const declared = await rawPost(
      { 'content-type': 'application/json' },
      JSON.stringify({ query: '{ __typename }', pad }),
    );
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: MAX_REQUEST_BYTES } }],
    });
    const chunked = await rawPost(
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      JSON.stringify({ query: '{ __typename }', pad }),
    );
    expect(chunked.status).toBe(413);
    expect(chunked.body).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: MAX_REQUEST_BYTES } }],
    });
    const small = await rawPost(
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      JSON.stringify({ query: '{ __typename }' }),
    );
    expect(small).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});

/** A POST with exactly these headers (node:http adds no content-length when one is not given). */
function rawPost(
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/graphql`,
      { method: 'POST', headers: { 'x-graphql-yoga-csrf': '1', ...headers } },
      (r) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (d: string) => (text += d));
        r.on('end', () => resolve({ status: r.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', (e) =>
      e.message.includes('EPIPE') || e.message.includes('ECONNRESET') ? undefined : reject(e),
    );
    req.end(body);
  });
}
