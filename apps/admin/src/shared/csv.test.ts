import { describe, expect, it } from 'vitest';
import { parseCsv, readCsvFile, toCsv } from './csv.ts';
import { crc32, toXlsx } from './xlsx.ts';

describe('csv', () => {
  it('round-trips commas, quotes and newlines inside fields', () => {
    const rows = [
      ['编码', '说明'],
      ['311201070', '囊胚培养加收39%, "另计"\n第二行'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
  it('ignores a BOM and blank lines', () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('keeps empty fields', () => {
    expect(parseCsv('a,,c\n')).toEqual([['a', '', 'c']]);
  });
  it('writes CRLF and neutralises formula-like cells (OWASP), which the reader keeps visible', () => {
    expect(toCsv([['名称'], ['=1+1'], ['-x']])).toBe("名称\r\n'=1+1\r\n'-x\r\n");
  });
  it('previews nothing for a file that is not CSV (the import names the line)', () => {
    expect(parseCsv('a,b\n"open\n')).toEqual([]);
    expect(parseCsv('a\n\u0000\n')).toEqual([]);
  });
  it('reads a GBK file as Excel saves it on a Chinese Windows', async () => {
    // 序号,名称 / 1,三甲 in GBK
    const gbk = new Uint8Array([
      0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0x31, 0x2c, 0xc8, 0xfd, 0xbc,
      0xd7,
    ]);
    expect(parseCsv(await readCsvFile(new Blob([gbk])))).toEqual([
      ['序号', '名称'],
      ['1', '三甲'],
    ]);
  });
});

describe('xlsx', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
  it('writes a zip whose first entry is the content types part', () => {
    const bytes = toXlsx('汇总', [
      ['单位', '问题数'],
      ['市教育体育局', 2],
    ]);
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('[Content_Types].xml');
    expect(text).toContain('<c r="B2"><v>2</v></c>');
    expect(text).toContain('市教育体育局');
  });
});
