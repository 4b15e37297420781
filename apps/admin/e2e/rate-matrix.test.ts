// The medical price table as the gazette prints it, edited as a spreadsheet in a draft (keyboard,
// paste from Excel/WPS, percentage adjustment with a preview, undo), XLSX round trip, and the empty
// 年期修正系数 table brought to life — at 1366×768 and 768×1024, with no console errors.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@gazette/domain';
import { parseCsv } from '../src/shared/csv.ts';
import {
  ADMIN,
  ARTIFACTS,
  SUPERVISOR,
  addUser,
  login,
  shot,
  startHarness,
  type Harness,
} from './harness.ts';

let h: Harness;
let token: string;

beforeAll(async () => {
  h = await startHarness();
  token = await h.token(ADMIN);
  await addUser(h, token, SUPERVISOR, 'SUPERVISOR', '监督员');
});

afterAll(async () => {
  await h?.close();
});

// 泸市医保规〔2024〕4号 附件 (fixture figures of the test data, not of production source).
const MEDICAL = '泸州市公立医疗机构取卵术等医疗服务项目试行价格表';
const COEFFICIENT = '土地出让年期修正系数表';
const LAND = '泸州市中心城区商业用房与住宅房屋出让金标准表';
const LAND_KEY = 'COMMERCIAL|1|STREET_FRONT_GROUND_FLOOR';

