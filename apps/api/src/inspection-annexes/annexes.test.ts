import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createOrganizationResolver } from '@gazette/domain';
import {
  parseAnnex,
  rectifiedValue,
  unneutralise,
  type AnnexKind,
  type AnnexRowError,
} from './annexes.ts';
import {
  adoptionTable,
  dataCollectionTable,
  neutralise,
  newMediaTable,
  toAnnexCsv,
  toAnnexXlsx,
  websiteTable,
} from './export.ts';
import {
  cellAddress,
  checkZipDeclaredSize,
  decodeCsvBytes,
  readCsv,
  readXlsx,
  UnreadableFile,
} from './table.ts';

// The bodies the database would hold (a small fixture): names resolve only through these.
const resolve = createOrganizationResolver([
  { id: 'jx', name: '泸州市经济和信息化局', shortName: '市经济和信息化局', aliases: [] },
  { id: 'sj', name: '泸州市审计局', shortName: '市审计局', aliases: [] },
  { id: 'ly', name: '泸州市林业和竹业局', shortName: '市林业和竹业局', aliases: ['市林业竹业局'] },
  { id: 'lx', name: '泸县人民政府', shortName: '泸县', aliases: [] },
  { id: 'tj', name: '泸州市统计局', shortName: '市统计局', aliases: [] },
  { id: 'ck', name: '中国·四川泸州长江经济开发区', shortName: '长开区', aliases: [] },
]);

function parse<K extends AnnexKind>(annex: K, csv: string) {
  const errors: AnnexRowError[] = [];
  const rows = parseAnnex(annex, readCsv(csv), resolve, errors);
  return { rows, errors };
}

const where = (errors: AnnexRowError[]) => errors.map((e) => [e.line, e.column, e.cell]);

