import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlCellToText } from './html-cell-to-text.ts';
import { NOISE_DUTY_ARTICLES } from './noise-duties.ts';

describe('htmlCellToText', () => {
  it('turns <ol><li> items into lines', () => {
    expect(
      htmlCellToText('<ol style="list-style-type: none"> <li>1. 甲。</li> <li>2. 乙。</li> </ol>'),
    ).toBe('1. 甲。\n2. 乙。');
  });
  it('turns <p> paragraphs into lines and drops empty ones', () => {
    expect(htmlCellToText('<p>违反本法规定:</p> <p>(一)超标的;</p><p> </p>')).toBe(
      '违反本法规定:\n(一)超标的;',
    );
  });
  it('leaves plain text alone and decodes entities', () => {
    expect(htmlCellToText('公安、城管执法部门&nbsp;按照职责')).toBe('公安、城管执法部门 按照职责');
  });
});

describe('the duty table of 泸市府办发〔2024〕47号', () => {
  it('has 13 articles numbered 1–13', () => {
    expect(NOISE_DUTY_ARTICLES.map((a) => a.seq)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
  });
  it('prints the articles of the law in order', () => {
    expect(NOISE_DUTY_ARTICLES.map((a) => a.article)).toEqual([
      '第三十三条',
      '第四十三条第二款',
      '第四十六条第二、三款',
      '第七十条',
      '第七十二条第二款',
      '第七十三条第二款',
      '第七十七条',
      '第七十八条',
      '第七十九条第二款',
      '第八十条',
      '第八十一条',
      '第八十二条',
      '第八十四条',
    ]);
  });
  it('keeps no HTML in any cell', () => {
    for (const a of NOISE_DUTY_ARTICLES) expect(`${a.lawText}${a.duty}`).not.toMatch(/<|>/);
  });
  it('gives article 72 its four numbered duties as lines', () => {
    const lines = NOISE_DUTY_ARTICLES[4]!.duty.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('2. 海关部门对于进口淘汰设备的行为依法行使处罚权。');
  });
  it('gives article 78 its four items as lines after the lead paragraph', () => {
    expect(NOISE_DUTY_ARTICLES[7]!.lawText.split('\n')).toHaveLength(5);
  });
  it('matches the table in the committed gazette text cell for cell', () => {
    const text = readFileSync(
      new URL('../../../../prisma/issues/2024-12.md', import.meta.url),
      'utf8',
    );
    const rows = text
      .split('\n')
      .map((l) => l.split('\t'))
      .filter((c) => c.length === 4 && /^\d+$/.test(c[0]!) && /^第/.test(c[1]!));
    expect(rows).toHaveLength(13);
    rows.forEach((c, i) => {
      const a = NOISE_DUTY_ARTICLES[i]!;
      expect([a.seq, a.article, a.lawText, a.duty]).toEqual([
        Number(c[0]),
        c[1],
        htmlCellToText(c[2]!),
        htmlCellToText(c[3]!),
      ]);
    });
  });
  it('names in `responsible` only sectors its 职责部门 cell prints', () => {
    for (const a of NOISE_DUTY_ARTICLES) {
      for (const r of a.responsible) expect(a.duty).toContain(r.sector);
    }
  });
});