async function entriesOf(versionId: string) {
  const r = await h.gql<{
    rateEntriesPage: {
      nodes: {
        key: string;
        amount: string | null;
        rate: string | null;
        attributes: Record<string, unknown>;
        code: string | null;
        name: string | null;
        unit: string | null;
        baseKey: string | null;
        dimensions: Record<string, string>;
        position: number;
      }[];
    };
  }>(
    `query($f: RateEntryPageFilter) { rateEntriesPage(page: 1, perPage: 100, filter: $f) { nodes { key amount rate attributes code name unit baseKey dimensions position } } }`,
    { f: { versionId } },
    token,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return new Map(r.data.rateEntriesPage.nodes.map((e) => [e.key, e]));
}
const amountOf = async (versionId: string, key: string) => {
  const e = (await entriesOf(versionId)).get(key);
  return e?.amount === null || e?.amount === undefined
    ? (e?.rate ?? null)
    : String(Number(e.amount));
};

const versionIdOf = (page: Page) =>
  decodeURIComponent(new URL(page.url()).hash.split('version=')[1] ?? '');

/** Opens a table and makes a draft copy of its current version (or an empty first one). */
async function openDraft(page: Page, table: string, days: number) {
  await page.goto(`${h.baseUrl}/#/rateTables`);
  await page.getByText(table).first().click();
  await page.getByTestId('new-version').waitFor({ timeout: 15_000 });
  await page.waitForTimeout(500);
  await page.getByTestId('new-version').click();
  await page.getByTestId('new-version-date').fill(addDays(todayInShanghai(), days));
  // The medical document has expired (2026-10-31): a new version needs an end.
  await page.getByTestId('new-version-end').fill(addDays(todayInShanghai(), days + 300));
  await page.getByTestId('new-version-create').click();
  await expect
    .poll(() => page.getByTestId('version-status').textContent(), { timeout: 15_000 })
    .toBe('草稿');
  // The draft's entries arrive after its status: start once nothing is in flight.
  await page.waitForLoadState('networkidle');
  return versionIdOf(page);
}

const cell = (page: Page, key: string) => page.getByTestId(`cell-${key.replace('|', '-')}`);
const value = (page: Page, key: string) => page.getByTestId(`value-${key.replace('|', '-')}`);

async function paste(page: Page, text: string) {
  await page.getByTestId('matrix-grid').evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

it('prints the medical table as the gazette does and edits a draft as a spreadsheet: keys, paste, percentage with preview, undo (1366×768)', async () => {
  const a = await h.newPage({ width: 1366, height: 768 });
  const sent: string[] = [];
  a.page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && r.method() === 'POST') sent.push(r.postData() ?? '');
  });
  const updates = () => sent.filter((b) => b.includes('updateRateEntry')).length;
  await login(a.page, h.baseUrl, ADMIN);
  await a.page.goto(`${h.baseUrl}/#/rateTables`);
  await a.page.getByText(MEDICAL).first().click();

  // The printed matrix is the default: items × five grades, with texts and the 单精子注射 caps.
  await a.page.getByTestId('rate-matrix').waitFor({ timeout: 15_000 });
  const header = (await a.page.getByTestId('rate-matrix').locator('thead').textContent()) ?? '';
  for (const h of [
    '序号',
    '编码',
    '项目名称',
    '项目内涵',
    '除外内容',
    '计价单位',
    '说明',
    '价格（元）',
    '三甲',
    '三乙',
    '二甲',
    '二乙',
    '二乙以下',
  ])
    expect(header).toContain(h);
  expect(await a.page.getByTestId('matrix-name-311201079').textContent()).toBe('单精子注射');
  expect(await a.page.getByTestId('matrix-note-311201079').textContent()).toContain(
    '每增加一个卵加收40%',
  );
  expect(await a.page.getByTestId('matrix-contents-311201069').textContent()).toContain('服务产出');
  expect(await value(a.page, '311201079|TERTIARY_A').textContent()).toBe('918');
  expect(await a.page.getByTestId('cap-311201079-TERTIARY_A').textContent()).toContain('4223');
  expect(await a.page.getByTestId('cap-311201079-BELOW_SECONDARY_B').textContent()).toContain(
    '2815',
  );
  expect(await value(a.page, '311201073-1|SECONDARY_B').textContent()).toBe('68%');
  expect(await a.page.locator('[data-testid^="matrix-row-"]').count()).toBe(17);
  await shot(a.page, '20-rate-matrix-1366');
  // The long list is still there.
  await a.page.getByTestId('view-list').click();
  await a.page.getByTestId('entries-grid').waitFor({ timeout: 5_000 });
  expect(await a.page.getByTestId('entries-grid').locator('tbody tr').count()).toBe(85);
  await a.page.getByTestId('view-matrix').click();

  const draft = await openDraft(a.page, MEDICAL, 20);
  await a.page.getByTestId('rate-matrix').waitFor({ timeout: 15_000 });
  await value(a.page, '311201069|TERTIARY_A').waitFor({ timeout: 15_000 });

  // Keyboard: Enter edits, Esc cancels (nothing sent), F2 edits, Enter saves and moves down.
  await cell(a.page, '311201069|TERTIARY_A').click();
  await a.page.keyboard.press('Enter');
  await a.page.getByTestId('cell-editor').waitFor({ timeout: 5_000 });
  expect(await a.page.getByTestId('cell-editor').inputValue()).toBe('1769');
  await a.page.keyboard.type('9');
  await a.page.keyboard.press('Escape');
  expect(await a.page.getByTestId('cell-editor').count()).toBe(0);
  expect(await value(a.page, '311201069|TERTIARY_A').textContent()).toBe('1769');
  await a.page.keyboard.press('F2');
  await a.page.getByTestId('cell-editor').fill('1800');
  await a.page.keyboard.press('Enter');
  await expect
    .poll(() => amountOf(draft, '311201069|TERTIARY_A'), { timeout: 15_000 })
    .toBe('1800');
  // The server answers before the page re-renders: wait for the screen, not just the database.
  await expect
    .poll(() => value(a.page, '311201069|TERTIARY_A').textContent(), { timeout: 5_000 })
    .toBe('1800');
  expect(await cell(a.page, '311201070|TERTIARY_A').getAttribute('data-active')).toBe('true');
  // Arrow right, type a number (starts editing with it), Tab saves and moves right.
  await a.page.keyboard.press('ArrowRight');
  await a.page.keyboard.type('2700');
  await a.page.keyboard.press('Tab');
  await expect
    .poll(() => amountOf(draft, '311201070|TERTIARY_B'), { timeout: 15_000 })
    .toBe('2700');
  expect(await cell(a.page, '311201070|SECONDARY_A').getAttribute('data-active')).toBe('true');
  // A bad value is explained on the cell and never sent.
  const before = updates();
  await a.page.keyboard.press('F2');
  await a.page.getByTestId('cell-editor').fill('12a');
  await a.page.keyboard.press('Enter');
  await a.page.getByTestId('cell-error-311201070-SECONDARY_A').waitFor({ timeout: 5_000 });
  expect(await a.page.getByTestId('cell-error-311201070-SECONDARY_A').textContent()).toContain(
    '请输入不小于 0 的数字',
  );
  await a.page.waitForTimeout(300);
  expect(updates()).toBe(before);

  // Paste a 2×2 block copied from Excel/WPS: the bad cell is explained, the three good ones sent.
  await cell(a.page, '311201071|TERTIARY_A').click();
  await paste(a.page, '1200\t1100\r\n25\tabc\r\n');
  await expect.poll(() => amountOf(draft, '311201072|TERTIARY_A'), { timeout: 15_000 }).toBe('25');
  expect(await amountOf(draft, '311201071|TERTIARY_A')).toBe('1200');
  expect(await amountOf(draft, '311201071|TERTIARY_B')).toBe('1100');
  expect(await amountOf(draft, '311201072|TERTIARY_B')).toBe('20');
  await expect
    .poll(() => a.page.getByTestId('cell-error-311201072-TERTIARY_B').textContent(), {
      timeout: 5_000,
    })
    .toContain('请输入不小于 0 的数字');
  expect(updates()).toBe(before + 3);
  await shot(a.page, '21-rate-matrix-paste');

  // Undo re-sends the values the paste replaced.
  await expect
    .poll(() => a.page.getByTestId('matrix-undo').textContent(), { timeout: 5_000 })
    .toContain('粘贴');
  await a.page.getByTestId('matrix-undo').click();
  const pasted = async () =>
    Promise.all(
      ['311201071|TERTIARY_A', '311201071|TERTIARY_B', '311201072|TERTIARY_A'].map((k) =>
        amountOf(draft, k),
      ),
    );
  await expect.poll(pasted, { timeout: 15_000 }).toEqual(['1167', '1070', '22']);
  await expect
    .poll(() => value(a.page, '311201071|TERTIARY_A').textContent(), { timeout: 5_000 })
    .toBe('1167');

  // Percentage of a selection: preview old → new (decimal-exact, half-up to the fen), then apply.
  await cell(a.page, '311201069|TERTIARY_A').click();
  await cell(a.page, '311201070-1|BELOW_SECONDARY_B').click({ modifiers: ['Shift'] });
  await a.page.getByTestId('matrix-adjust').click();
  await a.page.getByTestId('adjust-percent').fill('5.5');
  const preview = a.page.getByTestId('adjust-preview');
  await preview.waitFor({ timeout: 5_000 });
  expect(await preview.locator('tbody tr').count()).toBe(10); // the surcharge row (39%) is not money
  expect(await a.page.getByTestId('adjust-dialog').textContent()).toContain('5 个比例');
  const row = (key: string) => a.page.getByTestId(`adjust-row-${key.replace('|', '-')}`);
  expect(await row('311201069|TERTIARY_A').textContent()).toContain('18001899'); // 1800 → 1899
  expect(await row('311201069|TERTIARY_B').textContent()).toContain('16211710.16'); // 1710.155 → 1710.16
  expect(await row('311201070|BELOW_SECONDARY_B').textContent()).toContain('19722080.46');
  await shot(a.page, '22-rate-matrix-adjust-preview');
  const beforeApply = updates();
  await a.page.getByTestId('adjust-apply').click();
  // Sent in order: 311201070|BELOW_SECONDARY_B is the last amount of the selection.
  await expect
    .poll(() => amountOf(draft, '311201070|BELOW_SECONDARY_B'), { timeout: 20_000 })
    .toBe('2080.46');
  expect(await amountOf(draft, '311201069|TERTIARY_B')).toBe('1710.16');
  expect(await amountOf(draft, '311201070-1|TERTIARY_A')).toBe('0.39');
  expect(updates()).toBe(beforeApply + 10);
  // Ctrl+Z undoes the adjustment as a whole.
  await a.page.getByTestId('matrix-grid').focus();
  await a.page.keyboard.press('Control+z');
  // (Undone newest first: 311201069|TERTIARY_A, the first adjusted, is the last re-sent.)
  await expect
    .poll(() => amountOf(draft, '311201069|TERTIARY_A'), { timeout: 20_000 })
    .toBe('1800');
  expect(await amountOf(draft, '311201070|BELOW_SECONDARY_B')).toBe('1972');
  expect(await amountOf(draft, '311201069|TERTIARY_B')).toBe('1621');

  // The comparison names entries by item and grade, never by key.
  await a.page.getByTestId('tab-diff').click();
  const diffEntry = a.page.getByTestId('diff-entry-311201069|TERTIARY_A');
  await diffEntry.waitFor({ timeout: 15_000 });
  expect(await diffEntry.textContent()).toBe('取卵术 · 三甲');
  expect(await a.page.getByTestId('diff-view').textContent()).not.toContain('|TERTIARY');
  await shot(a.page, '23-rate-diff-readable');
  expect(a.errors).toEqual([]);
  await a.context.close();
});

