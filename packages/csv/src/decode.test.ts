import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvEncodingError } from './decode.ts';
import { decodeCsvBytes } from './node.ts';

describe('decodeCsvBytes', () => {
  it('converts a GBK file as Excel saves "CSV" on a Chinese Windows', () => {
    const bytes = iconv.encode('序号,网站名称\r\n1,泸州市审计局网站\r\n', 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsvBytes(bytes)).toEqual({
      text: '序号,网站名称\r\n1,泸州市审计局网站\r\n',
      encoding: 'GB18030',
    });
  });

  it('drops a UTF-8 BOM and reads UTF-16 with a BOM', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('\uFEFF三甲,1'))).toEqual({
      text: '三甲,1',
      encoding: 'UTF-8',
    });
    expect(
      decodeCsvBytes(new Uint8Array([0xff, 0xfe, ...iconv.encode('三乙', 'utf16le')])),
    ).toEqual({ text: '三乙', encoding: 'UTF-16LE' });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, naming the encodings', () => {
    expect(() => decodeCsvBytes(new Uint8Array([0x61, 0x81, 0x20, 0x62]))).toThrow(
      CsvEncodingError,
    );
    expect(() => decodeCsvBytes(new Uint8Array([0x61, 0x81, 0x20]))).toThrow(/UTF-8.*GB18030/u);
  });
});
