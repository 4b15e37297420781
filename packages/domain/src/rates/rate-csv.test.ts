import { describe, expect, it } from 'vitest';
import { diffVersions } from './diff-versions.ts';
import {
  landTransferFeeTableFixture,
  medicalServiceTableFixture,
} from '../../test/fixtures/rate-tables.ts';
import {
  neutraliseCell,
  parseCsvRecords,
  parseRateVersionCsv,
  toRateVersionCsv,
  unneutraliseCell,
} from './rate-csv.ts';

const medical = medicalServiceTableFixture();
const LAND_TRANSFER_FEE_TABLE = landTransferFeeTableFixture();
const medicalVersion = medical.versions[0]!;

describe('toRateVersionCsv / parseRateVersionCsv', () => {
  it('round-trips the medical table exactly (quoted commas, quotes and Chinese text)', () => {
    const csv = toRateVersionCsv(medicalVersion, medical);
    const parsed = parseRateVersionCsv(csv, medical);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.entries).toHaveLength(medicalVersion.entries.length);
    expect(diffVersions(medicalVersion, { entries: parsed.entries })).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });

  it('round-trips the land table with the dimension columns first', () => {
    const csv = toRateVersionCsv(LAND_TRANSFER_FEE_TABLE.versions[0]!, LAND_TRANSFER_FEE_TABLE);
    expect(csv.split('\r\n')[0]).toBe(
      '土地用途,基准地价级别,临街情况,编码,名称,单位,金额(元),比例,基准项,附加属性',
    );
    expect(csv).toContain(
      '\r\n商服用地,I 级,临街且平街一层,,商服用地 I 级 临街且平街一层,元/建筑平方米,1425,',
    );
    const parsed = parseRateVersionCsv(csv, LAND_TRANSFER_FEE_TABLE);
    expect(parsed.ok && parsed.entries.length).toBe(21);
  });

  it('accepts a UTF-8 BOM and LF line ends (Excel and editors)', () => {
    const csv = '\uFEFFlandUse,grade,frontage,amount\nRESIDENTIAL,1,ANY,400\n';
    const parsed = parseRateVersionCsv(csv, LAND_TRANSFER_FEE_TABLE);
    expect(parsed.ok && parsed.entries[0]?.key).toBe('RESIDENTIAL|1|ANY');
  });

  it('reports every bad row and column at once, in Chinese, and returns nothing partial', () => {
    const csv = [
      'landUse,grade,frontage,amount,rate',
      'COMMERCIAL,1,OTHER,475,',
      'INDUSTRIAL,1,OTHER,100,',
      'COMMERCIAL,9,OTHER,abc,',
      'COMMERCIAL,2,OTHER,,',
      'COMMERCIAL,3,OTHER,1,0.5',
      'COMMERCIAL,3',
    ].join('\n');
    const parsed = parseRateVersionCsv(csv, LAND_TRANSFER_FEE_TABLE);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const where = parsed.errors.map((e) => `${e.line}:${e.column ?? '-'}`);
    expect(where).toEqual([
      '3:土地用途',
      '4:基准地价级别',
      '4:金额(元)',
      '5:金额(元)',
      '6:金额(元)',
      '7:-',
    ]);
    expect(parsed.errors[0]?.message).toContain('土地用途');
  });

  it('reports duplicate keys with the line of the repeat', () => {
    const csv = 'landUse,grade,frontage,amount\nRESIDENTIAL,1,ANY,368\nRESIDENTIAL,1,ANY,369\n';
    const parsed = parseRateVersionCsv(csv, LAND_TRANSFER_FEE_TABLE);
    expect(parsed.ok ? [] : parsed.errors.map((e) => [e.line, e.message.includes('重复')])).toEqual(
      [[3, true]],
    );
  });

  it('reports a baseKey that names no entry of the version', () => {
    const csv = 'code,grade,rate,baseKey\n311201070-1,TERTIARY_A,0.39,311201070|TERTIARY_A\n';
    const parsed = parseRateVersionCsv(csv, medical);
    expect(parsed.ok ? null : parsed.errors[0]).toMatchObject({ line: 2, column: '基准项' });
  });

  it('rejects unknown and missing header columns', () => {
    const parsed = parseRateVersionCsv('code,price\n311201069,1769\n', medical);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.column)).toEqual([
      'price',
      '医疗机构等级',
      '金额(元)',
    ]);
  });

  it('rejects attributes that are not a JSON object', () => {
    const parsed = parseRateVersionCsv(
      'code,grade,amount,attributes\n311201069,TERTIARY_A,1,[1]\n',
      medical,
    );
    expect(parsed.ok ? null : parsed.errors[0]?.column).toBe('附加属性');
  });

  it('writes grades as the gazette prints them (三甲 … 二乙以下), base keys too', () => {
    const csv = toRateVersionCsv(medicalVersion, medical);
    expect(csv.split('\r\n')[0]).toBe(
      '项目编码,医疗机构等级,名称,单位,金额(元),比例,基准项,附加属性',
    );
    expect(csv).toContain('\r\n311201069,三甲,取卵术,次,1769,');
    expect(csv).toContain('\r\n311201070-1,三乙,胚胎培养-囊胚培养(加收),次,,0.39,311201070|三乙,');
    expect(csv).not.toMatch(/TERTIARY|SECONDARY/u);
  });

  it('imports the printed Chinese headers and grades, and the older English ones, to the same entries', () => {
    const zh = parseRateVersionCsv(
      '项目编码,医疗机构等级,金额（元）\n311201069,三乙,1621\n311201069,二乙以下,1179\n',
      medical,
    );
    const en = parseRateVersionCsv(
      'code,grade,amount\n311201069,TERTIARY_B,1621\n311201069,BELOW_SECONDARY_B,1179\n',
      medical,
    );
    expect(zh.ok && zh.entries.map((e) => [e.key, e.amount?.toString()])).toEqual([
      ['311201069|TERTIARY_B', '1621'],
      ['311201069|BELOW_SECONDARY_B', '1179'],
    ]);
    expect(en).toEqual(zh);
  });

  it('names a grade that is neither printed nor a code, with its Chinese column', () => {
    const parsed = parseRateVersionCsv(
      '项目编码,医疗机构等级,金额(元)\n311201069,三丙,1\n',
      medical,
    );
    expect(parsed.ok ? null : parsed.errors).toEqual([
      { line: 2, column: '医疗机构等级', message: expect.stringContaining('三丙') },
    ]);
  });

  it('refuses a NUL in a cell, naming the line and the Chinese column', () => {
    const parsed = parseRateVersionCsv(
      'code,grade,amount\n311201069,TERTIARY_A,1\u0000\n',
      medical,
    );
    expect(parsed).toEqual({
      ok: false,
      errors: [{ line: 2, column: '金额(元)', message: expect.stringContaining('NUL') }],
    });
  });

  it('rejects an empty file and a header without rows', () => {
    expect(parseRateVersionCsv('', medical).ok).toBe(false);
    const headerOnly = parseRateVersionCsv('code,grade,amount\n', medical);
    expect(headerOnly.ok ? null : headerOnly.errors[0]?.message).toContain('没有数据行');
  });
});

