import { describe, expect, it } from 'vitest';
import { createOrganizationResolver } from '@gazette/domain';
import {
  parseNewMediaAnnexCsv,
  parseWebsiteAnnexCsv,
  toCsv,
  WEBSITE_COLUMNS,
  type AnnexCsvError,
} from './inspection-csv.ts';

// The bodies the database would hold (a small fixture): names resolve only through these.
const resolve = createOrganizationResolver([
  { id: 'a', name: '泸州市经济和信息化局', shortName: '市经济和信息化局', aliases: [] },
  { id: 'b', name: '泸州市审计局', shortName: '市审计局', aliases: [] },
  { id: 'c', name: '泸州市林业和竹业局', shortName: '市林业和竹业局', aliases: ['市林业竹业局'] },
]);

describe('parseWebsiteAnnexCsv', () => {
  it('resolves the site owner from the printed site name and numbers findings within a site', () => {
    const errors: AnnexCsvError[] = [];
    const rows = parseWebsiteAnnexCsv(
      'siteSeq,siteName,description,rectified\n3,泸州市经济和信息化局网站,《区县动态》超期未更新,整改完成\n3,泸州市经济和信息化局网站,《重要文件通知》超期未更新,是\n',
      errors,
      resolve,
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.organization, r.position, r.rectified])).toEqual([
      ['泸州市经济和信息化局', 0, true],
      ['泸州市经济和信息化局', 1, true],
    ]);
  });

  it('reports every bad row with its column', () => {
    const errors: AnnexCsvError[] = [];
    parseWebsiteAnnexCsv(
      'siteSeq,siteName,description,rectified\nx,泸州市审计局网站,a,是\n2,不存在的网站,b,也许\n',
      errors,
      resolve,
    );
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'siteSeq'],
      [3, 'siteName'],
      [3, 'rectified'],
    ]);
  });

  it('rejects an unknown column in the header', () => {
    const errors: AnnexCsvError[] = [];
    parseWebsiteAnnexCsv('siteSeq,site,description\n1,a,b\n', errors, resolve);
    expect(errors.some((e) => e.line === 1 && e.column === 'site')).toBe(true);
  });
});

describe('parseNewMediaAnnexCsv', () => {
  it('refuses a repeated 序号', () => {
    const errors: AnnexCsvError[] = [];
    parseNewMediaAnnexCsv(
      'seq,account,owner,platform,description\n1,a,泸州市审计局,微信,x\n1,b,泸州市审计局,微博,y\n',
      errors,
      resolve,
    );
    expect(errors).toEqual([expect.objectContaining({ line: 3, column: 'seq' })]);
  });
});

describe('names resolve through the database', () => {
  it('accepts an alias an administrator added (市林业竹业局) and leaves unknown rectification empty', () => {
    const errors: AnnexCsvError[] = [];
    const rows = parseNewMediaAnnexCsv(
      'seq,account,owner,platform,description,rectified\n1,泸州林业,市林业竹业局,微信,严重表述错误,\n',
      errors,
      resolve,
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.organization, r.rectified])).toEqual([['泸州市林业和竹业局', null]]);
  });
});

describe('toCsv', () => {
  it('quotes cells with commas and quotes, ending lines with CRLF', () => {
    expect(toCsv(WEBSITE_COLUMNS, [[1, 'a,b', 'say "hi"', true, '']])).toBe(
      'siteSeq,siteName,description,rectified,organization\r\n1,"a,b","say ""hi""",true,\r\n',
    );
  });

  it('writes formula-like text so a spreadsheet does not run it, and the import reads it back', () => {
    const csv = toCsv(WEBSITE_COLUMNS, [
      [1, '泸州市审计局网站', '=HYPERLINK("http://x")', '是', '泸州市审计局'],
    ]);
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"")",`);
    const errors: AnnexCsvError[] = [];
    const rows = parseWebsiteAnnexCsv(csv, errors, resolve);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.description)).toEqual(['=HYPERLINK("http://x")']);
  });
});

describe('the same reader as every CSV of the project', () => {
  it('accepts the printed Chinese headers as well as the English ones', () => {
    const errors: AnnexCsvError[] = [];
    const rows = parseWebsiteAnnexCsv(
      '序号,检查网站,存在问题,是否整改完成\r\n3,泸州市审计局网站,栏目超期未更新,是\r\n',
      errors,
      resolve,
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.siteSeq, r.organization, r.rectified])).toEqual([
      [3, '泸州市审计局', true],
    ]);
  });

  it('refuses a NUL in a cell naming its line and column', () => {
    expect(() =>
      parseWebsiteAnnexCsv('siteSeq,siteName,description\n1,a\u0000,b\n', [], resolve),
    ).toThrow(/第 2 行第 2 列.*NUL/u);
  });
});
