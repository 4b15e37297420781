// A quarter's annex file (CSV or XLSX) read into numbered rows of text cells, the same shape for
// both formats, so the annex parsers never care which one was uploaded.
import type ExcelJS from 'exceljs';
import {
  CsvEncodingError,
  CsvSyntaxError,
  decodeCsvBytes as decodeCsvText,
  decodeCsvStream,
  parseCsvStream,
  readCsvRecords,
  type CsvRecord,
} from '@gazette/csv/node';

/**
 * exceljs, loaded when a spreadsheet is first read or written: it and its zip and XML libraries
 * hold about 25 MB that an API process serving no XLSX never needs.
 */
export const loadExcelJS = async () => (await import('exceljs')).default;

export type AnnexFileFormat = 'CSV' | 'XLSX';

export interface RawRow {
  /** 1-based line of the CSV (where the record starts) or row number of the worksheet. */
  line: number;
  /** Cell texts by column, from column A; '' where empty. */
  cells: string[];
  /** No cell of its own holds text (XLSX: only the continuation of merged cells). */
  blank: boolean;
}

export interface RawTable {
  rows: RawRow[];
  /** The worksheet read (XLSX only). */
  sheet: string | null;
}

/** Thrown for a file that cannot be read at all (not a CSV, not an XLSX, too large unpacked). */
export class UnreadableFile extends Error {}

/** A1-style address: column index from 0, line from 1. */
export function cellAddress(column: number, line: number): string {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${line}`;
}

// ------------------------------------------------------------------ CSV

/** CSV records (the project's one CSV module) with the line each starts on; blank lines are skipped. */
export function readCsv(text: string): RawTable {
  refuseXlsx(text);
  return csvTable(() => readCsvRecords(text));
}

/** readCsv, giving the event loop back between batches of records (large uploads). */
export async function readCsvYielding(text: string): Promise<RawTable> {
  refuseXlsx(text);
  return readCsvSource(text.replace(/^\uFEFF/, ''));
}

/**
 * A CSV upload's bytes as they arrive (a streamed request body): decoded as they come
 * (decodeCsvStream: BOM, UTF-8 or GB18030) and read a batch of records at a time.
 */
export function readCsvStreamed(bytes: AsyncIterable<Uint8Array>): Promise<RawTable> {
  return readCsvSource(refusingXlsx(decodeCsvStream(bytes)));
}

async function* refusingXlsx(texts: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  for await (const text of texts) {
    if (first) refuseXlsx(text);
    first = false;
    yield text;
  }
}

async function readCsvSource(source: string | AsyncIterable<string>): Promise<RawTable> {
  const records: CsvRecord[] = [];
  try {
    for await (const batch of parseCsvStream(source)) records.push(...batch);
  } catch (error) {
    throw error instanceof CsvSyntaxError || error instanceof CsvEncodingError
      ? new UnreadableFile(error.message)
      : error;
  }
  return csvTable(() => records);
}

function refuseXlsx(text: string): void {
  if (text.startsWith('PK\u0003\u0004'))
    throw new UnreadableFile('这是 XLSX 文件,不是 CSV:请把 format 设为 XLSX');
}

function csvTable(read: () => CsvRecord[]): RawTable {
  try {
    return {
      rows: read().map((r) => ({ line: r.line, cells: r.cells, blank: false })),
      sheet: null,
    };
  } catch (error) {
    throw error instanceof CsvSyntaxError ? new UnreadableFile(error.message) : error;
  }
}

/** Bytes of an uploaded CSV: UTF-8 (a BOM is dropped), UTF-16 with a BOM, or GBK/GB18030 as Excel saves CSV on a Chinese Windows. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return decodeCsvText(bytes).text;
  } catch (error) {
    throw error instanceof CsvEncodingError ? new UnreadableFile(error.message) : error;
  }
}

// ------------------------------------------------------------------ XLSX

/** Unpacked size and entries an XLSX may declare (a 2 MiB upload of real annexes unpacks to far less). */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;
const MAX_XLSX_ENTRIES = 2000;

/**
 * Refuses a ZIP whose central directory declares more than the limits (a "zip bomb") before any
 * of it is inflated. Sizes are as declared; the inflater checks them again as it goes.
 */
export function checkZipDeclaredSize(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50)
    throw new UnreadableFile('不是 XLSX 文件(XLSX 是 ZIP 压缩包;旧的 .xls 请另存为 .xlsx)');
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new UnreadableFile('XLSX 文件不完整(找不到 ZIP 目录)');
  const entries = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || dirOffset === 0xffffffff)
    throw new UnreadableFile('XLSX 文件过大(ZIP64)');
  if (entries > MAX_XLSX_ENTRIES) throw new UnreadableFile(`XLSX 文件包含的部件过多(${entries})`);
  let total = 0;
  let at = dirOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw new UnreadableFile('XLSX 文件已损坏(ZIP 目录不完整)');
    total += view.getUint32(at + 24, true);
    if (total > MAX_XLSX_UNPACKED_BYTES)
      throw new UnreadableFile(`XLSX 文件解压后超过 ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MiB`);
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
}

/** The text a person sees in a cell; formulas give their cached result, dates YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text);
  if ('error' in value) return '';
  return '';
}

/**
 * The worksheet named like the annex (`附件1`, `附件1 网站` …), else the first one; every row of
 * it, merged cells carrying their value into each row they span.
 */
export async function readXlsx(bytes: Uint8Array, sheetLabel: string): Promise<RawTable> {
  checkZipDeclaredSize(bytes);
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (error) {
    throw new UnreadableFile(
      `无法读取 XLSX 文件:${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const sheets = workbook.worksheets.filter((s) => s.state !== 'veryHidden');
  const sheet = sheets.find((s) => s.name.replace(/\s+/g, '').startsWith(sheetLabel)) ?? sheets[0];
  if (!sheet) throw new UnreadableFile('XLSX 文件中没有工作表');
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    let own = false;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const text = cellText(cell.value);
      cells[column - 1] = text;
      if (text.trim() !== '' && !(cell.isMerged && cell.master !== cell)) own = true;
    });
    rows.push({ line: number, cells: Array.from(cells, (c) => c ?? ''), blank: !own });
  });
  return { rows, sheet: sheet.name };
}
