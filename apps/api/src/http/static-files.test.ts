// The dashboard's delivery: precompressed files by Accept-Encoding, immutable caching for the
// fingerprinted assets, index.html always revalidated, and the security headers on every answer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, createStaticHandler, DASHBOARD_HEADERS } from './static-files.ts';

const SCRIPT = `console.log(${JSON.stringify('仪表盘'.repeat(200))});\n`;
const STYLE = 'body { margin: 0 }\n';
const INDEX =
  '<!doctype html><title>控制台</title><script type="module" src="/assets/app-1a2b.js"></script>';

let dist: string;
let server: Server;
let port: number;

/** node:http, not fetch: fetch would decode the body and hide what was sent. */
function get(pathname: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: pathname, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

beforeAll(async () => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'gazette-static-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), SCRIPT);
  writeFileSync(path.join(dist, 'assets', 'app-1a2b.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(path.join(dist, 'assets', 'app-1a2b.js.gz'), gzipSync(SCRIPT));
  // Only a gzip variant: brotli clients get gzip, not a missing file.
  writeFileSync(path.join(dist, 'assets', 'style-9f8e.css'), STYLE);
  writeFileSync(path.join(dist, 'assets', 'style-9f8e.css.gz'), gzipSync(STYLE));
  const handler = createStaticHandler(dist);
  server = createServer((req, res) =>
    handler(req, res, new URL(req.url ?? '/', 'http://localhost').pathname),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(() => {
  server?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('Accept-Encoding', () => {
  it('reads q-values: q=0 refuses an encoding, * accepts any', () => {
    expect([...acceptedEncodings('gzip, deflate, br')]).toEqual(['gzip', 'deflate', 'br']);
    expect(acceptedEncodings('br;q=0, gzip;q=0.5').has('br')).toBe(false);
    expect(acceptedEncodings('br;q=0, gzip;q=0.5').has('gzip')).toBe(true);
    expect(acceptedEncodings('*').has('*')).toBe(true);
    expect(acceptedEncodings(undefined).size).toBe(0);
  });

  it('sends the brotli file to a client that accepts br', async () => {
    const r = await get('/assets/app-1a2b.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers.vary).toBe('accept-encoding');
    expect(r.headers['content-type']).toContain('text/javascript');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(Buffer.byteLength(SCRIPT));
    expect(brotliDecompressSync(r.body).toString('utf8')).toBe(SCRIPT);
  });

  it('sends gzip when brotli is refused or not offered', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip']) {
      const r = await get('/assets/app-1a2b.js', { 'accept-encoding': accept });
      expect(r.headers['content-encoding'], accept).toBe('gzip');
      expect(gunzipSync(r.body).toString('utf8'), accept).toBe(SCRIPT);
    }
  });

  it('falls back to the gzip file when there is no brotli one', async () => {
    const r = await get('/assets/style-9f8e.css', { 'accept-encoding': 'br, gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(r.body).toString('utf8')).toBe(STYLE);
  });

  it('sends the file as it is to a client that accepts no compression', async () => {
    const variants: Array<Record<string, string>> = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ];
    for (const headers of variants) {
      const r = await get('/assets/app-1a2b.js', headers);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.headers.vary).toBe('accept-encoding'); // the answer still depends on the header
      expect(r.body.toString('utf8')).toBe(SCRIPT);
    }
  });

  it('answers HEAD with the encoded length and no body', async () => {
    const r = await get('/assets/app-1a2b.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(r.headers['content-encoding']).toBe('br');
    expect(Number(r.headers['content-length'])).toBe(brotliCompressSync(SCRIPT).length);
    expect(r.body.length).toBe(0);
  });
});

describe('caching and headers', () => {
  it('caches fingerprinted assets for a year as immutable, compressed or not', async () => {
    for (const accept of ['br', 'gzip', 'identity']) {
      const r = await get('/assets/app-1a2b.js', { 'accept-encoding': accept });
      expect(r.headers['cache-control'], accept).toBe('public, max-age=31536000, immutable');
    }
  });

  it('never caches index.html without revalidating, whether asked for or a client-side route', async () => {
    for (const page of ['/', '/index.html', '/policies/123/show']) {
      const r = await get(page, { 'accept-encoding': 'br, gzip' });
      expect(r.status, page).toBe(200);
      expect(r.headers['cache-control'], page).toBe('no-cache');
      expect(r.headers['content-type'], page).toContain('text/html');
      expect(r.body.toString('utf8'), page).toBe(INDEX);
    }
  });

  it('keeps the security headers on every answer, encoded or not', async () => {
    for (const [page, accept] of [
      ['/', 'br'],
      ['/assets/app-1a2b.js', 'br'],
      ['/assets/app-1a2b.js', 'gzip'],
      ['/assets/app-1a2b.js', 'identity'],
    ] as const) {
      const r = await get(page, { 'accept-encoding': accept });
      for (const [name, value] of Object.entries(DASHBOARD_HEADERS))
        expect(r.headers[name], `${page} ${accept} ${name}`).toBe(value);
    }
  });
});
