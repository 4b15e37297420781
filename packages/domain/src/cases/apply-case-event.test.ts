import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import {
  allowedEvents,
  applyCaseEvent,
  latestReviewDeadline,
  maxReviewDays,
  type CaseEventInput,
  type CaseSnapshot,
} from './apply-case-event.ts';
import {
  CASE_EVENT_TYPES,
  CASE_STATES,
  REVIEW_CONDITIONS,
  REVIEW_EXCLUSIONS,
  TERMINATION_REASONS,
  type CaseEventType,
  type CaseState,
} from './codes.ts';

const FILED = '2025-01-02';
const snap = (state: CaseState, lastEventOn?: string): CaseSnapshot => ({
  state,
  filedOn: FILED,
  lastEventOn,
});

const VALID: Record<CaseEventType, CaseEventInput> = {
  ACCEPT: {
    type: 'ACCEPT',
    on: '2025-01-06',
    reviewMode: 'INTERNAL',
    reviewDays: 15,
    conditionsMet: [...REVIEW_CONDITIONS],
    exclusions: [],
  },
  REJECT: { type: 'REJECT', on: '2025-01-06', reason: '未能积极主动整改' },
  TERMINATE: { type: 'TERMINATE', on: '2025-01-10', reason: 'NEW_VIOLATION' },
  RECORD_RESULT: { type: 'RECORD_RESULT', on: '2025-01-21', passed: true },
  DECIDE: { type: 'DECIDE', on: '2025-01-25', decision: 'STANDARD' },
};

/** Catches the DomainError a call throws, failing when it throws nothing or something else. */
function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

// Written out by hand from the contract, not derived from the code under test.
const X = 'INVALID_TRANSITION';
const EXPECTED: Record<CaseState, Record<CaseEventType, CaseState | typeof X>> = {
  REGISTERED: {
    ACCEPT: 'UNDER_REVIEW',
    REJECT: 'REJECTED',
    TERMINATE: X,
    RECORD_RESULT: X,
    DECIDE: X,
  },
  UNDER_REVIEW: {
    ACCEPT: X,
    REJECT: X,
    TERMINATE: 'TERMINATED',
    RECORD_RESULT: 'PASSED',
    DECIDE: X,
  },
  REJECTED: { ACCEPT: X, REJECT: X, TERMINATE: X, RECORD_RESULT: X, DECIDE: X },
  TERMINATED: { ACCEPT: X, REJECT: X, TERMINATE: X, RECORD_RESULT: X, DECIDE: 'DECIDED' },
  PASSED: { ACCEPT: X, REJECT: X, TERMINATE: X, RECORD_RESULT: X, DECIDE: 'DECIDED' },
  FAILED: { ACCEPT: X, REJECT: X, TERMINATE: X, RECORD_RESULT: X, DECIDE: 'DECIDED' },
  DECIDED: { ACCEPT: X, REJECT: X, TERMINATE: X, RECORD_RESULT: X, DECIDE: X },
};

const PAIRS = CASE_STATES.flatMap((state) =>
  CASE_EVENT_TYPES.map((event) => ({ state, event, expected: EXPECTED[state][event] })),
);

describe('every state × event pair', () => {
  it('covers all 35 pairs', () => {
    expect(PAIRS).toHaveLength(35);
  });

  it.each(PAIRS)('$state + $event → $expected', ({ state, event, expected }) => {
    const run = () => applyCaseEvent(snap(state), VALID[event]);
    if (expected === X) {
      const error = errorOf(run);
      expect(error.code).toBe('INVALID_TRANSITION');
      expect(error.message).toContain(state);
      expect(error.message).toContain(event);
    } else {
      const result = run();
      expect(result.fromState).toBe(state);
      expect(result.nextState).toBe(expected);
    }
  });

  it('refuses a disallowed move before looking at its fields', () => {
    const error = errorOf(() =>
      applyCaseEvent(snap('REGISTERED'), { type: 'DECIDE', on: 'not a date' }),
    );
    expect(error.code).toBe('INVALID_TRANSITION');
  });

  it('names the state and event in Chinese when refusing', () => {
    const error = errorOf(() => applyCaseEvent(snap('DECIDED'), VALID.DECIDE));
    expect(error.message).toContain('已作出处理决定');
    expect(error.message).toContain('作出处理决定');
    expect(error.details).toEqual({ state: 'DECIDED', event: 'DECIDE' });
  });
});

