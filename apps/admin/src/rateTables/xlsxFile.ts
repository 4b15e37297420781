// XLSX files of rate versions through exceljs. Loaded with import() only when a file is written or
// read, so the dashboard's first bundle does not carry the library.
import ExcelJS from 'exceljs';
import type { SheetSpec } from './sheet.ts';

/** A workbook of one sheet (headers bold, merged and frozen), and an optional notes sheet. */
export async function writeXlsx(
  sheetName: string,
  spec: SheetSpec,
  notes: string[] = [],
): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.replace(/[\\/?*[\]:]/gu, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: spec.header.length }],
  });
  for (const row of [...spec.header, ...spec.rows]) ws.addRow(row);
  for (const [r1, c1, r2, c2] of spec.merges)
    if (r1 !== r2 || c1 !== c2) ws.mergeCells(r1 + 1, c1 + 1, r2 + 1, c2 + 1);
  for (let r = 1; r <= spec.header.length; r++) {
    const row = ws.getRow(r);
    row.font = { bold: true };
    row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
  spec.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (let r = spec.header.length + 1; r <= ws.rowCount; r++)
    ws.getRow(r).alignment = { vertical: 'top', wrapText: true };
  if (notes.length) {
    const help = wb.addWorksheet('说明');
    for (const line of notes) help.addRow([line]);
    help.getColumn(1).width = 100;
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return text((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return String((value as { text: unknown }).text);
  return '';
}

/** The first sheet's cell texts, row 1 first (a number as JavaScript prints it: 1154.01, 0.4). */
export async function readXlsx(data: ArrayBuffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, ws.columnCount); c++) {
      const cell = row.getCell(c);
      // A merged cell's value is its master's; only the master counts.
      cells.push(cell.isMerged && cell.master !== cell ? '' : text(cell.value));
    }
    rows.push(cells);
  }
  return rows;
}
