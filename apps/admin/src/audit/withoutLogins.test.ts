import { describe, expect, it } from 'vitest';
import { rowsWithoutLogins, wantsLogins } from './withoutLogins.ts';

const log = Array.from({ length: 23 }, (_, i) => ({
  id: String(i),
  entity: i % 3 === 0 ? 'Session' : 'Policy',
}));
const fetch = async (page: number, perPage: number, filter?: Record<string, unknown>) => {
  const rows = filter?.entity ? log.filter((r) => r.entity === filter.entity) : log;
  return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length };
};

describe('rowsWithoutLogins', () => {
  it('pages through the entries that are not sign-ins, with their own total', async () => {
    const all = log.filter((r) => r.entity !== 'Session').map((r) => r.id);
    const page2 = await rowsWithoutLogins(fetch, 5, 5, undefined, 4);
    expect(page2.total).toBe(all.length);
    expect(page2.data.map((r) => r.id)).toEqual(all.slice(5, 10));
    const rest = await rowsWithoutLogins(fetch, 0, Infinity, undefined, 4);
    expect(rest.data.map((r) => r.id)).toEqual(all);
  });
  it('lets sessions through when asked or filtered to', () => {
    expect(wantsLogins(undefined)).toBe(false);
    expect(wantsLogins({ showLogins: true })).toBe(true);
    expect(wantsLogins({ entity: 'Policy' })).toBe(true);
    expect(wantsLogins({ actor: 'admin' })).toBe(false);
  });
});