describe('parseCsvRecords', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted cells, with the starting line', () => {
    const records = parseCsvRecords('a,b\r\n"x, ""y""","line1\nline2"\r\nlast,row');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', 'line1\nline2'] },
      { line: 4, cells: ['last', 'row'] },
    ]);
  });

  it('skips blank lines', () => {
    expect(parseCsvRecords('a\n\n\nb\n').map((r) => r.line)).toEqual([1, 4]);
  });
});

describe('formula injection', () => {
  it('writes formula-like text with a leading quote and reads it back unchanged', () => {
    expect(
      ['=cmd|x', '+1+1', '-2', '@SUM(A1)', "'=x", 'a=b', '取卵术'].map(neutraliseCell),
    ).toEqual(["'=cmd|x", "'+1+1", "'-2", "'@SUM(A1)", "''=x", 'a=b', '取卵术']);
    expect(["'=cmd|x", "''=x", "'a"].map(unneutraliseCell)).toEqual(['=cmd|x', "'=x", "'a"]);
  });
});

describe('an exported version with a formula-like name', () => {
  it('round-trips through the CSV without any cell starting like a formula', () => {
    const table = medicalServiceTableFixture();
    const version = table.versions[0]!;
    const entries = version.entries.map((e, i) =>
      i === 0 ? { ...e, name: '=HYPERLINK("http://x","取卵术")' } : e,
    );
    const csv = toRateVersionCsv({ entries }, table);
    expect(
      csv.split('\r\n').some((line) => line.split(',').some((cell) => /^[=+@]/.test(cell))),
    ).toBe(false);
    const back = parseRateVersionCsv(csv, table);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.entries[0]!.name).toBe('=HYPERLINK("http://x","取卵术")');
  });
});
