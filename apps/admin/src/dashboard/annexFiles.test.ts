import { describe, expect, it } from 'vitest';
import { annexBlob, annexInput, decodeCsv, formatOf, fromBase64, toBase64 } from './annexFiles.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('annex files in the browser', () => {
  it('tells XLSX from CSV by the name, else by the ZIP signature', () => {
    expect(formatOf('附件1.xlsx', utf8('x'))).toBe('XLSX');
    expect(formatOf('附件1.CSV', new Uint8Array([0x50, 0x4b]))).toBe('CSV');
    expect(formatOf('附件2', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('XLSX');
    expect(formatOf('附件2', utf8('序号,新媒体名称'))).toBe('CSV');
  });

  it('reads CSV as UTF-8 without its BOM, or as GB18030 as Excel saves it', () => {
    expect(decodeCsv(utf8('\uFEFF序号,检查网站\n'))).toBe('序号,检查网站\n');
    // 序号 in GB18030.
    expect(decodeCsv(new Uint8Array([0xd0, 0xf2, 0xba, 0xc5]))).toBe('序号');
  });

  it('sends XLSX as base64 and CSV as text', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 256);
    const x = annexInput('附件2.xlsx', bytes);
    expect(x.format).toBe('XLSX');
    expect(fromBase64(x.content)).toEqual(bytes);
    expect(toBase64(utf8('附件'))).toBe(Buffer.from('附件').toString('base64'));
    expect(annexInput('a.csv', utf8('序号\n1'))).toEqual({
      format: 'CSV',
      fileName: 'a.csv',
      content: '序号\n1',
    });
  });

  it('saves an export as its bytes', async () => {
    const xlsx = annexBlob(
      {
        fileName: 'a.xlsx',
        mimeType: 'application/x',
        content: 'data:application/x;base64,' + Buffer.from([1, 2, 3]).toString('base64'),
      },
      'XLSX',
    );
    expect(new Uint8Array(await xlsx.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    const csv = annexBlob(
      { fileName: 'a.csv', mimeType: 'text/csv', content: '\uFEFF序号\r\n' },
      'CSV',
    );
    // The BOM is kept, so Excel opens the file as UTF-8.
    expect(new Uint8Array(await csv.arrayBuffer())).toEqual(utf8('\uFEFF序号\r\n'));
  });
});
