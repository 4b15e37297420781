// Chinese names sort in pinyin order, as Chinese readers expect (migration pinyin_order: ICU's zh
// collation on the columns the lists sort by), not in code-point order (叙永 before 古蔺).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';

let api: Api;
let admin: string;

beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
  for (const caseName of ['张某案', '安某案', '王某案', '李某案'] as const) {
    const r = await api.gql(
      `mutation($n: String!) { openDiscretionReview(input: { caseName: $n, subjectName: "某公司", trigger: SUBJECT_APPLICATION, filedOn: "2025-02-01" }) { case { id } } }`,
      { n: caseName },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await api?.close();
});

const pinyin = new Intl.Collator('zh').compare;

async function names(field: string, column: string, order: 'ASC' | 'DESC'): Promise<string[]> {
  const r = await api.gql<Record<string, { nodes: Record<string, string>[] }>>(
    `{ ${field}(perPage: 100, sort: { field: "${column}", order: ${order} }) { nodes { ${column} } } }`,
    {},
    { token: admin },
  );
  expect(r.errors).toBeUndefined();
  return r.data![field]!.nodes.map((n) => n[column]!);
}

describe('lists sorted by a Chinese name', () => {
  it('lists organisations in pinyin order, both ways', async () => {
    const asc = await names('organizationsPage', 'name', 'ASC');
    expect(asc.length).toBeGreaterThan(20);
    expect(asc).toEqual([...asc].sort(pinyin));
    const counties = asc.filter((n) =>
      ['古蔺县人民政府', '合江县人民政府', '叙永县人民政府'].includes(n),
    );
    expect(counties).toEqual(['古蔺县人民政府', '合江县人民政府', '叙永县人民政府']);
    expect(await names('organizationsPage', 'name', 'DESC')).toEqual([...asc].reverse());
  });

  it('lists cases and policies in pinyin order', async () => {
    const cases = await names('casesPage', 'caseName', 'ASC');
    expect(cases).toEqual(['安某案', '李某案', '王某案', '张某案']);
    const titles = await names('policiesPage', 'title', 'ASC');
    expect(titles).toEqual([...titles].sort(pinyin));
  });
});
