import { findDocumentAnchors, readDocuments, type GazetteDocument } from './read-documents.ts';
import { readContents } from './read-contents.ts';
import { readIssueHeader } from './read-issue-header.ts';
import { ReadReport } from './report.ts';
import type {
  ReaderProblem,
  SeedInspectionRound,
  SeedIssue,
  SeedLandTransferFeeTable,
  SeedMedicalPriceTable,
  SeedNoiseDutiesFile,
  SeedRehabStandardsTable,
} from './seed-types.ts';
import { inspectionAnnexOf, readInspection } from './tables/inspection.ts';
import { isLandHeader, readLandTable } from './tables/land.ts';
import { isMedicalHeader, readMedicalTable } from './tables/medical.ts';
import { isDutyHeader, readNoiseTable } from './tables/noise.ts';
import { isRehabStandardsArticle, readRehabStandards } from './tables/rehab.ts';
import { compact, toLines, type Line } from './text.ts';
import { findTsvBlocks, type TsvBlock } from './tsv.ts';

export interface TableOf<K extends string, T> {
  kind: K;
  docNo: string;
  /** First line of the table in the issue (for standards read from the text: their section). */
  line: number;
  data: T;
}

export type GazetteTable =
  | TableOf<'MEDICAL_SERVICE_PRICE', SeedMedicalPriceTable>
  | TableOf<'LAND_TRANSFER_FEE', SeedLandTransferFeeTable>
  | TableOf<'NOISE_DUTIES', SeedNoiseDutiesFile>
  | TableOf<'INSPECTION', SeedInspectionRound>
  | TableOf<'REHAB_ASSISTANCE', SeedRehabStandardsTable>;

export interface GazetteIssueReading {
  issue: SeedIssue;
  documents: GazetteDocument[];
  tables: GazetteTable[];
  /** What the reader could not decide: a reviewer must look at each. */
  problems: ReaderProblem[];
  /** OCR defects repaired by a fixed rule, for the reviewer to check. */
  repairs: ReaderProblem[];
}

// A blank form (审批表): label cells with nothing filled in but `年 月 日`.
function isBlankForm(block: TsvBlock): boolean {
  return block.rows.every(
    (r) =>
      r.cells.length <= 2 &&
      (r.cells[1] === undefined ||
        /^[^\d]*年\s*月\s*日$|^$/u.test(r.cells[1]) ||
        r.cells[0] === '审批事项'),
  );
}

/** `取卵术等17项医疗服务项目` in the notice: the number of items its table must hold. */
function statedItemCount(lines: readonly Line[], doc: GazetteDocument): number | null {
  const text = compact(
    lines
      .filter((l) => l.no >= doc.line && l.no <= doc.endLine && !l.text.includes('\t'))
      .map((l) => l.text)
      .join(''),
  );
  const m = /等(\d+)项/u.exec(text);
  return m ? Number(m[1]) : null;
}

function readTables(
  lines: readonly Line[],
  doc: GazetteDocument,
  report: ReadReport,
): GazetteTable[] {
  const from = lines.findIndex((l) => l.no === doc.startLine);
  const to = lines.findIndex((l) => l.no === doc.endLine);
  const blocks = findTsvBlocks(lines, from, to, report);
  const tables: GazetteTable[] = [];
  const annexes: TsvBlock[] = [];
  for (const block of blocks) {
    const first = block.rows[0]!.cells;
    const base = { docNo: doc.docNo, line: block.startLine };
    if (isMedicalHeader(first)) {
      const data = readMedicalTable(block, doc, statedItemCount(lines, doc), report);
      tables.push({ kind: 'MEDICAL_SERVICE_PRICE', ...base, data });
    } else if (isLandHeader(first)) {
      tables.push({ kind: 'LAND_TRANSFER_FEE', ...base, data: readLandTable(block, doc, report) });
    } else if (isDutyHeader(first)) {
      tables.push({ kind: 'NOISE_DUTIES', ...base, data: readNoiseTable(block, doc, report) });
    } else if (inspectionAnnexOf(block)) {
      annexes.push(block);
    } else if (isBlankForm(block)) {
      report.repair(block.startLine, 'FORM_SKIPPED', `空白表单“${block.caption}”不是数据表,已跳过`);
    } else {
      report.problem(block.startLine, 'UNKNOWN_TABLE', `无法识别的表格“${block.caption}”,未读取`);
    }
  }
  if (annexes.length > 0) {
    const data = readInspection(lines, doc, annexes, report);
    tables.push({ kind: 'INSPECTION', docNo: doc.docNo, line: annexes[0]!.startLine, data });
  }
  // Standards printed as text, not as a table (泸市府规〔2024〕4号 二(二) 救助标准).
  for (const article of doc.articles.filter(isRehabStandardsArticle)) {
    const data = readRehabStandards(lines, doc, article, report);
    tables.push({ kind: 'REHAB_ASSISTANCE', docNo: doc.docNo, line: article.line, data });
  }
  return tables;
}

/**
 * Reads one issue of 泸州市人民政府公报 (the Markdown of the scanned gazette) into its
 * documents and annex tables. Nothing is guessed: what the text does not decide is listed in
 * `problems` with its line.
 */
export function readGazetteIssue(markdown: string): GazetteIssueReading {
  const report = new ReadReport();
  const lines = toLines(markdown);
  const issue = readIssueHeader(lines, report);
  const anchors = findDocumentAnchors(lines);
  const firstBody = anchors[0] ? lines[anchors[0].headingIndex]!.no : lines.length + 1;
  const contents = readContents(lines, firstBody, report);
  const documents = readDocuments(lines, anchors, contents, issue.label, report);
  const tables = documents.flatMap((doc) => readTables(lines, doc, report));
  const byLine = (a: ReaderProblem, b: ReaderProblem) => a.line - b.line;
  return {
    issue,
    documents,
    tables,
    problems: [...report.problems].sort(byLine),
    repairs: [...report.repairs].sort(byLine),
  };
}
