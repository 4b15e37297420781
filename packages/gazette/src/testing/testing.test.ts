import { describe, expect, it } from 'vitest';
import { fixtureIssuePath, garble, ocrConfuse, readFixtureIssue } from '@gazette/gazette/testing';

describe('@gazette/gazette/testing', () => {
  it('finds the test issues and the seed issue by name', () => {
    expect(fixtureIssuePath('luzhou-2025-03')).toMatch(
      /packages\/gazette\/fixtures\/luzhou-2025-03\.md$/u,
    );
    expect(fixtureIssuePath('luzhou-2024-12')).toMatch(/prisma\/issues\/2024-12\.md$/u);
    expect(readFixtureIssue('luzhou-2025-03')).toContain('2025年 第3期');
    expect(() => fixtureIssuePath('luzhou-1999-01')).toThrow(/no committed issue/u);
  });

  it('garbles one character of one cell, or a substring of a text line', () => {
    expect(ocrConfuse('1800')).toBe('l800');
    expect(ocrConfuse('205')).toBe('Z05');
    const text = 'a\n1\t1800\t18000\nb 1800';
    expect(garble(text, '18000')).toMatchObject({ line: 2, after: '1\t1800\tl8000' });
    expect(garble(text, '1800', { at: 3, replace: 'x' })).toMatchObject({ line: 3, after: 'b x' });
    expect(garble(text, '1800').text).toBe('a\n1\tl800\t18000\nb 1800');
    expect(() => garble(text, '800', { at: 2 })).toThrow(/no cell/u);
  });
});
