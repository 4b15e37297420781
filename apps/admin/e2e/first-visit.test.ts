// A first visit without a session: the login form at once, then the page that was asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN, login, startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

/** Counts the main frame's URL changes, including same-document (pushState, hash) ones. */
function countNavigations(page: Page) {
  const urls: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  return urls;
}

describe('opening the dashboard without a session', () => {
  it.each([
    { path: '/', landsOn: /#\/$/, shows: 'fig-websitesChecked' },
    { path: '/#/policies', landsOn: /#\/policies$/, shows: 'policies' },
  ])(
    'shows the login form for $path at once, with a handful of URL changes, then lands there after login',
    async ({ path, landsOn, shows }) => {
      const { page, context, errors } = await h.newPage();
      const urls = countNavigations(page);
      const started = Date.now();
      await page.goto(`${h.baseUrl}${path}`);
      await page.locator('input[name="password"]').waitFor({ timeout: 30_000 });
      const elapsed = Date.now() - started;
      // Nothing keeps redirecting once the form is there.
      await page.waitForTimeout(500);
      expect(urls.length, urls.slice(0, 10).join('\n')).toBeLessThanOrEqual(5);
      expect(elapsed).toBeLessThan(2_500);
      expect(page.url()).toMatch(/#\/login$/);

      await page.locator('input[name="username"]').fill(ADMIN.email);
      await page.locator('input[name="password"]').fill(ADMIN.password);
      await page.locator('button[type="submit"]').click();
      await page.getByTestId('role-chip').waitFor({ timeout: 20_000 });
      await expect.poll(() => page.url()).toMatch(landsOn);
      if (shows === 'policies')
        await page.getByText('泸市府规〔2024〕4号').first().waitFor({ timeout: 15_000 });
      else
        await expect
          .poll(() => page.getByTestId(shows).textContent(), { timeout: 20_000 })
          .toBe('46');
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('goes back to the login form at once when signing out', async () => {
    const { page, context, errors } = await h.newPage();
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/policies`);
    await page.getByText('泸市府规〔2024〕4号').first().waitFor({ timeout: 15_000 });
    const urls = countNavigations(page);
    const started = Date.now();
    await page.getByRole('button', { name: '个人设置' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.locator('input[name="password"]').waitFor({ timeout: 30_000 });
    const elapsed = Date.now() - started;
    await page.waitForTimeout(500);
    expect(urls.length, urls.slice(0, 10).join('\n')).toBeLessThanOrEqual(5);
    expect(elapsed).toBeLessThan(2_500);
    expect(page.url()).toMatch(/#\/login$/);
    expect(await page.evaluate(() => localStorage.getItem('gazette.token'))).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});
