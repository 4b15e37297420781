// 导出 CSV downloads the API's CSV; 导入 CSV (csvFromSheet, for a file without the English column
// names) must send it on unchanged, so a version exported and imported into a new draft gets equal
// entries, whatever the table's layout.
import { describe, expect, it } from 'vitest';
import {
  parseCsvRecords,
  parseRateVersionCsv,
  toRateVersionCsv,
  unneutraliseCell,
  type DimensionDef,
} from '@gazette/domain';
import { csvFromSheet } from './sheet.ts';

const translate = (key: string) => key;

const GRADE: DimensionDef = {
  name: 'grade',
  label: '医院等级',
  values: [
    { value: 'TERTIARY_A', label: '三甲' },
    { value: 'TERTIARY_B', label: '三乙' },
  ],
};
const CODE: DimensionDef = { name: 'code', label: '编码', values: [], open: true };
const USE: DimensionDef = {
  name: 'use',
  label: '土地用途',
  values: [
    { value: 'COMMERCIAL', label: '商服用地' },
    { value: 'RESIDENTIAL', label: '住宅用地' },
  ],
};

// Entries as the API's import reads them (English columns), with text needing quotes, a
// formula-like cell, a surcharge on a base item, and attributes.
const MEDICAL_SOURCE = [
  'code,grade,name,unit,amount,rate,baseKey,attributes',
  '311201069,TERTIARY_A,"取卵术,B超引导",次,1800,,,"{""contents"":""含 \\""麻醉\\""""}"',
  '311201069,TERTIARY_B,"取卵术,B超引导",次,1700,,,',
  '311201069-1,TERTIARY_A,加收,次,,0.3,311201069|TERTIARY_A,',
  '311201070,TERTIARY_A,=SUM(A1),次,12.5,,,',
].join('\r\n');
const LAND_SOURCE = [
  'use,code,name,unit,amount',
  'COMMERCIAL,L1,商服,元/平方米,1425',
  'RESIDENTIAL,L2,住宅,元/平方米,980.5',
].join('\r\n');

/** The exported file as 导入 CSV reads it: records, cells unneutralised. */
const cellsOf = (csv: string) =>
  parseCsvRecords(csv).map((r) => r.cells.map((c) => unneutraliseCell(c)));

describe('csvFromSheet with the file 导出 CSV downloads', () => {
  it.each([
    ['the medical matrix', 'MEDICAL_SERVICE_PRICE', [CODE, GRADE], MEDICAL_SOURCE],
    ['a list table', 'LAND_TRANSFER_FEE', [USE], LAND_SOURCE],
  ] as const)('sends %s back unchanged: equal entries', (_, kind, dims, source) => {
    const dimensions = [...dims];
    const read = parseRateVersionCsv(source, { dimensions });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const exported = toRateVersionCsv({ entries: read.entries }, { dimensions });
    // The file has the printed headers, not the English names that 导入 CSV sends as they are.
    expect(exported.split('\r\n')[0]).not.toContain('grade');

    const result = csvFromSheet(kind, dimensions, cellsOf(exported), [], translate);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.count).toBe(read.entries.length);
    const back = parseRateVersionCsv(result.csv, { dimensions });
    expect(back).toEqual(read);
    // Each line sent is the file's own line.
    expect(result.origin.map((o) => o.row)).toEqual(read.entries.map((_e, i) => i + 2));
  });

  it('reads a sheet naming only some of the API’s columns as a sheet, keeping the others from the version', () => {
    const dimensions = [USE];
    const read = parseRateVersionCsv(LAND_SOURCE, { dimensions });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const current = read.entries.map((e, i) => ({
      ...e,
      amount: e.amount?.toString() ?? null,
      rate: e.rate?.toString() ?? null,
      id: `e${i}`,
      versionId: 'v',
      version: 1,
    }));
    const result = csvFromSheet(
      'LAND_TRANSFER_FEE',
      dimensions,
      [
        ['土地用途', '金额(元)'],
        ['商服用地', '1430.5'],
      ],
      current,
      translate,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const back = parseRateVersionCsv(result.csv, { dimensions });
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.entries).toEqual([
      { ...read.entries[0]!, amount: expect.anything() as unknown, position: 0 },
    ]);
    expect(String(back.entries[0]!.amount)).toBe('1430.5');
  });

  it('still reads a printed sheet (its 项目名称 column is not the API’s) as a sheet', () => {
    const result = csvFromSheet(
      'LAND_TRANSFER_FEE',
      [USE],
      [
        ['土地用途', '项目名称', '计价单位', '金额（元）'],
        ['商服用地', '商服', '元/平方米', '1425'],
      ],
      [],
      translate,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.csv.split('\r\n')[0]).toBe('use,code,name,unit,amount,rate,baseKey,attributes');
  });
});
