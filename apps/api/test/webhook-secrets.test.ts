// Webhook signing secrets sealed at rest (platform/secret-box.ts): the key's sources and their
// refusals, the sealed form, what the API stores and shows, deliveries signed with the opened
// secret, old clear secrets sealed at start-up, and a server without the key reporting, not
// signing.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadSecretKey,
  openSecret,
  SecretKeyConfigError,
  SecretUnreadableError,
  SEALED_PREFIX,
  sealSecret,
  useSecretKey,
} from '../src/platform/secret-box.ts';
import { reportWebhookSecrets } from '../src/services/webhooks/seal-secrets.ts';
import { verifySignature } from '../src/services/webhooks/sign-payload.ts';
import { startWebhookWorker, type WebhookWorker } from '../src/services/webhooks/worker.ts';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { createApi, type Api } from './helpers.ts';

const KEY = randomBytes(32);
const NEW_KEY = randomBytes(32);

describe('the sealing key', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gazette-secret-key-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('comes from GAZETTE_SECRET_KEY as base64 or hex, and refuses anything else naming it', () => {
    expect(loadSecretKey({ GAZETTE_SECRET_KEY: KEY.toString('base64') }, null)).toEqual({
      key: KEY,
      source: 'GAZETTE_SECRET_KEY',
      previous: null,
    });
    expect(loadSecretKey({ GAZETTE_SECRET_KEY: KEY.toString('hex') }, null).key).toEqual(KEY);
    expect(loadSecretKey({ GAZETTE_SECRET_KEY: KEY.toString('base64url') }, null).key).toEqual(KEY);
    for (const bad of ['short', randomBytes(16).toString('base64'), 'z'.repeat(64)]) {
      expect(() => loadSecretKey({ GAZETTE_SECRET_KEY: bad }, dir)).toThrow(SecretKeyConfigError);
      expect(() => loadSecretKey({ GAZETTE_SECRET_KEY: bad }, dir)).toThrow(/GAZETTE_SECRET_KEY/);
    }
  });

  it('takes the key being replaced from GAZETTE_SECRET_KEY_PREVIOUS, only beside a current key', () => {
    const env = {
      GAZETTE_SECRET_KEY: NEW_KEY.toString('base64'),
      GAZETTE_SECRET_KEY_PREVIOUS: KEY.toString('hex'),
    };
    expect(loadSecretKey(env, null)).toMatchObject({ key: NEW_KEY, previous: KEY });
    expect(() => loadSecretKey({ ...env, GAZETTE_SECRET_KEY_PREVIOUS: 'short' }, null)).toThrow(
      /GAZETTE_SECRET_KEY_PREVIOUS/,
    );
    expect(() => loadSecretKey({ GAZETTE_SECRET_KEY_PREVIOUS: KEY.toString('hex') }, null)).toThrow(
      /GAZETTE_SECRET_KEY_PREVIOUS.*当前密钥/,
    );
  });

  it('comes from GAZETTE_SECRET_KEY_FILE, which must exist and hold a key', () => {
    const file = path.join(dir, 'named.key');
    writeFileSync(file, `${KEY.toString('hex')}\n`);
    expect(loadSecretKey({ GAZETTE_SECRET_KEY_FILE: file }, null)).toEqual({
      key: KEY,
      source: file,
      previous: null,
    });
    expect(() => loadSecretKey({ GAZETTE_SECRET_KEY_FILE: `${file}.missing` }, null)).toThrow(
      /GAZETTE_SECRET_KEY_FILE.*文件不存在/,
    );
    writeFileSync(file, 'not a key');
    expect(() => loadSecretKey({ GAZETTE_SECRET_KEY_FILE: file }, null)).toThrow(
      /GAZETTE_SECRET_KEY_FILE/,
    );
  });

  it('is made once in the embedded data directory (owner-only), and the same key after', () => {
    const data = path.join(dir, 'data');
    const first = loadSecretKey({}, data);
    expect(first.key).toHaveLength(32);
    expect(first.source).toBe(path.join(data, 'secret.key'));
    expect(statSync(first.source).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({}, data).key).toEqual(first.key);
    expect(readFileSync(first.source, 'utf8').trim()).toBe(first.key!.toString('base64'));
  });

  it('is absent with DATABASE_URL and nothing named: secrets stay in clear', () => {
    expect(loadSecretKey({}, null)).toEqual({ key: null, source: 'none', previous: null });
    expect(sealSecret(null, 'whsec_x')).toBe('whsec_x');
  });
});

