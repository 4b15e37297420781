// react-admin's DataProvider over the API's page/node/create/update/delete fields.
import type { DataProvider, RaRecord, SortPayload } from 'react-admin';
import { postQuery } from '../graphql/client.ts';
import { resources, type ResourceOps } from './resources.ts';
import { rowsWithoutLogins, wantsLogins } from '../audit/withoutLogins.ts';
import { gazetteImportMethods } from './gazetteImports.ts';
import { rateTableMethods } from './rateTables.ts';
import { calculatorMethods } from './calculators.ts';
import { complianceMethods } from './compliance.ts';
import { worklistMethods } from './worklist.ts';
import { caseMethods } from './cases.ts';
import { searchMethods } from './search.ts';
import { policyMethods } from './policies.ts';
import { reviewTaskMethods } from './reviewTasks.ts';
import { apiTokenMethods } from './apiTokens.ts';
import { webhookMethods } from './webhooks.ts';

/** The dashboard's own operations beyond CRUD (publish, import, transition, quotes…). */
const customMethods = (crud: DataProvider) => ({
  ...gazetteImportMethods,
  ...rateTableMethods(crud),
  ...calculatorMethods,
  ...complianceMethods,
  ...worklistMethods,
  ...caseMethods,
  ...searchMethods,
  ...policyMethods,
  ...reviewTaskMethods,
  ...apiTokenMethods,
  ...webhookMethods,
});
export type CustomMethods = ReturnType<typeof customMethods>;

/** The API's largest page (`perPage` of every `<resource>Page`, `first` of every connection). */
export const API_MAX_PER_PAGE = 100;

export interface GetAllParams {
  sort?: SortPayload;
  filter?: Record<string, unknown>;
  meta?: unknown;
}

/** react-admin's methods, plus every row of a list at once (for exports). */
export interface GazetteDataProvider extends DataProvider, CustomMethods {
  getAll(resource: string, params: GetAllParams): Promise<{ data: RaRecord[]; total: number }>;
}

function ops(resource: string): ResourceOps {
  const found = resources[resource];
  if (!found) throw new Error(`Unknown resource ${resource}`);
  return found;
}

/** Drops empty filter values so "all" in a select does not become `status: ""`. */
export function cleanFilter(
  filter: Record<string, unknown> = {},
): Record<string, unknown> | undefined {
  const entries = Object.entries(filter).filter(
    ([, v]) => v !== '' && v !== undefined && v !== null,
  );
  return entries.length ? Object.fromEntries(entries) : undefined;
}

async function fetchPage(
  resource: string,
  page: number,
  perPage: number,
  sort: SortPayload | undefined,
  rawFilter: Record<string, unknown> | undefined,
) {
  const o = ops(resource);
  const filter = rawFilter && o.mapFilter ? o.mapFilter(rawFilter) : rawFilter;
  return fetchPageField(o, page, perPage, sort, filter);
}

async function fetchPageField(
  o: ResourceOps,
  page: number,
  perPage: number,
  sort: { field: string; order: string } | undefined,
  filter: Record<string, unknown> | undefined,
) {
  const query = `query ${o.page}($page: Int!, $perPage: Int!, $sort: SortInput, $filter: ${o.filterType}) {
    ${o.page}(page: $page, perPage: $perPage, sort: $sort, filter: $filter) { total nodes { ${o.fields} } }
  }
  ${o.fragment}`;
  const data = await postQuery<Record<string, { total: number; nodes: RaRecord[] }>>(query, {
    page,
    perPage,
    sort: sort?.field
      ? { field: sort.field, order: sort.order === 'DESC' ? 'DESC' : 'ASC' }
      : undefined,
    filter,
  });
  const result = data[o.page]!;
  return { data: result.nodes, total: result.total };
}

/** The largest page size the API accepts whose pages start exactly at `offset`. */
function pageSizeAt(offset: number): number {
  if (offset === 0) return API_MAX_PER_PAGE;
  for (let size = API_MAX_PER_PAGE; size > 1; size--) if (offset % size === 0) return size;
  return 1;
}

/**
 * `limit` rows from `offset` (Infinity: all the rest). One API page when the request fits one;
 * otherwise consecutive pages of at most API_MAX_PER_PAGE until enough rows, a short page, or the
 * end of the list. The API orders every page by the sort field, then id, so pages do not overlap.
 */
async function fetchRows(
  resource: string,
  offset: number,
  limit: number,
  sort: SortPayload | undefined,
  filter: Record<string, unknown> | undefined,
) {
  if (limit <= API_MAX_PER_PAGE && offset % limit === 0)
    return fetchPage(resource, offset / limit + 1, limit, sort, filter);
  const size = pageSizeAt(offset);
  const rows: RaRecord[] = [];
  for (let page = offset / size + 1; ; page++) {
    const { data, total } = await fetchPage(resource, page, size, sort, filter);
    rows.push(...data);
    if (rows.length >= limit || data.length < size || page * size >= total)
      return { data: rows.slice(0, limit), total };
  }
}

