// The quarter the compliance page opens on (and the findings lists' read): the address's, else the
// latest round's as the data provider lists them, never a quarter written in the source.
import { describe, expect, it } from 'vitest';
import type { DataProvider, GetListParams } from 'react-admin';
import { LATEST_ROUND, openingQuarter, quarterInAddress } from './useLatestQuarter.ts';

/** A data provider holding these rounds, sorting and paging them as it is asked; records the asks. */
function roundsProvider(quarters: string[]) {
  const asked: { resource: string; params: GetListParams }[] = [];
  const provider: Pick<DataProvider, 'getList'> = {
    getList: (async (resource: string, params: GetListParams) => {
      asked.push({ resource, params });
      const { field, order } = params.sort!;
      const rows = quarters
        .map((quarter, i) => ({ id: `r${i}`, quarter }))
        .sort(
          (a, b) =>
            String(a[field as 'quarter']).localeCompare(String(b[field as 'quarter'])) *
            (order === 'DESC' ? -1 : 1),
        );
      const { page, perPage } = params.pagination!;
      return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length };
    }) as DataProvider['getList'],
  };
  return { provider, asked };
}

describe('openingQuarter', () => {
  it('opens on the latest round once a later gazette issue added one (2025Q1)', async () => {
    const { provider, asked } = roundsProvider(['2024Q3', '2025Q1', '2024Q4']);
    expect(await openingQuarter(null, provider)).toBe('2025Q1');
    expect(asked).toEqual([{ resource: 'inspectionRounds', params: LATEST_ROUND }]);
  });

  it('keeps the quarter the address names, without asking for the latest', async () => {
    const { provider, asked } = roundsProvider(['2024Q4', '2025Q1']);
    expect(await openingQuarter('2024Q4', provider)).toBe('2024Q4');
    expect(asked).toEqual([]);
  });

  it('is null when there is no round at all', async () => {
    expect(await openingQuarter(null, roundsProvider([]).provider)).toBeNull();
  });

  it('lets a failed read throw, so the page says it rather than showing no rounds', async () => {
    const failing: Pick<DataProvider, 'getList'> = {
      getList: () => Promise.reject(new Error('服务器内部错误')),
    };
    await expect(openingQuarter(null, failing)).rejects.toThrow('服务器内部错误');
  });
});

describe('quarterInAddress', () => {
  it('reads ?quarter= of the hash route, and nothing else', () => {
    expect(quarterInAddress('#/?quarter=2024Q3')).toBe('2024Q3');
    expect(quarterInAddress('#/')).toBeNull();
    expect(quarterInAddress('#/?quarter=')).toBeNull();
    expect(quarterInAddress('')).toBeNull();
  });
});
