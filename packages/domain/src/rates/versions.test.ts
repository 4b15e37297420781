import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { dec } from '../shared/money.ts';
import type { RateEntry, RateTable, RateVersion } from './model.ts';
import {
  assertEditable,
  entryKey,
  notInForceReason,
  requireVersionInForce,
  supersede,
  versionInForce,
} from './versions.ts';

function entry(key: string, amount: string): RateEntry {
  const [code = '', grade = ''] = key.split('|');
  return {
    key,
    dimensions: { code, grade },
    code,
    name: null,
    unit: null,
    amount: dec(amount),
    rate: null,
    baseKey: null,
    attributes: {},
    position: 0,
  };
}

function version(
  from: string,
  to: string | null,
  amount = '100',
  status: RateVersion['status'] = 'PUBLISHED',
): RateVersion {
  return {
    id: `v-${from}`,
    label: null,
    effectiveFrom: from,
    effectiveTo: to,
    status,
    note: null,
    entries: [entry('A|X', amount)],
  };
}

function table(versions: RateVersion[], expiresOn: string | null = '2026-10-31'): RateTable {
  return {
    key: 't',
    kind: 'MEDICAL_SERVICE_PRICE',
    name: '测试表',
    policy: { docNo: '泸市医保规〔2024〕4号', effectiveFrom: '2024-11-01', expiresOn },
    dimensions: [
      { name: 'code', label: '编码', values: [], open: true },
      { name: 'grade', label: '等级', values: [{ value: 'X', label: 'X' }] },
    ],
    versions,
  };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'NOT_A_DOMAIN_ERROR';
  }
  return undefined;
}

describe('entryKey', () => {
  it('joins dimension values in the table order, whatever the object order', () => {
    expect(entryKey(table([]), { grade: 'TERTIARY_A', code: '311201069' })).toBe(
      '311201069|TERTIARY_A',
    );
  });
});

describe('versionInForce', () => {
  const t = table([version('2024-11-01', null)]);

  it('returns the version on its first day', () => {
    expect(versionInForce(t, '2024-11-01')?.effectiveFrom).toBe('2024-11-01');
  });

  it('returns null the day before the first version starts', () => {
    expect(versionInForce(t, '2024-10-31')).toBeNull();
  });

  it('lets an open-ended version last through the last day of its policy', () => {
    expect(versionInForce(t, '2026-10-31')).not.toBeNull();
  });

  it('ends an open-ended version with its policy (the day after is null)', () => {
    expect(versionInForce(t, '2026-11-01')).toBeNull();
  });

  it('keeps an open-ended version of a policy without limit in force indefinitely', () => {
    expect(versionInForce(table([version('2024-11-01', null)], null), '2099-01-01')).not.toBeNull();
  });

  it('honours an explicit effectiveTo over the policy expiry', () => {
    const t2 = table([version('2024-11-01', '2025-03-31')]);
    expect(versionInForce(t2, '2025-03-31')).not.toBeNull();
    expect(versionInForce(t2, '2025-04-01')).toBeNull();
  });

  it('ignores drafts', () => {
    expect(
      versionInForce(table([version('2024-11-01', null, '1', 'DRAFT')]), '2025-01-01'),
    ).toBeNull();
  });

  it('accepts an explicit policy validity instead of the table policy', () => {
    const policy = { docNo: 'x', effectiveFrom: '2024-11-01', expiresOn: '2024-12-31' };
    expect(versionInForce(t, '2025-01-01', policy)).toBeNull();
  });

  it('requireVersionInForce throws RATE_NOT_IN_FORCE naming the date', () => {
    expect(() => requireVersionInForce(t, '2024-10-01')).toThrow(/2024-10-01/);
    expect(codeOf(() => requireVersionInForce(t, '2024-10-01'))).toBe('RATE_NOT_IN_FORCE');
  });
});

