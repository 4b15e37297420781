import { describe, expect, it } from 'vitest';
import { parseNewMediaAnnexCsv, parseWebsiteAnnexCsv, toCsv, WEBSITE_COLUMNS, type AnnexCsvError } from './inspection-csv.ts';

describe('parseWebsiteAnnexCsv', () => {
  it('resolves the site owner from the printed site name and numbers findings within a site', () => {
    const errors: AnnexCsvError[] = [];
    const rows = parseWebsiteAnnexCsv(
      'siteSeq,siteName,description,rectified\n3,泸州市经济和信息化局网站,《区县动态》超期未更新,整改完成\n3,泸州市经济和信息化局网站,《重要文件通知》超期未更新,是\n',
      errors,
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.organization, r.position, r.rectified])).toEqual([
      ['泸州市经济和信息化局', 0, true],
      ['泸州市经济和信息化局', 1, true],
    ]);
  });

  it('reports every bad row with its column', () => {
    const errors: AnnexCsvError[] = [];
    parseWebsiteAnnexCsv('siteSeq,siteName,description,rectified\nx,泸州市审计局网站,a,是\n2,不存在的网站,b,也许\n', errors);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'siteSeq'],
      [3, 'siteName'],
      [3, 'rectified'],
    ]);
  });

  it('rejects an unknown column in the header', () => {
    const errors: AnnexCsvError[] = [];
    parseWebsiteAnnexCsv('siteSeq,site,description\n1,a,b\n', errors);
    expect(errors.some((e) => e.line === 1 && e.column === 'site')).toBe(true);
  });
});

describe('parseNewMediaAnnexCsv', () => {
  it('refuses a repeated 序号', () => {
    const errors: AnnexCsvError[] = [];
    parseNewMediaAnnexCsv('seq,account,owner,platform,description\n1,a,泸州市审计局,微信,x\n1,b,泸州市审计局,微博,y\n', errors);
    expect(errors).toEqual([expect.objectContaining({ line: 3, column: 'seq' })]);
  });
});

describe('toCsv', () => {
  it('quotes cells with commas and quotes', () => {
    expect(toCsv(WEBSITE_COLUMNS, [[1, 'a,b', 'say "hi"', true, '']])).toBe(
      'siteSeq,siteName,description,rectified,organization\n1,"a,b","say ""hi""",true,\n',
    );
  });
});