describe('allowedEvents', () => {
  it.each(CASE_STATES)('offers in %s exactly the events the contract allows', (state) => {
    const expected = CASE_EVENT_TYPES.filter((e) => EXPECTED[state][e] !== X);
    expect(allowedEvents(state)).toEqual(expected);
  });
});

describe('ACCEPT (泸市监规发〔2024〕2号 第四条、第五条、第十三条)', () => {
  const accept = (patch: Partial<CaseEventInput>) =>
    applyCaseEvent(snap('REGISTERED'), { ...VALID.ACCEPT, ...patch });

  it('writes the review fields and issues the acceptance then the suspension notice', () => {
    const result = accept({ reviewMode: 'THIRD_PARTY' });
    expect(result).toEqual({
      fromState: 'REGISTERED',
      nextState: 'UNDER_REVIEW',
      changes: {
        reviewMode: 'THIRD_PARTY',
        reviewDays: 15,
        acceptedOn: '2025-01-06',
        reviewDeadline: '2025-01-21',
        conditionsMet: ['FACTS_CLEAR', 'COOPERATED', 'RECTIFYING', 'VOLUNTARY'],
        exclusions: [],
      },
      notices: ['ACCEPTANCE', 'SUSPENSION'],
    });
  });

  it('keeps the conditions de-duplicated in article order', () => {
    const result = accept({
      conditionsMet: ['VOLUNTARY', 'FACTS_CLEAR', 'RECTIFYING', 'COOPERATED', 'VOLUNTARY'],
    });
    expect(result.changes.conditionsMet).toEqual([
      'FACTS_CLEAR',
      'COOPERATED',
      'RECTIFYING',
      'VOLUNTARY',
    ]);
  });

  it.each(REVIEW_CONDITIONS)('refuses when condition %s does not hold', (condition) => {
    const error = errorOf(() =>
      accept({ conditionsMet: REVIEW_CONDITIONS.filter((c) => c !== condition) }),
    );
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.details).toEqual({ missingConditions: [condition] });
    expect(error.message).toContain('第四条');
  });

  it('refuses when no condition holds', () => {
    const error = errorOf(() => accept({ conditionsMet: [] }));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.details).toEqual({ missingConditions: [...REVIEW_CONDITIONS] });
  });

  it.each(REVIEW_EXCLUSIONS)('refuses when exclusion %s applies', (exclusion) => {
    const error = errorOf(() => accept({ exclusions: [exclusion] }));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.details).toEqual({ exclusions: [exclusion] });
    expect(error.message).toContain('第五条');
  });

  it.each([
    ['reviewMode', { reviewMode: undefined }],
    ['reviewMode', { reviewMode: 'OUTSOURCED' as never }],
    ['reviewDays', { reviewDays: null }],
    ['reviewDays', { reviewDays: 0 }],
    ['reviewDays', { reviewDays: -3 }],
    ['reviewDays', { reviewDays: 1.5 }],
    ['reviewDays', { reviewDays: '15' as never }],
    ['conditionsMet', { conditionsMet: undefined }],
    ['conditionsMet', { conditionsMet: ['FACTS_CLEAR', 'HONEST'] as never }],
    ['conditionsMet', { conditionsMet: 'FACTS_CLEAR' as never }],
    ['exclusions', { exclusions: undefined }],
    ['exclusions', { exclusions: ['MURDER'] as never }],
  ])('rejects a missing or invalid %s as BAD_USER_INPUT naming it (%j)', (field, patch) => {
    const error = errorOf(() => accept(patch));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
  });

  it('ignores fields that belong to other event types', () => {
    const result = accept({ passed: false, decision: 'NO_PENALTY', reason: 'x' });
    expect(Object.keys(result.changes).sort()).toEqual([
      'acceptedOn',
      'conditionsMet',
      'exclusions',
      'reviewDays',
      'reviewDeadline',
      'reviewMode',
    ]);
  });
});

