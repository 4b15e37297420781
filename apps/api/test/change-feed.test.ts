// Change feed (contract next.graphql: Changes, ChangeStream): every change to published data in
// commit order with permanent cursors, live over server-sent events, never a draft.
import { addDays, todayInShanghai } from '@gazette/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';
import { nextOperation } from './next-operations.ts';

const CHANGES = nextOperation('Changes');
const STREAM = nextOperation('ChangeStream');

let api: Api;
let admin: string;
beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
});
afterAll(async () => {
  await api?.close();
});

interface Change {
  cursor?: string;
  at: string;
  kind: string;
  docNo: string | null;
  quarter: string | null;
}
interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Change }[];
}

const changes = async (after: string | null, first: number) => {
  const r = await api.gql<{ changes: Page }>(CHANGES, { after, first });
  expect(r.errors).toBeUndefined();
  return r.data!.changes;
};

async function all(after: string | null = null): Promise<{ cursor: string; node: Change }[]> {
  const edges: { cursor: string; node: Change }[] = [];
  for (let page = await changes(after, 5); ; page = await changes(page.pageInfo.endCursor, 5)) {
    edges.push(...page.edges);
    if (!page.pageInfo.hasNextPage) return edges;
  }
}

/** Opens changeStream(after) over SSE and collects events until `count` arrive. */
function subscribe(after: string | null) {
  const controller = new AbortController();
  const events: Change[] = [];
  let wake: () => void = () => {};
  const done = (async () => {
    const res = await api.yoga.fetch('http://gazette.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: STREAM, variables: { after } }),
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) return;
        buffer += decoder.decode(value, { stream: true });
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const data = block.split('\n').find((l) => l.startsWith('data:'));
          if (!data || !block.includes('event: next')) continue;
          const payload = JSON.parse(data.slice(5)) as {
            data?: { changeStream: Change };
            errors?: unknown;
          };
          if (payload.data) events.push(payload.data.changeStream);
          wake();
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    async waitFor(count: number, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (events.length < count && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 200);
        });
      }
      return events;
    },
    async close() {
      controller.abort();
      await done.catch(() => {});
    },
  };
}

describe('changes', () => {
  it('starts with what the first start imported, in commit order, and pages with permanent cursors', async () => {
    const edges = await all();
    const kinds = edges.map((e) => [
      e.node.kind,
      e.node.kind === 'INSPECTION_RESULTS' ? e.node.quarter : e.node.docNo,
    ]);
    expect(kinds.filter(([k]) => k === 'POLICY_ADDED')).toHaveLength(9);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['RATES_PUBLISHED', '泸市医保规〔2024〕4号'],
        ['RATES_PUBLISHED', '泸市自然资规函〔2024〕425号'],
        ['RATES_PUBLISHED', '泸市府规〔2024〕4号'],
        ['INSPECTION_RESULTS', '2024Q4'],
      ]),
    );
    expect(edges.map((e) => e.node.at)).toEqual([...edges.map((e) => e.node.at)].sort());
    // The same cursor gives the same page again, later too.
    const third = edges[2]!.cursor;
    expect((await changes(third, 3)).edges).toEqual(edges.slice(3, 6));
  });

  it('is readable anonymously and refuses a malformed cursor or page size naming the field', async () => {
    const bad = await api.gql(CHANGES, { after: 'not-a-cursor', first: 5 });
    expect(bad.codes).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions?.field).toBe('after');
    const big = await api.gql(CHANGES, { after: null, first: 101 });
    expect(big.errors![0]!.extensions?.field).toBe('first');
  });

  it('records a policy change and a rate publish, never a draft', async () => {
    const before = await all();
    const last = before.at(-1)!.cursor;
    const policy = await api.db.prisma.policy.findUniqueOrThrow({
      where: { docNo: '泸市府函〔2024〕270号' },
    });
    const update = await api.gql(
      `mutation($id: ID!, $v: Int!) { updatePolicy(id: $id, version: $v, input: { title: "泸州市人民政府关于聘任第六届泸州仲裁委员会组成人员的通知(更正)" }) { id } }`,
      { id: policy.id, v: policy.version },
      { token: admin },
    );
    expect(update.errors).toBeUndefined();

    const table = await api.db.prisma.rateTable.findUniqueOrThrow({
      where: { key: 'land-transfer-fee-standards' },
    });
    const draft = await api.gql(
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
    expect(draft.errors).toBeUndefined();
    expect((await all(last)).map((e) => e.node.kind)).toEqual(['POLICY_CHANGED']);

    const { id, version } = draft.data!.createRateTableVersion;
    const publish = await api.gql(
      `mutation($id: ID!, $v: Int!) { publishRateTableVersion(id: $id, version: $v) { status } }`,
      { id, v: version },
      { token: admin },
    );
    expect(publish.errors).toBeUndefined();
    expect((await all(last)).map((e) => [e.node.kind, e.node.docNo])).toEqual([
      ['POLICY_CHANGED', '泸市府函〔2024〕270号'],
      ['RATES_PUBLISHED', '泸市自然资规函〔2024〕425号'],
    ]);
  });
});

