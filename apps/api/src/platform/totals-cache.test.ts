import { describe, expect, it } from 'vitest';
import { createTotalsCache, MAX_AGE_MS } from './totals-cache.ts';

function setup() {
  const store = { generation: 0, active: true };
  let clock = 1_000;
  const totals = createTotalsCache(store, () => clock);
  return { store, totals, tick: (ms: number) => (clock += ms) };
}

describe('createTotalsCache', () => {
  it('keeps a total counted since the last flush, per table', () => {
    const { totals } = setup();
    expect(totals.get('DiscretionCase')).toBeUndefined();
    totals.remember('DiscretionCase', 42, totals.ticket());
    expect(totals.get('DiscretionCase')).toBe(42);
    expect(totals.get('Policy')).toBeUndefined();
  });

  it('forgets everything at a flush, and never keeps a count that started before one', () => {
    const { store, totals } = setup();
    totals.remember('Policy', 7, totals.ticket());
    const ticket = totals.ticket();
    store.generation++; // a write was heard while counting
    expect(totals.get('Policy')).toBeUndefined();
    totals.remember('Organization', 3, ticket);
    expect(totals.get('Organization')).toBeUndefined();
    totals.remember('Organization', 4, totals.ticket());
    expect(totals.get('Organization')).toBe(4);
  });

  it('answers nothing and keeps nothing while flushes are not heard', () => {
    const { store, totals } = setup();
    totals.remember('Policy', 7, totals.ticket());
    store.active = false;
    expect(totals.get('Policy')).toBeUndefined();
    totals.remember('Organization', 1, totals.ticket());
    store.active = true;
    expect(totals.get('Organization')).toBeUndefined();
  });

  it('drops a total after MAX_AGE_MS whatever happens', () => {
    const { totals, tick } = setup();
    totals.remember('DiscretionCase', 9, totals.ticket());
    tick(MAX_AGE_MS);
    expect(totals.get('DiscretionCase')).toBe(9);
    tick(1);
    expect(totals.get('DiscretionCase')).toBeUndefined();
  });
});
