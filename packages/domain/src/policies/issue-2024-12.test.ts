import { describe, expect, it } from 'vitest';
import { resolveOrganization } from '../organizations/resolve-organization.ts';
import { classifyCategory } from './classify-category.ts';
import { ISSUE_2024_12_POLICIES, issue202412Policy } from './issue-2024-12.ts';
import { parseDocNo } from './parse-doc-no.ts';
import { parseValidityClause } from './parse-validity-clause.ts';

describe('the nine documents of 2024年第12期', () => {
  it('lists nine distinct numbers in the order of the 目录, pages increasing', () => {
    expect(ISSUE_2024_12_POLICIES).toHaveLength(9);
    expect(new Set(ISSUE_2024_12_POLICIES.map((p) => p.docNo)).size).toBe(9);
    const pages = ISSUE_2024_12_POLICIES.map((p) => p.page);
    expect(pages).toEqual([2, 5, 6, 18, 24, 31, 35, 38, 47]);
  });
  it.each(ISSUE_2024_12_POLICIES.map((p) => [p.docNo, p] as const))(
    '%s is self-consistent: number parts, category, validity from its own clause',
    (_docNo, p) => {
      expect(parseDocNo(p.docNo)).toEqual({
        prefix: p.prefix,
        year: p.year,
        serial: p.serial,
        docNo: p.docNo,
      });
      expect(classifyCategory({ docNo: p.docNo, issuers: p.issuers })).toBe(p.category);
      const v = parseValidityClause(`${p.title} ${p.validityClause ?? ''}`, p.signedOn);
      expect({
        effectiveFrom: p.effectiveFrom,
        expiresOn: p.expiresOn,
        isTrial: p.isTrial,
      }).toEqual(v);
      for (const issuer of p.issuers) expect(resolveOrganization(issuer)?.name).toBe(issuer);
    },
  );
  it('lists the three joint issuers of 泸市自然资规函〔2024〕425号 in printed order', () => {
    expect(issue202412Policy('泸市自然资规函[2024]425号')?.issuers).toEqual([
      '泸州市自然资源和规划局',
      '泸州市财政局',
      '国家税务总局泸州市税务局',
    ]);
  });
  it('marks exactly the two trials', () => {
    expect(ISSUE_2024_12_POLICIES.filter((p) => p.isTrial).map((p) => p.docNo)).toEqual([
      '泸市监规发〔2024〕2号',
      '泸市医保规〔2024〕4号',
    ]);
  });
  it('dates 泸市监规发〔2024〕2号 from its signing (第二十二条 自印发之日起施行)', () => {
    expect(issue202412Policy('泸市监规发〔2024〕2号')).toMatchObject({
      signedOn: '2024-12-19',
      effectiveFrom: '2024-12-19',
      expiresOn: '2026-12-18',
    });
  });
  it('counts 3 市政府文件, 3 市政府办公室文件 and 3 部门文件', () => {
    const count = (c: string) => ISSUE_2024_12_POLICIES.filter((p) => p.category === c).length;
    expect([
      count('MUNICIPAL_GOVERNMENT'),
      count('GOVERNMENT_OFFICE'),
      count('DEPARTMENT'),
    ]).toEqual([3, 3, 3]);
  });
  it('returns null for a number not in the issue', () => {
    expect(issue202412Policy('泸市府规〔2024〕5号')).toBeNull();
    expect(issue202412Policy('not a number')).toBeNull();
  });
});
