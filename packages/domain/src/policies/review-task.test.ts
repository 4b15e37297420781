import { describe, expect, it } from 'vitest';
import type { RateTable, RateVersion } from '../rates/model.ts';
import {
  checkReviewResolution,
  isReviewOverdue,
  reviewDueOn,
  tablesLeftWithoutRates,
} from './review-task.ts';

describe('reviewDueOn', () => {
  it('is six months before the end of a trial (泸市监规发〔2024〕2号, last day 2026-12-18)', () => {
    expect(reviewDueOn({ expiresOn: '2026-12-18', isTrial: true })).toBe('2026-06-18');
  });
  it('is six months before the end of the medical price trial (泸市医保规〔2024〕4号 五, last day 2026-10-31)', () => {
    expect(reviewDueOn({ expiresOn: '2026-10-31', isTrial: true })).toBe('2026-04-30');
  });
  it('is three months before the end of any other document (泸市府规〔2024〕4号, last day 2030-01-05)', () => {
    expect(reviewDueOn({ expiresOn: '2030-01-05', isTrial: false })).toBe('2029-10-05');
  });
  it('clamps to the last day of a shorter month', () => {
    expect(reviewDueOn({ expiresOn: '2026-08-31', isTrial: true })).toBe('2026-02-28');
    expect(reviewDueOn({ expiresOn: '2028-05-31', isTrial: false })).toBe('2028-02-29');
  });
  it('is null for a document without an end date', () => {
    expect(reviewDueOn({ expiresOn: null, isTrial: true })).toBeNull();
  });
});

describe('isReviewOverdue', () => {
  const task = { dueOn: '2026-06-18', outcome: null };
  it('is not overdue on its due day, overdue the day after', () => {
    expect(isReviewOverdue(task, '2026-06-18')).toBe(false);
    expect(isReviewOverdue(task, '2026-06-19')).toBe(true);
    expect(isReviewOverdue(task, '2026-12-02')).toBe(true);
  });
  it('is never overdue once it has an outcome', () => {
    expect(isReviewOverdue({ dueOn: '2026-06-18', outcome: 'EXTENDED' }, '2026-12-02')).toBe(false);
  });
});

describe('checkReviewResolution', () => {
  it('needs the replacing document for REPLACED, naming replacedBy', () => {
    expect(() => checkReviewResolution('REPLACED', null, '泸市监规发〔2024〕2号')).toThrowError(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'replacedBy' }),
    );
    expect(() => checkReviewResolution('REPLACED', ' ', '泸市监规发〔2024〕2号')).toThrowError(
      expect.objectContaining({ field: 'replacedBy' }),
    );
    expect(checkReviewResolution('REPLACED', '泸市府规〔2024〕4号', '泸市监规发〔2024〕2号')).toBe(
      '泸市府规〔2024〕4号',
    );
  });
  it('refuses a document replacing itself', () => {
    expect(() =>
      checkReviewResolution('REPLACED', '泸市监规发〔2024〕2号', '泸市监规发〔2024〕2号'),
    ).toThrowError(expect.objectContaining({ field: 'replacedBy' }));
  });
  it('refuses replacedBy with EXTENDED or LAPSES, and stores none', () => {
    expect(() => checkReviewResolution('EXTENDED', '泸市府规〔2024〕4号', 'x')).toThrowError(
      expect.objectContaining({ field: 'replacedBy' }),
    );
    expect(checkReviewResolution('LAPSES', null, 'x')).toBeNull();
    expect(checkReviewResolution('EXTENDED', undefined, 'x')).toBeNull();
  });
});

describe('tablesLeftWithoutRates', () => {
  const policy = {
    docNo: '泸市医保规〔2024〕4号',
    effectiveFrom: '2024-11-01',
    expiresOn: '2026-10-31',
    isTrial: true,
  };
  const version = (v: Partial<RateVersion>): RateVersion => ({
    label: null,
    effectiveFrom: '2024-11-01',
    effectiveTo: null,
    status: 'PUBLISHED',
    note: null,
    entries: [],
    ...v,
  });
  const table = (
    key: string,
    versions: RateVersion[],
  ): Pick<RateTable, 'versions' | 'policy'> & { key: string } => ({ key, policy, versions });

  it('lists a table whose only version ends with the document', () => {
    const t = table('medical', [version({})]);
    expect(tablesLeftWithoutRates([t], '2026-10-31')).toEqual([t]);
  });
  it('keeps out a table with a published version from the day after (set by another document)', () => {
    const next = version({
      effectiveFrom: '2026-11-01',
      policy: { docNo: '泸市医保规〔2026〕1号', effectiveFrom: '2026-11-01', expiresOn: null },
    });
    const t = table('medical', [version({ effectiveTo: '2026-10-31' }), next]);
    expect(tablesLeftWithoutRates([t], '2026-10-31')).toEqual([]);
  });
  it('ignores drafts: a draft successor still leaves the table without rates', () => {
    const draft = version({
      effectiveFrom: '2026-11-01',
      effectiveTo: '2027-10-31',
      status: 'DRAFT',
    });
    const t = table('medical', [version({}), draft]);
    expect(tablesLeftWithoutRates([t], '2026-10-31')).toEqual([t]);
  });
  it('keeps out a table whose version runs past the end on a date of its own', () => {
    const t = table('land', [version({ effectiveTo: '2027-12-31' })]);
    expect(tablesLeftWithoutRates([t], '2026-10-31')).toEqual([]);
  });
});