describe('附件1 as printed', () => {
  it('reads one finding per line of a 存在问题 cell, skipping the title lines above the header', () => {
    const { rows, errors } = parse(
      'WEBSITE',
      [
        '附件1',
        '2025年第一季度全市政府网站检查情况',
        '序号,检查网站,存在问题,是否整改完成',
        '3,泸州市经济和信息化局网站,"《区县动态》超期未更新',
        '《重要文件通知》超期未更新",整改完成',
        '4,泸州市审计局 网站,《部门信箱》超期未回复,已整改',
        '4,泸州市审计局网站,"《部门信箱》超期未更新',
        '《政策文件》 超期未更新","整改完成',
        '未整改"',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(
      rows.map((r) => [
        r.line,
        r.siteSeq,
        r.siteName,
        r.position,
        r.description,
        r.rectified,
        r.organization,
      ]),
    ).toEqual([
      [4, 3, '泸州市经济和信息化局网站', 0, '《区县动态》超期未更新', true, '泸州市经济和信息化局'],
      [
        4,
        3,
        '泸州市经济和信息化局网站',
        1,
        '《重要文件通知》超期未更新',
        true,
        '泸州市经济和信息化局',
      ],
      [6, 4, '泸州市审计局网站', 0, '《部门信箱》超期未回复', true, '泸州市审计局'],
      // A later row of the same 序号 continues its positions; one status a line.
      [7, 4, '泸州市审计局网站', 1, '《部门信箱》超期未更新', true, '泸州市审计局'],
      [7, 4, '泸州市审计局网站', 2, '《政策文件》超期未更新', false, '泸州市审计局'],
    ]);
  });

  it('takes the owner from 所属单位 when the site name does not resolve, and names every bad cell', () => {
    const ok = parse(
      'WEBSITE',
      '序号,检查网站,存在问题,是否整改完成,所属单位\n1,长江经开区门户,《问卷调查》没有调查结果,是,长开区\n',
    );
    expect(ok.errors).toEqual([]);
    expect(ok.rows[0]).toMatchObject({
      siteName: '长江经开区门户',
      organization: '中国·四川泸州长江经济开发区',
    });

    const bad = parse(
      'WEBSITE',
      '序号,检查网站,存在问题,是否整改完成\n0,泸州市审计局网站,a,是\n2,不存在的网站,b,也许\n3,泸州市统计局网站,,\n',
    );
    expect(where(bad.errors)).toEqual([
      [2, '序号', 'A2'],
      [3, '检查网站', 'B3'],
      [3, '是否整改完成', 'D3'],
      [4, '存在问题', 'C4'],
      [4, '是否整改完成', 'D4'],
    ]);
    expect(bad.errors[1]).toMatchObject({
      annex: 'WEBSITE',
      file: '附件1',
      message: expect.stringContaining('不是已登记的机构或别名:不存在的网站'),
    });
  });

  it('refuses a header it does not know, or one missing a printed column, on the header line alone', () => {
    expect(where(parse('WEBSITE', '序号,网站,存在问题,是否整改完成\n1,a,b,是\n').errors)).toEqual([
      [1, '网站', 'B1'],
      [1, '检查网站', null],
    ]);
    expect(
      where(parse('WEBSITE', '序号,检查网站,存在问题\n1,泸州市审计局网站,b\n').errors),
    ).toEqual([[1, '是否整改完成', null]]);
  });

  it('refuses a status line count that does not match the problems, and one 序号 for two sites', () => {
    const { errors } = parse(
      'WEBSITE',
      '序号,检查网站,存在问题,是否整改完成\n1,泸州市审计局网站,"a\nb\nc","是\n否"\n1,泸州市统计局网站,d,是\n',
    );
    expect(where(errors)).toEqual([
      [2, '是否整改完成', 'D2'],
      // The quoted cells above span lines 2–5.
      [6, '序号', 'A6'],
    ]);
  });
});

describe('附件2 as printed', () => {
  it('leaves 是否整改完成 unknown when the column is absent or the cell empty; skips the 说明 line', () => {
    const printed = parse(
      'NEW_MEDIA',
      '序号,新媒体名称,所属区县或部门,类型,存在的突出问题\n1,法治泸县,泸县,微信,严重表述错误\n说明:检测时间为2025年1月1日至3月1日。\n',
    );
    expect(printed.errors).toEqual([]);
    expect(printed.rows).toEqual([
      expect.objectContaining({
        seq: 1,
        account: '法治泸县',
        organization: '泸县人民政府',
        rectified: null,
      }),
    ]);
    const withStatus = parse(
      'NEW_MEDIA',
      '序号,新媒体名称,所属区县或部门,类型,存在的突出问题,是否整改完成\n1,a,泸县,微信,x,\n2,b,市林业竹业局,微博,y,已整改\n3,c,泸县,抖音,z,否\n',
    );
    expect(withStatus.errors).toEqual([]);
    expect(withStatus.rows.map((r) => r.rectified)).toEqual([null, true, false]);
  });

  it('names the column of an unknown body and a repeated 序号', () => {
    const { errors } = parse(
      'NEW_MEDIA',
      '序号,新媒体名称,所属区县或部门,类型,存在的突出问题\n1,a,泸县,微信,x\n1,b,市不存在局,微博,y\n',
    );
    expect(where(errors)).toEqual([
      [3, '序号', 'A3'],
      [3, '所属区县或部门', 'C3'],
    ]);
  });
});

describe('附件3', () => {
  it('reads the tabular form, one body a row', () => {
    const { rows, errors } = parse(
      'DATA_COLLECTION',
      '类别,数据年份,部门\n基础数据,2024,市统计局\n过程数据,2025,市统计局\n过程数据,2025年,泸州市审计局\n',
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.kind, r.dataYear, r.position, r.organization])).toEqual([
      ['BASE', 2024, 0, '泸州市统计局'],
      ['PROCESS', 2025, 0, '泸州市统计局'],
      ['PROCESS', 2025, 1, '泸州市审计局'],
    ]);
  });

  it('reads the printed two-column form (OCR spaces included)', () => {
    const { rows, errors } = parse(
      'DATA_COLLECTION',
      '附件3\n2024年第四季度全市政务数据汇集工作检查情况\n未更新2023 年基础数据的 部门,市经济和信息化局、市统计局\n未更新2024 年过程数据的 部门,"市 审计局、市统计局"\n',
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.kind, r.dataYear, r.organization])).toEqual([
      [3, 'BASE', 2023, '泸州市经济和信息化局'],
      [3, 'BASE', 2023, '泸州市统计局'],
      [4, 'PROCESS', 2024, '泸州市审计局'],
      [4, 'PROCESS', 2024, '泸州市统计局'],
    ]);
  });

  it('names bad kinds, years, unknown and repeated bodies', () => {
    const { errors } = parse(
      'DATA_COLLECTION',
      '类别,数据年份,部门\n原始数据,2024,市统计局\n基础数据,24,市统计局\n基础数据,2024,市不存在局\n基础数据,2024,泸州市统计局\n基础数据,2024,市统计局\n',
    );
    expect(where(errors)).toEqual([
      [2, '类别', 'A2'],
      [3, '数据年份', 'B3'],
      [4, '部门', 'C4'],
      // 市统计局 is listed under 基础数据 on line 3 already (whose year is wrong).
      [5, '部门', 'C5'],
      [6, '部门', 'C6'],
    ]);
  });
});