describe('a sealed secret', () => {
  it('opens with its key only; a clear value from before sealing reads as is', () => {
    const sealed = sealSecret(KEY, 'whsec_秘密');
    expect(sealed.startsWith(SEALED_PREFIX)).toBe(true);
    expect(sealed).not.toContain('whsec_');
    expect(sealSecret(KEY, 'whsec_秘密')).not.toBe(sealed); // a fresh IV each time
    expect(openSecret(KEY, sealed)).toBe('whsec_秘密');
    expect(openSecret(null, 'whsec_plain')).toBe('whsec_plain');
    expect(() => openSecret(null, sealed)).toThrow(SecretUnreadableError);
    expect(() => openSecret(null, sealed)).toThrow(/GAZETTE_SECRET_KEY/);
    expect(() => openSecret(randomBytes(32), sealed)).toThrow(/不同/);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => openSecret(KEY, tampered)).toThrow(SecretUnreadableError);
    expect(() => openSecret(KEY, `${SEALED_PREFIX}abc`)).toThrow(/损坏/);
    // During a key change: the current key first, then the one being replaced.
    expect(openSecret([NEW_KEY, KEY], sealed)).toBe('whsec_秘密');
    expect(() => openSecret([NEW_KEY], sealed)).toThrow(SecretUnreadableError);
  });
});

/** A receiver on 127.0.0.1 that records what it is sent. */
function startReceiver() {
  const received: { signature: string; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += String(chunk)));
    req.on('end', () => {
      received.push({ signature: String(req.headers['x-gazette-signature']), body });
      res.writeHead(200).end('ok');
    });
  });
  return { received, server };
}

