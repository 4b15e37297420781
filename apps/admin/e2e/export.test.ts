// 导出 on the lists: every row, read in pages the API accepts; a failure is said, never silent.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCsv } from '../src/shared/csv.ts';
import { ADMIN, login, startHarness, type Harness } from './harness.ts';

let h: Harness;
let adminToken: string;
/** More than one API page (at most 100 rows) of policies, and as many audit entries. */
const EXTRA_POLICIES = 130;

beforeAll(async () => {
  h = await startHarness();
  adminToken = await h.token(ADMIN);
  const orgs = await h.gql<{ organizationsPage: { nodes: { name: string }[] } }>(
    `{ organizationsPage(perPage: 2) { nodes { name } } }`,
    {},
    adminToken,
  );
  const issuers = orgs.data!.organizationsPage.nodes.map((o) => o.name);
  for (let i = 0; i < EXTRA_POLICIES; i += 10) {
    const batch = Array.from({ length: Math.min(10, EXTRA_POLICIES - i) }, (_, j) => i + j + 1);
    const created = await Promise.all(
      batch.map((n) =>
        h.gql(
          `mutation($input: PolicyInput!) { createPolicy(input: $input) { id } }`,
          {
            input: {
              docNo: `泸测导规〔2025〕${n}号`,
              title: `导出测试文件（第${n}件，含“引号”, 逗号）`,
              category: 'DEPARTMENT',
              signedOn: '2025-01-02',
              effectiveFrom: '2025-02-01',
              issuers,
            },
          },
          adminToken,
        ),
      ),
    );
    for (const r of created) expect(r.errors).toBeUndefined();
  }
  const opened = await h.gql(
    `mutation($input: OpenDiscretionReviewInput!) { openDiscretionReview(input: $input) { case { id } } }`,
    {
      input: {
        caseName: '导出测试案',
        subjectName: '泸州市某公司',
        trigger: 'SUBJECT_APPLICATION',
        filedOn: '2025-02-10',
      },
    },
    adminToken,
  );
  expect(opened.errors).toBeUndefined();
});

afterAll(async () => {
  await h?.close();
});

/** The perPage of every page-shaped GraphQL request the page sends. */
function recordPageSizes(page: Page): number[] {
  const sizes: number[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const perPage = (JSON.parse(request.postData() ?? '{}') as { variables?: { perPage?: number } })
      .variables?.perPage;
    if (typeof perPage === 'number') sizes.push(perPage);
  });
  return sizes;
}

async function exportCsv(page: Page) {
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: '导出' }).click();
  const file = await download;
  const text = await readFile(await file.path(), 'utf8');
  return { filename: file.suggestedFilename(), text, rows: parseCsv(text) };
}

async function total(field: string, filter = '') {
  const r = await h.gql<Record<string, { total: number }>>(
    `{ ${field}(perPage: 1${filter ? `, filter: ${filter}` : ''}) { total } }`,
    {},
    adminToken,
  );
  expect(r.errors).toBeUndefined();
  return r.data![field]!.total;
}

