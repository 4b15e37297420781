import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseCsvTable, type CsvColumn } from './table.ts';

const columns = [
  { key: 'seq', header: '序号', aliases: ['seq'] },
  { key: 'name', header: '名称', aliases: ['name'] },
  { key: 'amount', header: '金额(元)', aliases: ['amount'], optional: true },
] as const satisfies readonly CsvColumn[];
const row = z.object({
  seq: z.string().regex(/^\d+$/u, '须为正整数').transform(Number),
  name: z.string().min(1, '不能为空'),
  amount: z.string().optional(),
});
const spec = { columns, row };

describe('parseCsvTable', () => {
  it('finds columns by the printed Chinese header, full-width brackets and spaces ignored', () => {
    const result = parseCsvTable('序号, 名称 ,金额（元）\n1,取卵术,1769\n', spec);
    expect(result).toEqual({
      ok: true,
      rows: [{ line: 2, value: { seq: 1, name: '取卵术', amount: '1769' } }],
    });
  });

  it('still accepts the older English headers, and a column left out when optional', () => {
    expect(parseCsvTable('name,seq\n胚胎培养,2\n', spec)).toEqual({
      ok: true,
      rows: [{ line: 2, value: { seq: 2, name: '胚胎培养' } }],
    });
  });

  it('names every bad row by line and column with the Chinese header, and returns no rows', () => {
    const result = parseCsvTable('seq,name\nx,a\n2,\n3\n', spec);
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, column: '序号', message: '序号:须为正整数' },
        { line: 3, column: '名称', message: '名称:不能为空' },
        { line: 4, column: null, message: '应有 2 列,实有 1 列' },
      ],
    });
  });

  it('names unknown, repeated and missing header columns', () => {
    const result = parseCsvTable('序号,seq,price\n1,1,2\n', spec);
    expect(result.ok ? [] : result.errors.map((e) => [e.line, e.column])).toEqual([
      [1, '序号'],
      [1, 'price'],
      [1, '名称'],
    ]);
  });

  it('refuses a NUL naming the row and the Chinese header of its column', () => {
    expect(parseCsvTable('seq,name\n1,a\u0000\n', spec)).toEqual({
      ok: false,
      errors: [{ line: 2, column: '名称', message: expect.stringContaining('NUL') }],
    });
  });

  it('reads formula-neutralised cells back as written', () => {
    const result = parseCsvTable("序号,名称\n1,'=SUM(A1)\n", spec);
    expect(result.ok && result.rows[0]!.value.name).toBe('=SUM(A1)');
  });

  it('refuses an empty file and a header without rows', () => {
    expect(parseCsvTable('', spec)).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(parseCsvTable('序号,名称\n', spec)).toMatchObject({
      ok: false,
      errors: [{ message: 'CSV 没有数据行' }],
    });
  });
});