it('clears cells of a draft with Delete and 清除所选 (their entries deleted), and undo brings them back with their caps (1366×768)', async () => {
  const a = await h.newPage({ width: 1366, height: 768 });
  const deletes: string[] = [];
  a.page.on('request', (r) => {
    const body = r.method() === 'POST' && r.url().endsWith('/graphql') ? r.postData() : null;
    if (body?.includes('deleteRateEntry')) deletes.push(body);
  });
  await login(a.page, h.baseUrl, ADMIN);
  const draft = await openDraft(a.page, MEDICAL, 80);
  await value(a.page, '311201079|TERTIARY_A').waitFor({ timeout: 15_000 });
  const before = await entriesOf(draft);
  expect(before.get('311201079|TERTIARY_A')?.attributes).toMatchObject({
    lineCap: expect.anything(),
  });

  // Delete on the active cell: the entry is deleted, the cell shows nothing.
  await cell(a.page, '311201079|TERTIARY_A').click();
  await a.page.keyboard.press('Delete');
  await expect
    .poll(async () => (await entriesOf(draft)).has('311201079|TERTIARY_A'), { timeout: 15_000 })
    .toBe(false);
  await expect
    .poll(() => value(a.page, '311201079|TERTIARY_A').textContent(), { timeout: 5_000 })
    .toBe('');
  expect(await a.page.getByTestId('cap-311201079-TERTIARY_A').count()).toBe(0);

  // Backspace clears a selection of two; 清除所选 another of two.
  await cell(a.page, '311201069|TERTIARY_A').click();
  await cell(a.page, '311201069|TERTIARY_B').click({ modifiers: ['Shift'] });
  await a.page.keyboard.press('Backspace');
  await cell(a.page, '311201070|TERTIARY_A').click();
  await cell(a.page, '311201070|TERTIARY_B').click({ modifiers: ['Shift'] });
  expect(await a.page.getByTestId('matrix-clear').textContent()).toContain('清除所选（2）');
  await a.page.getByTestId('matrix-clear').click();
  const gone: string[] = [
    '311201069|TERTIARY_A',
    '311201069|TERTIARY_B',
    '311201070|TERTIARY_A',
    '311201070|TERTIARY_B',
  ];
  await expect
    .poll(
      async () => {
        const now = await entriesOf(draft);
        return gone.filter((k) => now.has(k));
      },
      { timeout: 15_000 },
    )
    .toEqual([]);
  // The right-click menu of a cell clears it too.
  await cell(a.page, '311201071|TERTIARY_A').click({ button: 'right' });
  await a.page.getByTestId('matrix-context-clear').click();
  gone.push('311201071|TERTIARY_A');
  await expect
    .poll(async () => (await entriesOf(draft)).has('311201071|TERTIARY_A'), { timeout: 15_000 })
    .toBe(false);
  expect(deletes).toHaveLength(6);
  await expect
    .poll(() => a.page.getByTestId('matrix-undo').textContent(), { timeout: 5_000 })
    .toContain('清除 1 个单元格');
  await shot(a.page, '24-rate-matrix-cleared');

  // Undo (newest first) brings each cleared cell back as it was: from the menu, the button, keys.
  await cell(a.page, '311201071|TERTIARY_A').click({ button: 'right' });
  await a.page.getByTestId('matrix-context-undo').click();
  await expect
    .poll(async () => (await entriesOf(draft)).get('311201071|TERTIARY_A'), { timeout: 15_000 })
    .toEqual(before.get('311201071|TERTIARY_A'));
  await expect
    .poll(() => a.page.getByTestId('matrix-undo').textContent(), { timeout: 5_000 })
    .toContain('清除 2 个单元格');
  await a.page.getByTestId('matrix-undo').click();
  await expect
    .poll(async () => (await entriesOf(draft)).get('311201070|TERTIARY_B')?.amount, {
      timeout: 15_000,
    })
    .toBe(before.get('311201070|TERTIARY_B')!.amount);
  await a.page.getByTestId('matrix-grid').focus();
  await a.page.keyboard.press('Control+z');
  await a.page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await entriesOf(draft)).get('311201079|TERTIARY_A'), { timeout: 15_000 })
    .toEqual(before.get('311201079|TERTIARY_A'));
  const after = await entriesOf(draft);
  for (const k of gone) expect(after.get(k)).toEqual(before.get(k));
  expect(after.size).toBe(before.size);
  await expect
    .poll(() => value(a.page, '311201079|TERTIARY_A').textContent(), { timeout: 5_000 })
    .toBe('918');
  expect(await a.page.getByTestId('cap-311201079-TERTIARY_A').textContent()).toContain('4223');
  expect(a.errors).toEqual([]);
  await a.context.close();
});

