// Chinese full-text search (contract next.graphql Search; issue 12): a recall set over the seed
// issue — titles, words found only in a document's body or annex, numbers in both bracket forms,
// body names — must find the expected document in the first three hits for ≥ 95% of queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';
import { nextOperation } from './next-operations.ts';

const SEARCH = nextOperation('Search');

let api: Api;
beforeAll(async () => {
  api = await createApi();
});
afterAll(async () => {
  await api?.close();
});

interface Hit {
  policy: { docNo: string; title: string };
  article: string | null;
  snippet: string;
}
const search = async (q: string, first?: number) => {
  const r = await api.gql<{ search: Hit[] }>(SEARCH, { q, first });
  expect(r.errors, q).toBeUndefined();
  return r.data!.search;
};

const A = '泸市府规〔2024〕4号'; // 残疾儿童康复救助
const B = '泸市府发〔2024〕12号'; // 国土空间总体规划
const C = '泸市府函〔2024〕270号'; // 仲裁委员会
const D = '泸市府办发〔2024〕46号'; // 纺织产业人工智能
const E = '泸市府办发〔2024〕47号'; // 噪声污染防治法 职责分工
const F = '泸市府室发〔2024〕34号'; // 政府网站和政务新媒体检查通报
const G = '泸市自然资规函〔2024〕425号'; // 共用宗地出让金
const H = '泸市监规发〔2024〕2号'; // 裁量审查评估
const I = '泸市医保规〔2024〕4号'; // 取卵术等医疗服务价格

// [query, expected document, what kind of query]
const RECALL: [string, string, string][] = [
  ['人工耳蜗', A, 'body'],
  ['孤独症', A, 'body'],
  ['残疾儿童康复', A, 'title'],
  ['康复救助服务卡', A, 'body'],
  ['国土空间总体规划', B, 'title'],
  ['仲裁委员会', C, 'title'],
  ['王琪', C, 'body'],
  ['纺织', D, 'title'],
  ['人工智能', D, 'title'],
  ['恒力', D, 'body'],
  ['宠物用品', D, 'body'],
  ['噪声', E, 'title'],
  ['声屏障', E, 'annex'],
  ['第七十七条', E, 'annex'],
  ['政务新媒体', F, 'title'],
  ['我为政府网站找错', F, 'body'],
  ['部门信箱', F, 'annex'],
  ['信息采用', F, 'body'],
  ['出让金', G, 'title'],
  ['房改房', G, 'body'],
  ['基准地价', G, 'body'],
  ['年期修正系数', G, 'body'],
  ['临街', G, 'body'],
  ['商服用地', G, 'annex'],
  ['三书一函', H, 'body'],
  ['裁量审查评估', H, 'title'],
  ['中止调查', H, 'body'],
  ['首违不罚', H, 'body'],
  ['取卵术', I, 'title'],
  ['辅助生殖', I, 'body'],
  ['单精子注射', I, 'annex'],
  ['胚胎移植', I, 'annex'],
  ['泸市府规[2024]4号', A, 'number'],
  ['泸市府规〔2024〕4号', A, 'number'],
  ['泸市监规发[2024]2号', H, 'number'],
  ['泸市医保规〔2024〕4号', I, 'number'],
  ['泸州市医疗保障局', I, 'body name'],
  ['国家税务总局泸州市税务局', G, 'body name'],
  ['市场监督管理局', H, 'body name'],
];

describe('search recall over 2024年第12期', () => {
  it(`finds the expected document in the first three hits for at least 95% of ${RECALL.length} queries`, async () => {
    const misses: string[] = [];
    for (const [q, docNo, kind] of RECALL) {
      const hits = await search(q, 3);
      if (!hits.some((h) => h.policy.docNo === docNo))
        misses.push(`${q} (${kind}) → ${hits.map((h) => h.policy.docNo).join(', ') || 'nothing'}`);
    }
    console.info(
      `search recall@3: ${RECALL.length - misses.length}/${RECALL.length}${misses.length ? `; missed ${misses.join('; ')}` : ''}`,
    );
    expect(RECALL.length).toBeGreaterThanOrEqual(30);
    expect(misses.length / RECALL.length, misses.join('\n')).toBeLessThanOrEqual(0.05);
  });
});

describe('search hits', () => {
  it('name the article where body words were found, with a marked snippet (NEXT.md examples)', async () => {
    const cochlear = (await search('人工耳蜗'))[0]!;
    expect(cochlear.policy.docNo).toBe(A);
    expect(cochlear.article).toBe('(二)');
    expect(cochlear.snippet).toContain('【人工耳蜗】');
    const letters = (await search('三书一函'))[0]!;
    expect(letters).toMatchObject({ policy: { docNo: H }, article: '第六条' });
    const frontage = (await search('临街'))[0]!;
    expect(frontage.policy.docNo).toBe(G);
    expect(frontage.article).not.toBeNull();
  });

  it('answer a title match with article null, and a number in any bracket form first', async () => {
    const byNumber = await search('泸市府规[2024]4号');
    expect(byNumber[0]).toMatchObject({ policy: { docNo: A }, article: null });
  });

  it('find nothing for words the issue does not hold, and respect first', async () => {
    expect(await search('量子纠缠')).toEqual([]);
    expect((await search('泸州', 2)).length).toBeLessThanOrEqual(2);
  });

  it('refuse an empty query, a long one, and first outside 1–50, naming the field', async () => {
    for (const [q, first, field] of [
      ['  ', 10, 'q'],
      ['泸'.repeat(101), 10, 'q'],
      ['泸州', 0, 'first'],
      ['泸州', 51, 'first'],
    ] as const) {
      const r = await api.gql(SEARCH, { q, first });
      expect(r.codes, `${q.slice(0, 5)} ${first}`).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0]!.extensions?.field).toBe(field);
    }
  });

  it('treat % and _ as text, not wildcards', async () => {
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
  });
});
