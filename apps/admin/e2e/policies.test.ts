// Policies and organisation aliases in the browser against the real API (issue 11, #5 and #7):
// a new policy with a 文号 already registered shows the API's reason on the 文号 field, and once
// the number is corrected 保存 sends again and the policy is created; deleting an alias asks about
// the alias by its name, never a base64 id; an edit shows the 文号 but does not offer it for change
// (PolicyPatch has none).
//
// This file has its own server and database (startHarness).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, login, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
let adminToken: string;

beforeAll(async () => {
  h = await startHarness();
  adminToken = await h.token(ADMIN);
});
afterAll(async () => {
  await h?.close();
});

// A number the seed registers (from the gazette), and a new one.
const TAKEN = '泸市府发〔2024〕12号';
const FREE = '泸市府发〔2099〕1号';

describe('new policy', () => {
  it('marks a 文号 already registered with the reason, and saves once it is corrected', async () => {
    const taken = await h.gql<{ policy: { id: string } | null }>(
      `query($d: String!) { policy(docNo: $d) { id } }`,
      { d: TAKEN },
    );
    expect(taken.data?.policy).not.toBeNull();

    const { page, errors, context } = await h.newPage();
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/policies/create`);
    const docNo = page.locator('input[name="docNo"]');
    await docNo.waitFor({ timeout: 15_000 });
    await docNo.fill(TAKEN);
    await page.locator('input[name="title"]').fill('浏览器测试通知');
    await page.locator('.ra-input-category').getByRole('combobox').click();
    await page.getByRole('option', { name: '市政府文件' }).click();
    await page.locator('input[name="signedOn"]').fill('2099-01-02');
    await page.locator('input[name="effectiveFrom"]').fill('2099-02-01');

    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && (r.postData() ?? '').includes('createPolicy'))
        requests.push(r.postData() ?? '');
    });
    await page.getByRole('button', { name: '保存' }).click();
    // The reason is on the 文号 field, which is marked invalid.
    const docNoBox = page.locator('.ra-input-docNo');
    await docNoBox.getByText('已登记').waitFor({ timeout: 15_000 });
    expect(await docNo.getAttribute('aria-invalid')).toBe('true');
    expect(requests).toHaveLength(1);
    await shot(page, '50-policy-duplicate-docno');

    // Corrected, 保存 sends again and the policy is created.
    await docNo.fill(FREE);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/policies\/[^/]+\/show/u, { timeout: 15_000 });
    expect(requests).toHaveLength(2);
    const created = await h.gql<{ policy: { title: string } | null }>(
      `query($d: String!) { policy(docNo: $d) { title } }`,
      { d: FREE },
    );
    expect(created.data?.policy?.title).toBe('浏览器测试通知');
    await shot(page, '51-policy-created');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('policy edit', () => {
  // PolicyPatch has no docNo: an edit that offered the 文号 for change dropped the change silently.
  it('shows the 文号 without offering it for change, and saves the rest', async () => {
    const found = await h.gql<{ policy: { id: string } }>(
      `query($d: String!) { policy(docNo: $d) { id } }`,
      { d: TAKEN },
    );
    const id = found.data!.policy.id;
    const { page, errors, context } = await h.newPage();
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/policies/${encodeURIComponent(id)}`);
    const docNo = page.locator('input[name="docNo"]');
    await docNo.waitFor({ timeout: 15_000 });
    expect(await docNo.inputValue()).toBe(TAKEN);
    expect(await docNo.isDisabled()).toBe(true);

    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && (r.postData() ?? '').includes('updatePolicy'))
        sent.push(r.postData() ?? '');
    });
    await page.locator('input[name="summary"], textarea[name="summary"]').fill('浏览器测试摘要');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/policies\/[^/]+\/show|#\/policies$/u, { timeout: 15_000 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toContain('"docNo"');
    const saved = await h.gql<{ policy: { summary: string } | null }>(
      `query($d: String!) { policy(docNo: $d) { summary } }`,
      { d: TAKEN },
    );
    expect(saved.data?.policy?.summary).toBe('浏览器测试摘要');
    await shot(page, '61-policy-edit-docno-fixed');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('organisation aliases', () => {
  it('asks about an alias by its name before deleting it', async () => {
    const org = await h.gql<{ organization: { id: string } }>(
      `{ organization(name: "市教育体育局") { id } }`,
    );
    const orgId = org.data!.organization.id;
    const alias = '浏览器测试别名';
    const made = await h.gql(
      `mutation($o: ID!, $a: String!) { createOrganizationAlias(input: { organizationId: $o, alias: $a }) { id } }`,
      { o: orgId, a: alias },
      adminToken,
    );
    expect(made.errors).toBeUndefined();

    const { page, errors, context } = await h.newPage();
    await login(page, h.baseUrl, ADMIN);
    await page.goto(`${h.baseUrl}/#/organizations/${encodeURIComponent(orgId)}`);
    const row = page.locator('tr', { hasText: alias });
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain(alias);
    expect(text).not.toMatch(/#\S{12,}/u);
    await shot(page, '52-alias-delete-dialog');
    await dialog.getByRole('button', { name: '确认' }).click();
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    const left = await h.gql<{ organizationAliasesPage: { total: number } }>(
      `query($o: ID) { organizationAliasesPage(filter: { organizationId: $o, q: "浏览器测试别名" }) { total } }`,
      { o: orgId },
      adminToken,
    );
    expect(left.data!.organizationAliasesPage.total).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
