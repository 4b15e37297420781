// Rate tables in the browser: new version from a date, edits, conflicts, CSV import, quotes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@gazette/domain';
import { ADMIN, ARTIFACTS, login, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
let hasRateWrites = false;

beforeAll(async () => {
  h = await startHarness();
  const probe = await h.gql(
    `mutation { updateRateEntry(id: "x", version: 1, input: { amount: "1" }) { id } }`,
    {},
    await h.token(ADMIN),
  );
  hasRateWrites = !probe.errors?.some((e) => /Cannot query field/.test(e.message));
});

afterAll(async () => {
  await h?.close();
});

// 泸市自然资规函〔2024〕425号: commercial land, grade I, street-front ground floor, 1425 yuan/m².
const KEY = 'COMMERCIAL|1|STREET_FRONT_GROUND_FLOOR';
const TABLE = '泸州市中心城区商业用房与住宅房屋出让金标准表';

const zhDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

async function versionsOfTable(token: string) {
  const r = await h.gql<{
    rateTablesPage: {
      nodes: {
        id: string;
        name: string;
        policy: { id: string; version: number; expiresOn: string | null };
      }[];
    };
  }>(
    `query { rateTablesPage(page: 1, perPage: 50) { nodes { id name policy { id version expiresOn } } } }`,
    {},
    token,
  );
  const table = r.data!.rateTablesPage.nodes.find((t) => t.name === TABLE)!;
  const v = await h.gql<{
    rateTableVersionsPage: {
      nodes: { id: string; status: string; effectiveFrom: string; effectiveTo: string | null }[];
    };
  }>(
    `query($f: RateTableVersionPageFilter) { rateTableVersionsPage(page: 1, perPage: 100, filter: $f) { nodes { id status effectiveFrom effectiveTo } } }`,
    { f: { tableId: table.id } },
    token,
  );
  return { table, versions: v.data!.rateTableVersionsPage.nodes };
}

it('a draft never gets stuck: bad dates are refused on the form, its dates can be edited, it can be deleted, and publishing asks first', async (ctx) => {
  if (!hasRateWrites) ctx.skip('the API has no rate-table write mutations yet');
  const token = await h.token(ADMIN);
  const before = await versionsOfTable(token);
  const today = todayInShanghai();
  const inForce = before.versions.find(
    (v) =>
      v.status === 'PUBLISHED' &&
      v.effectiveFrom <= today &&
      (!v.effectiveTo || today <= v.effectiveTo),
  )!;
  const a = await h.newPage();
  const sent: string[] = [];
  a.page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && r.method() === 'POST') sent.push(r.postData() ?? '');
  });
  await login(a.page, h.baseUrl, ADMIN);
  await a.page.goto(`${h.baseUrl}/#/rateTables`);
  await a.page.getByText(TABLE).first().click();
  await a.page.getByTestId(`entry-amount-${KEY}`).waitFor({ timeout: 15_000 });

  // A start in the past is refused on the field, and nothing is sent.
  await a.page.getByTestId('new-version').click();
  await a.page.getByTestId('new-version-date').fill(addDays(today, -1));
  await a.page.getByTestId('new-version-create').click();
  await a.page.getByTestId('new-version-date-error').waitFor({ timeout: 5_000 });
  expect(await a.page.getByTestId('new-version-date-error').textContent()).toContain(
    '不能早于今天',
  );
  expect(sent.some((b) => b.includes('createRateTableVersion'))).toBe(false);
  expect((await versionsOfTable(token)).versions.length).toBe(before.versions.length);

  // A valid start makes a draft.
  const from = addDays(today, 20);
  await a.page.getByTestId('new-version-date').fill(from);
  await a.page.getByTestId('new-version-create').click();
  await expect
    .poll(() => a.page.getByTestId('version-status').textContent(), { timeout: 15_000 })
    .toBe('草稿');
  const draftId = decodeURIComponent(new URL(a.page.url()).hash.split('version=')[1] ?? '');
  expect(draftId).not.toBe(inForce.id);

  // Its dates can be edited (a past start is refused there too).
  await a.page.getByTestId('edit-version-dates').click();
  const edit = a.page.getByTestId('edit-version-dialog');
  await edit.getByTestId('new-version-date').fill(addDays(today, -3));
  await edit.getByTestId('new-version-create').click();
  await edit.getByTestId('new-version-date-error').waitFor({ timeout: 5_000 });
  const newFrom = addDays(today, 25);
  const newTo = addDays(today, 400);
  await edit.getByTestId('new-version-date').fill(newFrom);
  await edit.getByTestId('new-version-end').fill(newTo);
  await edit.getByTestId('new-version-create').click();
  await expect
    .poll(async () => (await versionsOfTable(token)).versions.find((v) => v.id === draftId), {
      timeout: 15_000,
    })
    .toMatchObject({ effectiveFrom: newFrom, effectiveTo: newTo, status: 'DRAFT' });

  // The comparison starts from the version in force before the draft, never the draft itself.
  await a.page.getByTestId('tab-diff').click();
  await expect
    .poll(() => a.page.getByTestId('diff-from').inputValue(), { timeout: 15_000 })
    .toBe(inForce.id);
  expect(await a.page.getByTestId('diff-to').inputValue()).toBe(draftId);
  await a.page.getByRole('tab').first().click();

  // Publishing asks first, naming the start and what it closes; cancelling publishes nothing.
  await a.page.getByTestId('publish-version').click();
  const confirm = a.page.getByTestId('publish-confirm');
  await confirm.getByRole('dialog').waitFor({ timeout: 5_000 });
  const text = (await confirm.textContent()) ?? '';
  expect(text).toContain(zhDate(newFrom));
  expect(text).toContain(
    `现行版本（${zhDate(inForce.effectiveFrom)} 起）将截止于 ${zhDate(addDays(newFrom, -1))}`,
  );
  await shot(a.page, '16-rates-publish-confirm');
  await a.page.getByTestId('publish-confirm-cancel').click();
  await a.page.waitForTimeout(300);
  expect(sent.some((b) => b.includes('publishRateTableVersion'))).toBe(false);
  expect(await a.page.getByTestId('version-status').textContent()).toBe('草稿');

  // The draft can be deleted, after confirming; the version in force is shown again.
  await a.page.getByTestId('delete-version').click();
  await a.page.getByTestId('delete-confirm-ok').click();
  await expect
    .poll(async () => (await versionsOfTable(token)).versions.length, { timeout: 15_000 })
    .toBe(before.versions.length);
  await expect
    .poll(() => a.page.getByTestId('version-status').textContent(), { timeout: 15_000 })
    .toBe('已发布');

  // Once the table's document has expired, a new version needs an end date (checked before sending).
  const policy = before.table.policy;
  const expired = await h.gql<{ updatePolicy: { version: number } }>(
    `mutation($id: ID!, $v: Int!, $input: PolicyPatch!) { updatePolicy(id: $id, version: $v, input: $input) { version } }`,
    { id: policy.id, v: policy.version, input: { expiresOn: addDays(today, -1) } },
    token,
  );
  expect(expired.errors).toBeUndefined();
  await a.page.reload();
  await a.page.getByTestId('new-version').click();
  await a.page.getByTestId('new-version-date').fill(addDays(today, 1));
  await a.page.getByTestId('new-version-create').click();
  await a.page.getByTestId('new-version-end-error').waitFor({ timeout: 5_000 });
  expect(await a.page.getByTestId('new-version-end-error').textContent()).toContain(
    '须填写截止日期',
  );
  expect(
    sent.some((b) => b.includes('createRateTableVersion') && b.includes(addDays(today, 1))),
  ).toBe(false);
  await shot(a.page, '16-rates-end-required');
  const restored = await h.gql(
    `mutation($id: ID!, $v: Int!, $input: PolicyPatch!) { updatePolicy(id: $id, v: $v, input: $input) { version } }`.replace(
      'v: $v',
      'version: $v',
    ),
    {
      id: policy.id,
      v: expired.data!.updatePolicy.version,
      input: { expiresOn: policy.expiresOn },
    },
    token,
  );
  expect(restored.errors).toBeUndefined();
  await a.context.close();
});

