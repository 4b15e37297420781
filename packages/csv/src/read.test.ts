import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsvRecords } from './read.ts';

describe('readCsvRecords', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted cells, with the line each record starts on', () => {
    expect(readCsvRecords('a,b\r\n"x, ""y""","line1\nline2"\r\nlast,row')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', 'line1\nline2'] },
      { line: 4, cells: ['last', 'row'] },
    ]);
  });

  it('skips blank lines (also ones of spaces) but counts them, and accepts LF, CRLF and CR in one file', () => {
    expect(readCsvRecords('\uFEFFa\n\n \n"b\nc"\r\n\r\nd\re\n')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 4, cells: ['b\nc'] },
      { line: 7, cells: ['d'] },
      { line: 8, cells: ['e'] },
    ]);
  });

  it('counts a CRLF inside a quoted cell as one line break (as Excel writes them)', () => {
    const text = 'a\r\n"x\r\ny\r\nz",1\r\n\r\n"p\rq\nr"\nb\r\r\n"q\r\n"\rc';
    expect(readCsvRecords(text).map((r) => r.line)).toEqual([1, 2, 6, 9, 11, 13]);
  });

  it('refuses a NUL naming its line and cell', () => {
    let error: unknown;
    try {
      readCsvRecords('序号,名称\n1,ok\n2,a\u0000b\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 3, columnIndex: 1 });
    expect((error as Error).message).toContain('第 3 行第 2 列');
  });

  it('refuses an unclosed quote naming the line, in Chinese', () => {
    expect(() => readCsvRecords('a,b\n1,"open\n')).toThrow(/引号未闭合/u);
  });
});

describe('text a sender decoded wrongly', () => {
  it('refuses U+FFFD (GBK read as UTF-8), naming the line and cell', () => {
    // What a browser's file.text() makes of the GBK bytes of 名称 before the text is sent.
    const mangled = new TextDecoder('utf-8').decode(Uint8Array.from([0xc3, 0xfb, 0xb3, 0xc6]));
    expect(mangled).toContain('\uFFFD');
    let error: unknown;
    try {
      readCsvRecords(`code,name\r\n1,${mangled}\r\n`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 2, columnIndex: 1 });
    expect((error as Error).message).toContain('GBK');
  });
});
