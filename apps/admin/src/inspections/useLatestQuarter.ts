import { useGetList } from 'react-admin';

/**
 * The quarter of the latest inspection round in the database (e.g. the one the last 通报 reported),
 * which the findings lists open on. `undefined` while loading; `null` when there is no round yet
 * or the read failed (the lists then open unfiltered).
 */
export function useLatestQuarter(): string | null | undefined {
  const { data, isPending, error } = useGetList<{ id: string; quarter: string }>(
    'inspectionRounds',
    { pagination: { page: 1, perPage: 1 }, sort: { field: 'quarter', order: 'DESC' } },
  );
  if (isPending) return undefined;
  if (error) return null;
  return data?.[0]?.quarter ?? null;
}
