import { isCaseOverdue } from '@gazette/domain';
import { describe, expect, it } from 'vitest';
import { isOverdue } from './overdue.ts';

describe('isOverdue (the dashboard’s 已超期)', () => {
  it('is the domain’s rule that the API’s `overdue` uses, not a copy', () => {
    expect(isOverdue).toBe(isCaseOverdue);
  });
  it('flags a case under review from the day after its deadline, as the API does', () => {
    const c = { state: 'UNDER_REVIEW', reviewDeadline: '2025-03-06' };
    expect([isOverdue(c, '2025-03-06'), isOverdue(c, '2025-03-07')]).toEqual([false, true]);
    expect(isOverdue({ state: 'PASSED', reviewDeadline: '2025-01-01' }, '2025-06-01')).toBe(false);
  });
});
