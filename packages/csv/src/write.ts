// Writing CSV a spreadsheet opens safely: cells that Excel or WPS would run as a formula are
// neutralised (OWASP "CSV injection"), CRLF line ends (RFC 4180, Excel), and a UTF-8 BOM on
// files so Excel reads Chinese as UTF-8.
import { stringify } from '#csv-stringify-sync';

export const CSV_BOM = '\uFEFF';

export type CsvCellValue = string | number | boolean | null | undefined;

/** Cells starting with one of these may be run as a formula: = + - @, a tab or a CR. */
const FORMULA_START = /^[=+\-@\t\r]/u;
/** A neutralised cell (or one that already started with a quote and got a second). */
const NEUTRALISED = /^'[=+\-@\t\r']/u;

/**
 * A text cell that cannot run: a leading `'` before = + - @ \t \r (OWASP), and before a leading
 * `'` too, so that unneutraliseCell gives back exactly the text written.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

/** Undoes neutraliseCell on a cell read back from a CSV written by stringifyCsv. */
export function unneutraliseCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

function cellText(value: CsvCellValue): string {
  if (value === null || value === undefined) return '';
  // Numbers are written as numbers (a negative amount stays a number for the spreadsheet).
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  return neutraliseCell(value);
}

/** Rows (the header first) as CSV text with CRLF line ends; no BOM (see csvFileText). */
export function stringifyCsv(rows: readonly (readonly CsvCellValue[])[]): string {
  if (rows.length === 0) return '';
  // Leading or trailing spaces are quoted so that no reader trims them away.
  return stringify(
    rows.map((r) => r.map(cellText)),
    { record_delimiter: 'windows', quoted_match: /^\s|\s$/u },
  );
}

/** The text of a CSV file to download: a UTF-8 BOM, then stringifyCsv's text. */
export function csvFileText(rows: readonly (readonly CsvCellValue[])[]): string {
  return CSV_BOM + stringifyCsv(rows);
}