describe('supersede', () => {
  const t = table([version('2024-11-01', null, '100')]);
  const next = version('2025-07-01', null, '120', 'DRAFT');

  it('closes the previous version the day before the new one starts', () => {
    const after = supersede(t, next, { today: '2025-06-01' });
    expect(after.versions[0]?.effectiveTo).toBe('2025-06-30');
    expect(after.versions[1]?.status).toBe('PUBLISHED');
  });

  it('keeps history answerable: old price up to D-1, new price from D', () => {
    const after = supersede(t, next, { today: '2025-06-01' });
    expect(versionInForce(after, '2025-06-30')?.entries[0]?.amount?.toString()).toBe('100');
    expect(versionInForce(after, '2025-07-01')?.entries[0]?.amount?.toString()).toBe('120');
  });

  it('does not mutate the input table', () => {
    supersede(t, next);
    expect(t.versions).toHaveLength(1);
    expect(t.versions[0]?.effectiveTo).toBeNull();
  });

  it('refuses a start date in the past (BAD_USER_INPUT on effectiveFrom)', () => {
    expect(codeOf(() => supersede(t, next, { today: '2025-07-02' }))).toBe('BAD_USER_INPUT');
  });

  it('refuses a start on or before a published version start (CONFLICT)', () => {
    expect(codeOf(() => supersede(t, version('2024-11-01', null)))).toBe('CONFLICT');
    expect(codeOf(() => supersede(t, version('2024-06-01', null)))).toBe('CONFLICT');
  });

  it('leaves a previous version that already ended earlier untouched', () => {
    const closed = table([version('2024-11-01', '2025-01-31')]);
    expect(supersede(closed, next).versions[0]?.effectiveTo).toBe('2025-01-31');
  });

  it('does not stretch a version that ended with its policy when the next starts later', () => {
    const after = supersede(t, version('2027-01-01', '2027-12-31'), { today: '2026-12-01' });
    expect(after.versions[0]?.effectiveTo).toBeNull();
    expect(versionInForce(after, '2026-11-15')).toBeNull();
    expect(versionInForce(after, '2027-01-01')?.effectiveFrom).toBe('2027-01-01');
  });

  it('requires an explicit end for a version starting after the policy expired', () => {
    expect(codeOf(() => supersede(t, version('2027-01-01', null)))).toBe('BAD_USER_INPUT');
  });

  it('refuses a new version ending before it starts', () => {
    expect(codeOf(() => supersede(t, version('2025-07-01', '2025-06-30')))).toBe('BAD_USER_INPUT');
  });
});

describe('assertEditable', () => {
  it('refuses to edit a published version that started today (CONFLICT, Chinese message)', () => {
    const v = version('2025-01-01', null);
    expect(codeOf(() => assertEditable(v, '2025-01-01'))).toBe('CONFLICT');
    expect(() => assertEditable(v, '2025-01-01')).toThrow(/不能直接修改/);
  });

  it('allows editing a published version that starts tomorrow', () => {
    expect(codeOf(() => assertEditable(version('2025-01-02', null), '2025-01-01'))).toBeUndefined();
  });

  it('allows editing a draft even with a past start date', () => {
    expect(
      codeOf(() => assertEditable(version('2024-01-01', null, '1', 'DRAFT'), '2025-01-01')),
    ).toBeUndefined();
  });

  it('refuses moving a start date into the past (BAD_USER_INPUT)', () => {
    const v = version('2025-03-01', null, '1', 'DRAFT');
    expect(codeOf(() => assertEditable(v, '2025-01-01', { effectiveFrom: '2024-12-31' }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('refuses an end date before the start date', () => {
    const v = version('2025-03-01', null, '1', 'DRAFT');
    expect(codeOf(() => assertEditable(v, '2025-01-01', { effectiveTo: '2025-02-28' }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('notInForceReason', () => {
  const entries: RateTable['versions'][number]['entries'] = [];
  const oldNotice = {
    docNo: '泸市医保规〔2024〕4号',
    effectiveFrom: '2024-11-01',
    expiresOn: '2026-10-31',
    isTrial: true,
  };
  const table = (
    versions: RateTable['versions'],
    policy = oldNotice,
  ): Pick<RateTable, 'versions' | 'policy'> => ({ versions, policy });
  const v = (effectiveFrom: string, effectiveTo: string | null, policy?: RateTable['policy']) => ({
    label: null,
    effectiveFrom,
    effectiveTo,
    status: 'PUBLISHED' as const,
    note: null,
    entries,
    ...(policy ? { policy } : {}),
  });

  it('names a trial that ran out and its last day', () => {
    expect(notInForceReason(table([v('2024-11-01', null)]), '2026-12-02', '价格')).toBe(
      '2026-12-02 没有有效的价格:泸市医保规〔2024〕4号 试行期已于 2026-10-31 届满,最后执行日为 2026-10-31',
    );
  });

  it('names the repealing document and the day the repeal took effect', () => {
    const repealed = {
      ...oldNotice,
      repealedOn: '2025-04-01',
      repealedBy: '泸市医保规〔2025〕1号',
    };
    expect(
      notInForceReason(table([v('2024-11-01', null, repealed)], repealed), '2025-05-01', '价格'),
    ).toBe(
      '2025-05-01 没有有效的价格:泸市医保规〔2024〕4号 已被 泸市医保规〔2025〕1号 废止,自 2025-04-01 起不再执行,最后执行日为 2025-03-31',
    );
  });

  it('names the first day for a date before every version', () => {
    expect(notInForceReason(table([v('2024-11-01', null)]), '2024-10-31', '价格')).toBe(
      '2024-10-31 没有有效的价格:泸市医保规〔2024〕4号 自 2024-11-01 起施行',
    );
  });
});