describe('the two-month review limit (第十三条: 最长不超过两个月)', () => {
  const acceptOn = (on: string, reviewDays: number) =>
    applyCaseEvent(
      { state: 'REGISTERED', filedOn: '2023-01-01' },
      { ...VALID.ACCEPT, on, reviewDays },
    );

  it('allows a deadline of exactly two calendar months', () => {
    expect(acceptOn('2025-01-10', 59).changes.reviewDeadline).toBe('2025-03-10');
  });

  it('refuses one day more than two calendar months, on reviewDays', () => {
    const error = errorOf(() => acceptOn('2025-01-10', 60));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('reviewDays');
    expect(error.message).toContain('2025-03-10');
  });

  it('clamps to the end of February: accepted 2025-12-31 may run to 2026-02-28', () => {
    expect(acceptOn('2025-12-31', 59).changes.reviewDeadline).toBe('2026-02-28');
    expect(errorOf(() => acceptOn('2025-12-31', 60)).field).toBe('reviewDays');
  });

  it('uses 29 February in a leap year', () => {
    expect(acceptOn('2023-12-31', 60).changes.reviewDeadline).toBe('2024-02-29');
    expect(errorOf(() => acceptOn('2023-12-31', 61)).code).toBe('BAD_USER_INPUT');
  });

  it('allows 61 days when both months have 31 days', () => {
    expect(acceptOn('2025-08-31', 61).changes.reviewDeadline).toBe('2025-10-31');
    expect(errorOf(() => acceptOn('2025-08-31', 62)).field).toBe('reviewDays');
  });

  it('clamps 31 July to 30 September', () => {
    expect(acceptOn('2025-07-31', 61).changes.reviewDeadline).toBe('2025-09-30');
    expect(errorOf(() => acceptOn('2025-07-31', 62)).field).toBe('reviewDays');
  });

  it('refuses an absurdly long period without computing a date from it', () => {
    const error = errorOf(() => acceptOn('2025-01-10', 1e12));
    expect(error.field).toBe('reviewDays');
    expect(error.message).not.toContain('NaN');
  });

  it('allows the usual half-month period (一般不超过半个月)', () => {
    expect(acceptOn('2025-01-06', 15).changes.reviewDeadline).toBe('2025-01-21');
  });
});

describe('maxReviewDays and latestReviewDeadline (第十三条)', () => {
  it.each([
    ['2025-01-10', '2025-03-10', 59],
    ['2025-12-31', '2026-02-28', 59],
    ['2023-12-31', '2024-02-29', 60],
    ['2025-08-31', '2025-10-31', 61],
  ])('from %s the last allowed day is %s (%i days)', (on, latest, days) => {
    expect(latestReviewDeadline(on)).toBe(latest);
    expect(maxReviewDays(on)).toBe(days);
  });
});

