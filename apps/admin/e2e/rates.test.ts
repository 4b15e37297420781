// Rate tables in the browser: new version from a date, edits, conflicts, CSV import, quotes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@gazette/domain';
import { ADMIN, ARTIFACTS, login, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
let hasRateWrites = false;

beforeAll(async () => {
  h = await startHarness();
  const probe = await h.gql(`mutation { updateRateEntry(id: "x", version: 1, input: { amount: "1" }) { id } }`, {}, await h.token(ADMIN));
  hasRateWrites = !probe.errors?.some((e) => /Cannot query field/.test(e.message));
});

afterAll(async () => {
  await h?.close();
});

const KEY = '311201069|TERTIARY_A'; // 取卵术, 三甲: 1769 yuan in 泸市医保规〔2024〕4号

it('copies the medical table into a version from a date, edits it with conflicts and CSV checks, and quotes use it from that date only', async (ctx) => {
  if (!hasRateWrites) ctx.skip('the API has no rate-table write mutations yet');
  const from = addDays(todayInShanghai(), 30);
  const a = await h.newPage();
  await login(a.page, h.baseUrl, ADMIN);
  await a.page.goto(`${h.baseUrl}/#/rateTables`);
  await a.page.getByText('医疗服务价格').first().click();
  await a.page.getByTestId(`entry-amount-${KEY}`).waitFor({ timeout: 15_000 });

  // New version from a date: a draft copy of the version in force.
  await a.page.getByTestId('new-version').click();
  await a.page.getByTestId('new-version-date').fill(from);
  await a.page.getByTestId('new-version-create').click();
  await expect.poll(() => a.page.getByTestId('version-status').textContent(), { timeout: 15_000 }).toBe('草稿');
  const cell = a.page.locator(`input[data-testid="entry-amount-${KEY}"]`);
  await cell.waitFor({ timeout: 15_000 });
  expect(await cell.inputValue()).toMatch(/^1769(\.0+)?$/);
  await shot(a.page, '12-rates-draft');

  // Two people edit the same row: the second, stale edit is refused and explained.
  const b = await h.newPage();
  await login(b.page, h.baseUrl, ADMIN);
  await b.page.goto(a.page.url());
  const cellB = b.page.locator(`input[data-testid="entry-amount-${KEY}"]`);
  await cellB.waitFor({ timeout: 15_000 });
  await cell.fill('1800');
  await cell.press('Enter');
  await a.page.waitForTimeout(800);
  await cellB.fill('1999');
  await cellB.press('Enter');
  await b.page.getByTestId('conflict-dialog').getByRole('dialog').waitFor({ timeout: 15_000 });
  expect(await b.page.getByTestId('conflict-dialog').textContent()).toContain('已被他人修改');
  await shot(b.page, '13-rates-conflict');
  await b.context.close();

  // CSV import with one bad row: the row is named and nothing is written.
  await a.page.getByTestId('tab-import').click();
  const csvPath = path.join(ARTIFACTS, 'bad-import.csv');
  writeFileSync(csvPath, `code,grade,name,unit,amount\n311201069,TERTIARY_A,取卵术,次,1900\n311201070,TERTIARY_A,胚胎培养,次,abc\n`);
  await a.page.getByTestId('csv-file').setInputFiles(csvPath);
  await a.page.getByTestId('csv-rejected').waitFor({ timeout: 15_000 });
  expect(await a.page.getByTestId('csv-errors').textContent()).toContain('第 3 行');
  expect(await a.page.getByTestId('csv-write').isDisabled()).toBe(true);
  await shot(a.page, '14-rates-csv-rejected');
  await a.page.getByRole('tab').first().click();
  expect(await cell.inputValue()).toMatch(/^1800(\.0+)?$/);

  // Publish; quotes use the new price from its first day, not the day before.
  await a.page.getByTestId('publish-version').click();
  await expect.poll(() => a.page.getByTestId('version-status').textContent(), { timeout: 15_000 }).toBe('已发布');
  await a.page.goto(`${h.baseUrl}/#/calculators`);
  for (const [date, total] of [[from, '1,800.00'], [addDays(from, -1), '1,769.00']] as const) {
    await a.page.getByTestId('medical-asOf').fill(date);
    await a.page.getByTestId('medical-calculate').click();
    await expect.poll(() => a.page.getByTestId('medical-total').textContent(), { timeout: 15_000 }).toBe(total);
  }
  await shot(a.page, '15-quote-after-change');
  await a.context.close();
});
