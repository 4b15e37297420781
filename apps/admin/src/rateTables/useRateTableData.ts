// The rate-table page's reads and writes through react-admin's data layer: a table's versions and
// a version's entries are `getManyReference` queries of the dataProvider (cached per table and per
// version, so a newly chosen version never shows another's entries), the grid's saves update that
// cache in place, and publish / delete go through useMutation / useDelete. Every failure is
// notified, in people's words.
import { useCallback, useMemo } from 'react';
import {
  useDelete,
  useGetManyReference,
  useNotify,
  type GetManyReferenceResult,
  type RaRecord,
} from 'react-admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiRateEntry, ApiRateVersion } from '../dataProvider/rateTables.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { useErrorText } from '../shared/errorText.ts';
import { conflictFromError, reportConflict } from '../shared/ConflictDialog.tsx';

/** Every row: the dataProvider reads pages of the API's largest size until it has them all. */
const ALL = { page: 1, perPage: 1_000_000 };
const VERSIONS_SORT = { field: 'effectiveFrom', order: 'DESC' } as const;
const ENTRIES_SORT = { field: 'position', order: 'ASC' } as const;

/** The query keys react-admin gives these lists (matched on the part named here). */
const versionsKey = (tableId: string) =>
  ['rateTableVersions', 'getManyReference', { target: 'tableId', id: tableId }] as const;
const entriesKey = (versionId: string) =>
  ['rateEntries', 'getManyReference', { target: 'versionId', id: versionId }] as const;

type VersionRecord = RaRecord & Omit<ApiRateVersion, 'tableId'> & { table?: { id: string } };

/** A notification for any failure; a stale version opens the conflict dialog instead. */
function useReportError() {
  const notify = useNotify();
  const errorText = useErrorText();
  return useCallback(
    (error: unknown, conflictOf?: { resource: string; id: string; reload?: () => void }) => {
      const conflict = conflictOf && conflictFromError(error, conflictOf.resource, conflictOf.id);
      if (conflict) reportConflict({ ...conflict, reload: conflictOf.reload });
      else notify(errorText(error), { type: 'error' });
    },
    [notify, errorText],
  );
}

export function useRateVersions(tableId: string | undefined) {
  const report = useReportError();
  const queryClient = useQueryClient();
  const query = useGetManyReference<VersionRecord>(
    'rateTableVersions',
    { target: 'tableId', id: tableId, pagination: ALL, sort: VERSIONS_SORT },
    { enabled: !!tableId, onError: (e) => report(e) },
  );
  const versions = useMemo<ApiRateVersion[]>(
    () =>
      (query.data ?? []).map(({ table, ...v }) => ({
        ...(v as Omit<ApiRateVersion, 'tableId'>),
        tableId: table?.id ?? tableId ?? '',
      })),
    [query.data, tableId],
  );
  const reload = useCallback(
    () => queryClient.invalidateQueries({ queryKey: versionsKey(tableId ?? '') }),
    [queryClient, tableId],
  );
  /** A version just written (created, dates changed) is shown at once, then read again. */
  const put = useCallback(
    (v: ApiRateVersion) => {
      queryClient.setQueriesData<GetManyReferenceResult<VersionRecord>>(
        { queryKey: versionsKey(v.tableId) },
        (old) =>
          old && {
            ...old,
            data: old.data.some((x) => x.id === v.id)
              ? old.data.map((x) => (x.id === v.id ? { ...x, ...v } : x))
              : [...old.data, v as VersionRecord],
          },
      );
      void reload();
    },
    [queryClient, reload],
  );
  return {
    versions,
    loaded: query.isSuccess,
    error: query.error as Error | null,
    reload,
    put,
  };
}

export function useRateEntries(versionId: string) {
  const report = useReportError();
  const queryClient = useQueryClient();
  const query = useGetManyReference<ApiRateEntry>(
    'rateEntries',
    { target: 'versionId', id: versionId || undefined, pagination: ALL, sort: ENTRIES_SORT },
    { enabled: !!versionId, onError: (e) => report(e) },
  );
  // Only this version's own entries, never the previous version's while these load.
  const entries = useMemo<ApiRateEntry[]>(
    () => (query.data ?? []).map((e) => ({ ...e, versionId })),
    [query.data, versionId],
  );
  /** What the grid saved, into the cached list (no second read of the whole version). */
  const setEntries = useCallback(
    (update: (list: ApiRateEntry[]) => ApiRateEntry[]) => {
      queryClient.setQueriesData<GetManyReferenceResult<ApiRateEntry>>(
        { queryKey: entriesKey(versionId) },
        (old) => {
          if (!old) return old;
          const data = update(old.data.map((e) => ({ ...e, versionId })));
          return { ...old, data, total: data.length };
        },
      );
    },
    [queryClient, versionId],
  );
  const reload = useCallback(
    () => queryClient.invalidateQueries({ queryKey: entriesKey(versionId) }),
    [queryClient, versionId],
  );
  return { entries, error: query.error as Error | null, setEntries, reload };
}

/** Publish a draft and delete a draft, each answering with a notification or the conflict dialog. */
export function useVersionWrites({
  onPublished,
  onDeleted,
  reload,
}: {
  onPublished: (v: ApiRateVersion) => void;
  onDeleted: () => void;
  reload: () => void;
}) {
  const dataProvider = useGazetteDataProvider();
  const report = useReportError();
  const publish = useMutation({
    mutationFn: (v: ApiRateVersion) => dataProvider.publishRateTableVersion(v),
    onSuccess: onPublished,
    onError: (e, v) => report(e, { resource: 'rateTableVersions', id: v.id, reload }),
  });
  const [deleteOne, { isPending: deleting }] = useDelete();
  const remove = useCallback(
    (v: ApiRateVersion) =>
      deleteOne(
        'rateTableVersions',
        { id: v.id, previousData: v },
        {
          mutationMode: 'pessimistic',
          onSuccess: onDeleted,
          onError: (e) => report(e, { resource: 'rateTableVersions', id: v.id, reload }),
        },
      ),
    [deleteOne, onDeleted, report, reload],
  );
  return { publish: publish.mutate, publishing: publish.isPending, remove, deleting };
}