describe('REJECT', () => {
  it('keeps the trimmed reason and issues no notice', () => {
    const result = applyCaseEvent(snap('REGISTERED'), {
      ...VALID.REJECT,
      reason: '  主观故意违法 ',
    });
    expect(result.changes).toEqual({ rejectionReason: '主观故意违法' });
    expect(result.notices).toEqual([]);
  });

  it.each([undefined, null, '', '   '])('requires a reason (%j)', (reason) => {
    const error = errorOf(() => applyCaseEvent(snap('REGISTERED'), { ...VALID.REJECT, reason }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('reason');
  });
});

describe('TERMINATE (第十五条)', () => {
  it.each(TERMINATION_REASONS)('accepts reason %s and issues the termination notice', (reason) => {
    const result = applyCaseEvent(snap('UNDER_REVIEW'), { ...VALID.TERMINATE, reason });
    expect(result.nextState).toBe('TERMINATED');
    expect(result.changes).toEqual({ terminationReason: reason });
    expect(result.notices).toEqual(['TERMINATION']);
  });

  it.each([undefined, '拒不整改', 'new_violation'])('refuses reason %j', (reason) => {
    const error = errorOf(() =>
      applyCaseEvent(snap('UNDER_REVIEW'), { ...VALID.TERMINATE, reason }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('reason');
  });
});

describe('RECORD_RESULT (第十六条)', () => {
  it('goes to FAILED when the review was not passed, with the result notice', () => {
    const result = applyCaseEvent(snap('UNDER_REVIEW'), { ...VALID.RECORD_RESULT, passed: false });
    expect(result.nextState).toBe('FAILED');
    expect(result.changes).toEqual({ passed: false });
    expect(result.notices).toEqual(['RESULT']);
  });

  it('goes to PASSED with the result notice', () => {
    const result = applyCaseEvent(snap('UNDER_REVIEW'), VALID.RECORD_RESULT);
    expect(result.changes).toEqual({ passed: true });
    expect(result.notices).toEqual(['RESULT']);
  });

  it.each([undefined, null, 'true', 1])('requires passed as a boolean (%j)', (passed) => {
    const error = errorOf(() =>
      applyCaseEvent(snap('UNDER_REVIEW'), { ...VALID.RECORD_RESULT, passed: passed as never }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('passed');
  });
});

describe('DECIDE (第十七条、第十八条)', () => {
  it.each([
    ['NO_PENALTY', true],
    ['LIGHTER', true],
    ['MITIGATED', true],
    ['STANDARD', false],
  ] as const)('%s sets keySupervision to %s', (decision, keySupervision) => {
    const result = applyCaseEvent(snap('PASSED'), { ...VALID.DECIDE, decision });
    expect(result.changes).toEqual({ decision, keySupervision });
    expect(result.notices).toEqual([]);
  });

  it('allows a lenient decision after a failed review too (第十七条 weighs all factors)', () => {
    const result = applyCaseEvent(snap('FAILED'), { ...VALID.DECIDE, decision: 'MITIGATED' });
    expect(result.changes.keySupervision).toBe(true);
  });

  it.each([undefined, 'FINE'])('requires a known decision (%j)', (decision) => {
    const error = errorOf(() =>
      applyCaseEvent(snap('TERMINATED'), { ...VALID.DECIDE, decision: decision as never }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('decision');
  });
});

describe('the event date `on`', () => {
  it.each([undefined, '', '2025-02-30', '2025/01/06'])('must be a plain date (%j)', (on) => {
    const error = errorOf(() =>
      applyCaseEvent(snap('REGISTERED'), { ...VALID.REJECT, on: on as never }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('on');
  });

  it('may be the filing date itself', () => {
    const result = applyCaseEvent(snap('REGISTERED'), { ...VALID.REJECT, on: FILED });
    expect(result.nextState).toBe('REJECTED');
  });

  it('may not precede the filing date', () => {
    const error = errorOf(() =>
      applyCaseEvent(snap('REGISTERED'), { ...VALID.REJECT, on: '2025-01-01' }),
    );
    expect(error.field).toBe('on');
    expect(error.message).toContain(FILED);
  });

  it('may not precede the previous event, but may share its day', () => {
    const before = errorOf(() => applyCaseEvent(snap('PASSED', '2025-01-26'), VALID.DECIDE));
    expect(before.code).toBe('BAD_USER_INPUT');
    expect(before.field).toBe('on');
    const same = applyCaseEvent(snap('PASSED', '2025-01-25'), VALID.DECIDE);
    expect(same.nextState).toBe('DECIDED');
  });

  it('rejects an unknown event type on the field type', () => {
    const error = errorOf(() =>
      applyCaseEvent(snap('REGISTERED'), { type: 'REOPEN' as never, on: '2025-01-06' }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('type');
  });
});

describe('purity', () => {
  it('leaves frozen inputs untouched and returns fresh lists', () => {
    const conditionsMet = Object.freeze([...REVIEW_CONDITIONS].reverse());
    const event = Object.freeze({ ...VALID.ACCEPT, conditionsMet });
    const snapshot = Object.freeze(snap('REGISTERED'));
    const result = applyCaseEvent(snapshot, event);
    expect(result.changes.conditionsMet).not.toBe(conditionsMet);
    expect(conditionsMet[0]).toBe('VOLUNTARY');
    expect(snapshot.state).toBe('REGISTERED');
  });
});

describe('a whole case', () => {
  it('runs from registration to a lenient decision', () => {
    let state: CaseState = 'REGISTERED';
    let lastEventOn: string | undefined;
    const notices: string[] = [];
    for (const event of [
      VALID.ACCEPT,
      VALID.RECORD_RESULT,
      { ...VALID.DECIDE, decision: 'NO_PENALTY' as const },
    ]) {
      const result = applyCaseEvent({ state, filedOn: FILED, lastEventOn }, event);
      state = result.nextState;
      lastEventOn = event.on;
      notices.push(...result.notices);
    }
    expect(state).toBe('DECIDED');
    expect(notices).toEqual(['ACCEPTANCE', 'SUSPENSION', 'RESULT']);
  });
});
