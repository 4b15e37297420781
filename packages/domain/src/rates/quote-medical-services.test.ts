import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { dec, formatMoney } from '../shared/money.ts';
import { medicalServiceTableFixture } from '../../test/fixtures/rate-tables.ts';
import type { HospitalGrade } from './hospital-grades.ts';
import { quoteMedicalServices, type MedicalServiceQuoteItem } from './quote-medical-services.ts';
import { supersede } from './versions.ts';

// The table as 泸市医保规〔2024〕4号 附件 prints it (a fixture; production loads it from the database).
const TABLE = medicalServiceTableFixture();
const quote = (grade: HospitalGrade, items: MedicalServiceQuoteItem[], asOf = '2025-03-01') =>
  quoteMedicalServices(TABLE, { grade, asOf, items });

function error(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('单精子注射 311201079: first egg at table price, +40% per further egg, capped per grade', () => {
  // [grade, 1 egg, 10 eggs, cap applied at 10, cap]
  const cases: [HospitalGrade, string, string, boolean, string][] = [
    ['TERTIARY_A', '918.00', '4222.80', false, '4223.00'],
    ['TERTIARY_B', '842.00', '3873.00', true, '3873.00'],
    ['SECONDARY_A', '765.00', '3519.00', false, '3519.00'],
    ['SECONDARY_B', '689.00', '3169.40', false, '3170.00'],
    ['BELOW_SECONDARY_B', '612.00', '2815.00', true, '2815.00'],
  ];

  for (const [grade, one, ten, tenCapped, cap] of cases) {
    it(`${grade}: 1 egg costs the table price ${one}`, () => {
      const q = quote(grade, [{ code: '311201079', quantity: 1 }]);
      expect(formatMoney(q.total)).toBe(one);
      expect(q.lines[0]?.capApplied).toBe(false);
    });

    it(`${grade}: 10 eggs cost ${ten}${tenCapped ? ' (cap bites)' : ''}`, () => {
      const q = quote(grade, [{ code: '311201079', quantity: 10 }]);
      expect(formatMoney(q.total)).toBe(ten);
      expect(q.lines[0]?.capApplied).toBe(tenCapped);
    });

    it(`${grade}: 11 eggs are capped at ${cap}`, () => {
      const q = quote(grade, [{ code: '311201079', quantity: 11 }]);
      expect(formatMoney(q.total)).toBe(cap);
      expect(q.lines[0]?.capApplied).toBe(true);
      expect(formatMoney(q.lines[0]!.cap!)).toBe(cap);
    });
  }

  it('reports the table price as unit price and names the cap in the rule', () => {
    const line = quote('TERTIARY_A', [{ code: '311201079', quantity: 11 }]).lines[0]!;
    expect(formatMoney(line.unitPrice)).toBe('918.00');
    expect(line.rule).toContain('4223');
    expect(line.article).toBe('泸市医保规〔2024〕4号 附件 序号16');
  });
});

describe('percentage surcharges', () => {
  it('囊胚培养 costs 39% of 胚胎培养 (三甲 2959 × 0.39 = 1154.01)', () => {
    const line = quote('TERTIARY_A', [{ code: '311201070-1', quantity: 1 }]).lines[0]!;
    expect(formatMoney(line.unitPrice)).toBe('1154.01');
    expect(line.surchargeRate?.toString()).toBe('0.39');
    expect(line.rule).toContain('311201070');
  });

  it('冻融胚胎 costs 68% of 胚胎移植 per unit (二乙以下 905 × 0.68 × 2 = 1230.80)', () => {
    const q = quote('BELOW_SECONDARY_B', [{ code: '311201073-1', quantity: 2 }]);
    expect(formatMoney(q.total)).toBe('1230.80');
  });

  it('uses the base price of the same grade (三乙 2713 × 0.39 = 1058.07)', () => {
    expect(formatMoney(quote('TERTIARY_B', [{ code: '311201070-1', quantity: 1 }]).total)).toBe(
      '1058.07',
    );
  });
});

describe('quote lines and totals', () => {
  it('adds one line per item and sums them (取精术 + 显微镜下操作 for 二甲 = 419 + 2222)', () => {
    const q = quote('SECONDARY_A', [
      { code: '311100020', quantity: 1 },
      { code: '311100020-1', quantity: 1 },
    ]);
    expect(q.lines.map((l) => l.code)).toEqual(['311100020', '311100020-1']);
    expect(formatMoney(q.total)).toBe('2641.00');
    expect(q.lines[1]?.rule).toContain('加收');
  });

  it('a full IVF cycle for 三甲 totals every item', () => {
    const q = quote('TERTIARY_A', [
      { code: '311201069', quantity: 1 },
      { code: '311201070', quantity: 1 },
      { code: '311201070-1', quantity: 1 },
      { code: '311201079', quantity: 3 },
      { code: '311201079-1', quantity: 1 },
    ]);
    // 1769 + 2959 + 1154.01 + (918 + 2 × 367.2) + 660
    expect(formatMoney(q.total)).toBe('8194.41');
    expect(q.isTrial).toBe(true);
    expect(q.docNo).toBe('泸市医保规〔2024〕4号');
  });

  it('prices per 每个胚胎(卵) for 活检 (三甲 1159 × 3)', () => {
    const q = quote('TERTIARY_A', [{ code: '311201076', quantity: 3 }]);
    expect(q.lines[0]?.unit).toBe('每个胚胎(卵)');
    expect(formatMoney(q.total)).toBe('3477.00');
  });
});

describe('quote errors', () => {
  it('an unknown code is BAD_USER_INPUT naming the code and the item', () => {
    const e = error(() =>
      quote('TERTIARY_A', [
        { code: '311201069', quantity: 1 },
        { code: '999999999', quantity: 1 },
      ]),
    );
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toContain('999999999');
    expect(e.field).toBe('items[1].code');
  });

  it('a code before the trial starts is RATE_NOT_IN_FORCE naming the code', () => {
    const e = error(() => quote('TERTIARY_A', [{ code: '311201069', quantity: 1 }], '2024-10-31'));
    expect(e.code).toBe('RATE_NOT_IN_FORCE');
    expect(e.message).toContain('311201069');
  });

  it('is in force on the last trial day 2026-10-31 and not on 2026-11-01', () => {
    expect(
      formatMoney(quote('TERTIARY_A', [{ code: '311201069', quantity: 1 }], '2026-10-31').total),
    ).toBe('1769.00');
    expect(
      error(() => quote('TERTIARY_A', [{ code: '311201069', quantity: 1 }], '2026-11-01')).code,
    ).toBe('RATE_NOT_IN_FORCE');
  });

  it('取卵术 with B超下卵巢囊肿穿刺术 (311201038) is refused', () => {
    const e = error(() =>
      quote('TERTIARY_A', [
        { code: '311201069', quantity: 1 },
        { code: '311201038', quantity: 1 },
      ]),
    );
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toContain('不与 311201038 同时计费');
  });

  it('refuses a zero or fractional quantity naming the field', () => {
    expect(error(() => quote('TERTIARY_A', [{ code: '311201069', quantity: 0 }])).field).toBe(
      'items[0].quantity',
    );
    expect(error(() => quote('TERTIARY_A', [{ code: '311201069', quantity: 1.5 }])).code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('refuses an unknown grade, an empty list and a duplicated code', () => {
    expect(
      error(() => quote('FIRST' as HospitalGrade, [{ code: '311201069', quantity: 1 }])).field,
    ).toBe('grade');
    expect(error(() => quote('TERTIARY_A', [])).field).toBe('items');
    const dup = [
      { code: '311201069', quantity: 1 },
      { code: '311201069', quantity: 1 },
    ];
    expect(error(() => quote('TERTIARY_A', dup)).field).toBe('items[1].code');
  });

  it('refuses an invalid asOf naming the field', () => {
    expect(
      error(() => quote('TERTIARY_A', [{ code: '311201069', quantity: 1 }], '2025-02-30')).field,
    ).toBe('asOf');
  });
});

describe('history after a price change', () => {
  it('quotes the old price up to the day before a new version and the new price from its first day', () => {
    const old = TABLE.versions[0]!;
    const entries = old.entries.map((e) =>
      e.key === '311201070|TERTIARY_A' ? { ...e, amount: dec('3000') } : e,
    );
    const table = supersede(TABLE, { ...old, label: '调价', effectiveFrom: '2025-07-01', entries });
    const blastocyst = (asOf: string) =>
      quoteMedicalServices(table, {
        grade: 'TERTIARY_A',
        asOf,
        items: [{ code: '311201070-1', quantity: 1 }],
      });
    expect(formatMoney(blastocyst('2025-06-30').total)).toBe('1154.01');
    expect(formatMoney(blastocyst('2025-07-01').total)).toBe('1170.00');
  });
});
