// Compliance reads are SQL aggregates: the same number of statements for 1 quarter as for 10, and
// the same answers as the domain's computation over every finding loaded into memory (the way the
// API computed them before), on a generated history with repeats, gaps, whitespace variants,
// unknown rectifications and bodies appearing in only one annex.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  complianceSummary,
  findingKeys,
  fromUtcMidnight,
  organizationCompliance,
  rectificationProgress,
  repeatFindings,
  type InspectionRound as DomainRound,
} from '@gazette/domain';
import { createApi, type Api } from './helpers.ts';

let api: Api;
let orgs: { id: string; name: string }[];

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLUMNS = ['《部门信箱》', '《政策解读》', '《 通知 公告》', '', '《区县动态》'];
const ISSUES = ['超期未更新', '内容 错误', '链接\u3000失效', '栏目空白'];
const SPACES = ['', ' ', '\n', '\u3000', '\u00a0'];
const ACCOUNTS = ['泸州 发布', '泸州发布', '平安\u3000泸州', '水务之窗'];

/** Quarters 2030Q1… with 2031Q3 left out: a gap that breaks runs. */
const QUARTERS = [
  '2030Q1',
  '2030Q2',
  '2030Q3',
  '2030Q4',
  '2031Q1',
  '2031Q2',
  '2031Q4',
  '2032Q1',
  '2032Q2',
  '2032Q3',
];

async function addRound(quarter: string, seed: number) {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const body = () => orgs[Math.floor(rnd() * 12)]!.id;
  const round = await api.db.prisma.inspectionRound.create({
    data: {
      quarter,
      windowStart: new Date(Date.UTC(2030, 0, 1)),
      windowEnd: new Date(Date.UTC(2030, 0, 15)),
      cityPortalsChecked: 1,
      districtPortalsChecked: 7 + (seed % 3),
      departmentSitesChecked: 38,
      newMediaAccountsChecked: 200 + seed,
      newMediaDistricts: 7,
      newMediaParks: 2,
      newMediaDepartments: 40,
      messagesReceived: 10 + (seed % 5),
      messagesClosed: 9,
    },
  });
  const website = [];
  for (let siteSeq = 1; siteSeq <= 60; siteSeq++) {
    const organizationId = body();
    const n = 1 + Math.floor(rnd() * 4);
    for (let position = 0; position < n; position++) {
      const rectified = rnd() < 0.6;
      const description = `${pick(SPACES)}${pick(COLUMNS)}${pick(SPACES)}${pick(ISSUES)}${pick(SPACES)}`;
      website.push({
        roundId: round.id,
        organizationId,
        siteSeq,
        siteName: `网站${siteSeq}`,
        position,
        description,
        ...findingKeys({ channel: 'WEBSITE', description }),
        rectified,
        rectifiedOn: rectified && rnd() < 0.5 ? new Date(Date.UTC(2030, 1, 1 + position)) : null,
      });
    }
  }
  await api.db.prisma.websiteFinding.createMany({ data: website });
  const media = [];
  for (let seq = 1; seq <= 40; seq++) {
    const r = rnd();
    const organizationId = body();
    const account = pick(ACCOUNTS);
    const platform = pick(['微信', '微博']);
    const description = `${pick(ISSUES)}${pick(SPACES)}`;
    media.push({
      roundId: round.id,
      organizationId,
      seq,
      account,
      platform,
      description,
      ...findingKeys({ channel: 'NEW_MEDIA', account, description }),
      rectified: r < 0.3 ? null : r < 0.7,
    });
  }
  await api.db.prisma.newMediaFinding.createMany({ data: media });
  // Gaps and adoptions name bodies 12–15 too, which have no finding.
  const gapBodies = [...new Set(Array.from({ length: 6 }, () => orgs[Math.floor(rnd() * 16)]!.id))];
  await api.db.prisma.dataCollectionGap.createMany({
    data: gapBodies.flatMap((organizationId, i) => [
      {
        roundId: round.id,
        organizationId,
        kind: 'BASE' as const,
        dataYear: 2029,
        position: gapBodies.length - i,
      },
      ...(i % 2
        ? [
            {
              roundId: round.id,
              organizationId,
              kind: 'PROCESS' as const,
              dataYear: 2030,
              position: i,
            },
          ]
        : []),
    ]),
  });
  const adoptBodies = [
    ...new Set(Array.from({ length: 5 }, () => orgs[Math.floor(rnd() * 16)]!.id)),
  ];
  await api.db.prisma.informationAdoption.createMany({
    data: adoptBodies.map((organizationId, i) => ({
      roundId: round.id,
      organizationId,
      rating: i % 2 ? ('ZERO' as const) : ('GOOD' as const),
      position: i,
    })),
  });
}