describe('信息采用情况', () => {
  it('reads 较好 and 为0, each body once', () => {
    const { rows, errors } = parse('ADOPTION', '评价,单位\n较好,泸县\n较好,市统计局\n为0,长开区\n');
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.rating, r.position, r.organization])).toEqual([
      ['GOOD', 0, '泸县人民政府'],
      ['GOOD', 1, '泸州市统计局'],
      ['ZERO', 0, '中国·四川泸州长江经济开发区'],
    ]);
    expect(where(parse('ADOPTION', '评价,单位\n一般,泸县\n较好,泸县\n为0,泸县\n').errors)).toEqual([
      [2, '评价', 'A2'],
      [4, '单位', 'B4'],
    ]);
  });
});

describe('values', () => {
  it.each([
    ['整改完成', true],
    ['已整改', true],
    ['是', true],
    ['未整改', false],
    ['否', false],
    ['', null],
    ['整改中', undefined],
  ])('是否整改完成 %s → %s', (text, value) => {
    expect(rectifiedValue(text)).toBe(value);
  });
});

describe('XLSX', () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void) {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads the sheet named 附件1 (else the first), merged 序号 and 检查网站 cells carrying into each row', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('说明').addRow(['这张表不是附件']);
      const ws = wb.addWorksheet('附件1 网站');
      ws.addRow(['2025年第一季度全市政府网站检查情况']);
      ws.addRow(['序号', '检查网站', '存在问题', '是否整改完成']);
      ws.addRow([6, '泸州市审计局网站', '《部门信箱》要素不齐', '整改完成']);
      ws.addRow([
        null,
        null,
        { richText: [{ text: '《重大民生栏目》' }, { text: '超期未更新' }] },
        '未整改',
      ]);
      ws.mergeCells('A3:A4');
      ws.mergeCells('B3:B4');
    });
    const table = await readXlsx(bytes, '附件1');
    expect(table.sheet).toBe('附件1 网站');
    const errors: AnnexRowError[] = [];
    const rows = parseAnnex('WEBSITE', table, resolve, errors);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.siteSeq, r.position, r.description, r.rectified])).toEqual([
      [3, 6, 0, '《部门信箱》要素不齐', true],
      [4, 6, 1, '《重大民生栏目》超期未更新', false],
    ]);
  });

  it('names the sheet and cell of a bad row', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['序号', '新媒体名称', '所属区县或部门', '类型', '存在的突出问题']);
      ws.addRow([1, '泸州审计', '市审计局', '微信', '严重表述错误']);
      ws.addRow([2, '某号', '市不存在局', '微博', '严重表述错误']);
    });
    const errors: AnnexRowError[] = [];
    parseAnnex('NEW_MEDIA', await readXlsx(bytes, '附件2'), resolve, errors, 'q1.xlsx');
    expect(errors).toEqual([
      expect.objectContaining({
        annex: 'NEW_MEDIA',
        file: '附件2',
        fileName: 'q1.xlsx',
        sheet: 'Sheet1',
        line: 3,
        column: '所属区县或部门',
        cell: 'C3',
      }),
    ]);
  });

  it('refuses what is not an XLSX, and a ZIP that declares too much unpacked', async () => {
    await expect(
      readXlsx(new TextEncoder().encode('序号,检查网站'), '附件1'),
    ).rejects.toBeInstanceOf(UnreadableFile);
    const bytes = await workbook((wb) => wb.addWorksheet('附件1').addRow(['序号']));
    const lying = bytes.slice();
    const view = new DataView(lying.buffer);
    // Make the first central-directory entry claim 4 GiB unpacked.
    for (let i = lying.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        view.setUint32(view.getUint32(i + 16, true) + 24, 0xffffff00, true);
        break;
      }
    }
    expect(() => checkZipDeclaredSize(lying)).toThrow(/解压后超过/);
  });
});

describe('CSV', () => {
  it('drops a BOM, reads GB18030 bytes, and refuses XLSX bytes', () => {
    expect(readCsv('\uFEFF序号\n1\n').rows.map((r) => r.cells)).toEqual([['序号'], ['1']]);
    // 序号 in GB18030
    expect(decodeCsvBytes(new Uint8Array([0xd0, 0xf2, 0xba, 0xc5]))).toBe('序号');
    expect(() => readCsv('PK\u0003\u0004...')).toThrow(UnreadableFile);
  });
  it('names cells A1-style', () => {
    expect([cellAddress(0, 1), cellAddress(25, 2), cellAddress(26, 3), cellAddress(27, 4)]).toEqual(
      ['A1', 'Z2', 'AA3', 'AB4'],
    );
  });
});

