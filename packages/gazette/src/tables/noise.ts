import type { GazetteDocument } from '../read-documents.ts';
import type { ReadReport } from '../report.ts';
import type { SeedNoiseDutiesFile, SeedNoiseDuty } from '../seed-types.ts';
import { compact, htmlCellToText } from '../text.ts';
import { sameRow, type TsvBlock } from '../tsv.ts';

export function isDutyHeader(cells: readonly string[]): boolean {
  const c = cells.map(compact);
  return c[0] === '序号' && c.includes('法律条款');
}

const ARTICLE = /^第[一二三四五六七八九十百零〇]+条(?:第[一二三四五六七八九十、]+款)?$/u;

/**
 * Reads the duty table of 泸市府办发〔2024〕47号: 序号 / 法律条款 / 法律内容 / 职责部门, the
 * header repeated on every page, `市政府办公室文件` running heads between pages, and cells
 * holding HTML paragraphs and lists, which become plain lines.
 */
export function readNoiseTable(
  block: TsvBlock,
  doc: GazetteDocument,
  report: ReadReport,
): SeedNoiseDutiesFile {
  const header = block.rows[0]!.cells;
  const at = (name: string) => header.findIndex((c) => compact(c) === name);
  const [seqAt, articleAt, lawAt, dutyAt] = ['序号', '法律条款', '法律内容', '职责部门'].map(at);
  if ([seqAt, articleAt, lawAt, dutyAt].some((i) => i! < 0)) {
    report.problem(
      block.rows[0]!.line,
      'DUTY_COLUMNS',
      `职责分工表的表头不全:${header.join(' | ')}`,
    );
  }
  const duties: SeedNoiseDuty[] = [];
  for (const row of block.rows.slice(1)) {
    const { cells, line } = row;
    if (isDutyHeader(cells)) {
      if (sameRow(cells, header)) report.repair(line, 'REPEATED_HEADER', '分页重复的表头已跳过');
      continue;
    }
    const seqText = compact(cells[seqAt!] ?? '');
    if (!/^\d+$/u.test(seqText)) {
      report.problem(
        line,
        'DUTY_ROW_UNREADABLE',
        `无法识别的职责分工表行:${cells.slice(0, 2).join(' | ')}`,
      );
      continue;
    }
    const seq = Number(seqText);
    const article = compact(cells[articleAt!] ?? '');
    if (!ARTICLE.test(article)) {
      report.problem(line, 'DUTY_ARTICLE', `序号${seq} 的法律条款无法识别:${article}`);
    }
    const rawLaw = cells[lawAt!] ?? '';
    const rawDuty = cells[dutyAt!] ?? '';
    const lawText = htmlCellToText(rawLaw);
    const duty = htmlCellToText(rawDuty);
    if (lawText !== rawLaw.trim() || duty !== rawDuty.trim()) {
      report.repair(line, 'HTML_CELL', `序号${seq} 的单元格含 HTML 标记,已转为纯文本`);
    }
    if (lawText === '' || duty === '') {
      report.problem(line, 'DUTY_CELL_EMPTY', `序号${seq} 的法律内容或职责部门为空`);
    }
    if (cells.length > header.length) {
      report.problem(line, 'DUTY_EXTRA_CELLS', `序号${seq} 行多出单元格`);
    }
    duties.push({ seq, article, lawText, duty, line });
  }
  duties.forEach((d, k) => {
    if (d.seq !== k + 1) {
      report.problem(block.startLine, 'DUTY_SEQ_GAP', `序号不连续:第${k + 1}行的序号为${d.seq}`);
    }
  });
  return { policyDocNo: doc.docNo, title: block.caption, duties };
}
