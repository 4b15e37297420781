import { describe, expect, it } from 'vitest';
import {
  LAND_TERM_COEFFICIENT_DIMENSIONS,
  MEDICAL_SERVICE_DIMENSIONS,
  LAND_TRANSFER_DIMENSIONS,
} from '@gazette/domain';
import type { ApiRateEntry } from '../dataProvider/rateTables.ts';
import {
  adjustAmount,
  describeEntry,
  matrixLayout,
  matrixRows,
  parseCellValue,
  parseClipboard,
  parsePercent,
} from './matrix.ts';
import { csvFromSheet, sheetErrorsOf, sheetOf } from './sheet.ts';

let n = 0;
const entry = (
  code: string,
  grade: string,
  amount: string | null,
  rate: string | null = null,
  attributes: Record<string, unknown> = {},
): ApiRateEntry => ({
  id: `e${++n}`,
  versionId: 'v1',
  key: `${code}|${grade}`,
  dimensions: { code, grade },
  code,
  name: `项目${code}`,
  unit: '次',
  amount,
  rate,
  baseKey: rate ? `${code.split('-')[0]}|${grade}` : null,
  position: n,
  version: 1,
  attributes,
});
const GRADES = ['TERTIARY_A', 'TERTIARY_B', 'SECONDARY_A', 'SECONDARY_B', 'BELOW_SECONDARY_B'];
const medical = (): ApiRateEntry[] => [
  ...GRADES.map((g, i) =>
    entry('100000001', g, String(100 - i * 10), null, {
      seq: 1,
      contents: '内涵甲',
      exclusions: '',
      note: '说明甲',
      lineCap: String(500 - i),
    }),
  ),
  ...GRADES.map((g) =>
    entry('100000001-1', g, null, '0.5', { seq: 2, contents: '', exclusions: '', note: '' }),
  ),
];
const t = (key: string, args?: Record<string, unknown>) =>
  `${key}${args ? JSON.stringify(args) : ''}`;

describe('matrix layout', () => {
  it('prints the medical table as items × the five grades, with the item texts', () => {
    const layout = matrixLayout('MEDICAL_SERVICE_PRICE', MEDICAL_SERVICE_DIMENSIONS)!;
    expect(layout.column.values.map((v) => v.label)).toEqual([
      '三甲',
      '三乙',
      '二甲',
      '二乙',
      '二乙以下',
    ]);
    const rows = matrixRows(layout, medical());
    expect(rows.map((r) => [r.id, r.seq, r.texts.contents, r.texts.note])).toEqual([
      ['100000001', '1', '内涵甲', '说明甲'],
      ['100000001-1', '2', '', ''],
    ]);
    expect(rows[0]!.cells.SECONDARY_A!.amount).toBe('80');
    expect(matrixLayout('LAND_TRANSFER_FEE', LAND_TRANSFER_DIMENSIONS)).toBeNull();
    const coefficient = matrixLayout('LAND_TERM_COEFFICIENT', LAND_TERM_COEFFICIENT_DIMENSIONS)!;
    expect([
      coefficient.column.name,
      coefficient.rows.map((d) => d.name),
      coefficient.valueField,
    ]).toEqual(['landUse', ['years'], 'rate']);
  });

  it('reads cells as the domain checks them: 68% is 0.68, bad text and extra places refused', () => {
    const layout = { valueField: 'amount' as const };
    expect(parseCellValue(layout, undefined, '1,154.5')).toEqual({
      ok: true,
      value: { field: 'amount', value: '1154.5' },
    });
    expect(parseCellValue(layout, undefined, '68%')).toEqual({
      ok: true,
      value: { field: 'rate', value: '0.68' },
    });
    // A surcharge cell takes its percentage without the sign too.
    expect(parseCellValue(layout, { amount: null, rate: '0.5' }, '40')).toEqual({
      ok: true,
      value: { field: 'rate', value: '0.4' },
    });
    expect(parseCellValue(layout, undefined, 'abc')).toEqual({ ok: false, reason: 'number' });
    expect(parseCellValue(layout, undefined, '-5')).toEqual({ ok: false, reason: 'number' });
    expect(parseCellValue(layout, undefined, '1.23456')).toMatchObject({
      ok: false,
      reason: 'domain',
      message: expect.stringContaining('最多 4 位小数'),
    });
    expect(parseCellValue({ valueField: 'rate' }, undefined, '0.95')).toEqual({
      ok: true,
      value: { field: 'rate', value: '0.95' },
    });
  });

  it('adjusts by a percentage decimal-exact, rounded half-up to the fen', () => {
    expect(adjustAmount('918', '5')).toBe('963.9');
    expect(adjustAmount('0.1', '200')).toBe('0.3');
    expect(adjustAmount('19.99', '3.3')).toBe('20.65'); // 20.64967 → 20.65
    expect(adjustAmount('10.005', '0')).toBe('10.01');
    expect(adjustAmount('100', '-3.5')).toBe('96.5');
    expect(parsePercent('-3.5%')).toBe('-3.5');
    expect(parsePercent('+5')).toBe('5');
    expect(parsePercent('-101')).toBeNull();
    expect(parsePercent('x')).toBeNull();
  });

  it('splits a block copied from Excel or WPS', () => {
    expect(parseClipboard('1\t2\r\n3\t"4\t5"\r\n')).toEqual([
      ['1', '2'],
      ['3', '4\t5'],
    ]);
    expect(parseClipboard('')).toEqual([]);
  });

  it('names a diff entry by item and grade, never by its key', () => {
    expect(
      describeEntry(MEDICAL_SERVICE_DIMENSIONS, {
        key: '100000001|TERTIARY_B',
        name: '取某术',
        dimensions: { code: '100000001', grade: 'TERTIARY_B' },
      }),
    ).toBe('取某术 · 三乙');
    expect(
      describeEntry(MEDICAL_SERVICE_DIMENSIONS, { key: '100000001|SECONDARY_A', name: null }),
    ).toBe('100000001 · 二甲');
  });
});

