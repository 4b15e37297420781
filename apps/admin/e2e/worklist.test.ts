// The home page's work list, the app bar's search and the readable audit log, in the browser
// against the real API. This file has its own server and database (startHarness): the audit
// test edits a policy's summary, which no other e2e file sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInShanghai, addDays } from '@gazette/domain';
import { ADMIN, login, shot, startHarness, type Harness } from './harness.ts';

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768, shots: '50' },
  { name: 'tablet', width: 768, height: 1024, shots: '50b' },
] as const;

let h: Harness;
let adminToken: string;

beforeAll(async () => {
  h = await startHarness();
  adminToken = await h.token(ADMIN);
});

afterAll(async () => {
  await h?.close();
});

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** What the API says of a document today. */
async function policyToday(docNo: string) {
  const r = await h.gql<{ policy: { id: string; expiresOn: string; daysLeft: number } }>(
    `query($d: String!) { policy(docNo: $d) { id expiresOn daysLeft } }`,
    { d: docNo },
    adminToken,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.policy;
}

const zhDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

describe.each(VIEWPORTS)('the home work list at $width×$height', (viewport) => {
  it('shows 泸市监规发〔2024〕2号 with its days left and the ended medical prices, each opening its record', async () => {
    const { page, context, errors } = await h.newPage(viewport);
    await login(page, h.baseUrl, ADMIN);
    const list = page.getByTestId('work-policies');
    await list.getByTestId('work-policies-count').waitFor({ timeout: 30_000 });

    const review = await policyToday('泸市监规发〔2024〕2号');
    if (todayInShanghai() === '2026-12-02') expect(review.daysLeft).toBe(16);
    const reviewRow = list.getByTestId('work-row').filter({ hasText: '泸市监规发〔2024〕2号' });
    if (review.daysLeft >= 0 && review.daysLeft <= 90) {
      expect(await reviewRow.getByTestId('work-status').textContent()).toBe(
        review.daysLeft === 0
          ? '今天是最后有效日'
          : `还有 ${review.daysLeft} 天到期（${zhDate(review.expiresOn)}）`,
      );
      expect(await reviewRow.getByTestId('work-effects').textContent()).toContain('裁量审查案件');
    }

    const medical = await policyToday('泸市医保规〔2024〕4号');
    const medicalRow = list.getByTestId('work-row').filter({ hasText: '泸市医保规〔2024〕4号' });
    if (medical.daysLeft < 0 && medical.daysLeft >= -90) {
      const stopped = zhDate(addDays(medical.expiresOn, 1));
      if (todayInShanghai() === '2026-12-02') expect(stopped).toBe('2026年11月1日');
      expect(await medicalRow.getByTestId('work-status').textContent()).toBe(
        `已于 ${stopped} 失效`,
      );
      const effects = await medicalRow.getByTestId('work-effects').textContent();
      expect(effects).toContain(`的价格已于 ${stopped} 起停止执行`);
    }
    // The other sections of an administrator's list are there, in Chinese.
    for (const s of ['drafts', 'cases', 'findings'])
      await page.getByTestId(`work-${s}-count`).waitFor();
    expect(await page.getByTestId('work-list').textContent()).not.toMatch(/none|undefined|NaN/iu);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, `${viewport.shots}-worklist`);

    await reviewRow.click();
    await page.waitForURL(/#\/policies\/.+\/show/u, { timeout: 15_000 });
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 15_000 })
      .toContain('泸市监规发〔2024〕2号');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('searches 人工耳蜗 from the app bar with the keyboard and opens 泸市府规〔2024〕4号', async () => {
    const { page, context, errors } = await h.newPage(viewport);
    await login(page, h.baseUrl, ADMIN);
    // The app bar fits on one line: the page title readable, 中文 unwrapped, nothing cut off.
    const bar = await page.evaluate(() => {
      const toolbar = document.querySelector('header .MuiToolbar-root') as HTMLElement;
      const title = document.getElementById('react-admin-title') as HTMLElement;
      return {
        overflow: toolbar.scrollWidth - toolbar.clientWidth,
        height: toolbar.offsetHeight,
        titleCut: title.scrollWidth - title.clientWidth,
        titleWidth: title.clientWidth,
      };
    });
    expect(bar.overflow).toBeLessThanOrEqual(0);
    expect(bar.height).toBeLessThanOrEqual(64);
    expect(bar.titleCut).toBeLessThanOrEqual(0);
    // On a tablet the search is an icon until asked for, then the field across the bar.
    if (viewport.name === 'tablet') {
      expect(await page.getByTestId('search-input').count()).toBe(0);
      await shot(page, `${viewport.shots}-appbar`);
      await page.getByTestId('search-open').click();
    }
    const input = page.getByTestId('search-input');
    await input.click();
    await input.fill('人工耳蜗');
    await input.press('Enter');
    const hit = page.getByTestId('search-hit').filter({ hasText: '泸市府规〔2024〕4号' }).first();
    await hit.waitFor({ timeout: 20_000 });
    expect(await hit.getByTestId('search-title').textContent()).toBe(
      '泸州市人民政府关于进一步实施残疾儿童康复救助制度的通知',
    );
    expect(await hit.getByTestId('search-article').textContent()).toBeTruthy();
    // The marked words are highlighted, without the API's brackets.
    expect(await hit.locator('mark').first().textContent()).toBe('人工耳蜗');
    expect(await hit.getByTestId('search-snippet').textContent()).not.toContain('【');
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, `${viewport.shots}-search`);
    // ↓ then ↑ come back to the first result; Enter opens the chosen one.
    const hits = await page.getByTestId('search-hit').allTextContents();
    const index = hits.findIndex((t) => t.includes('泸市府规〔2024〕4号'));
    if (hits.length > 1) {
      await input.press('ArrowDown');
      expect(await page.getByTestId('search-hit').nth(1).getAttribute('aria-selected')).toBe(
        'true',
      );
      await input.press('ArrowUp');
    }
    for (let i = 0; i < index; i++) await input.press('ArrowDown');
    expect(await page.getByTestId('search-hit').nth(index).getAttribute('aria-selected')).toBe(
      'true',
    );
    await input.press('Enter');
    await page.waitForURL(/#\/policies\/.+\/show/u, { timeout: 15_000 });
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 15_000 })
      .toContain('泸市府规〔2024〕4号');
    expect(await page.getByTestId('search-results').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a policy edit in Chinese with before and after, and hides sign-ins until asked', async () => {
    const before = await h.gql<{ policy: { id: string; version: number; summary: string | null } }>(
      `query { policy(docNo: "泸市府规〔2024〕4号") { id version summary } }`,
      {},
      adminToken,
    );
    const p = before.data!.policy;
    const summary = `残疾儿童康复救助（${viewport.name}）`;
    const edited = await h.gql(
      `mutation($id: ID!, $v: Int!, $input: PolicyPatch!) { updatePolicy(id: $id, version: $v, input: $input) { id } }`,
      { id: p.id, v: p.version, input: { summary } },
      adminToken,
    );
    expect(edited.errors).toBeUndefined();

    const { page, context, errors } = await h.newPage(viewport);
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/auditEntries`);
    const row = page
      .locator('tbody tr')
      .filter({ has: page.getByTestId('audit-change-summary') })
      .first();
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('audit-action').textContent()).toBe('修改政策文件');
    expect(await row.getByTestId('audit-entity').textContent()).toBe('政策文件');
    const change = row.getByTestId('audit-change-summary');
    expect(await change.getByTestId('audit-before').textContent()).toBe(p.summary ?? '—');
    expect(await change.getByTestId('audit-after').textContent()).toBe(summary);
    expect(await change.getByTestId('audit-field').textContent()).toBe('摘要');
    expect(await row.getByTestId('audit-change-version').count()).toBe(0);
    // No raw model names, no JSON, and no sign-ins until asked.
    const actions = await page.getByTestId('audit-action').allTextContents();
    expect(actions).not.toContain('登录');
    expect(actions.length).toBeGreaterThan(0);
    expect(await page.getByTestId('audit-entity').allTextContents()).not.toContain('Policy');
    expect(await page.locator('main').textContent()).not.toContain('"summary"');
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, `${viewport.shots}-audit`);

    await page.getByLabel('显示登录记录').check();
    await expect
      .poll(() => page.getByTestId('audit-action').allTextContents(), { timeout: 15_000 })
      .toContain('登录');
    expect(await page.getByTestId('audit-entity').allTextContents()).toContain('登录会话');
    await shot(page, `${viewport.shots}-audit-logins`);

    // The type filter is in Chinese and narrows the list.
    await page.getByLabel('显示登录记录').uncheck();
    await page.getByRole('combobox', { name: '对象类型' }).click();
    await page.getByRole('option', { name: '公报导入', exact: true }).click();
    await expect
      .poll(async () => new Set(await page.getByTestId('audit-entity').allTextContents()), {
        timeout: 15_000,
      })
      .toEqual(new Set(['公报导入']));
    expect(await page.getByTestId('audit-action').allTextContents()).toContain('应用公报导入');
    // The import's summary in Chinese: every field named, counts in words, no JSON.
    const fields = await page.getByTestId('audit-field').allTextContents();
    expect(fields).toContain('政策文件');
    expect(fields.filter((f) => /^[A-Za-z_]+$/.test(f))).toEqual([]);
    const applied = page.getByTestId('audit-change-policies').first().getByTestId('audit-after');
    expect(await applied.textContent()).toMatch(/^新增：\d+；更新：\d+$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says in Chinese when a part of the list cannot be read, never “none”', async () => {
    const { page, context } = await h.newPage(viewport);
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('WorkDrafts')) {
        await route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({
            errors: [
              { message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
            ],
          }),
        });
      } else await route.continue();
    });
    await login(page, h.baseUrl, ADMIN);
    const error = page.getByTestId('work-drafts-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain('无法读取此项待办：服务器内部错误');
    expect(await page.getByTestId('work-drafts-empty').count()).toBe(0);
    await page.getByTestId('work-policies-count').waitFor();
    await context.close();
  });
});
