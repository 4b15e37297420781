// The 网络钩子 page and the 有效期复核任务 list in the browser against the real API (its own
// server and database). A receiver on 127.0.0.1 checks that what the page registers is delivered
// and signed with the secret the page showed once.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN, SUPERVISOR, addUser, login, shot, startHarness, type Harness } from './harness.ts';

interface Received {
  event: string;
  signature: string;
  body: string;
}

let h: Harness;
let adminToken: string;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  // Short retries, so the server's worker reacts within the test's patience.
  Object.assign(process.env, { WEBHOOK_BACKOFF_MS: '200', WEBHOOK_POLL_MS: '500' });
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += String(c)));
    req.on('end', () => {
      received.push({
        event: String(req.headers['x-gazette-event']),
        signature: String(req.headers['x-gazette-signature']),
        body,
      });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/gazette`;
  h = await startHarness();
  adminToken = await h.token(ADMIN);
  await addUser(h, adminToken, SUPERVISOR, 'SUPERVISOR', '监督员');
});

afterAll(async () => {
  await h?.close();
  await new Promise((r) => receiver?.close(r));
});

async function waitFor(count: number, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (received.length < count && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  return received;
}

/** The receiver's check: HMAC-SHA256 of `${t}.${body}` under the secret, in `t=…,v1=…`. */
function validSignature(secret: string, header: string, body: string) {
  const { t, v1 } = Object.fromEntries(header.split(',').map((p) => p.split('='))) as {
    t: string;
    v1: string;
  };
  return (
    v1 === createHmac('sha256', secret).update(`${t}.${body}`).digest('hex') &&
    Math.abs(Date.now() / 1000 - Number(t)) < 300
  );
}

async function renamePolicy(docNo: string, title: string) {
  const p = await h.gql<{ policy: { id: string; version: number } }>(
    `query($d: String!) { policy(docNo: $d) { id version } }`,
    { d: docNo },
    adminToken,
  );
  const r = await h.gql(
    `mutation($id: ID!, $v: Int!, $t: String!) { updatePolicy(id: $id, version: $v, input: { title: $t }) { id } }`,
    { id: p.data!.policy.id, v: p.data!.policy.version, t: title },
    adminToken,
  );
  expect(r.errors).toBeUndefined();
}

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('网络钩子', () => {
  it('registers a webhook showing its secret once, delivers a signed change, logs it, switches it off and on, replays, and issues a new secret', async () => {
    const { page, context, errors } = await h.newPage({ width: 1366, height: 768 });
    await login(page, h.baseUrl, ADMIN);
    await page.getByRole('menuitem', { name: '网络钩子' }).click();
    await page.getByTestId('webhooks-empty').waitFor();

    await page.getByRole('button', { name: '登记网络钩子' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="url"]').fill('ftp://example.org/hook');
    expect(await dialog.getByText('地址须以 http:// 或 https:// 开头').count()).toBe(1);
    await dialog.getByRole('button', { name: '新建' }).click();
    // The server's refusal, naming the field.
    await dialog.getByTestId('error-alert').waitFor();
    expect(await dialog.getByTestId('error-alert').textContent()).toContain('接收地址(url)');

    await dialog.locator('input[name="url"]').fill(receiverUrl);
    await dialog.locator('input[name="description"]').fill('测试接收方');
    await dialog.locator('input[name="kind-INSPECTION_RESULTS"]').check();
    await dialog.locator('input[name="kind-POLICY_ADDED"]').uncheck();
    await dialog.getByRole('button', { name: '新建' }).click();
    const secretBox = dialog.getByTestId('webhook-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())!;
    expect(secret).toMatch(/^whsec_[\w-]{40,}$/);
    await shot(page, '80-webhook-secret');
    await dialog.getByRole('button', { name: '我已保存' }).click();

    const row = page.getByTestId('webhook-row').filter({ hasText: receiverUrl });
    await row.waitFor();
    expect(await row.getByTestId('webhook-kinds').textContent()).toBe(
      '文件修改、文件废止或被代替、价格表发布、检查结果',
    );
    expect(await row.getByTestId('webhook-state').textContent()).toContain('正常');
    expect(await page.content()).not.toContain(secret);

    await renamePolicy(
      '泸市府函〔2024〕270号',
      '泸州市人民政府关于聘任第六届泸州仲裁委员会组成人员的通知(页面测试)',
    );
    const [first] = await waitFor(1);
    expect(validSignature(secret, first!.signature, first!.body)).toBe(true);
    expect(JSON.parse(first!.body).changes[0]).toMatchObject({
      kind: 'POLICY_CHANGED',
      docNo: '泸市府函〔2024〕270号',
      cursor: first!.event,
    });

    // The receiver has answered; the worker's transaction that logs the attempt commits just after.
    for (let i = 0; i < 50; i++) {
      const logged = await h.gql<{ webhookDeliveries: { totalCount: number } }>(
        `{ webhookDeliveries(first: 1) { totalCount } }`,
        {},
        adminToken,
      );
      if (logged.data!.webhookDeliveries.totalCount >= 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await row.getByRole('button', { name: '投递记录' }).click();
    const log = page.getByRole('dialog');
    await log
      .getByTestId('delivery-row')
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async (e) => {
        throw new Error(`${String(e)}\n${await page.locator('body').innerText()}`);
      });
    expect(await log.getByTestId('delivery-row').count()).toBe(1);
    expect(await log.getByTestId('delivery-result').first().textContent()).toContain('HTTP 200');
    expect(await log.getByTestId('delivery-row').first().textContent()).toContain(first!.event);
    await shot(page, '81-webhook-deliveries');
    await log.getByRole('button', { name: '关闭' }).click();

    // Switched off: nothing is sent; switched on: the change made meanwhile arrives.
    await row.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('dialog').locator('input[name="active"]').uncheck();
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await row.getByTestId('webhook-state').getByText('已停用').waitFor();
    await renamePolicy(
      '泸市府函〔2024〕270号',
      '泸州市人民政府关于聘任第六届泸州仲裁委员会组成人员的通知',
    );
    await new Promise((r) => setTimeout(r, 1_500));
    expect(received).toHaveLength(1);
    await row.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('dialog').locator('input[name="active"]').check();
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await row.getByTestId('webhook-state').getByText('正常').waitFor();
    await waitFor(2);
    expect(received).toHaveLength(2);

    // Replay from the delivery log: every change after the first delivery again.
    await row.getByRole('button', { name: '投递记录' }).click();
    await page.getByRole('dialog').getByTestId('delivery-row').nth(1).waitFor();
    await page
      .getByRole('dialog')
      .getByTestId('delivery-row')
      .last()
      .getByRole('button', { name: '自此之后重发' })
      .click();
    expect(await page.getByRole('dialog').locator('input[name="after"]').inputValue()).toBe(
      first!.event,
    );
    await page.getByRole('dialog').getByRole('button', { name: '开始重发' }).click();
    await waitFor(3);
    expect(received[2]!.event).toBe(received[1]!.event);
    expect(validSignature(secret, received[2]!.signature, received[2]!.body)).toBe(true);

    // Replay from the start of the feed: the seed's changes of these kinds, in order.
    await row.getByRole('button', { name: '重发' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '开始重发' }).click();
    const feed = await h.gql<{ changes: { edges: { node: { cursor: string; kind: string } }[] } }>(
      `{ changes(first: 100) { edges { node { cursor kind } } } }`,
    );
    const expected = feed
      .data!.changes.edges.map((e) => e.node)
      .filter((c) => c.kind !== 'POLICY_ADDED')
      .map((c) => c.cursor);
    await waitFor(3 + expected.length);
    expect(received.slice(3).map((r) => r.event)).toEqual(expected);

    // A new secret: shown once, the hint follows it, and the next change is signed with it.
    await row.getByRole('button', { name: '更换密钥' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '生成新密钥' }).click();
    const newSecretBox = page.getByRole('dialog').getByTestId('webhook-secret');
    await newSecretBox.waitFor();
    const newSecret = (await newSecretBox.textContent())!;
    expect(newSecret).toMatch(/^whsec_[\w-]{40,}$/);
    expect(newSecret).not.toBe(secret);
    await page.getByRole('dialog').getByRole('button', { name: '我已保存' }).click();
    await row.getByText(`${newSecret.slice(0, 10)}…`).waitFor();
    const sent = received.length;
    await renamePolicy(
      '泸市府函〔2024〕270号',
      '泸州市人民政府关于聘任第六届泸州仲裁委员会组成人员的通知(新密钥)',
    );
    const [afterRotation] = (await waitFor(sent + 1)).slice(sent);
    expect(validSignature(newSecret, afterRotation!.signature, afterRotation!.body)).toBe(true);
    expect(validSignature(secret, afterRotation!.signature, afterRotation!.body)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is not offered to a supervisor (who sees the review tasks), and both pages fit a tablet without sideways scrolling', async () => {
    const sup = await h.newPage({ width: 1366, height: 768 });
    await login(sup.page, h.baseUrl, SUPERVISOR);
    await sup.page.getByRole('menuitem', { name: '有效期复核任务' }).waitFor();
    expect(await sup.page.getByRole('menuitem', { name: '网络钩子' }).count()).toBe(0);
    await sup.context.close();

    const tablet = await h.newPage({ width: 768, height: 1024 });
    await login(tablet.page, h.baseUrl, ADMIN);
    await tablet.page.goto(`${h.baseUrl}/#/webhooks`);
    await tablet.page
      .getByTestId('webhook-row')
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async (e) => {
        throw new Error(`${String(e)}\n${await tablet.page.locator('body').innerText()}`);
      });
    expect(await noHorizontalScroll(tablet.page)).toBe(true);
    await shot(tablet.page, '82-webhooks-tablet');
    await tablet.page.goto(`${h.baseUrl}/#/reviewTasks`);
    await tablet.page.getByTestId('review-row').first().waitFor();
    expect(await noHorizontalScroll(tablet.page)).toBe(true);
    await shot(tablet.page, '84-review-tasks-tablet');
    await tablet.context.close();
  });
});