describe('导出', () => {
  it('downloads every policy, one CSV row each, asking the API for at most 100 rows a page', async () => {
    const { page, errors, context } = await h.newPage();
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/policies`);
    await page.locator('tbody tr').first().waitFor({ timeout: 15_000 });
    const expected = await total('policiesPage');
    expect(expected).toBeGreaterThan(100);
    const sizes = recordPageSizes(page);
    const { filename, text, rows } = await exportCsv(page);
    expect(filename).toBe('policies.csv');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...records] = rows;
    expect(records).toHaveLength(expected);
    const docNo = header!.indexOf('docNo');
    expect(docNo).toBeGreaterThanOrEqual(0);
    const docNos = new Set(records.map((r) => r[docNo]));
    expect(docNos.size).toBe(expected);
    expect(docNos.has('泸测导规〔2025〕130号')).toBe(true);
    expect(docNos.has('泸市府规〔2024〕4号')).toBe(true);
    expect(records.find((r) => r[docNo] === '泸测导规〔2025〕7号')![header!.indexOf('title')]).toBe(
      '导出测试文件（第7件，含“引号”, 逗号）',
    );
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads the whole audit log, before and after as JSON', async () => {
    const { page, errors, context } = await h.newPage();
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/auditEntries`);
    await page.locator('tbody tr').first().waitFor({ timeout: 15_000 });
    const expected = await total('auditEntriesPage');
    expect(expected).toBeGreaterThan(100);
    const { filename, rows } = await exportCsv(page);
    expect(filename).toBe('auditEntries.csv');
    const [header, ...records] = rows;
    expect(records).toHaveLength(expected);
    expect(new Set(records.map((r) => r[header!.indexOf('id')])).size).toBe(expected);
    const after = header!.indexOf('after');
    const created = records.find((r) => r[after]?.includes('泸测导规〔2025〕1号'));
    expect(JSON.parse(created![after]!)).toMatchObject({ docNo: '泸测导规〔2025〕1号' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    { resource: 'cases', field: 'casesPage', filter: '' },
    { resource: 'websiteFindings', field: 'websiteFindingsPage', filter: '{ quarter: "2024Q4" }' },
    {
      resource: 'newMediaFindings',
      field: 'newMediaFindingsPage',
      filter: '{ quarter: "2024Q4" }',
    },
    { resource: 'organizations', field: 'organizationsPage', filter: '' },
    { resource: 'users', field: 'usersPage', filter: '' },
  ])(
    'downloads the $resource list as shown, one row per record',
    async ({ resource, field, filter }) => {
      const { page, errors, context } = await h.newPage();
      await login(page, h.baseUrl, ADMIN);
      await page.goto(`${h.baseUrl}/#/${resource}`);
      await page.locator('tbody tr').first().waitFor({ timeout: 15_000 });
      const expected = await total(field, filter);
      expect(expected).toBeGreaterThan(0);
      const { filename, rows } = await exportCsv(page);
      expect(filename).toBe(`${resource}.csv`);
      expect(rows.length - 1).toBe(expected);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('says in Chinese why an export failed, and saves no partial file', async () => {
    const { page, context } = await h.newPage();
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/policies`);
    await page.locator('tbody tr').first().waitFor({ timeout: 15_000 });
    // The export's second page fails as the API fails when something breaks inside it.
    await page.route('**/graphql', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as {
        query?: string;
        variables?: { page?: number; perPage?: number };
      };
      if (
        body.query?.includes('policiesPage') &&
        body.variables?.perPage === 100 &&
        body.variables.page === 2
      ) {
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
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.getByRole('button', { name: '导出' }).click();
    await page
      .getByText('导出失败：服务器内部错误：Unexpected error.')
      .waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    expect(downloaded).toBe(false);
    // Nothing stays broken: the next export succeeds.
    await page.unroute('**/graphql');
    const { rows } = await exportCsv(page);
    expect(rows.length - 1).toBe(await total('policiesPage'));
    await context.close();
  });

  it('streams a quarter annex CSV from /exports with the session token, the same file as before', async () => {
    const { page, errors, context } = await h.newPage();
    await login(page, h.baseUrl, ADMIN);
    const button = page.getByTestId('annex-download-website-CSV');
    await button.waitFor({ timeout: 20_000 });
    const exportRequests: { url: string; authorization: string | undefined }[] = [];
    const graphqlQueries: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/exports/'))
        exportRequests.push({ url: request.url(), authorization: request.headers().authorization });
      if (request.url().endsWith('/graphql')) graphqlQueries.push(request.postData() ?? '');
    });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('2024Q4-附件1.csv');
    const bytes = await readFile(await download.path());
    const expected = await h.gql<{ inspectionAnnexFile: { fileName: string; content: string } }>(
      `{ inspectionAnnexFile(quarter: "2024Q4", annex: WEBSITE, format: CSV) { fileName content } }`,
      {},
      adminToken,
    );
    expect(expected.errors).toBeUndefined();
    // Byte for byte what inspectionAnnexFile gives (the BOM included), with the printed headers.
    expect(bytes.toString('utf8')).toBe(expected.data!.inspectionAnnexFile.content);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(bytes.toString('utf8').replace(/^\uFEFF/u, ''))[0]).toEqual(
      expect.arrayContaining(['序号', '检查网站', '存在问题', '是否整改完成']),
    );
    expect(exportRequests).toHaveLength(1);
    expect(decodeURIComponent(new URL(exportRequests[0]!.url).pathname)).toBe(
      '/exports/inspection-annex-files/2024Q4/WEBSITE.csv',
    );
    expect(exportRequests[0]!.authorization).toMatch(/^Bearer \S+/u);
    expect(graphqlQueries.some((q) => q.includes('inspectionAnnexFile'))).toBe(false);
    expect(errors).toEqual([]);

    // A refused export is said in Chinese, and nothing is saved.
    await page.route('**/exports/inspection-annex-files/**', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({
          error: { code: 'NOT_FOUND', message: '没有 2024Q4 的检查', field: 'quarter' },
        }),
      }),
    );
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.getByTestId('annex-download-newMedia-CSV').click();
    await page.getByText('导出失败：未找到：没有 2024Q4 的检查', { exact: false }).waitFor({
      timeout: 15_000,
    });
    await page.waitForTimeout(500);
    expect(downloaded).toBe(false);
    // The browser logs the refused request itself; nothing else went wrong.
    expect(errors).toEqual([expect.stringContaining('status of 404')]);
    await context.close();
  });
});
