// The API's audit filter cannot leave an action out, so "logins hidden" is done here: the list is
// read in pages of the API's largest size, sign-ins and sign-outs (entity Session) are dropped,
// and the total is the count of everything less the count of sessions.
import type { RaRecord } from 'react-admin';

export type PageFetcher = (
  page: number,
  perPage: number,
  filter: Record<string, unknown> | undefined,
) => Promise<{ data: RaRecord[]; total: number }>;

export const SESSION_ENTITY = 'Session';

export async function rowsWithoutLogins(
  fetch: PageFetcher,
  offset: number,
  limit: number,
  filter: Record<string, unknown> | undefined,
  pageSize = 100,
) {
  const [sessions, first] = await Promise.all([
    fetch(1, 1, { ...filter, entity: SESSION_ENTITY }),
    fetch(1, pageSize, filter),
  ]);
  const total = first.total - sessions.total;
  const rows: RaRecord[] = [];
  let skipped = 0;
  let batch = first;
  for (let page = 1; ;) {
    for (const row of batch.data) {
      if (row.entity === SESSION_ENTITY) continue;
      if (skipped < offset) skipped++;
      else rows.push(row);
    }
    if (rows.length >= limit || batch.data.length < pageSize || page * pageSize >= batch.total)
      break;
    page++;
    batch = await fetch(page, pageSize, filter);
  }
  return { data: rows.slice(0, limit), total };
}

/** Whether a request asks for sessions anyway (shown on request, or filtered to). */
export function wantsLogins(filter: Record<string, unknown> | undefined): boolean {
  return (
    !!filter &&
    (filter.showLogins === true ||
      !!filter.entity ||
      (typeof filter.action === 'string' && filter.action.startsWith('session.')))
  );
}
