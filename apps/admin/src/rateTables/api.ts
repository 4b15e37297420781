// Rate-table operations beyond plain CRUD: versions copied from a date, publish, CSV import.
import { gql } from '../graphql/client.ts';
import { resources } from '../dataProvider/resources.ts';

export interface ApiRateVersion {
  id: string;
  tableId: string;
  label: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  status: 'DRAFT' | 'PUBLISHED';
  note: string | null;
  basedOnId: string | null;
  version: number;
}

export interface ApiRateEntry {
  id: string;
  versionId: string;
  key: string;
  dimensions: Record<string, string>;
  code: string | null;
  name: string | null;
  unit: string | null;
  amount: string | null;
  rate: string | null;
  baseKey: string | null;
  position: number;
  version: number;
  updatedAt?: string;
}

const VERSION_FIELDS = resources.rateTableVersions!.fields;
const ENTRY_FIELDS = resources.rateEntries!.fields;

type Conn<T> = { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

export async function versionsOf(tableId: string): Promise<ApiRateVersion[]> {
  const data = await gql<{ node: { versions: Conn<ApiRateVersion & { table: { id: string } }> } | null }>(
    `query Versions($id: ID!) { node(id: $id) { ... on RateTable { versions(first: 100) { pageInfo { hasNextPage endCursor } edges { node { ${VERSION_FIELDS} } } } } } }`,
    { id: tableId },
  );
  const list = (data.node?.versions.edges ?? []).map((e) => ({ ...e.node, tableId: e.node.table?.id ?? tableId }));
  return list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0));
}

export async function entriesOf(versionId: string): Promise<ApiRateEntry[]> {
  const all: ApiRateEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { node: { entries: Conn<ApiRateEntry> } | null } = await gql(
      `query Entries($id: ID!, $after: String) { node(id: $id) { ... on RateTableVersion { entries(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${ENTRY_FIELDS} } } } } } }`,
      { id: versionId, after },
    );
    const conn = data.node?.entries;
    if (!conn) return all;
    all.push(...conn.edges.map((e) => ({ ...e.node, versionId })));
    if (!conn.pageInfo.hasNextPage) return all.sort((a, b) => a.position - b.position);
    after = conn.pageInfo.endCursor;
  }
}

/** A new draft version effective from `effectiveFrom`, with the entries of `basedOnId` copied in. */
export async function createVersionFrom(input: { tableId: string; basedOnId: string; effectiveFrom: string; label?: string; note?: string }) {
  const data = await gql<{ createRateTableVersion: ApiRateVersion }>(
    `mutation NewVersion($input: CreateRateTableVersionInput!) { createRateTableVersion(input: $input) { ${VERSION_FIELDS} } }`,
    { input },
  );
  return data.createRateTableVersion;
}

export async function publishVersion(v: ApiRateVersion) {
  const data = await gql<{ publishRateTableVersion: ApiRateVersion }>(
    `mutation Publish($id: ID!, $version: Int!) { publishRateTableVersion(id: $id, version: $version) { ${VERSION_FIELDS} } }`,
    { id: v.id, version: v.version },
  );
  return data.publishRateTableVersion;
}

export async function updateEntry(entry: ApiRateEntry, input: { amount?: string | null; rate?: string | null }) {
  const data = await gql<{ updateRateEntry: ApiRateEntry }>(
    `mutation UpdateEntry($id: ID!, $version: Int!, $input: UpdateRateEntryInput!) { updateRateEntry(id: $id, version: $version, input: $input) { ${ENTRY_FIELDS} } }`,
    { id: entry.id, version: entry.version, input },
  );
  return data.updateRateEntry;
}

export interface CsvImportReport {
  ok: boolean;
  imported: number;
  errors: { row: number; column: string | null; message: string }[];
}

/** Validated whole by the server; with any bad row nothing is written. */
export async function importCsv(versionId: string, csv: string, dryRun: boolean): Promise<CsvImportReport> {
  const data = await gql<{ importRateTableVersionCsv: CsvImportReport }>(
    `mutation ImportCsv($input: ImportRateCsvInput!) { importRateTableVersionCsv(input: $input) { ok imported errors { row column message } } }`,
    { input: { versionId, csv, dryRun } },
  );
  return data.importRateTableVersionCsv;
}
