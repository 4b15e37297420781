// The sign-in page of a visit without a session: what it downloads, how it behaves, and that the
// dashboard it hands over to keeps the language and the page asked for.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN, startHarness, type Harness } from './harness.ts';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

/** index.html's entry script and the chunks it preloads: what `pnpm bench` counts. */
function initialScripts(): string[] {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!).sort();
}

/** Milliseconds from navigation start until the form can be filled in and submitted. */
async function interactiveAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const user = document.querySelector<HTMLInputElement>('input[name="username"]');
      const pass = document.querySelector<HTMLInputElement>('input[name="password"]');
      const submit = document.querySelector<HTMLButtonElement>('button[type="submit"]');
      const ready = user && pass && submit && !user.disabled && !pass.disabled && !submit.disabled;
      return ready && submit.getBoundingClientRect().height > 0 ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

describe('the sign-in page on a cold cache', () => {
  it('downloads only index.html’s script and preloads, under 250 KB gzipped, precompressed', async () => {
    const { page, context, errors } = await h.newPage();
    const scripts: { path: string; encoding: string | undefined }[] = [];
    page.on('response', (res) => {
      const url = new URL(res.url());
      if (url.pathname.endsWith('.js'))
        scripts.push({ path: url.pathname, encoding: res.headers()['content-encoding'] });
    });
    await page.goto(`${h.baseUrl}/#/policies`);
    const interactive = await interactiveAt(page);
    // Anything started at once (a dynamic import on start-up) would arrive now: wait it out.
    await page.waitForLoadState('networkidle');

    const initial = initialScripts();
    expect(scripts.map((s) => s.path).sort()).toEqual(initial);
    for (const s of scripts) expect(s.encoding, s.path).toMatch(/^(?:br|gzip)$/);
    const gzip = initial.reduce((n, f) => {
      const file = path.join(DIST, f);
      return n + statSync(existsSync(`${file}.gz`) ? `${file}.gz` : file).size;
    }, 0);
    expect(gzip).toBeLessThanOrEqual(250 * 1024);
    // Reported, not asserted (timing belongs to `pnpm bench`).
    console.log(
      `[sign-in] cold cache: ${initial.length} scripts, ${(gzip / 1024).toFixed(0)} KB gzip, ` +
        `interactive at ${interactive.toFixed(0)} ms`,
    );
    // The same cold visit over a modest link (10 Mbit/s down, 40 ms round trip), for the report.
    const slow = await h.newPage();
    const cdp = await slow.context.newCDPSession(slow.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 40,
      downloadThroughput: (10 * 1024 * 1024) / 8,
      uploadThroughput: (5 * 1024 * 1024) / 8,
    });
    await slow.page.goto(`${h.baseUrl}/#/policies`);
    const interactiveSlow = await interactiveAt(slow.page);
    console.log(
      `[sign-in] at 10 Mbit/s, 40 ms RTT: interactive at ${interactiveSlow.toFixed(0)} ms`,
    );
    await slow.context.close();

    // The first keystroke starts downloading the dashboard, while the person types on.
    const dashboardChunk = page.waitForResponse(
      (res) => res.url().endsWith('.js') && !initial.includes(new URL(res.url()).pathname),
    );
    await page.locator('input[name="username"]').pressSequentially('a');
    await dashboardChunk;
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks missing fields, shows the API’s reason for a wrong password, and stays on the form', async () => {
    const { page, context, errors } = await h.newPage();
    await page.goto(`${h.baseUrl}/`);
    await page.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByText('必填').count()).toBe(2);
    await page.getByText('表单有误，请检查').waitFor();

    await page.locator('input[name="username"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await page.getByText('邮箱或密码错误').waitFor();
    expect(page.url()).toMatch(/#\/login$/);
    expect(await page.evaluate(() => localStorage.getItem('gazette.token'))).toBeNull();
    // A failed attempt does not open the dashboard.
    expect(await page.getByTestId('role-chip').count()).toBe(0);
    expect(errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });

  it('opens the dashboard in the language chosen on the sign-in page', async () => {
    const { page, context, errors } = await h.newPage();
    await page.goto(`${h.baseUrl}/#/cases`);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Luzhou Gazette Data').waitFor();
    await page.locator('input[name="username"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('role-chip').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.url()).toMatch(/#\/cases$/);
    await page.getByText('Review cases').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('inside the dashboard, a session that ended shows the same page and signs in back to where it was', async () => {
    const { page, context, errors } = await h.newPage();
    await page.goto(`${h.baseUrl}/#/login`);
    await page.locator('input[name="username"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('role-chip').waitFor({ timeout: 20_000 });
    // The token stops being valid while the dashboard is open (e.g. it was revoked).
    await page.evaluate(() => localStorage.setItem('gazette.token', 'no-longer-valid'));
    await page.goto(`${h.baseUrl}/#/cases`);
    await page.locator('input[name="password"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.url()).toMatch(/#\/login$/);
    await page.getByText('请使用管理员分配的账号登录').waitFor();
    await page.locator('input[name="username"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('role-chip').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.url()).toMatch(/#\/cases$/);
    expect(errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });

  it('a visit with a session opens the page asked for directly, without the sign-in page', async () => {
    const { page, context, errors } = await h.newPage();
    await page.goto(`${h.baseUrl}/#/login`);
    await page.locator('input[name="username"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('role-chip').waitFor({ timeout: 20_000 });
    const urls: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) urls.push(frame.url());
    });
    await page.goto('about:blank');
    await page.goto(`${h.baseUrl}/#/policies`);
    await page.getByText('泸市府规〔2024〕4号').first().waitFor({ timeout: 20_000 });
    expect(urls.filter((u) => u.includes('#/login'))).toEqual([]);
    expect(await page.locator('input[name="password"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