it('a bad price is explained on its cell at once and never sent; a server refusal is shown on the cell too', async (ctx) => {
  if (!hasRateWrites) ctx.skip('the API has no rate-table write mutations yet');
  const a = await h.newPage();
  const sent: string[] = [];
  a.page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && r.method() === 'POST') sent.push(r.postData() ?? '');
  });
  await login(a.page, h.baseUrl, ADMIN);
  await a.page.goto(`${h.baseUrl}/#/rateTables`);
  await a.page.getByText(TABLE).first().click();
  await a.page.getByTestId(`entry-amount-${KEY}`).waitFor({ timeout: 15_000 });
  await a.page.getByTestId('new-version').click();
  await a.page.getByTestId('new-version-date').fill(addDays(todayInShanghai(), 20));
  await a.page.getByTestId('new-version-create').click();
  await expect
    .poll(() => a.page.getByTestId('version-status').textContent(), { timeout: 15_000 })
    .toBe('草稿');
  const draftId = decodeURIComponent(new URL(a.page.url()).hash.split('version=')[1] ?? '');

  // Bad prices: shown on the cell at once in Chinese, never sent; a server refusal too.
  const cell = a.page.locator(`input[data-testid="entry-amount-${KEY}"]`);
  await cell.waitFor({ timeout: 15_000 });
  // The new draft's entries may still be reloading (the grid is rebuilt when they arrive, which
  // would drop what is typed): type once nothing is in flight.
  await a.page.waitForLoadState('networkidle');
  await cell.waitFor({ timeout: 15_000 });
  const cellError = a.page.getByTestId(`entry-amount-error-${KEY}`);
  const updatesBefore = sent.filter((b) => b.includes('updateRateEntry')).length;
  for (const bad of ['abc', '-5']) {
    await cell.fill(bad);
    await cellError.waitFor({ timeout: 5_000 });
    expect(await cellError.textContent()).toContain('请输入不小于 0 的数字');
    await cell.press('Enter');
    await a.page.waitForTimeout(300);
    expect(await cellError.textContent()).toContain('请输入不小于 0 的数字');
  }
  expect(sent.filter((b) => b.includes('updateRateEntry')).length).toBe(updatesBefore);
  await cell.fill('1.23456');
  expect(await cellError.count()).toBe(0);
  await cell.press('Enter');
  await expect.poll(() => cellError.textContent(), { timeout: 15_000 }).toContain('最多 4 位小数');
  await shot(a.page, '16-rates-cell-refused');
  await cell.press('Escape');

  // Nothing changed on reload; the draft is removed for the next test.
  await a.page.reload();
  await a.page.locator(`input[data-testid="entry-amount-${KEY}"]`).waitFor({ timeout: 15_000 });
  expect(await a.page.locator(`input[data-testid="entry-amount-${KEY}"]`).inputValue()).toMatch(
    /^1425(\.0+)?$/,
  );
  const token = await h.token(ADMIN);
  const v = await h.gql<{ node: { version: number } }>(
    `query($id: ID!) { node(id: $id) { ... on RateTableVersion { version } } }`,
    { id: draftId },
    token,
  );
  const del = await h.gql(
    `mutation($id: ID!, $v: Int!) { deleteRateTableVersion(id: $id, version: $v) { id } }`,
    { id: draftId, v: v.data!.node.version },
    token,
  );
  expect(del.errors).toBeUndefined();
  await a.context.close();
});

