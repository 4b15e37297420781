import { describe, expect, it } from 'vitest';
import { htmlCellToText, isDateLine, parseChineseDate, stripCjkSpaces } from './text.ts';

describe('stripCjkSpaces', () => {
  it('joins a department name OCR broke with a space (市 退役军人事务局)', () => {
    expect(stripCjkSpaces('市 退役军人事务局')).toBe('市退役军人事务局');
  });
  it('joins a site name split by OCR around the middle dot', () => {
    expect(stripCjkSpaces('中国·四川泸州长江经济 开发区网站')).toBe(
      '中国·四川泸州长江经济开发区网站',
    );
  });
  it('keeps the space between Latin words', () => {
    expect(stripCjkSpaces('以 OpenAI 开发的 GPT 4o')).toBe('以 OpenAI 开发的 GPT 4o');
  });
});

describe('parseChineseDate', () => {
  it('reads 2024年12月4日 as 2024-12-04', () => {
    expect(parseChineseDate('2024年12月4日')).toBe('2024-12-04');
  });
  it('rejects a date that is not on the calendar', () => {
    expect(parseChineseDate('2024年2月30日')).toBeNull();
    expect(parseChineseDate('年 月 日')).toBeNull();
  });
  it('recognises a signature date line but not a sentence holding a date', () => {
    expect(isDateLine('2024年12月19日')).toBe(true);
    expect(isDateLine('本通知自2025年1月6日起施行')).toBe(false);
  });
});

describe('htmlCellToText', () => {
  it('turns <p> paragraphs into lines', () => {
    expect(htmlCellToText('<p>违反本法规定:</p> <p>(一)超过噪声排放标准的;</p>')).toBe(
      '违反本法规定:\n(一)超过噪声排放标准的;',
    );
  });
  it('turns an <ol> list into one line per item and drops its attributes', () => {
    const cell =
      '<ol style="list-style-type: none"> <li>1. 市场监管部门。</li> <li>2. 海关部门。</li> </ol>';
    expect(htmlCellToText(cell)).toBe('1. 市场监管部门。\n2. 海关部门。');
  });
  it('leaves a plain cell alone', () => {
    expect(htmlCellToText(' 由城管执法部门行使处罚权。 ')).toBe('由城管执法部门行使处罚权。');
  });
});
