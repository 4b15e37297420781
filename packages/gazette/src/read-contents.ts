import { normalizeDocNo, type PolicyCategory } from '@gazette/domain';
import type { ReadReport } from './report.ts';
import type { Line } from './text.ts';
import { joinTitle } from './title.ts';

/** One entry of the 目录. */
export interface ContentsEntry {
  docNo: string;
  title: string;
  category: PolicyCategory;
  page: number;
  /** Line of the entry's document number. */
  line: number;
}

// The 目录's three sections, whatever heading level OCR gave them.
const SECTIONS: Record<string, PolicyCategory> = {
  市政府文件: 'MUNICIPAL_GOVERNMENT',
  市政府办公室文件: 'GOVERNMENT_OFFICE',
  部门文件: 'DEPARTMENT',
};

// `(泸市府规〔2024〕4号) ..... (2)`
const ENTRY_END = /^[(（]\s*(.+?号)\s*[)）]\s*[.…·]{2,}\s*[(（]\s*(\d+)\s*[)）]\s*$/u;

function sectionOf(text: string): PolicyCategory | null {
  const name = text.replace(/^#+/u, '').replace(/\s+/gu, '');
  return SECTIONS[name] ?? null;
}

/**
 * Reads the 目录: each entry's title lines end with `(docNo) ..... (page)`; the category is
 * the section it is listed under. Headings that are not sections (the slogan OCR'd as
 * `# 传达政令 …` at a page break) and `---` rules are skipped. Stops at `endLine` (the first
 * document's heading).
 */
export function readContents(
  lines: readonly Line[],
  endLine: number,
  report: ReadReport,
): ContentsEntry[] {
  const start = lines.findIndex((l) => /^#*\s*目\s*录\s*$/u.test(l.text));
  if (start < 0) {
    report.problem(1, 'CONTENTS_MISSING', '未找到目录');
    return [];
  }
  const entries: ContentsEntry[] = [];
  let category: PolicyCategory | null = null;
  let titleLines: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.no >= endLine) break;
    const text = line.text.trim();
    if (text === '' || /^-{3,}$/u.test(text)) continue;
    const section = sectionOf(text);
    if (section) {
      category = section;
      titleLines = [];
      continue;
    }
    if (text.startsWith('#')) {
      // A running head or slogan at a page break, not part of an entry.
      report.repair(line.no, 'CONTENTS_PAGE_HEAD', `目录中的页眉已跳过:${text}`);
      continue;
    }
    const end = ENTRY_END.exec(text);
    if (!end) {
      titleLines.push(text.replace(/^[-*]\s+/u, ''));
      continue;
    }
    let docNo: string;
    try {
      docNo = normalizeDocNo(end[1]!);
    } catch {
      report.problem(line.no, 'CONTENTS_DOC_NO', `目录中的文号无法识别:${end[1]}`);
      titleLines = [];
      continue;
    }
    if (!category) {
      report.problem(line.no, 'CONTENTS_NO_SECTION', `${docNo} 不在任何目录栏目下,无法确定类别`);
    } else {
      entries.push({
        docNo,
        title: joinTitle(titleLines),
        category,
        page: Number(end[2]),
        line: line.no,
      });
    }
    titleLines = [];
  }
  return entries;
}
