import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE, pairDelayMs } from './throttle.ts';

describe('pairDelayMs', () => {
  it('lets three failures pass, then doubles from one second up to fifteen minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => pairDelayMs(n))).toEqual([
      0, 0, 0, 1000, 2000, 4000, 8000,
    ]);
    expect(pairDelayMs(100)).toBe(DEFAULT_THROTTLE.maxDelayMs);
  });
});
