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
  /** 项目内涵, 除外内容, 说明, caps … (JSON; absent when not asked for). */
  attributes?: Record<string, unknown> | null;
}

const VERSION_FIELDS = resources.rateTableVersions!.fields;
// With the entry's attributes: the printed matrix shows 项目内涵/除外内容/说明 and caps.
const ENTRY_FIELDS = `${resources.rateEntries!.fields} attributes`;

export async function versionsOf(tableId: string): Promise<ApiRateVersion[]> {
  const data = await gql<{ rateTableVersionsPage: { nodes: (ApiRateVersion & { table?: { id: string } })[] } }>(
    `query Versions($filter: RateTableVersionPageFilter) {
      rateTableVersionsPage(page: 1, perPage: 100, sort: { field: "effectiveFrom", order: DESC }, filter: $filter) { nodes { ${VERSION_FIELDS} } }
    }`,
    { filter: { tableId } },
  );
  return data.rateTableVersionsPage.nodes.map((v) => ({ ...v, tableId: v.table?.id ?? tableId }));
}

export async function entriesOf(versionId: string): Promise<ApiRateEntry[]> {
  const all: ApiRateEntry[] = [];
  for (let page = 1; ; page++) {
    const data = await gql<{ rateEntriesPage: { nodes: ApiRateEntry[]; total: number } }>(
      `query Entries($page: Int!, $filter: RateEntryPageFilter) {
        rateEntriesPage(page: $page, perPage: 100, sort: { field: "position", order: ASC }, filter: $filter) { total nodes { ${ENTRY_FIELDS} } }
      }`,
      { page, filter: { versionId } },
    );
    all.push(...data.rateEntriesPage.nodes.map((e) => ({ ...e, versionId })));
    if (all.length >= data.rateEntriesPage.total || data.rateEntriesPage.nodes.length === 0) return all;
  }
}

/** A new draft version effective from `effectiveFrom`, with the entries of `basedOnId` copied in (none without). */
export async function createVersionFrom(input: { tableId: string; basedOnId?: string; effectiveFrom: string; effectiveTo?: string; label?: string; note?: string }) {
  const data = await gql<{ createRateTableVersion: ApiRateVersion }>(
    `mutation NewVersion($input: RateTableVersionInput!) { createRateTableVersion(input: $input) { ${VERSION_FIELDS} } }`,
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
    `mutation UpdateEntry($id: ID!, $version: Int!, $input: RateEntryPatch!) { updateRateEntry(id: $id, version: $version, input: $input) { ${ENTRY_FIELDS} } }`,
    { id: entry.id, version: entry.version, input },
  );
  return { ...data.updateRateEntry, versionId: entry.versionId };
}

/** A new entry of a draft (a cell of a row added to the matrix). */
export async function createEntry(input: { versionId: string; dimensions: Record<string, string>; amount?: string; rate?: string; code?: string | null; name?: string | null; unit?: string | null }) {
  const data = await gql<{ createRateEntry: ApiRateEntry }>(
    `mutation CreateEntry($input: RateEntryInput!) { createRateEntry(input: $input) { ${ENTRY_FIELDS} } }`,
    { input },
  );
  return { ...data.createRateEntry, versionId: input.versionId };
}

/** Removes an entry of a draft (undoing a created cell). */
export async function deleteEntry(entry: ApiRateEntry) {
  await gql<{ deleteRateEntry: { id: string } }>(
    `mutation DeleteEntry($id: ID!, $version: Int!) { deleteRateEntry(id: $id, version: $version) { id } }`,
    { id: entry.id, version: entry.version },
  );
}

/** Replaces a draft's entries; validated whole by the server, so a bad row writes nothing. */
export async function importCsv(v: ApiRateVersion, csv: string): Promise<ApiRateVersion> {
  const data = await gql<{ importRateTableVersionCsv: ApiRateVersion }>(
    `mutation ImportCsv($id: ID!, $version: Int!, $csv: String!) { importRateTableVersionCsv(id: $id, version: $version, csv: $csv) { ${VERSION_FIELDS} } }`,
    { id: v.id, version: v.version, csv },
  );
  return data.importRateTableVersionCsv;
}

/** Changes a draft's dates (the server refuses a version that has started). */
export async function updateVersionDates(v: ApiRateVersion, input: { effectiveFrom: string; effectiveTo: string | null }) {
  const data = await gql<{ updateRateTableVersion: ApiRateVersion }>(
    `mutation UpdateVersion($id: ID!, $version: Int!, $input: RateTableVersionPatch!) { updateRateTableVersion(id: $id, version: $version, input: $input) { ${VERSION_FIELDS} } }`,
    { id: v.id, version: v.version, input },
  );
  return data.updateRateTableVersion;
}

/** Deletes a draft with its entries (the server refuses a published version). */
export async function deleteVersion(v: ApiRateVersion) {
  await gql<{ deleteRateTableVersion: { id: string } }>(
    `mutation DeleteVersion($id: ID!, $version: Int!) { deleteRateTableVersion(id: $id, version: $version) { id } }`,
    { id: v.id, version: v.version },
  );
}
