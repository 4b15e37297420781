import { describe, expect, it } from 'vitest';
import { afterSignIn } from './signInRoute.ts';

describe('afterSignIn', () => {
  it('returns to the page a deep link asked for, with its query', () => {
    expect(afterSignIn('#/policies')).toBe('#/policies');
    expect(afterSignIn('#/cases/12/show')).toBe('#/cases/12/show');
    expect(afterSignIn('#/policies?filter=%7B%7D&page=2')).toBe('#/policies?filter=%7B%7D&page=2');
  });
  it('goes home from the root and from the login page itself', () => {
    expect(afterSignIn('')).toBe('#/');
    expect(afterSignIn('#')).toBe('#/');
    expect(afterSignIn('#/')).toBe('#/');
    expect(afterSignIn('#/login')).toBe('#/');
    expect(afterSignIn('#/login?x=1')).toBe('#/');
  });
});
