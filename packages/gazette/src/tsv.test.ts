import { describe, expect, it } from 'vitest';
import { ReadReport } from './report.ts';
import { lineOf, ISSUE_TEXT } from './testing/issue.ts';
import { toLines } from './text.ts';
import { findTsvBlocks, isPageHead } from './tsv.ts';

const lines = toLines(ISSUE_TEXT);
const blocksBetween = (from: number, to: number) => {
  const report = new ReadReport();
  return { blocks: findTsvBlocks(lines, from - 1, to - 1, report), report };
};

describe('findTsvBlocks', () => {
  it('reads the medical table as one block across its three 部门文件 page breaks', () => {
    const { blocks, report } = blocksBetween(1154, 1198);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ startLine: 1158, endLine: 1197 });
    expect(report.repairs.map((r) => r.line)).toEqual([1164, 1177, 1192]);
  });

  it('drops empty trailing cells (rows 6–8 of the medical table)', () => {
    const { blocks } = blocksBetween(1154, 1198);
    const row = blocks[0]!.rows.find((r) => r.line === 1173)!;
    expect(row.cells).toHaveLength(12);
    expect(row.cells.at(-1)).toBe('905');
  });

  it('keeps the leading empty cells of a merged land-use cell', () => {
    const { blocks } = blocksBetween(792, 812);
    expect(blocks[0]!.rows.find((r) => r.line === 799)!.cells).toEqual(['', 'II 级', '935', '405']);
  });

  it('captions a table with the heading above it, past a line such as 附件', () => {
    expect(blocksBetween(1154, 1198).blocks[0]!.caption).toBe(
      '泸州市公立医疗机构取卵术等医疗服务项目试行价格表',
    );
    expect(blocksBetween(792, 812).blocks[0]!.caption).toBe(
      '泸州市中心城区商业用房与住宅房屋出让金标准表',
    );
  });

  it('ends a table at a line of text (the 说明 under annex 2)', () => {
    const { blocks } = blocksBetween(711, 733);
    expect(blocks.map((b) => [b.startLine, b.endLine])).toEqual([
      [715, 723],
      [731, 732],
    ]);
    expect(lineOf('说明:检测时间')).toBe(725);
  });

  it('treats only the section names as running heads', () => {
    expect(isPageHead('部门文件')).toBe(true);
    expect(isPageHead('## 部门文件')).toBe(true);
    expect(isPageHead('市政府办公室文件')).toBe(true);
    expect(isPageHead('附件2')).toBe(false);
  });
});