/** Every round with every child loaded, as the API did before (the oracle). */
async function allRounds(): Promise<DomainRound[]> {
  const rows = await api.db.prisma.inspectionRound.findMany({
    include: { websiteFindings: true, newMediaFindings: true, dataGaps: true, adoptions: true },
    orderBy: { quarter: 'asc' },
  });
  const plain = <T extends { rectifiedOn: Date | null }>(f: T) => ({
    ...f,
    rectifiedOn: f.rectifiedOn ? fromUtcMidnight(f.rectifiedOn) : null,
  });
  return rows.map((r) => ({
    ...r,
    policyDocNo: null,
    windowStart: fromUtcMidnight(r.windowStart),
    windowEnd: fromUtcMidnight(r.windowEnd),
    websiteFindings: r.websiteFindings.map(plain),
    newMediaFindings: r.newMediaFindings.map(plain),
  }));
}

let names: Map<string, string>;
const nameOf = (id: string) => names.get(id) ?? '?';

const READS = {
  summaries: `{ complianceSummaries { quarter websitesChecked websitesWithIssues websiteIssues websiteIssuesRectified newMediaAccountsChecked newMediaAccountsWithIssues messagesReceived messagesClosed baseDataMissing { name } processDataMissing { name } } }`,
  summary: `query($q: String!) { complianceSummary(quarter: $q) { quarter websitesChecked websitesWithIssues websiteIssues websiteIssuesRectified newMediaAccountsWithIssues baseDataMissing { name } processDataMissing { name } } }`,
  table: `query($q: String!) { organizationsCompliance(quarter: $q) { organization { name } websiteIssues websiteIssuesRectified newMediaIssues newMediaIssuesRectified baseDataMissing processDataMissing adoption } }`,
  bodies: `query($q: String!) { organizations(first: 20, sort: { field: NAME }) { edges { node { name compliance(quarter: $q) { quarter websiteIssues { siteSeq position description rectified rectifiedOn } newMediaIssues { seq account description rectified } baseDataMissing processDataMissing adoption } } } } }`,
  repeats: `query($m: Boolean) { repeatFindings(matchIssue: $m) { organization { name } channel subject issue quarters } }`,
  progress: `{ inspectionRounds(first: 50) { edges { node { quarter rectificationProgress { quarter total rectified outstanding ratio websiteTotal websiteRectified newMediaTotal newMediaRectified } } } } }`,
} as const;

async function statementsOf(q: keyof typeof READS, variables: Record<string, unknown> = {}) {
  const r = await api.gql(READS[q], variables);
  expect(r.errors).toBeUndefined();
  return r.statements.length;
}

async function allCounts() {
  return {
    summaries: await statementsOf('summaries'),
    summary: await statementsOf('summary', { q: '2030Q1' }),
    table: await statementsOf('table', { q: '2030Q1' }),
    bodies: await statementsOf('bodies', { q: '2030Q1' }),
    repeats: await statementsOf('repeats', { m: true }),
    progress: await statementsOf('progress'),
  };
}

let oneQuarter: Awaited<ReturnType<typeof allCounts>>;

