import { describe, expect, it } from 'vitest';
import { readContents } from './read-contents.ts';
import { ReadReport } from './report.ts';
import { editIssue, ISSUE_TEXT } from './testing/issue.ts';
import { toLines } from './text.ts';

// The 目录 ends where the first document's heading starts (line 98).
const contentsOf = (text: string) => {
  const report = new ReadReport();
  return { entries: readContents(toLines(text), 98, report), report };
};

describe('readContents', () => {
  it('lists the 9 entries with their sections and pages', () => {
    const { entries, report } = contentsOf(ISSUE_TEXT);
    expect(entries.map((e) => [e.docNo, e.category, e.page])).toEqual([
      ['泸市府规〔2024〕4号', 'MUNICIPAL_GOVERNMENT', 2],
      ['泸市府发〔2024〕12号', 'MUNICIPAL_GOVERNMENT', 5],
      ['泸市府函〔2024〕270号', 'MUNICIPAL_GOVERNMENT', 6],
      ['泸市府办发〔2024〕46号', 'GOVERNMENT_OFFICE', 18],
      ['泸市府办发〔2024〕47号', 'GOVERNMENT_OFFICE', 24],
      ['泸市府室发〔2024〕34号', 'GOVERNMENT_OFFICE', 31],
      ['泸市自然资规函〔2024〕425号', 'DEPARTMENT', 35],
      ['泸市监规发〔2024〕2号', 'DEPARTMENT', 38],
      ['泸市医保规〔2024〕4号', 'DEPARTMENT', 47],
    ]);
    expect(report.problems).toEqual([]);
  });

  it('joins the joint issuers of 425号 with one space and the rest of the title without', () => {
    const { entries } = contentsOf(ISSUE_TEXT);
    expect(entries[6]!.title).toBe(
      '泸州市自然资源和规划局 泸州市财政局 国家税务总局泸州市税务局关于进一步规范国有建设用地二级市场共用宗地出让金缴纳有关事项的通知',
    );
    expect(entries[6]!.line).toBe(89);
  });

  it('reports an entry listed before any section instead of guessing its category', () => {
    const { entries, report } = contentsOf(editIssue({ 49: '' }));
    expect(entries.map((e) => e.docNo)).not.toContain('泸市府规〔2024〕4号');
    expect(report.problems).toContainEqual(
      expect.objectContaining({ line: 53, code: 'CONTENTS_NO_SECTION' }),
    );
  });

  it('reports a document number it cannot read', () => {
    const { report } = contentsOf(editIssue({ 60: '(泸市府函〔2024〕号) ..... (6)' }));
    expect(report.problems).toContainEqual(
      expect.objectContaining({ line: 60, code: 'CONTENTS_DOC_NO' }),
    );
  });

  it('reports an issue without a 目录', () => {
    const { entries, report } = contentsOf(editIssue({ 47: '## 说明' }));
    expect(entries).toEqual([]);
    expect(report.problems.map((p) => p.code)).toEqual(['CONTENTS_MISSING']);
  });
});
