import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './throttle.ts';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('LoginThrottle', () => {
  it('locks an email after five failures and not before', () => {
    const c = clock();
    const th = new LoginThrottle({ now: c.now });
    for (let i = 0; i < 4; i++) th.recordFailure('a@x.cn', `10.0.0.${i}`);
    expect(th.lockedFor('a@x.cn', '10.0.0.9')).toBe(0);
    th.recordFailure('A@X.cn ', '10.0.0.5');
    expect(th.lockedFor('a@x.cn', '10.0.0.9')).toBe(15 * 60_000);
    expect(th.lockedFor('b@x.cn', '10.0.0.9')).toBe(0);
  });

  it('unlocks after the lock period', () => {
    const c = clock();
    const th = new LoginThrottle({ now: c.now, lockMs: 1000 });
    for (let i = 0; i < 5; i++) th.recordFailure('a@x.cn', 'ip');
    c.advance(999);
    expect(th.lockedFor('a@x.cn', 'other')).toBe(1);
    c.advance(1);
    expect(th.lockedFor('a@x.cn', 'other')).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const c = clock();
    const th = new LoginThrottle({ now: c.now, windowMs: 1000 });
    for (let i = 0; i < 4; i++) th.recordFailure('a@x.cn', 'ip');
    c.advance(1000);
    th.recordFailure('a@x.cn', 'ip');
    expect(th.lockedFor('a@x.cn', 'ip')).toBe(0);
  });

  it('locks an address spraying many emails', () => {
    const th = new LoginThrottle({ maxPerAddress: 20 });
    for (let i = 0; i < 20; i++) th.recordFailure(`u${i}@x.cn`, '1.2.3.4');
    expect(th.lockedFor('fresh@x.cn', '1.2.3.4')).toBeGreaterThan(0);
    expect(th.lockedFor('fresh@x.cn', '5.6.7.8')).toBe(0);
  });

  it('a success clears the email counter', () => {
    const th = new LoginThrottle();
    for (let i = 0; i < 4; i++) th.recordFailure('a@x.cn', `ip${i}`);
    th.recordSuccess('a@x.cn');
    th.recordFailure('a@x.cn', 'ip9');
    expect(th.lockedFor('a@x.cn', 'ip10')).toBe(0);
  });
});
