import { describe, expect, it } from 'vitest';
import { organizationRows, sortRows, type Finding } from './aggregate.ts';
import { previousQuarter, quarterOf, quartersEndingWith } from './quarters.ts';

const f = (org: string, description: string, rectified = true): Finding => ({
  id: description,
  organization: { id: org, name: org },
  description,
  rectified,
});

describe('organizationRows', () => {
  it('counts website and new-media findings and rectifications per organisation', () => {
    const rows = organizationRows(
      [f('市教育体育局', 'a'), f('市教育体育局', 'b', false)],
      [f('市教育体育局', 'c')],
      [],
      ['市民政局'],
    );
    const edu = rows.find((r) => r.organization === '市教育体育局')!;
    expect(edu).toMatchObject({
      websiteIssues: 2,
      websiteRectified: 1,
      newMediaIssues: 1,
      total: 3,
    });
    expect(rows.find((r) => r.organization === '市民政局')).toMatchObject({
      processDataMissing: true,
      total: 1,
    });
  });
});

describe('sortRows', () => {
  it('sorts numbers descending and names in pinyin order', () => {
    const rows = [
      { n: '市民政局', v: 1 },
      { n: '市教育体育局', v: 3 },
    ];
    expect(sortRows(rows, 'v', 'desc')[0]!.v).toBe(3);
    expect(sortRows(rows, 'n', 'asc')[0]!.n).toBe('市教育体育局');
  });
});

describe('quarters', () => {
  it('steps back across a year boundary', () => {
    expect(previousQuarter('2025Q1')).toBe('2024Q4');
    expect(quartersEndingWith('2024Q4', 3)).toEqual(['2024Q2', '2024Q3', '2024Q4']);
  });
  it('puts December in Q4', () => {
    expect(quarterOf('2024-12-01')).toBe('2024Q4');
  });
});
