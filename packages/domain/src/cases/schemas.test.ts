import { describe, expect, it } from 'vitest';
import { ZCaseEventInput, ZOpenDiscretionReviewInput } from './schemas.ts';

const OPEN = {
  caseName: '某公司销售超过保质期食品案',
  subjectName: '泸州某某食品有限公司',
  trigger: 'SUBJECT_APPLICATION',
  filedOn: '2025-01-02',
};

function issue(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return result.error!.issues[0]!;
}

describe('ZOpenDiscretionReviewInput', () => {
  it('accepts a valid input and trims names', () => {
    const parsed = ZOpenDiscretionReviewInput.parse({
      ...OPEN,
      subjectName: ' 泸州某某食品有限公司 ',
    });
    expect(parsed.subjectName).toBe('泸州某某食品有限公司');
  });

  it.each([
    ['caseName', { caseName: '   ' }, '案件名称'],
    ['subjectName', { subjectName: '' }, '涉案主体名称'],
    ['subjectName', { subjectName: undefined }, '涉案主体名称'],
    ['trigger', { trigger: 'PRESS_REPORT' }, '启动情形'],
    ['filedOn', { filedOn: '2025-13-01' }, '登记日期'],
  ])('rejects a bad %s with a Chinese message naming it', (field, patch, label) => {
    const first = issue(ZOpenDiscretionReviewInput.safeParse({ ...OPEN, ...patch }));
    expect(first.path).toEqual([field]);
    expect(first.message).toContain(field);
    expect(first.message).toContain(label);
  });
});

describe('ZCaseEventInput', () => {
  it('accepts a minimal event and one with every field', () => {
    expect(ZCaseEventInput.parse({ type: 'REJECT', on: '2025-01-06', reason: '不符合' }).type).toBe(
      'REJECT',
    );
    const full = {
      type: 'ACCEPT',
      on: '2025-01-06',
      reviewMode: 'THIRD_PARTY',
      reviewDays: 30,
      conditionsMet: ['FACTS_CLEAR'],
      exclusions: [],
      reason: null,
      passed: null,
      decision: null,
      note: '备注',
    };
    expect(ZCaseEventInput.parse(full)).toEqual(full);
  });

  it.each([
    ['type', { type: 'REOPEN' }],
    ['on', { on: '2025-02-30' }],
    ['reviewMode', { reviewMode: 'SELF' }],
    ['reviewDays', { reviewDays: 0 }],
    ['reviewDays', { reviewDays: 2.5 }],
    ['conditionsMet', { conditionsMet: ['HONEST'] }],
    ['exclusions', { exclusions: 'OTHER' }],
    ['passed', { passed: 'yes' }],
    ['decision', { decision: 'FINE' }],
  ])('rejects a bad %s naming it', (field, patch) => {
    const first = issue(ZCaseEventInput.safeParse({ type: 'ACCEPT', on: '2025-01-06', ...patch }));
    expect(first.path[0]).toBe(field);
    expect(first.message).toContain(field);
  });
});
