import { useGetList, type DataProvider, type GetListParams } from 'react-admin';

/** The latest inspection round: one row of inspectionRounds, by quarter descending. */
export const LATEST_ROUND = {
  pagination: { page: 1, perPage: 1 },
  sort: { field: 'quarter', order: 'DESC' },
  filter: {},
} satisfies GetListParams;

/**
 * The quarter of the latest inspection round in the database (e.g. the one the last 通报 reported),
 * which the findings lists open on. `undefined` while loading; `null` when there is no round yet
 * or the read failed (the lists then open unfiltered).
 */
export function useLatestQuarter(): string | null | undefined {
  const { data, isPending, error } = useGetList<{ id: string; quarter: string }>(
    'inspectionRounds',
    LATEST_ROUND,
  );
  if (isPending) return undefined;
  if (error) return null;
  return data?.[0]?.quarter ?? null;
}

/**
 * The quarter a page opens on: the one its address names, else the latest round's (the same read
 * as useLatestQuarter); `null` when there is no round at all. A failed read throws.
 */
export async function openingQuarter(
  named: string | null,
  dataProvider: Pick<DataProvider, 'getList'>,
): Promise<string | null> {
  if (named) return named;
  const { data } = await dataProvider.getList<{ id: string; quarter: string }>(
    'inspectionRounds',
    LATEST_ROUND,
  );
  return data[0]?.quarter ?? null;
}

/** The `quarter` parameter of a hash route's query (`#/?quarter=2024Q4`), if any. */
export function quarterInAddress(hash: string): string | null {
  return new URLSearchParams(hash.split('?')[1] ?? '').get('quarter') || null;
}