it('copies the land fee table into a version from a date, edits it with conflicts and CSV checks, and quotes use it from that date only', async (ctx) => {
  if (!hasRateWrites) ctx.skip('the API has no rate-table write mutations yet');
  const from = addDays(todayInShanghai(), 30);
  const a = await h.newPage();
  await login(a.page, h.baseUrl, ADMIN);
  await a.page.goto(`${h.baseUrl}/#/rateTables`);
  await a.page.getByText(TABLE).first().click();
  await a.page.getByTestId(`entry-amount-${KEY}`).waitFor({ timeout: 15_000 });

  // New version from a date: a draft copy of the version in force.
  await a.page.getByTestId('new-version').click();
  await a.page.getByTestId('new-version-date').fill(from);
  await a.page.getByTestId('new-version-create').click();
  await expect
    .poll(() => a.page.getByTestId('version-status').textContent(), { timeout: 15_000 })
    .toBe('草稿');
  const cell = a.page.locator(`input[data-testid="entry-amount-${KEY}"]`);
  await cell.waitFor({ timeout: 15_000 }).catch(async (e) => {
    await shot(a.page, '12-rates-draft-failed');
    throw e;
  });
  expect(await cell.inputValue()).toMatch(/^1425(\.0+)?$/);
  await shot(a.page, '12-rates-draft');

  // Two people edit the same row: the second, stale edit is refused and explained.
  const b = await h.newPage();
  await login(b.page, h.baseUrl, ADMIN);
  await b.page.goto(a.page.url());
  const cellB = b.page.locator(`input[data-testid="entry-amount-${KEY}"]`);
  await cellB.waitFor({ timeout: 15_000 });
  await cell.fill('1500');
  await cell.press('Enter');
  await a.page.waitForTimeout(800);
  await cellB.fill('1600');
  await cellB.press('Enter');
  await b.page.getByTestId('conflict-dialog').getByRole('dialog').waitFor({ timeout: 15_000 });
  expect(await b.page.getByTestId('conflict-dialog').textContent()).toContain('已被他人修改');
  await shot(b.page, '13-rates-conflict');
  // Reloading shows the other person's saved price; nothing was overwritten.
  await b.page.getByTestId('conflict-reload').click();
  await expect.poll(() => cellB.inputValue(), { timeout: 15_000 }).toMatch(/^1500(\.0+)?$/);
  await b.context.close();

  // CSV import with one bad row: the row is named and nothing is written.
  await a.page
    .getByTestId('tab-import')
    .click({ timeout: 10_000 })
    .catch(async (e) => {
      await shot(a.page, '14-rates-import-failed');
      throw e;
    });
  const csvPath = path.join(ARTIFACTS, 'bad-import.csv');
  writeFileSync(
    csvPath,
    `landUse,grade,frontage,amount\nCOMMERCIAL,1,STREET_FRONT_GROUND_FLOOR,1600\nCOMMERCIAL,1,OTHER,abc\n`,
  );
  await a.page.getByTestId('csv-file').setInputFiles(csvPath);
  await a.page.getByTestId('csv-rejected').waitFor({ timeout: 15_000 });
  expect(await a.page.getByTestId('csv-errors').textContent()).toContain('第 3 行');
  expect(await a.page.getByTestId('csv-write').isDisabled()).toBe(true);
  await shot(a.page, '14-rates-csv-rejected');
  // The server refuses the same file whole, naming the row, and the draft keeps its entries.
  const versionId = decodeURIComponent(new URL(a.page.url()).hash.split('version=')[1] ?? '');
  const token = await h.token(ADMIN);
  const current = await h.gql<{ node: { version: number } }>(
    `query($id: ID!) { node(id: $id) { ... on RateTableVersion { version } } }`,
    { id: versionId },
    token,
  );
  const refused = await h.gql(
    `mutation($id: ID!, $v: Int!, $csv: String!) { importRateTableVersionCsv(id: $id, version: $v, csv: $csv) { id } }`,
    { id: versionId, v: current.data!.node.version, csv: readFileSync(csvPath, 'utf8') },
    token,
  );
  expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(refused.errors?.[0]?.message).toContain('第 3 行');
  await a.page.reload();
  await cell.waitFor({ timeout: 15_000 });
  expect(await cell.inputValue()).toMatch(/^1500(\.0+)?$/);

  // Publish (after confirming); quotes use the new price from its first day, not the day before.
  await a.page.getByTestId('publish-version').click();
  await a.page.getByTestId('publish-confirm-ok').click();
  await expect
    .poll(() => a.page.getByTestId('version-status').textContent(), { timeout: 15_000 })
    .toBe('已发布')
    .catch(async (e) => {
      await shot(a.page, '15-publish-failed');
      throw e;
    });
  await a.page.goto(`${h.baseUrl}/#/calculators`);
  await a.page.getByTestId('tab-land').click();
  // 100 m² × standard × coefficient 1 (article 二(一)).
  for (const [date, total] of [
    [from, '150,000.00'],
    [addDays(from, -1), '142,500.00'],
  ] as const) {
    await a.page.getByTestId('land-asOf').fill(date);
    await a.page.getByTestId('land-calculate').click();
    await expect
      .poll(() => a.page.getByTestId('land-amount').textContent(), { timeout: 15_000 })
      .toBe(total);
  }
  await shot(a.page, '15-quote-after-change');
  await a.context.close();
});
