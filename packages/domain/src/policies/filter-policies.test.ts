import { describe, expect, it } from 'vitest';
import { policyMatchesFilter } from './filter-policies.ts';
import { ISSUE_2024_12_POLICIES } from './issue-2024-12.ts';

const docNos = (filter: Parameters<typeof policyMatchesFilter>[1], today = '2025-01-01') =>
  ISSUE_2024_12_POLICIES.filter((p) => policyMatchesFilter(p, filter, today)).map((p) => p.docNo);

describe('policyMatchesFilter over the nine documents', () => {
  it('keeps everything without a filter', () => {
    expect(docNos(null)).toHaveLength(9);
  });
  it('finds the two not yet effective on 2025-01-05', () => {
    expect(docNos({ status: 'NOT_YET_EFFECTIVE', asOf: '2025-01-05' })).toEqual([
      '泸市府规〔2024〕4号',
      '泸市自然资规函〔2024〕425号',
    ]);
  });
  it('uses today when asOf is omitted', () => {
    expect(docNos({ status: 'EXPIRED' }, '2026-11-01')).toEqual(['泸市医保规〔2024〕4号']);
    expect(docNos({ status: 'EXPIRED' }, '2026-12-19')).toEqual([
      '泸市监规发〔2024〕2号',
      '泸市医保规〔2024〕4号',
    ]);
  });
  it('finds a joint document by any of its issuers, by alias', () => {
    expect(docNos({ issuer: '市税务局' })).toEqual(['泸市自然资规函〔2024〕425号']);
    expect(docNos({ issuer: '市财政局' })).toEqual(['泸市自然资规函〔2024〕425号']);
  });
  it('tells the government from its office', () => {
    expect(docNos({ issuer: '市政府' })).toHaveLength(3);
    expect(docNos({ issuer: '市政府办公室' })).toHaveLength(3);
  });
  it('searches titles and bracket variants of numbers', () => {
    expect(docNos({ search: '噪声' })).toEqual(['泸市府办发〔2024〕47号']);
    expect(docNos({ search: '泸市府规[2024]4号' })).toEqual(['泸市府规〔2024〕4号']);
  });
  it('combines conditions', () => {
    expect(docNos({ category: 'DEPARTMENT', search: '试行' })).toEqual(['泸市监规发〔2024〕2号']);
  });
});