beforeAll(async () => {
  api = await createApi();
  orgs = await api.db.prisma.organization.findMany({
    orderBy: { name: 'asc' },
    take: 16,
    select: { id: true, name: true },
  });
  expect(orgs).toHaveLength(16);
  names = new Map(
    (await api.db.prisma.organization.findMany({ select: { id: true, name: true } })).map((o) => [
      o.id,
      o.name,
    ]),
  );
  await addRound(QUARTERS[0]!, 1);
  oneQuarter = await allCounts();
  for (let i = 1; i < QUARTERS.length; i++) await addRound(QUARTERS[i]!, i + 1);
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('compliance reads in SQL', () => {
  it('run the same number of statements for 1 quarter as for 10 quarters of findings', async () => {
    expect(await api.db.prisma.websiteFinding.count()).toBeGreaterThan(1000);
    const ten = await allCounts();
    expect(ten).toEqual(oneQuarter);
    // One or two statements each (authentication aside): nothing per finding, body or quarter.
    expect(ten.summaries).toBeLessThanOrEqual(2);
    expect(ten.repeats).toBe(1);
    expect(ten.table).toBe(1);
    expect(ten.progress).toBeLessThanOrEqual(3);
  });

  it('sum up every quarter as the domain does over all findings', async () => {
    const r = await api.gql(READS.summaries);
    const expected = (await allRounds()).map((round) => {
      const s = complianceSummary(round);
      return {
        ...s,
        baseDataMissing: s.baseDataMissing.map((id) => ({ name: nameOf(id) })),
        processDataMissing: s.processDataMissing.map((id) => ({ name: nameOf(id) })),
      };
    });
    expect(expected.length).toBeGreaterThanOrEqual(10);
    expect(r.data?.complianceSummaries).toEqual(expected);
    // Each quarter its own figures: a summary over all quarters at once would repeat one.
    expect(new Set(expected.map((s) => s.websiteIssues)).size).toBeGreaterThan(5);
    for (const quarter of ['2030Q1', '2031Q4', '2032q3']) {
      const one = await api.gql(READS.summary, { q: quarter });
      const want = expected.find((s) => s.quarter === quarter.toUpperCase())!;
      expect(one.data?.complianceSummary).toEqual({
        quarter: want.quarter,
        websitesChecked: want.websitesChecked,
        websitesWithIssues: want.websitesWithIssues,
        websiteIssues: want.websiteIssues,
        websiteIssuesRectified: want.websiteIssuesRectified,
        newMediaAccountsWithIssues: want.newMediaAccountsWithIssues,
        baseDataMissing: want.baseDataMissing,
        processDataMissing: want.processDataMissing,
      });
    }
    expect((await api.gql(READS.summary, { q: '2031Q3' })).data?.complianceSummary).toBeNull();
  });

  it('give only the most recent quarters with last, oldest first, and refuse a last out of range', async () => {
    const all = (await api.gql(`{ complianceSummaries { quarter websiteIssues } }`)).data
      ?.complianceSummaries as { quarter: string; websiteIssues: number }[];
    expect(all.length).toBeGreaterThanOrEqual(10);
    const three = await api.gql(`{ complianceSummaries(last: 3) { quarter websiteIssues } }`);
    expect(three.errors).toBeUndefined();
    expect(three.data?.complianceSummaries).toEqual(all.slice(-3));
    const more = await api.gql(`{ complianceSummaries(last: 100) { quarter websiteIssues } }`);
    expect(more.data?.complianceSummaries).toEqual(all);
    for (const last of [0, 101]) {
      const refused = await api.gql(
        `query($n: Int) { complianceSummaries(last: $n) { quarter } }`,
        {
          n: last,
        },
      );
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'last',
      });
    }
  });

  it("count each body's line of a quarter's table as the domain does", async () => {
    const rounds = await allRounds();
    for (const quarter of ['2030Q2', '2032Q1']) {
      const round = rounds.find((x) => x.quarter === quarter)!;
      const ids = new Set(
        [
          ...round.websiteFindings,
          ...round.newMediaFindings,
          ...round.dataGaps,
          ...round.adoptions,
        ].map((x) => x.organizationId),
      );
      const expected = [...ids]
        .map((id) => ({ id, name: nameOf(id) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
        .map(({ id, name }) => {
          const c = organizationCompliance(round, id);
          return {
            organization: { name },
            websiteIssues: c.websiteIssues.length,
            websiteIssuesRectified: c.websiteIssues.filter((f) => f.rectified).length,
            newMediaIssues: c.newMediaIssues.length,
            newMediaIssuesRectified: c.newMediaIssues.filter((f) => f.rectified).length,
            baseDataMissing: c.baseDataMissing,
            processDataMissing: c.processDataMissing,
            adoption: c.adoption,
          };
        });
      const r = await api.gql(READS.table, { q: quarter });
      expect(r.data?.organizationsCompliance).toEqual(expected);
      // Bodies named only by a gap or an adoption are listed too.
      expect(expected.some((e) => e.websiteIssues === 0 && e.newMediaIssues === 0)).toBe(true);
    }
  });

  it("give one body's findings of a quarter as the domain does, for many bodies in one request", async () => {
    const round = (await allRounds()).find((x) => x.quarter === '2031Q1')!;
    const r = await api.gql(READS.bodies, { q: '2031Q1' });
    const edges = r.data?.organizations.edges as { node: { name: string; compliance: unknown } }[];
    expect(edges.length).toBe(20);
    for (const { node } of edges) {
      const id = (
        await api.db.prisma.organization.findUniqueOrThrow({ where: { name: node.name } })
      ).id;
      const c = organizationCompliance(round, id);
      expect(node.compliance).toEqual({
        quarter: '2031Q1',
        websiteIssues: c.websiteIssues.map(
          ({ siteSeq, position, description, rectified, rectifiedOn }) => ({
            siteSeq,
            position,
            description,
            rectified,
            rectifiedOn,
          }),
        ),
        newMediaIssues: c.newMediaIssues.map(({ seq, account, description, rectified }) => ({
          seq,
          account,
          description,
          rectified,
        })),
        baseDataMissing: c.baseDataMissing,
        processDataMissing: c.processDataMissing,
        adoption: c.adoption,
      });
    }
    expect(
      edges.filter(
        (e) => (e.node.compliance as { websiteIssues: unknown[] }).websiteIssues.length > 0,
      ).length,
    ).toBeGreaterThan(3);
    const none = await api.gql(READS.bodies, { q: '2031Q3' });
    expect(
      (none.data?.organizations.edges as { node: { compliance: unknown } }[]).every(
        (e) => e.node.compliance === null,
      ),
    ).toBe(true);
  });

  it('find repeat findings as the domain does, with and without matching the issue', async () => {
    const rounds = await allRounds();
    for (const matchIssue of [true, false]) {
      const expected = repeatFindings(rounds, { matchIssue }).map(
        ({ organizationId, ...rest }) => ({
          organization: { name: nameOf(organizationId) },
          ...rest,
        }),
      );
      const r = await api.gql(READS.repeats, { m: matchIssue });
      expect(r.errors).toBeUndefined();
      expect(expected.length).toBeGreaterThan(10);
      expect(r.data?.repeatFindings).toEqual(expected);
      // The gap at 2031Q3 ends runs; whitespace variants of one subject are one subject.
      expect(
        expected.some((x) => x.quarters.includes('2031Q2') && x.quarters.includes('2031Q4')),
      ).toBe(false);
      expect(expected.some((x) => x.subject === '《通知公告》')).toBe(true);
      expect(expected.some((x) => x.channel === 'NEW_MEDIA')).toBe(true);
    }
  });

  it('keep the stored keys, and so the repeats, in step with dashboard creates and edits', async () => {
    const token = await api.tokenFor('ADMIN');
    const page = async (field: string, quarter: string, fields: string) =>
      (
        await api.gql(
          `{ ${field}(filter: { quarter: "${quarter}" }, perPage: 3) { nodes { id version ${fields} organization { id } round { id } } } }`,
        )
      ).data![field].nodes as Record<string, any>[];
    // A body's 2031Q1 column found again in 2031Q2, typed with other whitespace: a new repeat.
    const [w1] = await page('websiteFindingsPage', '2031Q1', 'description');
    const [w2] = await page('websiteFindingsPage', '2031Q2', 'description siteSeq');
    const created = await api.gql(
      `mutation($input: WebsiteFindingInput!) { createWebsiteFinding(input: $input) { id } }`,
      {
        input: {
          roundId: w2!.round.id,
          organizationId: w1!.organization.id,
          siteSeq: 999,
          siteName: '新网站',
          description: ` ${w1!.description.replace('》', '》\u3000')} `,
        },
      },
      { token },
    );
    expect(created.errors).toBeUndefined();
    // Another problem of a site already listed: an issue more, not a site more.
    const same = await api.gql(
      `mutation($input: WebsiteFindingInput!) { createWebsiteFinding(input: $input) { id } }`,
      {
        input: {
          roundId: w2!.round.id,
          organizationId: w2!.organization.id,
          siteSeq: w2!.siteSeq,
          siteName: '同一网站',
          description: '《另一栏目》未更新',
        },
      },
      { token },
    );
    expect(same.errors).toBeUndefined();
    // Edits of the matched text: a website description, a new-media account.
    const edited = await api.gql(
      `mutation($id: ID!, $v: Int!, $input: FindingPatch!) { updateWebsiteFinding(id: $id, version: $v, input: $input) { id } }`,
      { id: w2!.id, v: w2!.version, input: { description: '《 新栏目 》 新 问题' } },
      { token },
    );
    expect(edited.errors).toBeUndefined();
    const [n1] = await page('newMediaFindingsPage', '2032Q1', 'account');
    const [n2] = await page('newMediaFindingsPage', '2032Q2', 'account');
    const account = await api.gql(
      `mutation($id: ID!, $v: Int!, $input: FindingPatch!) { updateNewMediaFinding(id: $id, version: $v, input: $input) { id } }`,
      {
        id: n2!.id,
        v: n2!.version,
        input: { account: `\n${n1!.account}`, organizationId: n1!.organization.id },
      },
      { token },
    );
    expect(account.errors).toBeUndefined();

    const website = await api.db.prisma.websiteFinding.findMany();
    const media = await api.db.prisma.newMediaFinding.findMany();
    expect(website.filter((f) => f.description.includes('新栏目'))).toMatchObject([
      { subjectKey: '《新栏目》', issueKey: '新问题' },
    ]);
    for (const f of website)
      expect([f.subjectKey, f.issueKey]).toEqual(
        Object.values(findingKeys({ channel: 'WEBSITE', description: f.description })),
      );
    for (const f of media)
      expect([f.subjectKey, f.issueKey]).toEqual(
        Object.values(findingKeys({ channel: 'NEW_MEDIA', ...f })),
      );

    // A deletion, and a rectification changed: the rounds' tallies follow (summaries, below).
    const [gone] = await page('newMediaFindingsPage', '2030Q4', 'account');
    const deleted = await api.gql(
      `mutation($id: ID!, $v: Int!) { deleteNewMediaFinding(id: $id, version: $v) { id } }`,
      { id: gone!.id, v: gone!.version },
      { token },
    );
    expect(deleted.errors).toBeUndefined();
    const [w3] = await page('websiteFindingsPage', '2030Q4', 'rectified');
    const flipped = await api.gql(
      `mutation($id: ID!, $v: Int!, $input: FindingPatch!) { updateWebsiteFinding(id: $id, version: $v, input: $input) { id } }`,
      { id: w3!.id, v: w3!.version, input: { rectified: !w3!.rectified } },
      { token },
    );
    expect(flipped.errors).toBeUndefined();

    const rounds = await allRounds();
    for (const matchIssue of [true, false]) {
      const expected = repeatFindings(rounds, { matchIssue }).map(
        ({ organizationId, ...rest }) => ({
          organization: { name: nameOf(organizationId) },
          ...rest,
        }),
      );
      const r = await api.gql(READS.repeats, { m: matchIssue });
      expect(r.data?.repeatFindings).toEqual(expected);
    }
    const summaries = await api.gql(READS.summaries);
    expect(
      (summaries.data?.complianceSummaries as { quarter: string }[]).map(
        ({
          quarter,
          websitesWithIssues,
          websiteIssues,
          websiteIssuesRectified,
          newMediaAccountsWithIssues,
        }: any) => ({
          quarter,
          websitesWithIssues,
          websiteIssues,
          websiteIssuesRectified,
          newMediaAccountsWithIssues,
        }),
      ),
    ).toEqual(
      rounds.map((round) => {
        const s = complianceSummary(round);
        return {
          quarter: s.quarter,
          websitesWithIssues: s.websitesWithIssues,
          websiteIssues: s.websiteIssues,
          websiteIssuesRectified: s.websiteIssuesRectified,
          newMediaAccountsWithIssues: s.newMediaAccountsWithIssues,
        };
      }),
    );
  });

  it('recount a round when findings are written by hand in SQL, and drop its tally with it', async () => {
    const round = await api.db.prisma.inspectionRound.findUniqueOrThrow({
      where: { quarter: '2032Q3' },
      include: { tally: true },
    });
    const before = round.tally!.websiteIssues;
    await api.db.prisma.$executeRaw`DELETE FROM "WebsiteFinding" WHERE id IN (
      SELECT id FROM "WebsiteFinding" WHERE "roundId" = ${round.id} ORDER BY id LIMIT 3)`;
    const after = await api.db.prisma.inspectionRoundTally.findUniqueOrThrow({
      where: { roundId: round.id },
    });
    expect(after.websiteIssues).toBe(before - 3);
    expect(after.websiteIssues).toBe(
      await api.db.prisma.websiteFinding.count({ where: { roundId: round.id } }),
    );
  });

  it('count a site once whether its findings arrive in one statement or several, and drop it with its last finding', async () => {
    const round = await api.db.prisma.inspectionRound.findUniqueOrThrow({
      where: { quarter: '2032Q3' },
    });
    const org = await api.db.prisma.organization.findFirstOrThrow();
    const distinctSites = async () =>
      (
        await api.db.prisma.$queryRaw<{ n: number }[]>`
          SELECT count(DISTINCT "siteSeq")::int AS n FROM "WebsiteFinding" WHERE "roundId" = ${round.id}`
      )[0]!.n;
    const tally = () =>
      api.db.prisma.inspectionRoundTally.findUniqueOrThrow({ where: { roundId: round.id } });
    const add = (seqs: number[], from: number) => api.db.prisma.$executeRaw`
      INSERT INTO "WebsiteFinding" (id, "roundId", "organizationId", "siteSeq", "siteName", position, description, "subjectKey", "issueKey", "updatedAt")
      SELECT gen_random_uuid()::text, ${round.id}, ${org.id}, s, '测试网站', ${from} + o, '测试问题', 'k', 'i', now()
      FROM unnest(${seqs}::int[]) WITH ORDINALITY AS x(s, o)`;
    // Two statements: the second adds to a site of the first (9001) and brings a new one (9002).
    await add([9001, 9001], 0);
    await add([9001, 9002], 10);
    expect((await tally()).websitesWithIssues).toBe(await distinctSites());
    const start = await tally();
    await api.db.prisma
      .$executeRaw`DELETE FROM "WebsiteFinding" WHERE "roundId" = ${round.id} AND "siteSeq" = 9002`;
    expect((await tally()).websitesWithIssues).toBe(start.websitesWithIssues - 1);
    await api.db.prisma
      .$executeRaw`DELETE FROM "WebsiteFinding" WHERE "roundId" = ${round.id} AND "siteSeq" = 9001`;
    expect((await tally()).websitesWithIssues).toBe(start.websitesWithIssues - 2);
    expect((await tally()).websitesWithIssues).toBe(await distinctSites());
  });

  it("count each round's rectification as the domain does", async () => {
    const rounds = await allRounds();
    const r = await api.gql(READS.progress);
    for (const { node } of r.data?.inspectionRounds.edges as {
      node: { quarter: string; rectificationProgress: Record<string, unknown> };
    }[]) {
      const p = rectificationProgress(rounds.find((x) => x.quarter === node.quarter)!);
      expect(node.rectificationProgress).toEqual({
        quarter: p.quarter,
        total: p.total,
        rectified: p.rectified,
        outstanding: p.outstanding,
        ratio: p.ratio,
        websiteTotal: p.website.total,
        websiteRectified: p.website.rectified,
        newMediaTotal: p.newMedia.total,
        newMediaRectified: p.newMedia.rectified,
      });
    }
  });
});

describe('indexes for the lists of findings and rounds', () => {
  const SORTS: [table: string, column: string][] = [
    ['WebsiteFinding', 'siteSeq'],
    ['WebsiteFinding', 'siteName'],
    ['WebsiteFinding', 'updatedAt'],
    ['NewMediaFinding', 'seq'],
    ['NewMediaFinding', 'account'],
    ['NewMediaFinding', 'updatedAt'],
    ['InspectionRound', 'windowStart'],
  ];
  // quarter, id: the unique index on quarter gives the order; ties on a unique key cost nothing.
  it.each(SORTS)(
    'serve a first page of %s sorted by %s, id without sorting the table',
    async (table, column) => {
      const plan = await api.db.prisma.$transaction(async (tx) => {
        // The test tables are small; without sequential scans the planner shows whether an index can give the order.
        await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
        const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
          `EXPLAIN SELECT * FROM "${table}" ORDER BY "${column}", id LIMIT 25`,
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toMatch(/Index Scan/);
      expect(plan).not.toMatch(/^\s*(->\s*)?Sort\b/m);
    },
  );
});
