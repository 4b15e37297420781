import type { ReadReport } from './report.ts';
import { compact, type Line } from './text.ts';

export interface TsvRow {
  line: number;
  cells: string[];
}

/** A run of tab-separated lines, read across page breaks. */
export interface TsvBlock {
  /** The nearest heading or caption above the block, compacted (e.g. 2024年第四季度全市政府网站检查情况). */
  caption: string;
  captionLine: number;
  /** Every row as printed, trailing empty cells dropped; repeated headers still in. */
  rows: TsvRow[];
  startLine: number;
  endLine: number;
}

// Running heads the typesetter prints at a page break; OCR drops them inside tables.
const PAGE_HEADS = new Set(['市政府文件', '市政府办公室文件', '部门文件']);

export function isPageHead(text: string): boolean {
  return PAGE_HEADS.has(compact(text.replace(/^#+/u, '')));
}

function cellsOf(text: string): string[] {
  const cells = text.split('\t').map((c) => c.trim());
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/**
 * Finds every tab-separated table between `from` and `to` (line indexes). A table continues
 * over blank lines and page-break running heads (`部门文件`, `市政府办公室文件`), which are
 * reported as repairs; any other line ends it.
 */
export function findTsvBlocks(
  lines: readonly Line[],
  from: number,
  to: number,
  report: ReadReport,
): TsvBlock[] {
  const blocks: TsvBlock[] = [];
  let i = from;
  while (i <= to) {
    if (!lines[i]!.text.includes('\t')) {
      i++;
      continue;
    }
    const captionIndex = captionAbove(lines, i, from);
    const caption =
      captionIndex >= from ? compact(lines[captionIndex]!.text.replace(/^#+/u, '')) : '';
    const rows: TsvRow[] = [];
    const skipped: Line[] = [];
    let end = i;
    let j = i;
    while (j <= to) {
      const line = lines[j]!;
      if (line.text.includes('\t')) {
        for (const s of skipped) {
          report.repair(s.no, 'TABLE_PAGE_HEAD', `表格中的页眉“${s.text.trim()}”已跳过`);
        }
        skipped.length = 0;
        rows.push({ line: line.no, cells: cellsOf(line.text) });
        end = j;
      } else if (line.text.trim() === '') {
        // a blank line between two parts of a table
      } else if (isPageHead(line.text)) {
        skipped.push(line);
      } else {
        break;
      }
      j++;
    }
    blocks.push({
      caption,
      captionLine: captionIndex >= from ? lines[captionIndex]!.no : lines[i]!.no,
      rows,
      startLine: lines[i]!.no,
      endLine: lines[end]!.no,
    });
    i = end + 1;
  }
  return blocks;
}

/**
 * The caption of a table: the nearest heading within the few lines above (a line such as
 * `附件` may sit between), else the nearest non-blank line; -1 when there is none.
 */
function captionAbove(lines: readonly Line[], index: number, floor: number): number {
  let nearest = -1;
  let seen = 0;
  for (let k = index - 1; k >= floor && seen < 4; k--) {
    const text = lines[k]!.text.trim();
    if (text === '') continue;
    if (text.includes('\t')) break;
    if (nearest < 0) nearest = k;
    if (text.startsWith('#')) return k;
    seen++;
  }
  return nearest;
}

/** True when a row repeats a header (same cells, ignoring spaces). */
export function sameRow(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((cell, k) => compact(cell) === compact(b[k]!));
}
