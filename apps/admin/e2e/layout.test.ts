// The frame at a tablet and a laptop width (the sidebar folds on a tablet, its menu button opens
// it, laptops keep it open) and every list whose rows open something, opened with the keyboard:
// Tab reaches a row, Enter opens it as a click would.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, login, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  const token = await h.token(ADMIN);
  // A case, so the case list has a row to open.
  const opened = await h.gql(
    `mutation($input: OpenDiscretionReviewInput!) { openDiscretionReview(input: $input) { case { id } } }`,
    {
      input: {
        caseName: '键盘打开的案件',
        subjectName: '某超市',
        trigger: 'SUBJECT_APPLICATION',
        filedOn: '2025-01-06',
        caseFiledOn: '2025-01-02',
        department: '食品经营安全监督管理科',
        contactName: '吴某',
        contactPhone: '0830-1234567',
      },
    },
    token,
  );
  expect(opened.errors).toBeUndefined();
}, 180_000);

afterAll(async () => {
  await h?.close();
});

const sidebar = (page: Page) => page.locator('.RaSidebar-docked').first();
const sidebarWidth = async (page: Page) =>
  (await page.locator('.RaSidebar-docked .MuiDrawer-paper').first().boundingBox())!.width;
const menuButton = (page: Page) =>
  page.locator(
    'header button:has(.RaSidebarToggleButton-menuButtonIconClosed), header button:has(.RaSidebarToggleButton-menuButtonIconOpen)',
  );

describe('the sidebar', () => {
  it('is folded on a tablet (768×1024); the menu button opens it and choosing a page folds it again', async () => {
    const { page, context, errors } = await h.newPage({ width: 768, height: 1024 });
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/policies`);
    await page.locator('.RaDataTable-row').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => sidebar(page).getAttribute('class')).toContain('RaSidebar-closed');
    // Icons only: the list has the page's width but for a narrow rail.
    await expect.poll(() => sidebarWidth(page)).toBeLessThan(60);
    const content = await page.locator('.RaLayout-content').boundingBox();
    expect(content!.x).toBeLessThan(60);
    await shot(page, 'layout-768-folded');

    await menuButton(page).click();
    await expect.poll(() => sidebar(page).getAttribute('class')).toContain('RaSidebar-open');
    await expect.poll(() => sidebarWidth(page)).toBeGreaterThan(150);
    expect(
      await page.locator('.RaSidebar-docked').locator('a[href="#/rateTables"]').isVisible(),
    ).toBe(true);
    await shot(page, 'layout-768-opened');
    await page.locator('.RaSidebar-docked').locator('a[href="#/rateTables"]').click();
    await page.waitForURL(/#\/rateTables/);
    await expect.poll(() => sidebar(page).getAttribute('class')).toContain('RaSidebar-closed');

    // A reload on the tablet starts folded again.
    await page.reload();
    await page.getByTestId('role-chip').waitFor({ timeout: 20_000 });
    await expect.poll(() => sidebar(page).getAttribute('class')).toContain('RaSidebar-closed');
    // Turned to a wider screen, it opens as a laptop's does.
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => sidebar(page).getAttribute('class')).toContain('RaSidebar-open');
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ])('stays open at $width×$height, choosing a page included', async (viewport) => {
    const { page, context, errors } = await h.newPage(viewport);
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/policies`);
    await page.locator('.RaDataTable-row').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => sidebar(page).getAttribute('class')).toContain('RaSidebar-open');
    expect(await sidebarWidth(page)).toBeGreaterThan(150);
    expect((await page.locator('.RaLayout-content').boundingBox())!.x).toBeGreaterThan(150);
    await page.locator('.RaSidebar-docked').locator('a[href="#/rateTables"]').click();
    await page.waitForURL(/#\/rateTables/);
    await page.waitForTimeout(300);
    expect(await sidebar(page).getAttribute('class')).toContain('RaSidebar-open');
    await shot(page, `layout-${viewport.width}-open`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Lists whose rows open a record, and where a row leads. */
const LISTS = [
  { route: '/policies', opens: /#\/policies\/[^/]+\/show/ },
  { route: '/rateTables', opens: /#\/rateTables\/[^/]+\/show/ },
  { route: '/cases', opens: /#\/cases\/[^/]+\/show/ },
  { route: '/websiteFindings', opens: /#\/websiteFindings\/[^/]+$/ },
  { route: '/newMediaFindings', opens: /#\/newMediaFindings\/[^/]+$/ },
  { route: '/organizations', opens: /#\/organizations\/[^/]+$/ },
  { route: '/users', opens: /#\/users\/[^/]+$/ },
] as const;

describe('a page that does not exist', () => {
  it('says so in Chinese under the application’s name, never a translation key', async () => {
    const { page, context, errors } = await h.newPage({ width: 1366, height: 768 });
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/no-such-page`);
    await page.getByText('未找到').waitFor({ timeout: 20_000 });
    const bar = (await page.locator('header').first().textContent()) ?? '';
    expect(bar).toContain('泸州市政府公报数据管理');
    expect(bar).not.toContain('app.title');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('every list row opens with the keyboard', () => {
  it.each([
    { width: 1366, height: 768 },
    { width: 768, height: 1024 },
  ])('at $width×$height: Tab reaches a row, Enter opens it', async (viewport) => {
    const { page, context, errors } = await h.newPage(viewport);
    await login(page, h.baseUrl, ADMIN);
    for (const list of LISTS) {
      await page.goto(`${h.baseUrl}/#${list.route}`);
      const first = page.locator('tr[data-opens-on-enter]').first();
      await first.waitFor({ timeout: 20_000 });
      // Tab from the last control before the table lands on its first row.
      const before = page.locator('.RaDataTable-thead th').last();
      await before.evaluate((el) => {
        const all = [...document.querySelectorAll<HTMLElement>('a, button, input, [tabindex]')];
        const focusable = all.filter(
          (e) =>
            e.tabIndex >= 0 && el.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING,
        );
        focusable.at(-1)?.focus();
      });
      for (let i = 0; i < 5; i++) {
        if (await first.evaluate((el) => el === document.activeElement)) break;
        await page.keyboard.press('Tab');
      }
      expect(
        await first.evaluate((el) => el === document.activeElement),
        `${list.route}: Tab reaches the first row`,
      ).toBe(true);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.url(), { timeout: 10_000, message: list.route })
        .toMatch(list.opens);
    }
    // A list whose rows open nothing (the audit log) puts no row in the Tab order.
    await page.goto(`${h.baseUrl}/#/auditEntries`);
    await page.locator('.RaDataTable-row').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('tr[data-opens-on-enter]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
