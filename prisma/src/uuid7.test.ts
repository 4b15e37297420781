import { describe, expect, it } from 'vitest';
import { uuid7 } from './uuid7.ts';

const SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const msOf = (id: string) => Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

describe('uuid7', () => {
  it('is a version 7, variant 10 UUID carrying the time in ms', () => {
    const now = Date.UTC(2026, 11, 3, 8, 0, 0, 123);
    const id = uuid7(now + 10_000_000); // later than anything made before in this process
    expect(id).toMatch(SHAPE);
    expect(msOf(id)).toBe(now + 10_000_000);
    expect(msOf(uuid7())).toBeGreaterThanOrEqual(now + 10_000_000); // never goes back
  });

  it('increases strictly, as text, within a millisecond, across the counter running out and when the clock goes back', () => {
    const t = Date.now() + 20_000_000;
    const ids = [
      ...Array.from({ length: 5000 }, () => uuid7(t)), // more than the 12-bit counter holds
      uuid7(t - 5000), // the clock went back
      ...Array.from({ length: 10 }, (_, i) => uuid7(t + 10 + i)),
    ];
    for (const id of ids) expect(id).toMatch(SHAPE);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(msOf(ids[4999]!)).toBeGreaterThan(t); // moved on when the counter ran out
  });

  it('has random bits: ids of one millisecond differ beyond the counter', () => {
    const t = Date.now() + 30_000_000;
    const tails = new Set(Array.from({ length: 200 }, () => uuid7(t).slice(19)));
    expect(tails.size).toBe(200);
  });
});
