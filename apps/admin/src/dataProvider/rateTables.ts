// Rate-table operations beyond listing: versions copied from a date, publish, CSV import, and the
// grid's cell writes. Reads and publish/import are typed documents; a version's dates and an
// entry's value go through the dataProvider's own create/update/delete (resources.ts), so the grid
// writes exactly as react-admin's forms do.
import { request } from '../graphql/client.ts';
import { graphql, type ResultOf } from '../graphql/graphql.ts';
import type { DataProvider } from 'react-admin';
import { RateEntryFields, RateTableVersionFields } from './rateFragments.ts';
import { fetchExport, type ExportedFile } from './exports.ts';

const Versions = graphql(
  `
    query RateVersions($filter: RateTableVersionPageFilter) {
      rateTableVersionsPage(
        page: 1
        perPage: 100
        sort: { field: "effectiveFrom", order: DESC }
        filter: $filter
      ) {
        nodes {
          ...RateTableVersionFields
        }
      }
    }
  `,
  [RateTableVersionFields],
);
const Entries = graphql(
  `
    query RateEntries($page: Int!, $filter: RateEntryPageFilter) {
      rateEntriesPage(
        page: $page
        perPage: 100
        sort: { field: "position", order: ASC }
        filter: $filter
      ) {
        total
        nodes {
          ...RateEntryFields
        }
      }
    }
  `,
  [RateEntryFields],
);
const Publish = graphql(
  `
    mutation PublishRateVersion($id: ID!, $version: Int!) {
      publishRateTableVersion(id: $id, version: $version) {
        ...RateTableVersionFields
      }
    }
  `,
  [RateTableVersionFields],
);
const ImportCsv = graphql(
  `
    mutation ImportRateVersionCsv($id: ID!, $version: Int!, $csv: String!) {
      importRateTableVersionCsv(id: $id, version: $version, csv: $csv) {
        ...RateTableVersionFields
      }
    }
  `,
  [RateTableVersionFields],
);

type VersionResult = ResultOf<typeof RateTableVersionFields>;
type EntryResult = ResultOf<typeof RateEntryFields>;

/** A rate-table version as the screens use it (the table's id flattened). */
export type ApiRateVersion = Omit<VersionResult, 'table' | 'publishedAt'> & {
  tableId: string;
  publishedAt?: string | null;
};
/**
 * A rate entry with its version's id. `dimensions` and `attributes` are JSON in the schema: the
 * API writes dimensions as `{ name: value }` text pairs and attributes as an object.
 */
export type ApiRateEntry = Omit<EntryResult, 'dimensions' | 'attributes'> & {
  versionId: string;
  dimensions: Record<string, string>;
  attributes?: Record<string, unknown> | null;
  updatedAt?: string;
};
export type RateVersionInputFields = {
  tableId: string;
  basedOnId?: string;
  effectiveFrom: string;
  effectiveTo?: string;
  label?: string;
  note?: string;
};
export type NewRateEntryInput = {
  versionId: string;
  dimensions: Record<string, string>;
  amount?: string;
  rate?: string;
  code?: string | null;
  name?: string | null;
  unit?: string | null;
  /** Undoing a cleared cell brings back what the printed matrix shows beside the value. */
  baseKey?: string | null;
  attributes?: Record<string, unknown> | null;
  position?: number;
};

function toVersion(v: VersionResult | Record<string, unknown>, tableId?: string): ApiRateVersion {
  const { table, ...rest } = v as VersionResult;
  return { ...rest, tableId: table?.id ?? tableId ?? '' };
}

function toEntry(e: EntryResult | Record<string, unknown>, versionId: string): ApiRateEntry {
  return { ...(e as EntryResult), versionId } as ApiRateEntry;
}

/** The custom methods, over `dataProvider`'s own CRUD methods. */
export const rateTableMethods = (dataProvider: DataProvider) => ({
  async getRateTableVersions(tableId: string): Promise<ApiRateVersion[]> {
    const data = await request(Versions, { filter: { tableId } });
    return data.rateTableVersionsPage.nodes.map((v) => toVersion(v, tableId));
  },
  /** Every entry of a version, in printed order (pages of the API's largest size). */
  async getRateEntries(versionId: string): Promise<ApiRateEntry[]> {
    const all: ApiRateEntry[] = [];
    for (let page = 1; ; page++) {
      const { rateEntriesPage } = await request(Entries, { page, filter: { versionId } });
      all.push(...rateEntriesPage.nodes.map((e) => toEntry(e, versionId)));
      if (all.length >= rateEntriesPage.total || rateEntriesPage.nodes.length === 0) return all;
    }
  },
  async publishRateTableVersion(v: ApiRateVersion): Promise<ApiRateVersion> {
    return toVersion(
      (await request(Publish, { id: v.id, version: v.version })).publishRateTableVersion,
      v.tableId,
    );
  },
  /**
   * A version's entries as the CSV the import reads back unchanged (Chinese headers, every field),
   * streamed by GET /exports/rate-table-versions/<id>.csv with the session's token.
   */
  async rateTableVersionCsv(v: ApiRateVersion): Promise<ExportedFile> {
    return fetchExport(
      `/exports/rate-table-versions/${encodeURIComponent(v.id)}.csv`,
      `${v.effectiveFrom}.csv`,
    );
  },
  /** Replaces a draft's entries; validated whole by the server, so a bad row writes nothing. */
  async importRateTableVersionCsv(v: ApiRateVersion, csv: string): Promise<ApiRateVersion> {
    return toVersion(
      (await request(ImportCsv, { id: v.id, version: v.version, csv })).importRateTableVersionCsv,
      v.tableId,
    );
  },
  /** A new draft effective from `effectiveFrom`, with the entries of `basedOnId` copied in (none without). */
  async createRateTableVersion(input: RateVersionInputFields): Promise<ApiRateVersion> {
    const { data } = await dataProvider.create('rateTableVersions', { data: input });
    return toVersion(data, input.tableId);
  },
  /** Changes a draft's dates (the server refuses a version that has started). */
  async updateRateTableVersionDates(
    v: ApiRateVersion,
    input: { effectiveFrom: string; effectiveTo: string | null },
  ): Promise<ApiRateVersion> {
    const { data } = await dataProvider.update('rateTableVersions', {
      id: v.id,
      data: input,
      previousData: v,
    });
    return toVersion(data, v.tableId);
  },
  /** Deletes a draft with its entries (the server refuses a published version). */
  async deleteRateTableVersion(v: ApiRateVersion): Promise<void> {
    await dataProvider.delete('rateTableVersions', { id: v.id, previousData: v });
  },
  /** A cell's new value (dataProvider.update: the stale-edit check uses the entry's version). */
  async updateRateEntry(
    entry: ApiRateEntry,
    input: { amount?: string | null; rate?: string | null },
  ): Promise<ApiRateEntry> {
    const { data } = await dataProvider.update('rateEntries', {
      id: entry.id,
      data: input,
      previousData: entry,
    });
    return toEntry(data, entry.versionId);
  },
  /** A new entry of a draft (a cell of a row added to the matrix). */
  async createRateEntry(input: NewRateEntryInput): Promise<ApiRateEntry> {
    const { data } = await dataProvider.create('rateEntries', { data: input });
    return toEntry(data, input.versionId);
  },
  /** Removes an entry of a draft (undoing a created cell). */
  async deleteRateEntry(entry: ApiRateEntry): Promise<void> {
    await dataProvider.delete('rateEntries', { id: entry.id, previousData: entry });
  },
});
