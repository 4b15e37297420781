// 新建季度 and its annexes from the dashboard, in the browser against the real API: a quarter is
// created with the 通报's headline figures (an impossible one is refused on its field), the annex
// templates download with the printed headers, 附件1 is imported as CSV and 附件2 as XLSX (a file
// with one bad row names that row and writes nothing), the compliance page shows the quarter, and
// a new-media finding goes from 未知 to 未整改 and back to 未知.
//
// This file has its own server and database (startHarness): it creates 2025Q1 (at 1366×768) and
// 2025Q2 (at 768×1024), which no other e2e file sees.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN, ARTIFACTS, login, shot, startHarness, type Harness } from './harness.ts';

// exceljs is the API's dependency, not the dashboard's: read it from there.
const require = createRequire(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../api/package.json'),
);
// The few parts of its API used here (its types cannot be resolved from the dashboard either).
interface Workbook {
  addWorksheet(name: string): { addRow(values: unknown[]): void };
  worksheets: {
    eachRow(cb: (row: { eachCell(cb: (cell: { value: unknown }) => void): void }) => void): void;
  }[];
  xlsx: { writeBuffer(): Promise<ArrayBuffer>; load(data: ArrayBuffer): Promise<unknown> };
}
const ExcelJS = require('exceljs') as { Workbook: new () => Workbook };

const VIEWPORTS = [
  {
    name: 'desktop',
    width: 1366,
    height: 768,
    quarter: '2025Q1',
    label: '2025年第1季度',
    shots: '40',
  },
  {
    name: 'tablet',
    width: 768,
    height: 1024,
    quarter: '2025Q2',
    label: '2025年第2季度',
    shots: '40b',
  },
] as const;

// 附件1 as printed: 序号 3 has two problems, one a line, in one cell.
const ANNEX1_CSV = [
  '序号,检查网站,存在问题,是否整改完成',
  '1,泸州市审计局网站,《部门信箱》超期未回复,整改完成',
  '2,泸州市经济和信息化局网站,"《区县动态》超期未更新\n《重要文件通知》超期未更新",未整改',
].join('\r\n');
// The same file with one bad 是否整改完成 on its line 3.
const ANNEX1_BAD_CSV = [
  '序号,检查网站,存在问题,是否整改完成',
  '1,泸州市审计局网站,《部门信箱》超期未回复,整改完成',
  '2,泸州市统计局网站,《政策文件》超期未更新,也许',
].join('\r\n');

