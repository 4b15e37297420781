import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { dec, formatMoney } from '../shared/money.ts';
import {
  checkRehabAssistance,
  fifteenthBirthday,
  type RehabAssistanceInput,
} from './check-rehab-assistance.ts';
import { rehabAssistanceTableFixture } from '../../test/fixtures/rate-tables.ts';
import type { RateTable } from './model.ts';
import { rehabEntryKey } from './rehab-table.ts';

// The standards of 泸市府规〔2024〕4号 二(二) (a fixture; production loads them from the database).
const TABLE = rehabAssistanceTableFixture();

const base: RehabAssistanceInput = {
  birthDate: '2015-05-20',
  applicationDate: '2025-06-01',
  luzhouHukou: true,
  service: 'SURGERY',
  requestedAmount: '1000000',
};
const check = (patch: Partial<RehabAssistanceInput>, table: RateTable = TABLE) =>
  checkRehabAssistance(table, { ...base, ...patch });

function error(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('age 0—14周岁 (含14周岁), 泸市府规〔2024〕4号 一(一)', () => {
  it('is eligible the day before the 15th birthday', () => {
    const r = check({ birthDate: '2010-06-15', applicationDate: '2025-06-14' });
    expect(r.eligible).toBe(true);
  });

  it('is not eligible on the 15th birthday; approves nothing and says why', () => {
    const r = check({ birthDate: '2010-06-15', applicationDate: '2025-06-15' });
    expect(r.eligible).toBe(false);
    expect(formatMoney(r.approvedAmount)).toBe('0.00');
    expect(r.reasons[0]).toContain('满15周岁');
    expect(r.article).toBe('泸市府规〔2024〕4号 一(一)');
  });

  it('is eligible on the day of birth', () => {
    expect(check({ birthDate: '2025-06-01', applicationDate: '2025-06-01' }).eligible).toBe(true);
  });

  it('a child born on 29 February is still 14 on 28 February of a common year', () => {
    expect(fifteenthBirthday('2012-02-29')).toBe('2027-03-01');
    expect(check({ birthDate: '2012-02-29', applicationDate: '2027-02-28' }).eligible).toBe(true);
    expect(check({ birthDate: '2012-02-29', applicationDate: '2027-03-01' }).eligible).toBe(false);
  });
});

describe('hukou, 一(二)', () => {
  it('requires a Luzhou hukou', () => {
    const r = check({ luzhouHukou: false });
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual(['不具有泸州市户籍']);
  });

  it('lists every failed rule, not only the first', () => {
    const r = check({ luzhouHukou: false, birthDate: '2000-01-01' });
    expect(r.reasons).toHaveLength(2);
  });
});

describe('caps, 二(二)', () => {
  const caps: [RehabAssistanceInput['service'], string][] = [
    ['SURGERY', '30000.00'],
    ['TRAINING', '20000.00'],
    ['BASIC_DEVICE', '5000.00'],
    ['COCHLEAR_IMPLANT', '60000.00'],
    ['HEARING_AID', '10000.00'],
    ['PROSTHESIS', '10000.00'],
    ['LIMB_ORTHOSIS', '5000.00'],
  ];
  for (const [service, cap] of caps) {
    it(`caps ${service} at ${cap} and says the cap bit`, () => {
      const r = check({ service });
      expect(formatMoney(r.cap)).toBe(cap);
      expect(formatMoney(r.approvedAmount)).toBe(cap);
      expect(r.reasons.some((x) => x.includes('超过可救助额度'))).toBe(true);
    });
  }

  it('approves a request under the cap in full with no reasons', () => {
    const r = check({ service: 'TRAINING', requestedAmount: '12345.67' });
    expect(formatMoney(r.approvedAmount)).toBe('12345.67');
    expect(r.reasons).toEqual([]);
    expect(r.article).toBe('泸市府规〔2024〕4号 二(二)2');
  });

  it('rounds the approved amount half-up to 0.01', () => {
    expect(formatMoney(check({ requestedAmount: '1234.565' }).approvedAmount)).toBe('1234.57');
  });

  it('subtracts what was funded this year from a yearly cap', () => {
    const r = check({ fundedThisYear: '25000', requestedAmount: '10000' });
    expect(formatMoney(r.approvedAmount)).toBe('5000.00');
    expect(r.reasons.join()).toContain('剩余额度 5000');
  });

  it('approves nothing once fundedThisYear reaches the yearly cap', () => {
    const r = check({ fundedThisYear: '30000', requestedAmount: '1' });
    expect(formatMoney(r.approvedAmount)).toBe('0.00');
    expect(r.reasons.join()).toContain('已达');
  });

  it('never goes below zero when fundedThisYear exceeds the cap', () => {
    expect(check({ service: 'TRAINING', fundedThisYear: '25000' }).remaining.isZero()).toBe(true);
  });

  it('does not subtract fundedThisYear from a per-person device cap', () => {
    expect(
      formatMoney(check({ service: 'HEARING_AID', fundedThisYear: '3000' }).approvedAmount),
    ).toBe('10000.00');
  });
});

describe('the two-year rule for devices, 二(二)3', () => {
  it('refuses the same device type the day before two years have passed', () => {
    const r = check({
      service: 'HEARING_AID',
      lastSameDeviceDate: '2023-03-01',
      applicationDate: '2025-02-28',
    });
    expect(r.eligible).toBe(false);
    expect(r.nextDeviceDate).toBe('2025-03-01');
    expect(r.reasons[0]).toContain('2025-03-01 起可再申请');
  });

  it('funds it again exactly two years after the last device', () => {
    const r = check({
      service: 'HEARING_AID',
      lastSameDeviceDate: '2023-03-01',
      applicationDate: '2025-03-01',
    });
    expect(r.eligible).toBe(true);
  });

  it('counts two years from 29 February to 28 February', () => {
    const r = check({
      service: 'BASIC_DEVICE',
      lastSameDeviceDate: '2024-02-29',
      applicationDate: '2026-02-28',
    });
    expect(r.eligible).toBe(true);
    expect(
      check({
        service: 'BASIC_DEVICE',
        lastSameDeviceDate: '2024-02-29',
        applicationDate: '2026-02-27',
      }).eligible,
    ).toBe(false);
  });

  it('funds a limb orthosis again the next year (yearly, no two-year rule)', () => {
    const r = check({
      service: 'LIMB_ORTHOSIS',
      lastSameDeviceDate: '2024-12-01',
      applicationDate: '2025-03-01',
    });
    expect(r.eligible).toBe(true);
    expect(r.capPeriod).toBe('YEAR');
  });

  it('caps a limb orthosis per year by what was funded this year', () => {
    expect(
      formatMoney(check({ service: 'LIMB_ORTHOSIS', fundedThisYear: '5000' }).approvedAmount),
    ).toBe('0.00');
  });

  it('does not apply the two-year rule to surgery', () => {
    expect(check({ service: 'SURGERY', lastSameDeviceDate: '2025-01-10' }).eligible).toBe(true);
  });
});

describe('county higher standards (二(二): 有条件的区县…可适当提高救助标准)', () => {
  const v = TABLE.versions[0]!;
  const surgery = v.entries.find((e) => e.key === rehabEntryKey('SURGERY'))!;
  const withCounty: RateTable = {
    ...TABLE,
    versions: [
      {
        ...v,
        entries: [
          ...v.entries,
          {
            ...surgery,
            key: rehabEntryKey('SURGERY', '泸县'),
            dimensions: { service: 'SURGERY', county: '泸县' },
            amount: dec('40000'),
          },
        ],
      },
    ],
  };

  it('a county entry overrides the city cap and says so', () => {
    const r = check({ county: '泸县' }, withCounty);
    expect(formatMoney(r.approvedAmount)).toBe('40000.00');
    expect(r.countyApplied).toBe('泸县');
    expect(r.reasons.join()).toContain('泸县');
  });

  it('a county without its own entry gets the city cap', () => {
    const r = check({ county: '合江县' }, withCounty);
    expect(formatMoney(r.cap)).toBe('30000.00');
    expect(r.countyApplied).toBeNull();
  });

  it('a county override of one service leaves the others at the city cap', () => {
    expect(formatMoney(check({ county: '泸县', service: 'TRAINING' }, withCounty).cap)).toBe(
      '20000.00',
    );
  });
});

describe('validity and input errors', () => {
  it('has no standards before 2025-01-06 (RATE_NOT_IN_FORCE) and applies them from that day', () => {
    expect(error(() => check({ applicationDate: '2025-01-05' })).code).toBe('RATE_NOT_IN_FORCE');
    expect(check({ applicationDate: '2025-01-06' }).eligible).toBe(true);
  });

  it('applies through 2030-01-05 and not after (有效期五年)', () => {
    expect(check({ applicationDate: '2030-01-05' }).eligible).toBe(true);
    expect(error(() => check({ applicationDate: '2030-01-06' })).code).toBe('RATE_NOT_IN_FORCE');
  });

  it('refuses a birth date after the application naming birthDate', () => {
    expect(error(() => check({ birthDate: '2025-06-02' })).field).toBe('birthDate');
  });

  it('refuses negative amounts and unknown services naming the field', () => {
    expect(error(() => check({ requestedAmount: '-1' })).field).toBe('requestedAmount');
    expect(error(() => check({ fundedThisYear: '-1' })).field).toBe('fundedThisYear');
    expect(error(() => check({ service: 'MASSAGE' as never })).field).toBe('service');
    expect(error(() => check({ lastSameDeviceDate: '2025-07-01' })).field).toBe(
      'lastSameDeviceDate',
    );
  });
});