async function fetchByIds(resource: string, ids: readonly RaRecord['id'][]): Promise<RaRecord[]> {
  const o = ops(resource);
  const out: RaRecord[] = [];
  // Aliased node() lookups, in chunks below the API's alias limit.
  for (let i = 0; i < ids.length; i += 10) {
    const chunk = ids.slice(i, i + 10);
    const vars = chunk.map((_, j) => `$id${j}: ID!`).join(', ');
    const body = chunk
      .map((_, j) => `n${j}: node(id: $id${j}) { ... on ${o.type} { ${o.fields} } }`)
      .join('\n');
    const data = await postQuery<Record<string, RaRecord | null>>(
      `query Nodes(${vars}) { ${body} }
${o.fragment}`,
      Object.fromEntries(chunk.map((id, j) => [`id${j}`, String(id)])),
    );
    chunk.forEach((_, j) => {
      const record = data[`n${j}`];
      if (record) out.push(record);
    });
  }
  return out;
}

/**
 * One screen's page of a list (getList, getManyReference). Pages larger than the API's
 * (react-admin's export asks for 1,000) are read in several. The audit log's screen hides sign-ins
 * and sign-outs unless asked (the API has no filter for it); its export stays the whole log.
 */
async function listPage(
  resource: string,
  pagination: { page?: number; perPage?: number } | undefined,
  sort: SortPayload | undefined,
  filter: Record<string, unknown> | undefined,
) {
  const { page = 1, perPage = 25 } = pagination ?? {};
  const offset = (page - 1) * perPage;
  if (resource === 'auditEntries' && !wantsLogins(filter))
    return rowsWithoutLogins(
      (p, size, f) => fetchPage(resource, p, size, sort, f),
      offset,
      perPage,
      filter,
      API_MAX_PER_PAGE,
    );
  return fetchRows(resource, offset, perPage, sort, filter);
}

const crudProvider: DataProvider & Pick<GazetteDataProvider, 'getAll'> = {
  async getList(resource, params) {
    return (await listPage(
      resource,
      params.pagination,
      params.sort,
      cleanFilter(params.filter),
    )) as never;
  },
  async getAll(resource, params) {
    return fetchRows(resource, 0, Infinity, params.sort, cleanFilter(params.filter));
  },
  async getOne(resource, params) {
    const [record] = await fetchByIds(resource, [params.id]);
    if (!record) throw new Error('ra.notification.item_doesnt_exist');
    return { data: record } as never;
  },
  async getMany(resource, params) {
    return { data: await fetchByIds(resource, params.ids) } as never;
  },
  async getManyReference(resource, params) {
    return (await listPage(
      resource,
      params.pagination,
      params.sort,
      cleanFilter({ ...params.filter, [params.target]: params.id }),
    )) as never;
  },
  async create(resource, params) {
    const o = ops(resource);
    if (!o.create) throw new Error(`${resource} cannot be created`);
    const input = o.toInput ? o.toInput(params.data) : params.data;
    const selection = o.create.payload ? `${o.create.payload} { ${o.fields} }` : o.fields;
    const data = await postQuery<Record<string, Record<string, RaRecord>>>(
      `mutation ${o.create.field}($input: ${o.create.input}!) { ${o.create.field}(input: $input) { ${selection} } }
${o.fragment}`,
      { input },
    );
    const result = data[o.create.field]!;
    return { data: o.create.payload ? result[o.create.payload] : result } as never;
  },
  async update(resource, params) {
    const o = ops(resource);
    if (!o.update) throw new Error(`${resource} cannot be updated`);
    const toInput = o.toUpdateInput ?? o.toInput;
    const input = toInput ? toInput(params.data) : params.data;
    // The version the person started from: a stale one makes the API answer CONFLICT.
    const version =
      (params.previousData as { version?: number } | undefined)?.version ??
      (params.data as { version?: number }).version;
    const data = await postQuery<Record<string, RaRecord>>(
      `mutation ${o.update.field}($id: ID!, $version: Int!, $input: ${o.update.input}!) {
        ${o.update.field}(id: $id, version: $version, input: $input) { ${o.fields} }
      }
      ${o.fragment}`,
      { id: String(params.id), version, input },
    );
    return { data: data[o.update.field]! } as never;
  },
  async updateMany(resource, params) {
    const done: RaRecord['id'][] = [];
    for (const id of params.ids) {
      const { data } = await dataProvider.getOne(resource, { id });
      await dataProvider.update(resource, { id, data: params.data, previousData: data });
      done.push(id);
    }
    return { data: done };
  },
  async delete(resource, params) {
    const o = ops(resource);
    if (!o.remove) throw new Error(`${resource} cannot be deleted`);
    const version = (params.previousData as { version?: number } | undefined)?.version;
    await postQuery(
      `mutation ${o.remove.field}($id: ID!, $version: Int!) { ${o.remove.field}(id: $id, version: $version) { id } }`,
      {
        id: String(params.id),
        version,
      },
    );
    return { data: params.previousData } as never;
  },
  async deleteMany(resource, params) {
    const { data: records } = await dataProvider.getMany(resource, { ids: params.ids });
    for (const record of records)
      await dataProvider.delete(resource, { id: record.id, previousData: record });
    return { data: params.ids };
  },
};

export const dataProvider: GazetteDataProvider = {
  ...crudProvider,
  ...customMethods(crudProvider),
};
