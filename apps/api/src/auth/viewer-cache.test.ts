import { describe, expect, it } from 'vitest';
import type { Viewer } from '../context.ts';
import { createViewerCache } from './viewer-cache.ts';

const user: Viewer = {
  kind: 'user',
  userId: 'u1',
  email: 'a@gazette.test',
  role: 'ADMIN',
  sessionId: 's1',
};

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createViewerCache', () => {
  it('remembers nothing until its listener is up, and forgets everything when it goes down', () => {
    const cache = createViewerCache();
    cache.set('h', user, cache.begin());
    expect(cache.get('h')).toBeUndefined();
    cache.active = true;
    cache.set('h', user, cache.begin());
    expect(cache.get('h')).toBe(user);
    cache.active = false;
    expect(cache.get('h')).toBeUndefined();
    cache.active = true;
    expect(cache.get('h')).toBeUndefined();
  });

  it('lives its TTL at most, and never past the session expiry', () => {
    const c = clock();
    const cache = createViewerCache({ ttlMs: 10_000, now: c.now });
    cache.active = true;
    cache.set('long', user, cache.begin(), new Date(c.now() + 3_600_000));
    cache.set('short', user, cache.begin(), new Date(c.now() + 2_000));
    cache.set('gone', user, cache.begin(), new Date(c.now() - 1));
    expect(cache.get('gone')).toBeUndefined();
    c.advance(1_999);
    expect(cache.get('short')).toBe(user);
    c.advance(1);
    expect(cache.get('short')).toBeUndefined();
    expect(cache.get('long')).toBe(user);
    c.advance(8_000);
    expect(cache.get('long')).toBeUndefined();
  });

  it('does not store an answer read while it was emptied (a write raced the read)', () => {
    const cache = createViewerCache();
    cache.active = true;
    const before = cache.begin();
    cache.clear(); // e.g. a sign-out committed while the session statement ran
    cache.set('h', user, before);
    expect(cache.get('h')).toBeUndefined();
    cache.set('h', user, cache.begin());
    expect(cache.get('h')).toBe(user);
  });

  it('never remembers an anonymous answer (an unknown secret always costs its statement)', () => {
    const cache = createViewerCache();
    cache.active = true;
    cache.set('h', { kind: 'anonymous' }, cache.begin());
    expect(cache.size).toBe(0);
  });

  it('starts over rather than growing past 10,000 secrets', () => {
    const cache = createViewerCache();
    cache.active = true;
    for (let i = 0; i < 10_000; i++) cache.set(`h${i}`, user, cache.begin());
    expect(cache.size).toBe(10_000);
    cache.set('one more', user, cache.begin());
    expect(cache.size).toBe(1);
    expect(cache.get('one more')).toBe(user);
  });
});
