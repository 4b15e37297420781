import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@gazette/db';
import { createTestDatabase, type TestDatabase } from '@gazette/db/testing';
import { createApp } from './app.ts';

let db: TestDatabase;
let dist: string;
const lines: Array<Record<string, unknown>> = [];
const logger = pino(
  { level: 'info' },
  { write: (line: string) => void lines.push(JSON.parse(line)) },
);
const graphql: RequestListener = (req, res) => {
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ requestId: req.headers['x-request-id'] }));
};

async function listen(handler: RequestListener): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  return {
    server,
    base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
  };
}

let app: { server: Server; base: string };
beforeAll(async () => {
  db = await createTestDatabase();
  dist = mkdtempSync(path.join(os.tmpdir(), 'gazette-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>控制台</title>');
  writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');
  app = await listen(createApp({ prisma: db.prisma, logger, graphql, dashboardDir: dist }));
});
afterAll(async () => {
  app?.server.close();
  await db?.drop();
  rmSync(dist, { recursive: true, force: true });
});

describe('health', () => {
  it('GET /healthz answers 200 while the process is alive', async () => {
    const res = await fetch(`${app.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when the database answers and every migration is applied', async () => {
    const res = await fetch(`${app.base}/readyz`);
    expect(await res.json()).toMatchObject({ ready: true, database: 'ok', pendingMigrations: [] });
    expect(res.status).toBe(200);
  });

  it('GET /readyz answers 503 naming a migration the database has not applied', async () => {
    const other = await createTestDatabase();
    try {
      await other.prisma.$executeRawUnsafe('DELETE FROM _prisma_migrations');
      const { server, base } = await listen(
        createApp({ prisma: other.prisma, logger, graphql, dashboardDir: dist }),
      );
      const res = await fetch(`${base}/readyz`);
      server.close();
      expect(res.status).toBe(503);
      const body = (await res.json()) as { pendingMigrations: string[] };
      expect(body.pendingMigrations.length).toBeGreaterThan(0);
      expect(body.pendingMigrations[0]).toMatch(/^\d{14}_init$/);
    } finally {
      await other.drop();
    }
  });

  it('GET /readyz answers 503 when the database is unreachable', async () => {
    const prisma = createPrismaClient('postgresql://nobody@127.0.0.1:1/none');
    const { server, base } = await listen(
      createApp({ prisma, logger, graphql, dashboardDir: dist }),
    );
    const res = await fetch(`${base}/readyz`);
    server.close();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ready: false, database: 'unreachable' });
  });
});

describe('routing and logs', () => {
  it('sends /graphql to the GraphQL handler with the request id it logs and returns', async () => {
    const res = await fetch(`${app.base}/graphql?query=secret`, {
      headers: { authorization: 'Bearer gzs_secret' },
    });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ requestId: id });
    await new Promise((r) => setTimeout(r, 20));
    const line = lines.find((l) => l.requestId === id);
    expect(line).toMatchObject({ msg: 'request', method: 'GET', path: '/graphql', status: 200 });
    expect(JSON.stringify(line)).not.toContain('secret');
  });

  it('keeps a well-formed incoming x-request-id and replaces a malformed one', async () => {
    expect(
      (await fetch(`${app.base}/healthz`, { headers: { 'x-request-id': 'abc-123' } })).headers.get(
        'x-request-id',
      ),
    ).toBe('abc-123');
    const replaced = (
      await fetch(`${app.base}/healthz`, {
        headers: { 'x-request-id': 'bad id with spaces and / slashes' },
      })
    ).headers.get('x-request-id');
    expect(replaced).not.toBe('bad id with spaces and / slashes');
  });
});

describe('dashboard', () => {
  it('sends the security headers with every page and file: CSP, no framing, no sniffing', async () => {
    for (const page of ['/', '/assets/app-1a2b.js']) {
      const res = await fetch(`${app.base}${page}`);
      expect(res.headers.get('content-security-policy'), page).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy'), page).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options'), page).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), page).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), page).toBe('same-origin');
    }
  });

  it('serves built files, fingerprinted assets as immutable', async () => {
    const res = await fetch(`${app.base}/assets/app-1a2b.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for client-side routes, but not for missing files', async () => {
    const page = await fetch(`${app.base}/policies/123/show`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('控制台');
    expect((await fetch(`${app.base}/assets/missing.js`)).status).toBe(404);
  });

  it('never serves files outside the dashboard directory', async () => {
    const res = await fetch(`${app.base}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await res.text()).not.toContain('root:');
  });

  it('says the dashboard is not built when there is no build', async () => {
    const { server, base } = await listen(
      createApp({ prisma: db.prisma, logger, graphql, dashboardDir: path.join(dist, 'none') }),
    );
    const res = await fetch(`${base}/`);
    server.close();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('管理控制台尚未构建');
    expect(text).toContain('dashboard has not been built');
  });
});
