import { describe, expect, it } from 'vitest';
import { readCsvRecords } from './read.ts';
import { csvFileText, neutraliseCell, stringifyCsv, unneutraliseCell } from './write.ts';

describe('formula cells (OWASP CSV injection)', () => {
  it('prefixes a quote to cells starting with = + - @ tab or CR, and to a leading quote', () => {
    expect(
      ['=cmd|x', '+1+1', '-2', '@SUM(A1)', '\tx', '\rx', "'=x", 'a=b', '取卵术'].map(
        neutraliseCell,
      ),
    ).toEqual(["'=cmd|x", "'+1+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "''=x", 'a=b', '取卵术']);
    expect(["'=cmd|x", "''=x", "'a"].map(unneutraliseCell)).toEqual(['=cmd|x', "'=x", "'a"]);
  });

  it('writes no cell a spreadsheet would run, and reads every text back unchanged', () => {
    const texts = ['=HYPERLINK("http://x","取卵术")', '+1', '-1', '@A1', '\t=1', "'quoted"];
    const csv = stringifyCsv([['名称'], ...texts.map((t) => [t])]);
    const cells = readCsvRecords(csv)
      .slice(1)
      .map((r) => r.cells[0]!);
    expect(cells.every((c) => c.startsWith("'"))).toBe(true);
    expect(cells.map(unneutraliseCell)).toEqual(texts);
  });
});

describe('stringifyCsv', () => {
  it('ends every record with CRLF and quotes commas, quotes, line breaks and edge spaces', () => {
    expect(
      stringifyCsv([
        ['编码', '说明'],
        ['311', '加收39%, "另计"\n第二行'],
        [' a', null],
        [1, true],
      ]),
    ).toBe('编码,说明\r\n311,"加收39%, ""另计""\n第二行"\r\n" a",\r\n1,true\r\n');
  });

  it('starts a file with a UTF-8 BOM for Excel', () => {
    expect(csvFileText([['a']])).toBe('\uFEFFa\r\n');
  });
});