describe('有效期复核任务', () => {
  it('lists the overdue review of 泸市监规发〔2024〕2号, assigns it and resolves it as replaced', async () => {
    const api = await h.gql<{
      reviewTasks: {
        edges: { node: { dueOn: string; overdue: boolean; policy: { docNo: string } } }[];
      };
    }>(
      `{ reviewTasks(first: 100, filter: { open: true }) { edges { node { dueOn overdue policy { docNo } } } } }`,
      {},
      adminToken,
    );
    const task = api
      .data!.reviewTasks.edges.map((e) => e.node)
      .find((n) => n.policy.docNo === '泸市监规发〔2024〕2号')!;
    expect(task.dueOn).toBe('2026-06-18');

    const { page, context, errors } = await h.newPage({ width: 1366, height: 768 });
    await login(page, h.baseUrl, ADMIN);
    await page.getByRole('menuitem', { name: '有效期复核任务' }).click();
    const row = page.getByTestId('review-row').filter({ hasText: '泸市监规发〔2024〕2号' });
    await row.waitFor({ timeout: 15_000 }).catch(async (e) => {
      throw new Error(`${String(e)}\n${await page.locator('body').innerText()}`);
    });
    expect(await row.getByTestId('review-due').textContent()).toBe('2026年6月18日');
    expect(await row.getByTestId('review-assignee').textContent()).toBe('未指派');
    expect(await row.getByTestId('review-outcome').textContent()).toBe(
      task.overdue ? '已逾期' : '待办',
    );
    if (task.overdue) {
      await page.getByTestId('tab-overdue').click();
      await page.getByTestId('review-row').filter({ hasText: '泸市监规发〔2024〕2号' }).waitFor();
      await page.getByTestId('tab-open').click();
      await row.waitFor();
    }
    await shot(page, '83-review-tasks');

    await row.getByRole('button', { name: '指派' }).click();
    const assign = page.getByRole('dialog');
    await assign.getByRole('combobox').click();
    await page.getByRole('option', { name: /监督员/ }).click();
    await assign.getByRole('button', { name: '保存' }).click();
    await row.getByTestId('review-assignee').getByText('监督员').waitFor();

    await row.getByRole('button', { name: '办结' }).click();
    const resolve = page.getByRole('dialog');
    await resolve.getByLabel('被替代').check();
    await resolve.locator('input[name="replacedBy"]').fill('泸市府发(2024)12号');
    await resolve.locator('textarea[name="note"]').fill('已由新文件代替');
    await resolve.getByRole('button', { name: '确认办结' }).click();
    await row.waitFor({ state: 'detached' });

    await page.getByTestId('tab-resolved').click();
    const done = page.getByTestId('review-row').filter({ hasText: '泸市监规发〔2024〕2号' });
    await done.waitFor();
    expect(await done.getByTestId('review-outcome').textContent()).toBe(
      '被替代：泸市府发〔2024〕12号已由新文件代替',
    );
    expect(await done.getByTestId('review-assignee').textContent()).toBe('监督员');
    expect(errors).toEqual([]);
    await context.close();
  });
});