describe('sheet', () => {
  it('writes the printed matrix with Chinese headers and reads it back as the CSV the API imports', () => {
    const entries = medical();
    const spec = sheetOf('MEDICAL_SERVICE_PRICE', MEDICAL_SERVICE_DIMENSIONS, entries);
    expect(spec.header[0]!.slice(0, 8)).toEqual([
      '序号',
      '编码',
      '项目名称',
      '项目内涵',
      '除外内容',
      '计价单位',
      '说明',
      '价格（元）',
    ]);
    expect(spec.header[1]!.slice(7)).toEqual(['三甲', '三乙', '二甲', '二乙', '二乙以下']);
    expect(spec.rows[1]!.slice(7)).toEqual(['50%', '50%', '50%', '50%', '50%']);
    const cells = [...spec.header, ...spec.rows].map((r) => r.map(String));
    cells[2]![8] = '95.5';
    const back = csvFromSheet(
      'MEDICAL_SERVICE_PRICE',
      MEDICAL_SERVICE_DIMENSIONS,
      cells,
      entries,
      t,
    );
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    const lines = back.csv.trim().split('\r\n');
    expect(lines[0]).toBe('code,grade,name,unit,amount,rate,baseKey,attributes');
    expect(lines[2]).toContain('100000001,TERTIARY_B,项目100000001,次,95.5,,,');
    // Caps and other attributes the sheet does not print are kept.
    expect(lines[2]).toContain('""lineCap"":""499""');
    expect(lines[6]).toContain(
      '100000001-1,TERTIARY_A,项目100000001-1,次,,0.5,100000001|TERTIARY_A,',
    );
    expect(back.origin[1]).toEqual({ row: 3, column: '三乙' });
    // The API's line 3 (the second entry) is sheet row 3, column 三乙.
    expect(sheetErrorsOf([{ line: 3, column: 'amount', message: 'x' }], back.origin)).toEqual([
      { row: 3, column: '三乙', message: 'x' },
    ]);
  });

  it('refuses a sheet without the gazette header and an unknown grade', () => {
    expect(
      csvFromSheet('MEDICAL_SERVICE_PRICE', MEDICAL_SERVICE_DIMENSIONS, [['a', 'b']], [], t),
    ).toMatchObject({ ok: false, errors: [{ row: 1 }] });
    const coefficient = [
      ['年期(年)', '年期修正系数', ''],
      ['', '商服用地', '住宅用地'],
      ['40', '1', '0.95'],
    ];
    const ok = csvFromSheet(
      'LAND_TERM_COEFFICIENT',
      LAND_TERM_COEFFICIENT_DIMENSIONS,
      coefficient,
      [],
      t,
    );
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    expect(ok.csv.trim().split('\r\n')).toEqual([
      'landUse,years,code,name,unit,amount,rate,baseKey,attributes',
      'COMMERCIAL,40,,,,,1,,',
      'RESIDENTIAL,40,,,,,0.95,,',
    ]);
    const list = csvFromSheet(
      'LAND_TRANSFER_FEE',
      LAND_TRANSFER_DIMENSIONS,
      [
        ['土地用途', '基准地价级别', '临街情况', '金额（元）'],
        ['工业', 'I 级', '其他', '1'],
      ],
      [],
      t,
    );
    expect(list).toMatchObject({ ok: false, errors: [{ row: 2, column: '土地用途' }] });
  });
});