it("says why a version's entries could not be read, in a notification and on the page (1366×768)", async () => {
  const a = await h.newPage({ width: 1366, height: 768 });
  await login(a.page, h.baseUrl, ADMIN);
  // The API refuses every read of entries (as a busy database would).
  await a.page.route('**/graphql', async (route) => {
    if (!route.request().postData()?.includes('rateEntriesPage')) return route.fallback();
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        errors: [
          { message: '费率数据正被其他修改占用', extensions: { code: 'SERVICE_UNAVAILABLE' } },
        ],
      }),
    });
  });
  await a.page.goto(`${h.baseUrl}/#/rateTables`);
  await a.page.getByText(MEDICAL).first().click();
  const notification = a.page.locator('.MuiSnackbar-root');
  await expect
    .poll(() => notification.textContent(), { timeout: 30_000 })
    .toContain('费率数据正被其他修改占用');
  await expect
    .poll(() => a.page.getByTestId('error-alert').textContent(), { timeout: 5_000 })
    .toContain('费率数据正被其他修改占用');
  await a.context.close();
});

it('exports the draft as XLSX with the gazette headers, imports it back (caps kept), names bad rows, and fills the empty 年期修正系数 table (768×1024)', async () => {
  const a = await h.newPage({ width: 768, height: 1024 });
  await login(a.page, h.baseUrl, ADMIN);
  const draft = await openDraft(a.page, MEDICAL, 40);
  await a.page.getByTestId('rate-matrix').waitFor({ timeout: 15_000 });
  await value(a.page, '311201079|TERTIARY_A').waitFor({ timeout: 15_000 });
  // Keyboard works at this size too.
  await cell(a.page, '311201079|TERTIARY_A').click();
  await a.page.keyboard.press('ArrowDown');
  expect(await cell(a.page, '311201079-1|TERTIARY_A').getAttribute('data-active')).toBe('true');
  await shot(a.page, '24-rate-matrix-768');

  // Export: the printed headers and values.
  const [download] = await Promise.all([
    a.page.waitForEvent('download'),
    a.page.getByTestId('export-xlsx').click(),
  ]);
  const file = path.join(ARTIFACTS, 'rate-matrix-export.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const texts = (r: number) =>
    (ws.getRow(r).values as unknown[])
      .slice(1)
      .map((v) => (v === null || v === undefined ? '' : String(v)));
  expect(texts(1).slice(0, 8)).toEqual([
    '序号',
    '编码',
    '项目名称',
    '项目内涵',
    '除外内容',
    '计价单位',
    '说明',
    '价格（元）',
  ]);
  expect(texts(2).slice(7)).toEqual(['三甲', '三乙', '二甲', '二乙', '二乙以下']);
  const rowOf = (code: string) => {
    for (let r = 3; r <= ws.rowCount; r++)
      if (String(ws.getRow(r).getCell(2).value) === code) return r;
    throw new Error(code);
  };
  const icsi = rowOf('311201079');
  expect(texts(icsi).slice(7)).toEqual(['918', '842', '765', '689', '612']);
  expect(texts(rowOf('311201073-1')).slice(7)).toEqual(['68%', '68%', '68%', '68%', '68%']);

  // Change two prices in the sheet and import it: written, the caps kept.
  ws.getRow(icsi).getCell(9).value = 850;
  ws.getRow(rowOf('311201069')).getCell(8).value = '1780.5';
  const edited = path.join(ARTIFACTS, 'rate-matrix-import.xlsx');
  await wb.xlsx.writeFile(edited);
  await a.page.getByTestId('xlsx-file').setInputFiles(edited);
  await expect.poll(() => amountOf(draft, '311201079|TERTIARY_B'), { timeout: 20_000 }).toBe('850');
  const after = await entriesOf(draft);
  expect(after.size).toBe(85);
  expect(String(Number(after.get('311201069|TERTIARY_A')!.amount))).toBe('1780.5');
  expect(after.get('311201079|TERTIARY_A')!.attributes).toMatchObject({
    lineCap: '4223',
    perExtraUnitRate: '0.4',
  });
  expect(after.get('311201073-1|TERTIARY_A')).toMatchObject({
    rate: expect.stringMatching(/^0\.68/),
    amount: null,
  });
  await expect
    .poll(() => value(a.page, '311201079|TERTIARY_B').textContent(), { timeout: 15_000 })
    .toBe('850');
  expect(await a.page.getByTestId('cap-311201079-TERTIARY_B').textContent()).toContain('3873');

  // A bad price: the API refuses the whole file, named by sheet row and grade; nothing written.
  ws.getRow(icsi).getCell(10).value = 'abc';
  const bad = path.join(ARTIFACTS, 'rate-matrix-bad.xlsx');
  await wb.xlsx.writeFile(bad);
  await a.page.getByTestId('xlsx-file').setInputFiles(bad);
  await a.page.getByTestId(`xlsx-error-${icsi}`).waitFor({ timeout: 15_000 });
  const err = (await a.page.getByTestId(`xlsx-error-${icsi}`).textContent()) ?? '';
  expect(err).toContain(`工作表第 ${icsi} 行`);
  expect(err).toContain('二甲');
  expect(err).toContain('abc');
  expect(await amountOf(draft, '311201079|SECONDARY_A')).toBe('765');
  await shot(a.page, '25-rate-xlsx-rejected');

  // The template: the headers only.
  const [tpl] = await Promise.all([
    a.page.waitForEvent('download'),
    a.page.getByTestId('xlsx-template').click(),
  ]);
  const tplFile = path.join(ARTIFACTS, 'rate-matrix-template.xlsx');
  await tpl.saveAs(tplFile);
  const twb = new ExcelJS.Workbook();
  await twb.xlsx.load(readFileSync(tplFile) as unknown as ArrayBuffer);
  expect(twb.worksheets[0]!.rowCount).toBe(2);
  expect(String(twb.worksheets[0]!.getRow(1).getCell(2).value)).toBe('编码');
  const help = (twb.getWorksheet('说明')!.getColumn(1).values as unknown[]).join('\n');
  expect(help).toContain('表头不要改动');
  expect(help).toContain('三甲、三乙、二甲、二乙、二乙以下');

  // The empty 年期修正系数 table: a first version can be created, labelled as a coefficient.
  await a.page.goto(`${h.baseUrl}/#/rateTables`);
  await a.page.getByText(COEFFICIENT).first().click();
  await a.page.getByTestId('no-versions').waitFor({ timeout: 15_000 });
  await a.page.getByTestId('new-version').click();
  await a.page.getByTestId('new-version-empty').waitFor({ timeout: 5_000 });
  await a.page.getByTestId('new-version-date').fill(addDays(todayInShanghai(), 10));
  await a.page.getByTestId('new-version-create').click();
  await expect
    .poll(() => a.page.getByTestId('version-status').textContent(), { timeout: 15_000 })
    .toBe('草稿');
  const coefficientDraft = versionIdOf(a.page);
  await a.page.getByTestId('matrix-empty').waitFor({ timeout: 15_000 });
  const head = (await a.page.getByTestId('rate-matrix').locator('thead').textContent()) ?? '';
  expect(head).toContain('年期修正系数');
  expect(head).not.toContain('金额');
  // Add a row of years and fill its cells; the values are coefficients (rate).
  await a.page.getByTestId('matrix-new-row').fill('40');
  await a.page.getByTestId('matrix-add-row').click();
  await cell(a.page, '40|COMMERCIAL').click();
  await a.page.keyboard.type('1');
  await a.page.keyboard.press('Tab');
  await a.page.keyboard.type('0.95');
  await a.page.keyboard.press('Enter');
  await expect
    .poll(
      async () =>
        [...(await entriesOf(coefficientDraft)).values()]
          .map((e) => [e.key, e.rate && Number(e.rate), e.amount])
          .sort(),
      { timeout: 15_000 },
    )
    .toEqual([
      ['COMMERCIAL|40', 1, null],
      ['RESIDENTIAL|40', 0.95, null],
    ]);
  // Paste a column of years' coefficients into a new row via XLSX import of the template shape.
  const cwb = new ExcelJS.Workbook();
  const cws = cwb.addWorksheet('x');
  cws.addRow(['年期(年)', '年期修正系数', '']);
  cws.addRow(['', '商服用地', '住宅用地']);
  cws.addRow([40, 1, 0.95]);
  cws.addRow([30, 0.9, 0.85]);
  const cfile = path.join(ARTIFACTS, 'coefficient-import.xlsx');
  writeFileSync(cfile, Buffer.from(await cwb.xlsx.writeBuffer()));
  await a.page.getByTestId('xlsx-file').setInputFiles(cfile);
  await expect
    .poll(async () => (await entriesOf(coefficientDraft)).size, { timeout: 15_000 })
    .toBe(4);
  await expect
    .poll(() => value(a.page, '30|RESIDENTIAL').textContent(), { timeout: 15_000 })
    .toBe('0.85');
  // The file replaced the entries: the cell edits before it can no longer be undone.
  expect(await a.page.getByTestId('matrix-undo').isDisabled()).toBe(true);
  await shot(a.page, '26-coefficient-matrix-768');
  // The list view labels the value column 系数, not 金额（元）.
  await a.page.getByTestId('view-list').click();
  expect(await a.page.getByTestId('entries-rate-header').textContent()).toBe('系数');
  expect(await a.page.getByTestId('entries-grid').locator('thead').textContent()).not.toContain(
    '金额',
  );
  expect(a.errors).toEqual([]);
  await a.context.close();
});

it('downloads a published version from /exports as the CSV the import reads; the file, one price changed, goes into a new draft; a bad row is named by its line (1366×768)', async () => {
  const a = await h.newPage({ width: 1366, height: 768 });
  await login(a.page, h.baseUrl, ADMIN);
  await a.page.goto(`${h.baseUrl}/#/rateTables`);
  await a.page.getByText(LAND).first().click();
  await a.page.getByTestId(`entry-amount-${LAND_KEY}`).waitFor({ timeout: 15_000 });
  await expect.poll(() => versionIdOf(a.page), { timeout: 15_000 }).not.toBe('');
  const published = versionIdOf(a.page);
  expect(await a.page.getByTestId('version-status').textContent()).toBe('已发布');
  await a.page.waitForLoadState('networkidle');

  // The browser fetches the file from the endpoint with the session's token.
  const exportRequests: { url: string; authorization: string | undefined }[] = [];
  a.page.on('request', (request) => {
    if (request.url().includes('/exports/'))
      exportRequests.push({ url: request.url(), authorization: request.headers().authorization });
  });
  const [download] = await Promise.all([
    a.page.waitForEvent('download'),
    a.page.getByTestId('export-csv').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^${LAND}-\\d{4}-\\d{2}-\\d{2}\\.csv$`, 'u'),
  );
  expect(exportRequests).toHaveLength(1);
  expect(decodeURIComponent(new URL(exportRequests[0]!.url).pathname)).toBe(
    `/exports/rate-table-versions/${published}.csv`,
  );
  expect(exportRequests[0]!.authorization).toMatch(/^Bearer \S+/u);
  const file = path.join(ARTIFACTS, 'land-export.csv');
  await download.saveAs(file);
  const bytes = readFileSync(file);
  const field = await h.gql<{ rateTableVersionCsv: string }>(
    `query($id: ID!) { rateTableVersionCsv(id: $id) }`,
    { id: published },
    token,
  );
  // Byte for byte the API's CSV after a BOM (Excel reads the Chinese), with the printed headers.
  expect(bytes.toString('utf8')).toBe(`\uFEFF${field.data!.rateTableVersionCsv}`);
  const text = bytes.toString('utf8').replace(/^\uFEFF/u, '');
  const lines = text.trim().split('\r\n');
  expect(parseCsv(text)[0]).toEqual(
    expect.arrayContaining(['土地用途', '基准地价级别', '临街情况', '名称', '单位', '金额(元)']),
  );
  expect(text).not.toContain('COMMERCIAL');
  const line = lines.findIndex((l) => l.startsWith('商服用地,I 级,临街且平街一层,'));
  expect(line).toBeGreaterThan(0);
  expect(lines[line]!.split(',1425,')).toHaveLength(2);

  // The same file, one price changed, goes into a new draft through the CSV tab: every other
  // entry as published, every field.
  lines[line] = lines[line]!.replace(',1425,', ',1430.5,');
  const changed = path.join(ARTIFACTS, 'land-import.csv');
  writeFileSync(changed, lines.join('\r\n') + '\r\n');
  const draft = await openDraft(a.page, LAND, 60);
  await a.page.getByTestId('tab-import').click();
  await a.page.getByTestId('csv-file').setInputFiles(changed);
  await expect
    .poll(() => a.page.getByTestId('csv-write').isDisabled(), { timeout: 10_000 })
    .toBe(false);
  await a.page.getByTestId('csv-write').click();
  await expect.poll(() => amountOf(draft, LAND_KEY), { timeout: 15_000 }).toBe('1430.5');
  const before = await entriesOf(published);
  const after = await entriesOf(draft);
  expect(after.size).toBe(21);
  expect(after).toEqual(
    new Map(
      [...before].map(([k, e]) => [k, k === LAND_KEY ? { ...e, amount: after.get(k)!.amount } : e]),
    ),
  );

  // An unknown 土地用途 is refused on its line before anything is sent.
  const bad = [...lines];
  bad[line] = bad[line]!.replace(/^商服用地/u, '工业用地');
  const badFile = path.join(ARTIFACTS, 'land-bad.csv');
  writeFileSync(badFile, bad.join('\r\n') + '\r\n');
  await a.page.getByTestId('csv-file').setInputFiles(badFile);
  await a.page.getByTestId('csv-rejected').waitFor({ timeout: 10_000 });
  const errs = (await a.page.getByTestId('csv-errors').textContent()) ?? '';
  expect(errs).toContain(`第 ${line + 1} 行`);
  expect(errs).toContain('工业用地');
  expect(await a.page.getByTestId('csv-write').isDisabled()).toBe(true);
  await shot(a.page, '27-rate-csv-chinese-refused');
  expect(a.errors).toEqual([]);

  // A refused download is said in Chinese, and nothing is saved.
  await a.page.route('**/exports/rate-table-versions/**', (route) =>
    route.fulfill({
      status: 404,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({
        error: { code: 'NOT_FOUND', message: `版本 ${draft} 不存在`, field: 'id' },
      }),
    }),
  );
  let downloaded = false;
  a.page.on('download', () => (downloaded = true));
  await a.page.getByTestId('export-csv').click();
  await a.page
    .getByText(`导出失败：未找到：版本 ${draft} 不存在`, { exact: false })
    .waitFor({ timeout: 15_000 });
  await a.page.waitForTimeout(500);
  expect(downloaded).toBe(false);
  // The browser logs the refused request itself; nothing else went wrong.
  expect(a.errors).toEqual([expect.stringContaining('status of 404')]);
  await a.context.close();
});

it('shows a published table read-only as the matrix, to an administrator and a supervisor alike; a block copies as Excel pastes it (1366×768 and 768×1024)', async () => {
  for (const [user, viewport] of [
    [ADMIN, { width: 1366, height: 768 }],
    [SUPERVISOR, { width: 768, height: 1024 }],
  ] as const) {
    const a = await h.newPage(viewport);
    await login(a.page, h.baseUrl, user);
    await a.page.goto(`${h.baseUrl}/#/rateTables`);
    await a.page.getByText(MEDICAL).first().click();
    await value(a.page, '311201079|TERTIARY_A').waitFor({ timeout: 15_000 });
    // The page does not jump to the grid when it opens.
    expect(await a.page.evaluate(() => window.scrollY)).toBe(0);
    expect(await a.page.getByTestId('matrix-adjust').count()).toBe(0);
    expect(await a.page.getByTestId('import-xlsx').count()).toBe(0);
    const deletes: string[] = [];
    a.page.on('request', (r) => {
      if (r.postData()?.includes('deleteRateEntry')) deletes.push(r.url());
    });
    await cell(a.page, '311201079|TERTIARY_A').click();
    await a.page.keyboard.press('Enter');
    expect(await a.page.getByTestId('cell-editor').count()).toBe(0);
    // A published version cannot be cleared: no button, and Delete sends nothing.
    expect(await a.page.getByTestId('matrix-clear').count()).toBe(0);
    await a.page.keyboard.press('Delete');
    await a.page.waitForLoadState('networkidle');
    expect(deletes).toEqual([]);
    expect(await value(a.page, '311201079|TERTIARY_A').textContent()).toBe('918');
    await cell(a.page, '311201079|SECONDARY_A').click({ modifiers: ['Shift'] });
    // Shift+click then Shift+ArrowDown extends to a 2×3 block.
    await a.page.keyboard.press('Shift+ArrowDown');
    const copied = await a.page.getByTestId('matrix-grid').evaluate((el) => {
      const data = new DataTransfer();
      el.dispatchEvent(
        new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }),
      );
      return data.getData('text/plain');
    });
    expect(copied).toBe('918\t842\t765\r\n660\t605\t550');
    // The item's name stays in view while the grades scroll sideways.
    const name = await a.page.getByTestId('matrix-name-311201079').boundingBox();
    const grid = await a.page.getByTestId('matrix-grid').boundingBox();
    expect(name!.x).toBeGreaterThanOrEqual(grid!.x - 1);
    await shot(a.page, `28-rate-matrix-read-only-${viewport.width}`);
    expect(a.errors).toEqual([]);
    await a.context.close();
  }
});
