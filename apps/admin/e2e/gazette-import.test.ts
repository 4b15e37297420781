// 导入公报 in the browser against the real API: the applied seed issue reads as unchanged and
// applying it writes nothing; a damaged copy names its line, the editor goes there, and the
// fixed text reads clean; 2025年第3期 shows its new documents, the new version of the medical
// prices and its quarter, and once applied the repealed notice says so on its page.
//
// This file has its own server and database (startHarness), and 2025年第3期 is applied in its
// last test only, so nothing before it (and no other e2e file) sees that issue's changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
// @gazette/gazette is not a dependency of the dashboard: its test helpers are read from the source.
import {
  fixtureIssuePath,
  garble,
  readFixtureIssue,
} from '../../../packages/gazette/src/testing/index.ts';
import { ADMIN, SUPERVISOR, addUser, login, shot, startHarness, type Harness } from './harness.ts';

const SEED = readFixtureIssue('luzhou-2024-12');
const ISSUE_2025_03 = readFixtureIssue('luzhou-2025-03');
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'tablet', width: 768, height: 1024 },
] as const;

let h: Harness;
let adminToken: string;

beforeAll(async () => {
  h = await startHarness();
  adminToken = await h.token(ADMIN);
  await addUser(h, adminToken, SUPERVISOR, 'SUPERVISOR', '监督员');
});

afterAll(async () => {
  await h?.close();
});

/** What the database holds, as far as an issue can change it. */
async function counts() {
  const r = await h.gql<{
    policiesPage: { total: number };
    rateTableVersionsPage: { total: number };
    inspectionRounds: { totalCount: number };
  }>(
    `{ policiesPage(perPage: 1) { total } rateTableVersionsPage(perPage: 1) { total } inspectionRounds(first: 1) { totalCount } }`,
    {},
    adminToken,
  );
  expect(r.errors).toBeUndefined();
  return {
    policies: r.data!.policiesPage.total,
    versions: r.data!.rateTableVersionsPage.total,
    rounds: r.data!.inspectionRounds.totalCount,
  };
}

async function openImportPage(page: Page) {
  await page.locator('a[href="#/gazette-imports"]').click();
  await page.getByTestId('issue-editor').waitFor({ timeout: 15_000 });
}

async function readText(page: Page, text: string) {
  await page.getByTestId('issue-editor').fill(text);
  await page.getByTestId('import-read').click();
  await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
}

