import { describe, expect, it } from 'vitest';
import { isOverdue } from './overdue.ts';

describe('isOverdue', () => {
  it('is not overdue on the deadline itself, overdue the day after', () => {
    const c = { state: 'UNDER_REVIEW', reviewDeadline: '2025-03-06' };
    expect(isOverdue(c, '2025-03-06')).toBe(false);
    expect(isOverdue(c, '2025-03-07')).toBe(true);
  });
  it('never flags a case that left review', () => {
    expect(isOverdue({ state: 'PASSED', reviewDeadline: '2025-01-01' }, '2025-06-01')).toBe(false);
  });
});
