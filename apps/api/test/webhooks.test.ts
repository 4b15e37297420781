// Webhooks: administrators register receivers of the change feed; each change of a chosen kind is
// POSTed signed (HMAC-SHA256 over `${t}.${body}`), retried with backoff, logged, replayable from a
// cursor, never for a draft. Two delivery workers share the database, as two API instances would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, todayInShanghai } from '@gazette/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffAfter } from '../src/services/webhooks/deliver-next.ts';
import { signatureHeader, verifySignature } from '../src/services/webhooks/sign-payload.ts';
import { startWebhookWorker, type WebhookWorker } from '../src/services/webhooks/worker.ts';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { createApi, type Api } from './helpers.ts';

const rawIdOf = (id: string) => decodeGlobalID(id).id;

interface Received {
  event: string;
  signature: string;
  body: string;
  changes: {
    cursor: string;
    at: string;
    kind: string;
    docNo: string | null;
    quarter: string | null;
  }[];
  status: number;
}

/** A receiver on 127.0.0.1 answering the queued statuses first, then 200. */
function startReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += String(chunk)));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      received.push({
        event: String(req.headers['x-gazette-event']),
        signature: String(req.headers['x-gazette-signature']),
        body,
        changes: (JSON.parse(body) as { changes: Received['changes'] }).changes,
        status,
      });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : '出错了');
    });
  });
  return {
    received,
    statuses,
    server,
    async listen() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/gazette`;
    },
    async waitFor(count: number, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (received.length < count && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      return received;
    },
  };
}

let api: Api;
let admin: string;
let receiver: ReturnType<typeof startReceiver>;
let url: string;
const workers: WebhookWorker[] = [];

beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
  receiver = startReceiver();
  url = await receiver.listen();
  const options = {
    databaseUrl: api.db.url,
    backoffMs: 200,
    maxBackoffMs: 800,
    maxAttempts: 3,
    pollMs: 300,
    timeoutMs: 3_000,
  };
  const logger = pino({ level: 'silent' });
  workers.push(
    startWebhookWorker(api.db.prisma, logger, options),
    startWebhookWorker(api.db.prisma, logger, options),
  );
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await new Promise((r) => receiver?.server.close(r));
  await api?.close();
});

const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url kinds active version secretHint } } }`;
const HOOK = `id url kinds active failures lastError failedAt version cursor`;

async function lastCursor(): Promise<string | null> {
  let after: string | null = null;
  for (;;) {
    const r: {
      data?: { changes: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null;
    } = await api.gql<{
      changes: { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    }>(
      `query($after: String) { changes(after: $after, first: 100) { pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    after = r.data!.changes.pageInfo.endCursor;
    if (!r.data!.changes.pageInfo.hasNextPage) return after;
  }
}

async function changesAfter(after: string | null) {
  const r = await api.gql<{ changes: { edges: { node: Received['changes'][number] }[] } }>(
    `query($after: String) { changes(after: $after, first: 100) { edges { node { cursor at kind docNo quarter } } } }`,
    { after },
  );
  return r.data!.changes.edges.map((e) => e.node);
}

async function renamePolicy(docNo: string, title: string) {
  const policy = await api.db.prisma.policy.findUniqueOrThrow({ where: { docNo } });
  const r = await api.gql(
    `mutation($id: ID!, $v: Int!, $t: String!) { updatePolicy(id: $id, version: $v, input: { title: $t }) { id } }`,
    { id: policy.id, v: policy.version, t: title },
    { token: admin },
  );
  expect(r.errors).toBeUndefined();
}

async function draftVersion() {
  const table = await api.db.prisma.rateTable.findUniqueOrThrow({
    where: { key: 'land-transfer-fee-standards' },
  });
  const r = await api.gql<{ createRateTableVersion: { id: string; version: number } }>(
    `mutation($input: RateTableVersionInput!) { createRateTableVersion(input: $input) { id version } }`,
    {
      input: {
        tableId: table.id,
        effectiveFrom: addDays(todayInShanghai(), 30),
        label: '测试',
        effectiveTo: addDays(todayInShanghai(), 400),
      },
    },
    { token: admin },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createRateTableVersion;
}

async function hook(id: string) {
  const r = await api.gql<{ node: Record<string, any> }>(
    `query($id: ID!) { node(id: $id) { ... on Webhook { ${HOOK} } } }`,
    { id },
    { token: admin },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.node;
}

async function until(check: () => Promise<boolean>, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

let webhookId: string;
let secret: string;
let startCursor: string | null;

describe('registering', () => {
  it('refuses anonymous callers, supervisors and viewers, and stores nothing', async () => {
    const input = { url: 'https://example.org/hook', kinds: ['POLICY_CHANGED'] };
    expect((await api.gql(CREATE, { input })).codes).toEqual(['UNAUTHENTICATED']);
    expect(
      (await api.gql(CREATE, { input }, { token: await api.tokenFor('SUPERVISOR') })).codes,
    ).toEqual(['FORBIDDEN']);
    expect(
      (await api.gql(CREATE, { input }, { token: await api.tokenFor('VIEWER') })).codes,
    ).toEqual(['FORBIDDEN']);
    expect(
      (await api.gql(`{ webhooks { id } }`, {}, { token: await api.tokenFor('SUPERVISOR') })).codes,
    ).toEqual(['FORBIDDEN']);
    expect(await api.db.prisma.webhook.count()).toBe(0);
  });

  it('refuses a URL that is not http(s), or no kinds, with a Chinese error naming the field', async () => {
    for (const bad of [
      'ftp://example.org/x',
      'example.org/hook',
      'https://user:pw@example.org/hook',
      '',
    ]) {
      const r = await api.gql(
        CREATE,
        { input: { url: bad, kinds: ['POLICY_CHANGED'] } },
        { token: admin },
      );
      expect(r.codes, bad).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0]!.extensions?.field).toBe('input.url');
      expect(r.errors![0]!.message).toMatch(/接收地址\(url\)/);
    }
    const none = await api.gql(
      CREATE,
      { input: { url: 'https://example.org/hook', kinds: [] } },
      { token: admin },
    );
    expect(none.errors![0]!.extensions?.field).toBe('input.kinds');
    expect(none.errors![0]!.message).toContain('事件类别');
    expect(await api.db.prisma.webhook.count()).toBe(0);
  });

  it('shows the secret once at creation, then only a hint; the audit entry never holds it', async () => {
    startCursor = await lastCursor();
    const r = await api.gql<{ createWebhook: { secret: string; webhook: Record<string, any> } }>(
      CREATE,
      {
        input: { url, kinds: ['RATES_PUBLISHED', 'POLICY_CHANGED'], description: '市政务服务平台' },
      },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    secret = r.data!.createWebhook.secret;
    webhookId = r.data!.createWebhook.webhook.id;
    expect(secret).toMatch(/^whsec_[\w-]{40,}$/);
    expect(r.data!.createWebhook.webhook).toMatchObject({
      url,
      kinds: ['POLICY_CHANGED', 'RATES_PUBLISHED'],
      active: true,
    });
    expect(r.data!.createWebhook.webhook.secretHint).toBe(`${secret.slice(0, 10)}…`);
    const list = await api.gql<{ webhooks: Record<string, any>[] }>(
      `{ webhooks { id url secretHint } }`,
      {},
      { token: admin },
    );
    expect(JSON.stringify(list.data)).not.toContain(secret);
    const audit = await api.db.prisma.auditEntry.findFirstOrThrow({
      where: { entity: 'Webhook', action: 'webhook.create' },
    });
    expect(JSON.stringify(audit.after)).not.toContain(secret);
    expect(JSON.stringify(audit.after)).toContain(url);
  });
});

describe('delivering', () => {
  it('delivers a policy change and a rate publish in order, signed, as the changes connection shows them', async () => {
    await renamePolicy(
      '泸市府函〔2024〕270号',
      '泸州市人民政府关于聘任第六届泸州仲裁委员会组成人员的通知(更正)',
    );
    const { id, version } = await draftVersion();
    const publish = await api.gql(
      `mutation($id: ID!, $v: Int!) { publishRateTableVersion(id: $id, version: $v) { status } }`,
      { id, v: version },
      { token: admin },
    );
    expect(publish.errors).toBeUndefined();

    const got = await receiver.waitFor(2);
    expect(got).toHaveLength(2);
    const feed = await changesAfter(startCursor);
    expect(feed.map((c) => [c.kind, c.docNo])).toEqual([
      ['POLICY_CHANGED', '泸市府函〔2024〕270号'],
      ['RATES_PUBLISHED', '泸市自然资规函〔2024〕425号'],
    ]);
    expect(got.map((g) => g.changes)).toEqual(feed.map((c) => [c]));
    expect(got.map((g) => g.event)).toEqual(feed.map((c) => c.cursor));
    for (const g of got) {
      expect(verifySignature(secret, g.signature, g.body)).toBe(true);
      expect(
        verifySignature(
          secret,
          g.signature,
          g.body.replace('RATES', 'RATEZ').replace('POLICY', 'POLICZ'),
        ),
      ).toBe(false);
      expect(verifySignature('whsec_wrong', g.signature, g.body)).toBe(false);
    }
    // Nothing more arrives (two workers, each change once).
    await new Promise((r) => setTimeout(r, 800));
    expect(receiver.received).toHaveLength(2);
  });

  it('sends nothing for a draft: a draft created and edited delivers nothing before the next published change', async () => {
    const before = receiver.received.length;
    const draft = await draftVersion();
    const edit = await api.gql(
      `mutation($id: ID!, $v: Int!) { updateRateTableVersion(id: $id, version: $v, input: { note: "草稿修改" }) { id } }`,
      { id: draft.id, v: draft.version },
      { token: admin },
    );
    expect(edit.errors).toBeUndefined();
    await renamePolicy(
      '泸市府函〔2024〕270号',
      '泸州市人民政府关于聘任第六届泸州仲裁委员会组成人员的通知',
    );
    const got = await receiver.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(got.slice(before).map((g) => [g.changes[0]!.kind, g.changes[0]!.docNo])).toEqual([
      ['POLICY_CHANGED', '泸市府函〔2024〕270号'],
    ]);
  });

  it('retries a receiver that answers 500, then delivers; the log shows both attempts', async () => {
    const before = receiver.received.length;
    receiver.statuses.push(500);
    await renamePolicy('泸市府发〔2024〕12号', '重试测试');
    const got = (await receiver.waitFor(before + 2)).slice(before);
    expect(got.map((g) => g.status)).toEqual([500, 200]);
    expect(got[0]!.event).toBe(got[1]!.event);
    expect(got[1]!.body).toBe(got[0]!.body);
    // The receiver has answered; the worker's transaction that logs the attempt commits just after.
    await until(async () => (await api.db.prisma.webhookDelivery.count()) >= before + 2);
    const log = await api.gql<{
      webhookDeliveries: { totalCount: number; edges: { node: Record<string, any> }[] };
    }>(
      `query($id: ID) { webhookDeliveries(webhookId: $id, first: 2) { totalCount edges { node { id at eventCursor attempt ok statusCode durationMs error } } } }`,
      { id: webhookId },
      { token: admin },
    );
    expect(log.errors).toBeUndefined();
    const [ok, failed] = log.data!.webhookDeliveries.edges.map((e) => e.node);
    expect(failed).toMatchObject({
      eventCursor: got[0]!.event,
      attempt: 1,
      ok: false,
      statusCode: 500,
    });
    expect(failed!.error).toContain('HTTP 500');
    expect(ok).toMatchObject({
      eventCursor: got[0]!.event,
      attempt: 2,
      ok: true,
      statusCode: 200,
      error: null,
    });
    expect(log.data!.webhookDeliveries.totalCount).toBe(before + 2);
    expect((await hook(webhookId)).failures).toBe(0);
  });

  it('replays from an old cursor: every change of its kinds after it again, in order, with the same event ids', async () => {
    const before = receiver.received.length;
    const firstSends = receiver.received.filter((g) => g.status === 200).map((g) => g.event);
    const r = await api.gql(
      `mutation($id: ID!, $after: String) { replayWebhook(id: $id, after: $after) { cursor } }`,
      { id: webhookId, after: startCursor },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    const got = (await receiver.waitFor(before + firstSends.length)).slice(before);
    expect(got.map((g) => g.event)).toEqual(firstSends);
    const expected = (await changesAfter(startCursor)).filter((c) =>
      ['POLICY_CHANGED', 'RATES_PUBLISHED'].includes(c.kind),
    );
    expect(got.map((g) => g.changes[0])).toEqual(expected);
    for (const g of got) expect(verifySignature(secret, g.signature, g.body)).toBe(true);
    const audit = await api.db.prisma.auditEntry.count({
      where: { entity: 'Webhook', action: 'webhook.replay' },
    });
    expect(audit).toBe(1);
  });

  it('switches the webhook off with its last error after the last attempt; switching it on sends the change', async () => {
    const before = receiver.received.length;
    receiver.statuses.push(503, 503, 503);
    await renamePolicy('泸市府发〔2024〕12号', '停用测试');
    await receiver.waitFor(before + 3);
    let state = await hook(webhookId);
    for (let i = 0; i < 40 && state.active; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await hook(webhookId);
    }
    expect(state).toMatchObject({ active: false, failures: 3 });
    expect(state.lastError).toContain('HTTP 503');
    expect(state.failedAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 600));
    expect(receiver.received).toHaveLength(before + 3);

    const on = await api.gql(
      `mutation($id: ID!, $v: Int!) { updateWebhook(id: $id, version: $v, input: { active: true }) { active lastError } }`,
      { id: webhookId, v: state.version },
      { token: admin },
    );
    expect(on.errors).toBeUndefined();
    expect(on.data).toEqual({ updateWebhook: { active: true, lastError: null } });
    const got = await receiver.waitFor(before + 4);
    expect(got[before + 3]).toMatchObject({ status: 200, event: got[before]!.event });
  });

  it('sends only the kinds asked for, and a deleted webhook nothing', async () => {
    const state = await hook(webhookId);
    const narrowed = await api.gql(
      `mutation($id: ID!, $v: Int!) { updateWebhook(id: $id, version: $v, input: { kinds: [RATES_PUBLISHED] }) { kinds version } }`,
      { id: webhookId, v: state.version },
      { token: admin },
    );
    expect(narrowed.errors).toBeUndefined();
    const before = receiver.received.length;
    await renamePolicy('泸市府发〔2024〕12号', '类别测试');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(receiver.received).toHaveLength(before);

    const stale = await api.gql(
      `mutation($id: ID!) { deleteWebhook(id: $id, version: 1) { id } }`,
      { id: webhookId },
      { token: admin },
    );
    expect(stale.codes).toEqual(['CONFLICT']);
    const { version } = (narrowed.data as { updateWebhook: { version: number } }).updateWebhook;
    const gone = await api.gql(
      `mutation($id: ID!, $v: Int!) { deleteWebhook(id: $id, version: $v) { url } }`,
      { id: webhookId, v: version },
      { token: admin },
    );
    expect(gone.errors).toBeUndefined();
    expect(await api.db.prisma.webhookDelivery.count()).toBe(0);
  });
});

describe('stopping', () => {
  it('does not wait for a receiver that hangs: the attempt rolls back and is sent again by the next worker', async () => {
    let hung = 0;
    const hanging = createServer(() => {
      hung++; // never answers
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const created = await api.gql<{
        createWebhook: { webhook: { id: string; version: number } };
      }>(
        CREATE,
        {
          input: {
            url: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/slow`,
            kinds: ['POLICY_CHANGED'],
          },
        },
        { token: admin },
      );
      expect(created.errors).toBeUndefined();
      const { id, version } = created.data!.createWebhook.webhook;
      const cursorBefore = (await hook(id)).cursor;
      await renamePolicy('泸市府发〔2024〕12号', '停机测试');
      await until(async () => hung > 0);
      expect(hung).toBe(1);

      const started = Date.now();
      await Promise.all(workers.map((w) => w.stop()));
      // The receiver timeout is 3 s: stopping aborts the POST instead of waiting for it.
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(await api.db.prisma.webhookDelivery.count({ where: { webhookId: rawIdOf(id) } })).toBe(
        0,
      );
      expect((await hook(id)).cursor).toBe(cursorBefore);

      const moved = await api.gql(
        `mutation($id: ID!, $v: Int!, $url: String!) { updateWebhook(id: $id, version: $v, input: { url: $url }) { id } }`,
        { id, v: version, url },
        { token: admin },
      );
      expect(moved.errors).toBeUndefined();
      const before = receiver.received.length;
      workers.push(
        startWebhookWorker(api.db.prisma, pino({ level: 'silent' }), {
          databaseUrl: api.db.url,
          pollMs: 300,
        }),
      );
      const got = (await receiver.waitFor(before + 1)).slice(before);
      expect(got.map((g) => [g.changes[0]!.kind, g.changes[0]!.docNo])).toEqual([
        ['POLICY_CHANGED', '泸市府发〔2024〕12号'],
      ]);
    } finally {
      hanging.closeAllConnections();
      await new Promise((r) => hanging.close(r));
    }
  });
});

describe('backoff and signatures', () => {
  it('doubles the wait after each failure up to the cap', () => {
    const options = { backoffMs: 5_000, maxBackoffMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffAfter(n, options))).toEqual([
      5_000, 10_000, 20_000, 40_000, 60_000, 60_000,
    ]);
  });

  it('a signature older than the tolerance is refused, so a captured request cannot be replayed later', () => {
    const body = '{"changes":[]}';
    const header = signatureHeader('whsec_test', 1_000_000, body);
    expect(verifySignature('whsec_test', header, body, 1_000_100)).toBe(true);
    expect(verifySignature('whsec_test', header, body, 1_000_400)).toBe(false);
  });
});
