// CSV in the dashboard through the project's one CSV module (@gazette/csv): the preview reads a
// file exactly as the server will, and exports neutralise formula-like cells (OWASP).
import {
  CSV_BOM,
  CsvSyntaxError,
  decodeCsvBytesWith,
  readCsvRecords,
  stringifyCsv,
  textDecoderGb18030,
  type CsvCellValue,
} from '@gazette/csv';

/** Rows (the header first) as CSV text with CRLF line ends; downloadText adds the BOM. */
export function toCsv(rows: CsvCellValue[][]): string {
  return stringifyCsv(rows);
}

/**
 * The non-blank rows of a CSV for a preview. A file that is not CSV (an unclosed quote, a NUL)
 * gives no rows here: the import's own check names its line and column.
 */
export function parseCsv(text: string): string[][] {
  try {
    return readCsvRecords(text).map((r) => r.cells);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return [];
    throw error;
  }
}

/** The text of a chosen CSV file: UTF-8, UTF-16 with a BOM, or GBK/GB18030 as Excel saves it on a Chinese Windows. */
export async function readCsvFile(file: Blob): Promise<string> {
  return decodeCsvBytesWith(new Uint8Array(await file.arrayBuffer()), textDecoderGb18030).text;
}

/** Saves text as a file; a BOM (added unless present) makes Excel read the Chinese as UTF-8. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  downloadBlob(filename, new Blob([text.startsWith(CSV_BOM) ? text : CSV_BOM + text], { type }));
}

export function downloadBlob(filename: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
