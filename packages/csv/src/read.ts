// Reading CSV text into records with the line each starts on (csv-parse, RFC 4180: quoted cells
// may hold commas, doubled quotes and line breaks). The same reader serves the server and the
// dashboard's preview, so both see the same rows.
import { parse } from '#csv-parse-sync';

export interface CsvRecord {
  /** 1-based line of the text where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

/** A file that is not CSV at all, or holds a character no CSV cell may hold. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based line where the problem is. */
    readonly line: number,
    /** 0-based index of the cell, when the problem is in one cell. */
    readonly columnIndex: number | null = null,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * csv-parse options shared by the sync and the stream readers: any line ending (Excel writes
 * CRLF, editors LF, old Macs CR), a UTF-8 BOM dropped, ragged rows kept for the caller to name.
 */
export const CSV_PARSE_OPTIONS = {
  bom: true,
  info: true as const,
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true,
  skip_empty_lines: true,
};

const SYNTAX_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '引号未闭合(单元格以 " 开始却没有结束的 ")',
  CSV_INVALID_CLOSING_QUOTE: '引号后紧跟了其他字符(单元格内的 " 须写成 "")',
  CSV_INVALID_OPENING_QUOTE: '未加引号的单元格中出现了 "(请把整个单元格用 " 括起,内部的 " 写成 "")',
};

/** The Chinese reason for a csv-parse error, and the line it names. */
export function csvSyntaxError(error: unknown): CsvSyntaxError | unknown {
  if (
    !(error instanceof Error) ||
    !('code' in error) ||
    typeof error.code !== 'string' ||
    !error.code.startsWith('CSV_')
  )
    return error;
  const line =
    typeof (error as { lines?: unknown }).lines === 'number'
      ? (error as unknown as { lines: number }).lines
      : 1;
  return new CsvSyntaxError(
    `第 ${line} 行:${SYNTAX_MESSAGES[error.code] ?? `无法读取 CSV(${error.code})`}`,
    line,
  );
}

/**
 * Tracks where each record starts from csv-parse's running counters: info.lines is the line a
 * record ends on, except that csv-parse counts a CRLF inside a quoted cell as two lines (7.0.3),
 * so those are taken off again.
 */
export class RecordLines {
  private lastEnd = 0;
  private lastEmpty = 0;
  private quotedCrlf = 0;

  /** The record's first line, given its cells and info.lines / info.empty_lines after it. */
  start(info: { lines: number; empty_lines: number }, cells: readonly string[]): number {
    for (const cell of cells) this.quotedCrlf += cell.split('\r\n').length - 1;
    const start = this.lastEnd + 1 + (info.empty_lines - this.lastEmpty);
    this.lastEnd = info.lines - this.quotedCrlf;
    this.lastEmpty = info.empty_lines;
    return start;
  }
}

/**
 * A parsed record as kept by the readers: blank records (every cell empty or spaces) are
 * dropped; a NUL in any cell refuses the file, naming the line and cell (a binary file, or
 * UTF-16 read as UTF-8, is never taken for data), and so does U+FFFD, the replacement character a
 * sender leaves when it decoded a GBK file as UTF-8 before sending its text: stored, it would
 * replace the Chinese of the file for good.
 */
export function keepRecord(line: number, cells: string[]): CsvRecord | null {
  cells.forEach((cell, i) => {
    if (cell.includes('\u0000')) {
      throw new CsvSyntaxError(
        `第 ${line} 行第 ${i + 1} 列含有空字符(NUL):这不是文本 CSV,或编码不是 UTF-8/GB18030`,
        line,
        i,
      );
    }
    if (cell.includes('\uFFFD')) {
      throw new CsvSyntaxError(
        `第 ${line} 行第 ${i + 1} 列含有无法识别的字符(�):文件多半是 GBK 编码却被当作 UTF-8 读取。请直接上传文件,或在 Excel/WPS 中另存为“CSV UTF-8”`,
        line,
        i,
      );
    }
  });
  return cells.some((c) => c.trim() !== '') ? { line, cells } : null;
}

/** Every non-blank record of a CSV text with the line it starts on. Throws CsvSyntaxError. */
export function readCsvRecords(text: string): CsvRecord[] {
  let parsed: { info: { lines: number; empty_lines: number }; record: string[] }[];
  try {
    parsed = parse(text, CSV_PARSE_OPTIONS) as unknown as typeof parsed;
  } catch (error) {
    throw csvSyntaxError(error);
  }
  const lines = new RecordLines();
  const records: CsvRecord[] = [];
  for (const { info, record } of parsed) {
    const kept = keepRecord(lines.start(info, record), record);
    if (kept) records.push(kept);
  }
  return records;
}
