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
});