/** 附件2 as the 通报 prints it (no 是否整改完成 column), with its title lines, as an .xlsx. */
async function annex2Xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件2');
  ws.addRow(['附件2']);
  ws.addRow(['2025年第一季度全市政务新媒体检查情况']);
  ws.addRow(['序号', '新媒体名称', '所属区县或部门', '类型', '存在的突出问题']);
  ws.addRow([1, '法治泸县', '泸县', '微信', '严重表述错误']);
  ws.addRow([2, '泸州农业', '市农业农村局', '微信', '严重表述错误']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let h: Harness;
let adminToken: string;

beforeAll(async () => {
  h = await startHarness();
  adminToken = await h.token(ADMIN);
});

afterAll(async () => {
  await h?.close();
});

async function findings(quarter: string) {
  const r = await h.gql<{
    websiteFindingsPage: { total: number };
    newMediaFindingsPage: { nodes: { id: string; account: string; rectified: boolean | null }[] };
  }>(
    `query($q: String!) {
      websiteFindingsPage(perPage: 100, filter: { quarter: $q }) { total }
      newMediaFindingsPage(perPage: 100, filter: { quarter: $q }, sort: { field: "seq", order: ASC }) { nodes { id account rectified } }
    }`,
    { q: quarter },
    adminToken,
  );
  expect(r.errors).toBeUndefined();
  return {
    website: r.data!.websiteFindingsPage.total,
    newMedia: r.data!.newMediaFindingsPage.nodes,
  };
}

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** Chooses the quarter in the compliance page's selector. */
async function chooseQuarter(page: Page, label: string) {
  await page
    .getByTestId('quarter-select')
    .locator('..')
    .getByRole('combobox')
    .click({ timeout: 20_000 });
  await page.getByRole('option', { name: label, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

async function fill(page: Page, id: string, value: string) {
  await page.getByTestId(`round-${id}`).fill(value);
}

describe.each(VIEWPORTS)('新建季度 at $width×$height', (viewport) => {
  const { quarter } = viewport;

  it(`creates ${viewport.quarter} with the 通报's figures, refusing closed > received on that field`, async () => {
    const { page, context, errors } = await h.newPage(viewport);
    await login(page, h.baseUrl, ADMIN);
    await page.getByTestId('round-create').click();
    await page.getByTestId('round-form').waitFor();
    await fill(page, 'quarter', quarter);
    await fill(page, 'windowStart', viewport.name === 'desktop' ? '2025-01-01' : '2025-04-01');
    await fill(page, 'windowEnd', viewport.name === 'desktop' ? '2025-03-01' : '2025-06-01');
    await page.getByTestId('round-policy').fill('府室发〔2024〕34');
    await page.getByRole('option', { name: /泸市府室发〔2024〕34号/u }).click();
    for (const [k, v] of Object.entries({
      cityPortalsChecked: '1',
      districtPortalsChecked: '7',
      departmentSitesChecked: '37',
      newMediaAccountsChecked: '201',
      newMediaDistricts: '7',
      newMediaParks: '6',
      newMediaDepartments: '30',
      messagesReceived: '5',
      messagesClosed: '6',
      messagesOverdue: '1',
    }))
      await fill(page, k, v);
    await page.getByTestId('round-save').click();

    // The server's rule, on the field it names, in Chinese.
    const closedError = page.getByTestId('round-messagesClosed-error');
    await expect.poll(() => closedError.textContent(), { timeout: 15_000 }).toContain('不能大于');
    expect(await closedError.textContent()).toBe('办结留言 不能大于 收到留言');
    expect(await page.getByTestId('round-messagesReceived-error').textContent()).toMatch(
      /^[\s\u200b]*$/u,
    );
    await shot(page, `${viewport.shots}-round-create-error`);
    expect(
      (
        await h.gql<{ inspectionRound: unknown }>(
          `query($q: String!) { inspectionRound(quarter: $q) { id } }`,
          { q: quarter },
          adminToken,
        )
      ).data!.inspectionRound,
    ).toBeNull();

    await fill(page, 'messagesClosed', '4');
    expect(await closedError.textContent()).toMatch(/^[\s\u200b]*$/u);
    await page.getByTestId('round-save').click();
    await page.getByTestId('round-form').waitFor({ state: 'detached', timeout: 15_000 });

    // The compliance page now shows the new quarter and its figures.
    await expect
      .poll(() => page.getByTestId('quarter-select').inputValue(), { timeout: 15_000 })
      .toBe(quarter);
    await expect
      .poll(() => page.getByTestId('round-fig-messagesReceived').textContent(), { timeout: 15_000 })
      .toBe('5');
    expect(await page.getByTestId('fig-websitesChecked').textContent()).toBe('45');
    expect(await page.getByTestId('fig-newMediaAccountsChecked').textContent()).toBe('201');
    expect(await page.getByTestId('fig-messages').textContent()).toBe('4/5');
    expect(await page.getByTestId('round-fig-policy').textContent()).toBe('泸市府室发〔2024〕34号');
    expect(await page.getByTestId('round-fig-departmentSitesChecked').textContent()).toBe('37');
    expect(await page.getByTestId('round-fig-newMediaDepartments').textContent()).toBe('30');
    expect(await page.getByTestId('round-fig-messagesOverdue').textContent()).toBe('1');
    expect(await page.getByTestId('round-fig-window').textContent()).toBe(
      viewport.name === 'desktop' ? '2025年1月1日 — 2025年3月1日' : '2025年4月1日 — 2025年6月1日',
    );

    // 修改数据 corrects a figure with the round's version.
    await page.getByTestId('round-edit').click();
    await page.getByTestId('round-form').waitFor();
    expect(await page.getByTestId('round-departmentSitesChecked').inputValue()).toBe('37');
    await fill(page, 'departmentSitesChecked', '38');
    await fill(page, 'newMediaAccountsChecked', '208');
    await page.getByTestId('round-save').click();
    await page.getByTestId('round-form').waitFor({ state: 'detached', timeout: 15_000 });
    await expect
      .poll(() => page.getByTestId('fig-websitesChecked').textContent(), { timeout: 15_000 })
      .toBe('46');
    expect(await page.getByTestId('fig-newMediaAccountsChecked').textContent()).toBe('208');
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, `${viewport.shots}-round-created`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads the annex templates with the printed headers, as XLSX and CSV', async () => {
    const { page, context, errors } = await h.newPage(viewport);
    await login(page, h.baseUrl, ADMIN);
    await chooseQuarter(page, viewport.label);
    // The card is the chosen quarter's (the latest quarter's shows first).
    await expect
      .poll(() => page.getByTestId('annex-import').textContent(), { timeout: 20_000 })
      .toContain(`导入 ${quarter} 通报附件`);
    await page.getByTestId('round-figures').waitFor();

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('annex-download-newMedia-XLSX').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/u);
    const xlsxPath = path.join(ARTIFACTS, `${viewport.shots}-template-${xlsx.suggestedFilename()}`);
    await xlsx.saveAs(xlsxPath);
    const wb = new ExcelJS.Workbook();
    const file = readFileSync(xlsxPath);
    await wb.xlsx.load(
      file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
    );
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    for (const header of ['序号', '新媒体名称', '所属区县或部门', '类型', '存在的突出问题'])
      expect(cells).toContain(header);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('annex-download-website-CSV').click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/u);
    const csvPath = path.join(ARTIFACTS, `${viewport.shots}-template-${csv.suggestedFilename()}`);
    await csv.saveAs(csvPath);
    const text = readFileSync(csvPath, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('序号,检查网站,存在问题,是否整改完成');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports 附件1 as CSV and 附件2 as XLSX after naming them; a bad row is shown and writes nothing', async () => {
    const { page, context, errors } = await h.newPage(viewport);
    await login(page, h.baseUrl, ADMIN);
    await chooseQuarter(page, viewport.label);
    // The card is the chosen quarter's (the latest quarter's shows first).
    await expect
      .poll(() => page.getByTestId('annex-import').textContent(), { timeout: 20_000 })
      .toContain(`导入 ${quarter} 通报附件`);
    await page.getByTestId('round-figures').waitFor();

    // One bad row: its line, column and reason; nothing is written.
    await page.getByTestId('annex-file-website').setInputFiles({
      name: '附件1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(ANNEX1_BAD_CSV),
    });
    await page.getByTestId('annex-chosen-website').waitFor();
    await page.getByTestId('annex-import-button').click();
    expect(await page.getByTestId('annex-confirm-text').textContent()).toContain('附件1 网站');
    expect(await page.getByTestId('annex-confirm-text').textContent()).not.toContain('附件2');
    await page.getByTestId('annex-confirm-ok').click();
    await page.getByTestId('annex-row-errors').waitFor({ timeout: 20_000 });
    const bad = page.getByTestId('annex-row-error');
    expect(await bad.count()).toBe(1);
    const cells = await bad.first().locator('td').allTextContents();
    expect(cells[0]).toContain('附件1.csv');
    expect(cells[1]).toBe('第 3 行');
    expect(cells[2]).toContain('是否整改完成');
    expect(cells[3]).toContain('也许');
    expect(await page.getByTestId('annex-row-errors').textContent()).toContain('未写入任何数据');
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, `${viewport.shots}-annex-bad-row`);
    expect((await findings(quarter)).website).toBe(0);

    // 附件1 as CSV and 附件2 as XLSX, both named before they replace anything.
    await page
      .getByTestId('annex-file-website')
      .setInputFiles({ name: '附件1.csv', mimeType: 'text/csv', buffer: Buffer.from(ANNEX1_CSV) });
    await page.getByTestId('annex-file-newMedia').setInputFiles({
      name: '附件2.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await annex2Xlsx(),
    });
    await expect
      .poll(() => page.getByTestId('annex-chosen-newMedia').textContent())
      .toContain('XLSX');
    expect(await page.getByTestId('annex-chosen-website').textContent()).toContain('CSV');
    await page.getByTestId('annex-import-button').click();
    const confirm = await page.getByTestId('annex-confirm-text').textContent();
    expect(confirm).toContain('附件1 网站');
    expect(confirm).toContain('附件2 政务新媒体');
    expect(confirm).not.toContain('附件3');
    await shot(page, `${viewport.shots}-annex-confirm`);
    await page.getByTestId('annex-confirm-ok').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // The page shows the quarter's figures with its findings.
    await expect
      .poll(() => page.getByTestId('fig-websiteIssues').textContent(), { timeout: 20_000 })
      .toBe('3');
    expect(await page.getByTestId('fig-websitesWithIssues').textContent()).toBe('2');
    expect(await page.getByTestId('fig-newMediaAccountsWithIssues').textContent()).toBe('2');
    expect(await page.getByTestId('rectification-progress').textContent()).toContain('1/3');
    expect(await page.getByTestId('fig-websitesChecked').textContent()).toBe('46');
    expect(await page.getByTestId('annex-row-errors').count()).toBe(0);
    await page.getByTestId('org-row-泸州市经济和信息化局').waitFor();
    expect(
      await page.getByTestId('org-row-泸州市经济和信息化局').locator('td').nth(1).textContent(),
    ).toBe('2');
    const stored = await findings(quarter);
    expect(stored.website).toBe(3);
    // The 通报 prints no rectification for 附件2: unknown, not "not rectified".
    expect(stored.newMedia.map((f) => [f.account, f.rectified])).toEqual([
      ['法治泸县', null],
      ['泸州农业', null],
    ]);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, `${viewport.shots}-annex-imported`, true);
    // The one CSV is streamed to POST /imports/…: its refusal (400) is the browser's only console line.
    expect(errors).toEqual([expect.stringContaining('status of 400')]);
    await context.close();
  });

  it('shows an unknown new-media rectification as 未知, sets it to 未整改 and back to 未知', async () => {
    const { page, context, errors } = await h.newPage(viewport);
    await login(page, h.baseUrl, ADMIN);
    expect((await findings(quarter)).newMedia).toHaveLength(2);
    const list = `${h.baseUrl}/#/newMediaFindings?filter=${encodeURIComponent(JSON.stringify({ quarter }))}`;
    await page.goto(list);
    await expect
      .poll(() => page.getByTestId('rectified-value').allTextContents(), { timeout: 20_000 })
      .toEqual(['未知', '未知']);
    expect(await page.locator('tbody').textContent()).not.toContain('否');
    await shot(page, `${viewport.shots}-newmedia-unknown`);

    const target = (await findings(quarter)).newMedia[0]!;
    async function setStatus(label: string) {
      await page.goto(`${h.baseUrl}/#/newMediaFindings/${encodeURIComponent(target.id)}`);
      await page.getByTestId('rectified-select').waitFor({ timeout: 20_000 });
      await page.getByTestId('rectified-select').click();
      await page.getByRole('option', { name: label, exact: true }).click();
      expect(await page.getByTestId('rectified-select').textContent()).toBe(label);
      await page.locator('button[type="submit"]').click();
      await page.getByTestId('rectified-value').first().waitFor({ timeout: 20_000 });
    }

    await page.getByTestId('rectified-value').first().click();
    await page.getByTestId('rectified-select').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('rectified-select').textContent()).toBe('未知');
    await setStatus('未整改');
    await expect.poll(async () => (await findings(quarter)).newMedia[0]!.rectified).toBe(false);
    await page.goto(list);
    await expect
      .poll(() => page.getByTestId('rectified-value').allTextContents(), { timeout: 20_000 })
      .toEqual(['未整改', '未知']);

    await setStatus('未知');
    await expect.poll(async () => (await findings(quarter)).newMedia[0]!.rectified).toBeNull();
    await page.goto(list);
    await expect
      .poll(() => page.getByTestId('rectified-value').allTextContents(), { timeout: 20_000 })
      .toEqual(['未知', '未知']);
    await shot(page, `${viewport.shots}-newmedia-back-to-unknown`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the findings lists and the compliance page on the latest round’s quarter', async () => {
    const { page, context, errors } = await h.newPage(viewport);
    await login(page, h.baseUrl, ADMIN);
    for (const resource of ['websiteFindings', 'newMediaFindings']) {
      await page.goto(`${h.baseUrl}/#/${resource}`);
      await expect
        .poll(() => page.locator('input[name="quarter"]').inputValue(), { timeout: 20_000 })
        .toBe(quarter);
    }
    // The compliance page, named no quarter, opens on the round just created (not the seed's).
    await page.goto(`${h.baseUrl}/#/`);
    await page.reload();
    await expect
      .poll(() => page.getByTestId('quarter-select').inputValue(), { timeout: 20_000 })
      .toBe(quarter);
    await expect
      .poll(() => page.getByTestId('annex-import').textContent(), { timeout: 20_000 })
      .toContain(`导入 ${quarter} 通报附件`);
    // A quarter the address names is the one shown.
    await page.goto(`${h.baseUrl}/#/?quarter=2024Q4`);
    await page.reload();
    await expect
      .poll(() => page.getByTestId('fig-websitesChecked').textContent(), { timeout: 20_000 })
      .toBe('46');
    expect(await page.getByTestId('quarter-select').inputValue()).toBe('2024Q4');
    expect(errors).toEqual([]);
    await context.close();
  });
});
