import { describe, expect, it } from 'vitest';
import { ZInspectionRoundFigures, ZQuarter } from './schemas.ts';

describe('inspection schemas', () => {
  it('accepts 2024Q4 and upper-cases 2024q4', () => {
    expect(ZQuarter.parse('2024q4')).toBe('2024Q4');
  });
  it('rejects 2024Q5 with a Chinese message naming quarter', () => {
    expect(ZQuarter.safeParse('2024Q5').error?.issues[0]?.message).toMatch(
      /quarter 不是有效的季度/,
    );
  });
  it('rejects more messages closed than received, naming messagesClosed', () => {
    const r = ZInspectionRoundFigures.safeParse({
      quarter: '2024Q4',
      cityPortalsChecked: 1,
      districtPortalsChecked: 7,
      departmentSitesChecked: 38,
      newMediaAccountsChecked: 208,
      messagesReceived: 3,
      messagesClosed: 4,
      messagesOverdue: 0,
    });
    expect(r.error?.issues[0]).toMatchObject({ path: ['messagesClosed'] });
  });
  it('rejects a negative count naming the field', () => {
    const r = ZInspectionRoundFigures.safeParse({
      quarter: '2024Q4',
      cityPortalsChecked: -1,
      districtPortalsChecked: 7,
      departmentSitesChecked: 38,
      newMediaAccountsChecked: 208,
      messagesReceived: 3,
      messagesClosed: 3,
      messagesOverdue: 0,
    });
    expect(r.error?.issues[0]?.message).toMatch(/cityPortalsChecked 不能为负数/);
  });
  it('rejects more messages overdue than received, and a window that ends before it starts', () => {
    const base = {
      quarter: '2025Q1',
      cityPortalsChecked: 1,
      districtPortalsChecked: 7,
      departmentSitesChecked: 38,
      newMediaAccountsChecked: 200,
      messagesReceived: 2,
      messagesClosed: 2,
      messagesOverdue: 0,
    };
    expect(
      ZInspectionRoundFigures.safeParse({ ...base, messagesOverdue: 3 }).error?.issues[0],
    ).toMatchObject({
      path: ['messagesOverdue'],
    });
    const window = { windowStart: '2025-03-01', windowEnd: '2025-01-01' };
    expect(
      ZInspectionRoundFigures.safeParse({ ...base, ...window }).error?.issues[0],
    ).toMatchObject({
      path: ['windowEnd'],
    });
    expect(
      ZInspectionRoundFigures.safeParse({ ...base, newMediaParks: -1 }).error?.issues[0]?.message,
    ).toMatch(/newMediaParks 不能为负数/);
    expect(
      ZInspectionRoundFigures.safeParse({
        ...base,
        windowStart: '2025-01-01',
        windowEnd: '2025-03-01',
      }).success,
    ).toBe(true);
  });
});
