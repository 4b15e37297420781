import { describe, expect, it } from 'vitest';
import { policyLastDay, policyStatus } from './policy-status.ts';

describe('policyStatus (泸市府规〔2024〕4号: 2025-01-06 through 2030-01-05)', () => {
  const policy = { effectiveFrom: '2025-01-06', expiresOn: '2030-01-05' };
  it('is not yet effective the day before it takes effect', () => {
    expect(policyStatus(policy, '2025-01-05')).toBe('NOT_YET_EFFECTIVE');
  });
  it('is in force on its first day', () => {
    expect(policyStatus(policy, '2025-01-06')).toBe('IN_FORCE');
  });
  it('is in force on its last day', () => {
    expect(policyStatus(policy, '2030-01-05')).toBe('IN_FORCE');
  });
  it('has expired the day after', () => {
    expect(policyStatus(policy, '2030-01-06')).toBe('EXPIRED');
  });
  it('never expires without a limit', () => {
    expect(policyStatus({ effectiveFrom: '2024-12-10', expiresOn: null }, '2099-12-31')).toBe(
      'IN_FORCE',
    );
  });
  it('handles the trial of 泸市医保规〔2024〕4号 around 2026-10-31', () => {
    const trial = { effectiveFrom: '2024-11-01', expiresOn: '2026-10-31' };
    expect(policyStatus(trial, '2026-10-31')).toBe('IN_FORCE');
    expect(policyStatus(trial, '2026-11-01')).toBe('EXPIRED');
  });
  it('rejects a bad asOf, naming it', () => {
    expect(() => policyStatus(policy, '2025/01/06')).toThrowError(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'asOf' }),
    );
  });
});

describe('policyStatus with a repeal', () => {
  const repealed = {
    effectiveFrom: '2024-11-01',
    expiresOn: '2026-10-31',
    repealedOn: '2025-04-01',
  };
  it('is IN_FORCE before the repealing document takes effect and REPEALED from that day', () => {
    expect(policyStatus(repealed, '2025-03-31')).toBe('IN_FORCE');
    expect(policyStatus(repealed, '2025-04-01')).toBe('REPEALED');
    expect(policyStatus(repealed, '2027-01-01')).toBe('REPEALED');
    expect(policyStatus(repealed, '2024-10-31')).toBe('NOT_YET_EFFECTIVE');
  });
  it('stays EXPIRED when it had run out before the repeal', () => {
    expect(
      policyStatus(
        { effectiveFrom: '2024-01-01', expiresOn: '2024-12-31', repealedOn: '2025-04-01' },
        '2025-05-01',
      ),
    ).toBe('EXPIRED');
  });
  it('ends the day before the repeal, or at its expiry if that is sooner', () => {
    expect(policyLastDay(repealed)).toBe('2025-03-31');
    expect(policyLastDay({ expiresOn: '2025-01-31', repealedOn: '2025-04-01' })).toBe('2025-01-31');
    expect(policyLastDay({ expiresOn: null, repealedOn: null })).toBeNull();
  });
});