/** The editor's focus, the 1-based line of its caret, the selected text, and whether that line is in view. */
function caret(page: Page) {
  return page.getByTestId('issue-editor').evaluate((el) => {
    const t = el as HTMLTextAreaElement;
    const line = t.value.slice(0, t.selectionStart).split('\n').length;
    const top = (line - 1) * 20;
    return {
      focused: document.activeElement === t,
      line,
      selected: t.value.slice(t.selectionStart, t.selectionEnd),
      inView: top >= t.scrollTop && top < t.scrollTop + t.clientHeight,
    };
  });
}

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe.each(VIEWPORTS)('导入公报 at $width×$height', (viewport) => {
  it('reads the applied seed issue as 9 documents 无变化, and 应用 writes nothing', async () => {
    const { page, context, errors } = await h.newPage(viewport);
    await login(page, h.baseUrl, ADMIN);
    if (viewport.name === 'tablet') await page.goto(`${h.baseUrl}/#/gazette-imports`);
    else await openImportPage(page);
    await page.getByTestId('issue-editor').waitFor({ timeout: 15_000 });
    const before = await counts();

    if (viewport.name === 'desktop') {
      // Uploading the file puts its text in the editor.
      await page.getByTestId('import-file').setInputFiles(fixtureIssuePath('luzhou-2024-12'));
      await expect.poll(() => page.getByTestId('issue-editor').inputValue()).toBe(SEED);
      await page.getByTestId('import-read').click();
      await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    } else {
      await readText(page, SEED);
    }
    expect(await page.getByTestId('import-issue-label').textContent()).toBe('2024年第12期');
    expect(await page.getByTestId('import-status').textContent()).toBe('草稿');
    const changes = page.locator('[data-testid^="doc-change-"]');
    expect(await changes.count()).toBe(9);
    expect(new Set(await changes.allTextContents())).toEqual(new Set(['无变化']));
    expect(await page.getByTestId('import-doc-泸市监规发〔2024〕2号').textContent()).toContain(
      '试行：是',
    );
    expect(new Set(await page.locator('[data-testid^="table-action-"]').allTextContents())).toEqual(
      new Set(['无变化']),
    );
    expect(await page.getByTestId('import-quarter-2024Q4').textContent()).toContain('已在数据库中');
    expect(await page.getByTestId('import-problems-box').count()).toBe(0);
    expect(
      await page.getByTestId('import-notes').locator('[data-testid^="import-note-"]').count(),
    ).toBeGreaterThan(0);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(
      page,
      viewport.name === 'desktop' ? '22-import-seed-unchanged' : '22b-import-seed-unchanged-tablet',
    );

    // 应用: the confirmation says nothing will be written; afterwards nothing has changed.
    await page.getByTestId('import-apply').click();
    await page.getByTestId('apply-confirm-nothing').waitFor();
    await page.getByTestId('apply-confirm-ok').click();
    await page.getByTestId('apply-result').waitFor({ timeout: 60_000 });
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('apply-result').textContent()).toContain('没有写入新数据');
    expect(await page.getByTestId('import-status').textContent()).toBe('已应用');
    expect(await page.getByTestId('import-apply').count()).toBe(0);
    expect(await counts()).toEqual(before);
    // The recent imports list it, applied, first.
    await expect
      .poll(() => page.getByTestId('import-history-row').first().textContent(), { timeout: 15_000 })
      .toContain('已应用');
    expect(await page.getByTestId('import-history-row').first().textContent()).toContain(
      '2024年第12期',
    );
    await shot(
      page,
      viewport.name === 'desktop' ? '23-import-seed-applied' : '23b-import-seed-applied-tablet',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names the line of a garbled price cell, goes there in the editor, and reads the fixed text clean', async () => {
    const damaged = garble(ISSUE_2025_03, '1800', { at: '311201069', replace: 'l8O0' });
    const original = ISSUE_2025_03.split('\n')[damaged.line - 1]!;
    const { page, context, errors } = await h.newPage(viewport);
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/gazette-imports`);
    await readText(page, damaged.text);

    const problem = page.getByTestId(`import-problem-${damaged.line}`);
    await problem.waitFor();
    expect(await problem.textContent()).toContain(`第 ${damaged.line} 行`);
    expect(await problem.textContent()).toContain('l8O0');
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
    expect(await page.getByTestId('apply-blocked').textContent()).toMatch(/还有 \d+ 个问题/u);

    await problem.click();
    await expect.poll(async () => (await caret(page)).line).toBe(damaged.line);
    const at = await caret(page);
    expect(at.focused).toBe(true);
    expect(at.inView).toBe(true);
    expect(at.selected).toBe(damaged.text.split('\n')[damaged.line - 1]);
    expect(await page.getByTestId('editor-caret-line').textContent()).toContain(
      `第 ${damaged.line} 行`,
    );
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(
      page,
      viewport.name === 'desktop' ? '24-import-problem-line' : '24b-import-problem-line-tablet',
    );

    // The administrator retypes the line; the draft on screen is now stale until read again.
    const draftUrl = page.url();
    await page.keyboard.insertText(original);
    expect(await page.getByTestId('issue-editor').inputValue()).toBe(ISSUE_2025_03);
    await page.getByTestId('import-edited').waitFor();
    await page.getByTestId('import-read').click();
    await expect.poll(() => page.url(), { timeout: 60_000 }).not.toBe(draftUrl);
    await page.getByTestId('import-ready').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-problems-box').count()).toBe(0);
    expect(await page.getByTestId('import-apply').isEnabled()).toBe(true);
    await shot(
      page,
      viewport.name === 'desktop' ? '25-import-problem-fixed' : '25b-import-problem-fixed-tablet',
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('who may import', () => {
  it('shows neither the menu entry nor the page to a supervisor', async () => {
    const { page, context, errors } = await h.newPage();
    await login(page, h.baseUrl, SUPERVISOR);
    await page.locator('a[href="#/policies"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('a[href="#/gazette-imports"]').count()).toBe(0);
    await page.goto(`${h.baseUrl}/#/gazette-imports`);
    await page.getByTestId('import-forbidden').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('issue-editor').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('when reading or applying fails', () => {
  it('says why in Chinese, and shows the problems an apply was refused for', async () => {
    const { page, context } = await h.newPage();
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/gazette-imports`);
    await page.getByTestId('issue-editor').waitFor({ timeout: 15_000 });
    // Nothing to read.
    await page.getByTestId('import-read').click();
    await expect
      .poll(() => page.getByTestId('import-error').textContent())
      .toBe('请先粘贴公报全文或选择文件');

    // The request never reaches the server.
    await page.route('**/graphql', (route) =>
      route.request().postData()?.includes('importGazetteIssue')
        ? route.abort('failed')
        : route.continue(),
    );
    await page.getByTestId('issue-editor').fill(SEED);
    await page.getByTestId('import-read').click();
    await expect
      .poll(() => page.getByTestId('import-error').textContent(), { timeout: 15_000 })
      .toMatch(/^读取失败：无法连接服务器/u);
    await page.unroute('**/graphql');

    // The server refuses the apply (the database changed since reading): the problems are listed.
    await page.getByTestId('import-read').click();
    await page.getByTestId('import-ready').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-error').count()).toBe(0);
    const refusal = {
      message: '公报有 1 处无法确定的内容(第5行:未知的单位“泸州市某某局”),请修改原文后重新读取',
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'id',
        problems: [{ line: 5, code: 'UNKNOWN_BODY', message: '未知的单位“泸州市某某局”' }],
      },
    };
    await page.route('**/graphql', (route) =>
      route.request().postData()?.includes('applyGazetteImport')
        ? route.fulfill({
            contentType: 'application/json',
            body: JSON.stringify({ errors: [refusal], data: null }),
          })
        : route.continue(),
    );
    await page.getByTestId('import-apply').click();
    await page.getByTestId('apply-confirm-ok').click();
    await expect
      .poll(() => page.getByTestId('import-error').textContent(), { timeout: 15_000 })
      .toBe(`应用失败：输入有误：${refusal.message}（字段：id）`);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('import-problem-5').textContent()).toContain('泸州市某某局');
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-status').textContent()).toBe('草稿');
    await shot(page, '25c-import-apply-refused');
    await page.unroute('**/graphql');
    await context.close();
  });
});

describe('the policy page', () => {
  it('shows the days left, the source and the text by article', async () => {
    const asOf = await h.gql<{ policy: { daysLeft: number } }>(
      `{ policy(docNo: "泸市监规发〔2024〕2号") { daysLeft } }`,
      {},
      adminToken,
    );
    const daysLeft = asOf.data!.policy.daysLeft;
    const { page, context, errors } = await h.newPage();
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/policies`);
    await page.locator('input[name="q"]').fill('泸市监规发〔2024〕2号');
    await page.locator('tbody tr', { hasText: '泸市监规发〔2024〕2号' }).first().click();
    await page.getByTestId('policy-source').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('policy-source').textContent()).toBe(
      '2024年第12期 第38页（原文第 813–1122 行）',
    );
    expect(await page.getByTestId('policy-days-left').textContent()).toBe(
      daysLeft > 0 ? `距失效还有 ${daysLeft} 天` : daysLeft === 0 ? '今天是最后有效日' : '已失效',
    );
    await page.getByRole('tab', { name: '全文' }).click();
    const articles = page.getByTestId('policy-articles');
    await articles.waitFor({ timeout: 15_000 });
    expect(await articles.getByTestId('article-number').allTextContents()).toEqual([
      '第一条',
      '第二条',
      '第三条',
      '第四条',
      '第五条',
      '第六条',
      '第七条',
      '第八条',
      '第九条',
      '第十条',
      '第十一条',
      '第十二条',
      '第十三条',
      '第十四条',
      '第十五条',
      '第十六条',
      '第十七条',
      '第十八条',
      '第十九条',
      '第二十条',
      '第二十一条',
      '第二十二条',
    ]);
    expect(await page.getByTestId('article-第十三条').textContent()).toContain('最长不超过两个月');
    // A document without articles shows its whole text.
    await page.goto(`${h.baseUrl}/#/policies`);
    await page.locator('input[name="q"]').fill('泸市府函〔2024〕270号');
    await page.locator('tbody tr', { hasText: '泸市府函〔2024〕270号' }).first().click();
    await page.getByTestId('policy-source').waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: '全文' }).click();
    await page.getByTestId('policy-whole-text').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('policy-whole-text').textContent()).toContain('泸州仲裁委员会');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('2025年第3期 (applied last: it repeals 泸市医保规〔2024〕4号 and changes prices)', () => {
  it('shows 3 new documents, the new version of the medical prices and 2025Q1, and applies them', async () => {
    const { page, context, errors } = await h.newPage();
    await login(page, h.baseUrl, ADMIN);
    await openImportPage(page);
    const before = await counts();
    await readText(page, ISSUE_2025_03);

    expect(await page.getByTestId('import-issue-label').textContent()).toBe('2025年第3期');
    const docs = ['泸市府规〔2025〕1号', '泸市府室发〔2025〕5号', '泸市医保规〔2025〕1号'];
    expect(await page.locator('[data-testid^="doc-change-"]').count()).toBe(3);
    for (const docNo of docs)
      expect(await page.getByTestId(`doc-change-${docNo}`).textContent()).toBe('新增');
    const notice = await page.getByTestId('import-doc-泸市医保规〔2025〕1号').textContent();
    expect(notice).toContain('泸州市医疗保障局关于调整取卵术等医疗服务项目价格的通知');
    expect(notice).toContain('施行日期：2025年4月1日');
    expect(notice).toContain('有效期至：2030年3月31日');
    expect(notice).toContain('试行：否');
    expect(await page.getByTestId('doc-repeals-泸市医保规〔2025〕1号').textContent()).toContain(
      '泸市医保规〔2024〕4号',
    );

    expect(await page.getByTestId('table-action-medical-service-prices').textContent()).toBe(
      '新版本',
    );
    expect(await page.getByTestId('table-entries-medical-service-prices').textContent()).toBe('85');
    expect(await page.getByTestId('import-table-medical-service-prices').textContent()).toContain(
      '生效日期：2025年4月1日',
    );
    const row = page.getByTestId('rate-change-311201069|TERTIARY_A|amount');
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toContain('取卵术');
    expect(cells[1]).toBe('三甲');
    expect(cells[3]).toBe('1769 → 1800');
    expect(
      await page
        .getByTestId('rate-change-311201079|TERTIARY_A|attributes|lineCap')
        .locator('td')
        .last()
        .textContent(),
    ).toBe('4223 → 4300');
    // Items and grades by name, never the raw entry keys.
    expect(await page.getByTestId('rate-changes-medical-service-prices').textContent()).not.toMatch(
      /TERTIARY_A|\|/u,
    );
    expect(await page.getByTestId('import-quarter-2025Q1').textContent()).toBe('2025Q1');
    expect(await page.getByTestId('import-problems-box').count()).toBe(0);
    await shot(page, '26-import-2025-03');
    await shot(page, '26c-import-2025-03-full', true);
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByTestId('import-table-medical-service-prices').scrollIntoViewIfNeeded();
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, '26b-import-2025-03-tablet');
    await page.setViewportSize({ width: 1366, height: 768 });

    // 应用 names what it will write, then writes it.
    await page.getByTestId('import-apply').click();
    const lines = page.getByTestId('apply-confirm-lines');
    await lines.waitFor();
    const confirmText = await lines.textContent();
    expect(confirmText).toContain('3 个新文件');
    expect(confirmText).toContain('1 个价格表新版本');
    expect(confirmText).toContain('废止 泸市医保规〔2024〕4号（由 泸市医保规〔2025〕1号 废止）');
    expect(confirmText).toContain('检查结果：2025Q1');
    await shot(page, '27-import-confirm');
    await page.getByTestId('apply-confirm-ok').click();
    await page.getByTestId('apply-result').waitFor({ timeout: 60_000 });
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('import-status').textContent()).toBe('已应用');
    expect(await page.getByTestId('apply-result').textContent()).toContain('已应用 2025年第3期');
    expect(await counts()).toEqual({
      policies: before.policies + 3,
      versions: before.versions + 1,
      rounds: before.rounds + 1,
    });
    await shot(page, '28-import-applied');

    // An earlier import reopens from the list, with its text and findings.
    await page
      .getByTestId('import-history-row')
      .filter({ hasText: '2024年第12期' })
      .filter({ hasText: '已应用' })
      .first()
      .click();
    await expect
      .poll(() => page.getByTestId('import-issue-label').textContent(), { timeout: 15_000 })
      .toBe('2024年第12期');
    expect(await page.getByTestId('issue-editor').inputValue()).toBe(SEED);
    expect(page.url()).toMatch(/#\/gazette-imports\/.+/u);
    // The English switch covers the page too (the app bar hides while scrolled down).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect
      .poll(() => page.getByTestId('import-documents').textContent())
      .toContain('Documents (9)');
    expect(await page.getByTestId('import-status').textContent()).toBe('Applied');
    expect(new Set(await page.locator('[data-testid^="doc-change-"]').allTextContents())).toEqual(
      new Set(['Unchanged']),
    );
    await shot(page, '28b-import-reopened-english');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('then shows 泸市医保规〔2024〕4号 repealed by 泸市医保规〔2025〕1号, whose page shows its articles', async () => {
    const { page, context, errors } = await h.newPage();
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/policies`);
    // The status filter offers 已废止.
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.getByRole('option', { name: '已废止' }).click();
    await expect
      .poll(() => page.locator('tbody tr').allTextContents(), { timeout: 15_000 })
      .toEqual([expect.stringContaining('泸市医保规〔2024〕4号')]);
    await page.locator('tbody tr', { hasText: '泸市医保规〔2024〕4号' }).click();
    const repealed = page.getByTestId('policy-repealed');
    await repealed.waitFor({ timeout: 15_000 });
    expect(await repealed.textContent()).toBe(
      '已被 泸市医保规〔2025〕1号 废止（自 2025年4月1日 起）',
    );
    expect(await page.locator('.ra-field-status').first().textContent()).toContain('已废止');
    expect(await page.getByTestId('policy-days-left').count()).toBe(0);
    await shot(page, '29-policy-repealed');

    await page.getByTestId('policy-repealed-by').click();
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 15_000 })
      .toContain('泸州市医疗保障局关于调整取卵术等医疗服务项目价格的通知');
    await page.getByTestId('policy-source').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('policy-source').textContent()).toBe(
      '2025年第3期 第10页（原文第 181–250 行）',
    );
    await page.getByRole('tab', { name: '全文' }).click();
    const articles = page.getByTestId('policy-articles');
    await articles.waitFor({ timeout: 15_000 });
    expect(await articles.getByTestId('article-number').allTextContents()).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
    ]);
    expect(await page.getByTestId('article-四').textContent()).toContain('同时废止');
    await shot(page, '30-policy-articles');
    expect(errors).toEqual([]);
    await context.close();
  });
});