describe('export', () => {
  const org = (name: string) => ({ name });

  it('prints 附件1 with one row a site, its problems one a line, and imports back the same findings', async () => {
    const findings = [
      {
        siteSeq: 3,
        siteName: '泸州市经济和信息化局网站',
        position: 0,
        description: '《区县动态》超期未更新',
        rectified: true,
        organization: org('泸州市经济和信息化局'),
      },
      {
        siteSeq: 3,
        siteName: '泸州市经济和信息化局网站',
        position: 1,
        description: '=HYPERLINK("x")',
        rectified: false,
        organization: org('泸州市经济和信息化局'),
      },
      {
        siteSeq: 5,
        siteName: '长江经开区门户',
        position: 0,
        description: '@提醒',
        rectified: true,
        organization: org('中国·四川泸州长江经济开发区'),
      },
    ];
    const table = websiteTable(findings);
    expect(table[0]).toEqual(['序号', '检查网站', '存在问题', '是否整改完成', '所属单位']);
    expect(table[1]).toEqual([
      3,
      '泸州市经济和信息化局网站',
      '《区县动态》超期未更新\n=HYPERLINK("x")',
      '整改完成\n未整改',
      '泸州市经济和信息化局',
    ]);
    const csv = toAnnexCsv(table);
    expect(csv.startsWith('\uFEFF序号,检查网站,存在问题,是否整改完成,所属单位\r\n')).toBe(true);
    expect(csv).toContain(`5,长江经开区门户,'@提醒,整改完成`);
    const back = (errors: AnnexRowError[], rows: ReturnType<typeof parseAnnex<'WEBSITE'>>) => {
      expect(errors).toEqual([]);
      return rows.map((r) => ({
        siteSeq: r.siteSeq,
        siteName: r.siteName,
        position: r.position,
        description: r.description,
        rectified: r.rectified,
        organization: org(r.organization),
      }));
    };
    const e1: AnnexRowError[] = [];
    expect(back(e1, parseAnnex('WEBSITE', readCsv(csv), resolve, e1))).toEqual(findings);
    const e2: AnnexRowError[] = [];
    expect(
      back(
        e2,
        parseAnnex(
          'WEBSITE',
          await readXlsx(await toAnnexXlsx('WEBSITE', table), '附件1'),
          resolve,
          e2,
        ),
      ),
    ).toEqual(findings);
  });

  it('prints unknown rectification as an empty cell, and 附件3 and 信息采用情况 in their tabular forms', () => {
    expect(
      newMediaTable([
        {
          seq: 1,
          account: '法治泸县',
          platform: '微信',
          description: '严重表述错误',
          rectified: null,
          organization: org('泸县人民政府'),
        },
      ]),
    ).toEqual([
      ['序号', '新媒体名称', '所属区县或部门', '类型', '存在的突出问题', '是否整改完成'],
      [1, '法治泸县', '泸县人民政府', '微信', '严重表述错误', ''],
    ]);
    expect(
      dataCollectionTable([
        { kind: 'PROCESS', dataYear: 2025, position: 0, organization: org('泸州市统计局') },
        { kind: 'BASE', dataYear: 2024, position: 0, organization: org('泸州市审计局') },
      ]),
    ).toEqual([
      ['类别', '数据年份', '部门'],
      ['基础数据', 2024, '泸州市审计局'],
      ['过程数据', 2025, '泸州市统计局'],
    ]);
    expect(
      adoptionTable([{ rating: 'ZERO', position: 0, organization: org('泸县人民政府') }]),
    ).toEqual([
      ['评价', '单位'],
      ['为0', '泸县人民政府'],
    ]);
  });

  it('neutralises = + - @ (and a text already starting with such a prefix) so the import undoes it exactly', () => {
    expect(['=1+1', '+86', '-', '@x', "'=x", 'a=b', 7].map(neutralise)).toEqual([
      "'=1+1",
      "'+86",
      "'-",
      "'@x",
      "''=x",
      'a=b',
      7,
    ]);
    expect(["'=1+1", "'+86", "'-", "'@x", "''=x", "'a"].map(unneutralise)).toEqual([
      '=1+1',
      '+86',
      '-',
      '@x',
      "'=x",
      "'a",
    ]);
  });
});
