import { describe, expect, it } from 'vitest';
import { CASE_STATES } from './codes.ts';
import { isCaseOverdue } from './is-case-overdue.ts';

describe('isCaseOverdue', () => {
  it('is not overdue on the deadline itself, overdue from the day after (第十三条)', () => {
    const c = { state: 'UNDER_REVIEW', reviewDeadline: '2025-03-06' };
    expect(isCaseOverdue(c, '2025-03-05')).toBe(false);
    expect(isCaseOverdue(c, '2025-03-06')).toBe(false);
    expect(isCaseOverdue(c, '2025-03-07')).toBe(true);
    expect(isCaseOverdue(c, '2026-01-01')).toBe(true);
  });

  it('flags only cases under review, and none without a deadline', () => {
    const flagged = CASE_STATES.filter((state) =>
      isCaseOverdue({ state, reviewDeadline: '2025-01-01' }, '2025-06-01'),
    );
    expect(flagged).toEqual(['UNDER_REVIEW']);
    expect(isCaseOverdue({ state: 'UNDER_REVIEW', reviewDeadline: null }, '2025-06-01')).toBe(
      false,
    );
  });
});