describe('webhooks with a sealing key', () => {
  let api: Api;
  let admin: string;
  let receiver: ReturnType<typeof startReceiver>;
  let url: string;
  let worker: WebhookWorker;
  const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id secretHint } } }`;
  const logs: { level: number; msg: string }[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void logs.push(JSON.parse(line) as (typeof logs)[number]) },
  );

  beforeAll(async () => {
    useSecretKey(KEY);
    api = await createApi();
    admin = await api.tokenFor('ADMIN');
    receiver = startReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hook`;
    worker = startWebhookWorker(api.db.prisma, pino({ level: 'silent' }), {
      databaseUrl: api.db.url,
      backoffMs: 100,
      maxBackoffMs: 200,
      maxAttempts: 2,
      pollMs: 200,
      timeoutMs: 3_000,
    });
  });
  afterAll(async () => {
    useSecretKey(null);
    await worker?.stop();
    await new Promise((r) => receiver?.server.close(r));
    await api?.close();
  });

  async function until(check: () => Promise<boolean> | boolean, ms = 8_000) {
    const deadline = Date.now() + ms;
    while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }

  it('stores the secret sealed, shows its hint, and signs deliveries with it', async () => {
    const r = await api.gql<{
      createWebhook: { secret: string; webhook: { id: string; secretHint: string } };
    }>(CREATE, { input: { url, kinds: ['POLICY_CHANGED'] } }, { token: admin });
    expect(r.errors).toBeUndefined();
    const { secret, webhook } = r.data!.createWebhook;
    expect(webhook.secretHint).toBe(`${secret.slice(0, 10)}…`);
    const row = await api.db.prisma.webhook.findUniqueOrThrow({
      where: { id: decodeGlobalID(webhook.id).id },
    });
    expect(row.secret.startsWith(SEALED_PREFIX)).toBe(true);
    expect(row.secret).not.toContain(secret.slice(6));
    await api.db.prisma.changeEvent.create({ data: { kind: 'POLICY_CHANGED', docNo: '测试' } });
    worker.wake();
    await until(() => receiver.received.length > 0);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(verifySignature(secret, got!.signature, got!.body)).toBe(true);
  });

  it('seals a secret stored in clear at the next start with a key', async () => {
    const created = await api.db.prisma.webhook.create({
      data: { url: 'https://example.org/old', kinds: ['RATES_PUBLISHED'], secret: 'whsec_old' },
    });
    await reportWebhookSecrets(
      api.db.prisma,
      { key: KEY, previous: null, source: 'GAZETTE_SECRET_KEY' },
      logger,
    );
    const row = await api.db.prisma.webhook.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secret.startsWith(SEALED_PREFIX)).toBe(true);
    expect(openSecret(KEY, row.secret)).toBe('whsec_old');
    expect(logs.at(-1)).toMatchObject({ msg: 'webhook secrets are sealed at rest', sealed: 1 });
    // Nothing left in clear: a second start seals nothing.
    await reportWebhookSecrets(
      api.db.prisma,
      { key: KEY, previous: null, source: 'GAZETTE_SECRET_KEY' },
      logger,
    );
    expect(logs.at(-1)).toMatchObject({ sealed: 0 });
  });

  it('re-seals under a new key what the previous key sealed, and counts what neither opens', async () => {
    const old = await api.db.prisma.webhook.create({
      data: {
        url: 'https://example.org/under-old-key',
        kinds: ['RATES_PUBLISHED'],
        secret: sealSecret(KEY, 'whsec_under_old'),
      },
    });
    const lost = await api.db.prisma.webhook.create({
      data: {
        url: 'https://example.org/under-lost-key',
        kinds: ['RATES_PUBLISHED'],
        secret: sealSecret(randomBytes(32), 'whsec_lost'),
      },
    });
    const swapped = randomBytes(32);
    await reportWebhookSecrets(
      api.db.prisma,
      { key: swapped, previous: KEY, source: 'GAZETTE_SECRET_KEY' },
      logger,
    );
    expect(logs.at(-2)).toMatchObject({ sealed: 0, resealed: 3, unreadable: 1 });
    expect(logs.at(-1)!.msg).toContain('1 个网络钩子');
    const row = await api.db.prisma.webhook.findUniqueOrThrow({ where: { id: old.id } });
    expect(openSecret(swapped, row.secret)).toBe('whsec_under_old');
    // Back to KEY for the rest (re-sealed again, KEY as the previous key this time).
    await reportWebhookSecrets(
      api.db.prisma,
      { key: KEY, previous: swapped, source: 'GAZETTE_SECRET_KEY' },
      logger,
    );
    expect(logs.at(-2)).toMatchObject({ resealed: 3, unreadable: 1 });
    await api.db.prisma.webhook.deleteMany({ where: { id: { in: [old.id, lost.id] } } });
  });

  it('without the key: says so at start, hints that it cannot read, and fails deliveries with the reason', async () => {
    useSecretKey(null);
    await reportWebhookSecrets(
      api.db.prisma,
      { key: null, previous: null, source: 'none' },
      logger,
    );
    expect(logs.some((l) => l.level === 50 && l.msg.includes('GAZETTE_SECRET_KEY'))).toBe(true);
    expect(logs.at(-1)!.msg).toContain('明文');
    const list = await api.gql<{ webhooks: { url: string; secretHint: string }[] }>(
      `{ webhooks { url secretHint } }`,
      {},
      { token: admin },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.webhooks.find((w) => w.url === url)!.secretHint).toBe('(密钥无法解密)');
    const before = receiver.received.length;
    await api.db.prisma.changeEvent.create({ data: { kind: 'POLICY_CHANGED', docNo: '测试二' } });
    worker.wake();
    await until(async () => {
      const hook = await api.db.prisma.webhook.findFirstOrThrow({ where: { url } });
      return !hook.active; // retried, then switched off (maxAttempts 2)
    });
    const hook = await api.db.prisma.webhook.findFirstOrThrow({ where: { url } });
    expect(hook.active).toBe(false);
    expect(hook.lastError).toMatch(/GAZETTE_SECRET_KEY/);
    expect(receiver.received.length).toBe(before); // nothing unsigned or mis-signed was sent
    // The operator sets a new key (the old one is lost): the old secret stays unreadable.
    useSecretKey(NEW_KEY);
  });

  it('rotates a secret: the new one shown once, sealed under the new key, audited without it; deliveries resume signed with it', async () => {
    const ROTATE = `mutation($id: ID!, $v: Int!) { rotateWebhookSecret(id: $id, version: $v) { secret webhook { id version secretHint } } }`;
    const row = await api.db.prisma.webhook.findFirstOrThrow({ where: { url } });
    const id = (
      await api.gql<{ webhooks: { id: string; url: string }[] }>(
        `{ webhooks { id url } }`,
        {},
        { token: admin },
      )
    ).data!.webhooks.find((w) => w.url === url)!.id;
    expect(
      (await api.gql(ROTATE, { id, v: row.version }, { token: await api.tokenFor('SUPERVISOR') }))
        .codes,
    ).toEqual(['FORBIDDEN']);
    expect((await api.gql(ROTATE, { id, v: row.version + 5 }, { token: admin })).codes).toEqual([
      'CONFLICT',
    ]);
    const r = await api.gql<{
      rotateWebhookSecret: { secret: string; webhook: { version: number; secretHint: string } };
    }>(ROTATE, { id, v: row.version }, { token: admin });
    expect(r.errors).toBeUndefined();
    const { secret, webhook } = r.data!.rotateWebhookSecret;
    expect(secret).toMatch(/^whsec_[\w-]{40,}$/);
    expect(webhook).toMatchObject({
      version: row.version + 1,
      secretHint: `${secret.slice(0, 10)}…`,
    });
    const stored = await api.db.prisma.webhook.findUniqueOrThrow({ where: { id: row.id } });
    expect(openSecret(NEW_KEY, stored.secret)).toBe(secret);
    const audit = await api.db.prisma.auditEntry.findFirstOrThrow({
      where: { entity: 'Webhook', action: 'webhook.rotate_secret' },
    });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(secret.slice(6));
    expect(JSON.stringify(audit.after)).not.toContain(stored.secret);
    // Switched off after its failures: switched back on, it sends the change it stopped at.
    {
      const on = await api.gql(
        `mutation($id: ID!, $v: Int!) { updateWebhook(id: $id, version: $v, input: { active: true }) { active } }`,
        { id, v: stored.version },
        { token: admin },
      );
      expect(on.errors).toBeUndefined();
    }
    const before = receiver.received.length;
    worker.wake();
    await until(() => receiver.received.length > before);
    const got = receiver.received.at(-1)!;
    expect(JSON.parse(got.body).changes[0].docNo).toBe('测试二');
    expect(verifySignature(secret, got.signature, got.body)).toBe(true);
  });
});