describe('inspection results', () => {
  it('a quarter created and a finding edited from the dashboard each record INSPECTION_RESULTS', async () => {
    const last = (await all()).at(-1)!.cursor;
    const created = await api.gql(
      `mutation($input: InspectionRoundInput!) { createInspectionRound(input: $input) { id version } }`,
      {
        input: {
          quarter: '2025Q1',
          windowStart: '2025-01-01',
          windowEnd: '2025-03-01',
          cityPortalsChecked: 1,
          districtPortalsChecked: 7,
          departmentSitesChecked: 37,
          newMediaAccountsChecked: 205,
          messagesReceived: 5,
          messagesClosed: 5,
        },
      },
      { token: admin },
    );
    expect(created.errors).toBeUndefined();
    const finding = await api.db.prisma.websiteFinding.findFirstOrThrow({
      where: { round: { quarter: '2024Q4' } },
    });
    const edit = await api.gql(
      `mutation($id: ID!, $v: Int!) { updateWebsiteFinding(id: $id, version: $v, input: { rectified: false }) { rectified } }`,
      { id: encodeGlobalID('WebsiteFinding', finding.id), v: finding.version },
      { token: admin },
    );
    expect(edit.errors).toBeUndefined();
    expect((await all(last)).map((e) => [e.node.kind, e.node.quarter])).toEqual([
      ['INSPECTION_RESULTS', '2025Q1'],
      ['INSPECTION_RESULTS', '2024Q4'],
    ]);
  });
});

describe('changeStream', () => {
  it('replays from an old cursor in order, then delivers a new change live, each once', async () => {
    const edges = await all();
    const from = edges[edges.length - 3]!.cursor;
    const stream = subscribe(from);
    try {
      const replay = await stream.waitFor(2);
      expect(replay.map((e) => e.cursor)).toEqual(edges.slice(-2).map((e) => e.cursor));

      const policy = await api.db.prisma.policy.findUniqueOrThrow({
        where: { docNo: '泸市府发〔2024〕12号' },
      });
      const r = await api.gql(
        `mutation($id: ID!, $v: Int!) { updatePolicy(id: $id, version: $v, input: { summary: "已印发" }) { id } }`,
        { id: policy.id, v: policy.version },
        { token: admin },
      );
      expect(r.errors).toBeUndefined();
      const live = await stream.waitFor(3);
      expect(live).toHaveLength(3);
      expect(live[2]).toMatchObject({
        kind: 'POLICY_CHANGED',
        docNo: '泸市府发〔2024〕12号',
        quarter: null,
      });
      // Nothing twice: every cursor once.
      expect(new Set(live.map((e) => e.cursor)).size).toBe(3);
    } finally {
      await stream.close();
    }
  });
});
