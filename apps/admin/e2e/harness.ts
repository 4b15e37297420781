// Starts the real API (its server entry, serving the built dashboard) on a fresh test database,
// and a headless Debian Chromium driven by playwright-core. Never downloads a browser.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@gazette/db/testing';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const API_DIR = path.resolve(HERE, '../../api');
export const ARTIFACTS = path.resolve(HERE, '../artifacts');

export const ADMIN = { email: 'admin@e2e.test', password: 'admin-password-123' };
export const SUPERVISOR = { email: 'supervisor@e2e.test', password: 'supervisor-password-123' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface Harness {
  baseUrl: string;
  browser: Browser;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
  token(user: { email: string; password: string }): Promise<string>;
  newPage(viewport?: {
    width: number;
    height: number;
  }): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const db: TestDatabase = await createTestDatabase();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--experimental-wasm-modules', '--import', 'tsx', 'src/server.ts'],
    {
      cwd: API_DIR,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited early:\n${output}`);
    try {
      const r = await fetch(`${baseUrl}/readyz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`API not ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });

  const gql: Harness['gql'] = async (query, variables = {}, token) => {
    const r = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await r.json()) as never;
  };
  const token = async (user: { email: string; password: string }) => {
    const r = await gql<{ login: { token: string } }>(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      { e: user.email, p: user.password },
    );
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.login.token;
  };

  return {
    baseUrl,
    browser,
    gql,
    token,
    async newPage(viewport = { width: 1366, height: 768 }) {
      const context = await browser.newContext({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        acceptDownloads: true,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      return { context, page, errors };
    },
    async close() {
      await browser.close().catch(() => undefined);
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      await db.drop().catch(() => undefined);
    },
  };
}

/** Signs in through the login page. */
export async function login(
  page: Page,
  baseUrl: string,
  user: { email: string; password: string },
) {
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="username"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('role-chip').waitFor({ timeout: 20_000 });
}

export async function shot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/** Creates a user through the API as the administrator (the harness' database starts without one). */
export async function addUser(
  h: Harness,
  adminToken: string,
  user: { email: string; password: string },
  role: 'ADMIN' | 'SUPERVISOR' | 'VIEWER',
  name?: string,
): Promise<void> {
  const created = await h.gql(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { email: user.email, password: user.password, role, ...(name ? { name } : {}) } },
    adminToken,
  );
  if (created.errors)
    throw new Error(`createUser ${user.email}: ${JSON.stringify(created.errors)}`);
}
