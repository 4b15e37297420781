// A quarter's annexes written back as the gazette prints them (Chinese headers), as CSV with a
// UTF-8 BOM (so Excel opens it in Chinese) or XLSX. What is exported imports back to the same
// findings. Text cells that a spreadsheet would take for a formula are neutralised.
import {
  ANNEX_LABEL,
  KIND_LABEL,
  printedHeaders,
  RATING_LABEL,
  type AnnexKind,
} from './annexes.ts';
import { loadExcelJS, type AnnexFileFormat } from './table.ts';

export type ExportCell = string | number;

interface Org {
  name: string;
}

export interface WebsiteFindingRow {
  siteSeq: number;
  siteName: string;
  position: number;
  description: string;
  rectified: boolean;
  organization: Org;
}

export interface NewMediaFindingRow {
  seq: number;
  account: string;
  platform: string;
  description: string;
  rectified: boolean | null;
  organization: Org;
}

export interface DataGapExportRow {
  kind: 'BASE' | 'PROCESS';
  dataYear: number;
  position: number;
  organization: Org;
}

export interface AdoptionExportRow {
  rating: 'GOOD' | 'ZERO';
  position: number;
  organization: Org;
}

const status = (rectified: boolean | null) =>
  rectified === null ? '' : rectified ? '整改完成' : '未整改';

/** 附件1: one row a site, its problems one a line, as printed; 所属单位 names the owner. */
export function websiteTable(findings: readonly WebsiteFindingRow[]): ExportCell[][] {
  const sorted = [...findings].sort((a, b) => a.siteSeq - b.siteSeq || a.position - b.position);
  const groups: WebsiteFindingRow[][] = [];
  for (const f of sorted) {
    const last = groups.at(-1)?.[0];
    // A multi-line cell can carry only findings of one site and owner; anything else gets a row of its own (same 序号).
    if (
      last &&
      last.siteSeq === f.siteSeq &&
      last.siteName === f.siteName &&
      last.organization.name === f.organization.name
    ) {
      groups.at(-1)!.push(f);
    } else groups.push([f]);
  }
  return [
    printedHeaders('WEBSITE'),
    ...groups.map((g) => {
      const statuses = g.map((f) => status(f.rectified));
      return [
        g[0]!.siteSeq,
        g[0]!.siteName,
        g.map((f) => f.description).join('\n'),
        new Set(statuses).size === 1 ? statuses[0]! : statuses.join('\n'),
        g[0]!.organization.name,
      ];
    }),
  ];
}

/** 附件2 with 是否整改完成 (empty: unknown). */
export function newMediaTable(findings: readonly NewMediaFindingRow[]): ExportCell[][] {
  return [
    printedHeaders('NEW_MEDIA'),
    ...[...findings]
      .sort((a, b) => a.seq - b.seq)
      .map((f) => [
        f.seq,
        f.account,
        f.organization.name,
        f.platform,
        f.description,
        status(f.rectified),
      ]),
  ];
}

/** 附件3 in the tabular form: 类别, 数据年份, 部门, one body a row. */
export function dataCollectionTable(gaps: readonly DataGapExportRow[]): ExportCell[][] {
  const order = { BASE: 0, PROCESS: 1 };
  return [
    printedHeaders('DATA_COLLECTION'),
    ...[...gaps]
      .sort((a, b) => order[a.kind] - order[b.kind] || a.position - b.position)
      .map((g) => [KIND_LABEL[g.kind], g.dataYear, g.organization.name]),
  ];
}

/** 信息采用情况: 评价, 单位. */
export function adoptionTable(adoptions: readonly AdoptionExportRow[]): ExportCell[][] {
  const order = { GOOD: 0, ZERO: 1 };
  return [
    printedHeaders('ADOPTION'),
    ...[...adoptions]
      .sort((a, b) => order[a.rating] - order[b.rating] || a.position - b.position)
      .map((a) => [RATING_LABEL[a.rating], a.organization.name]),
  ];
}

/**
 * A text cell starting with = + - @ is prefixed with ' so no spreadsheet runs it as a formula (and
 * one already starting with such a prefix gets another, so the import's unneutralise is exact).
 */
export function neutralise(cell: ExportCell): ExportCell {
  return typeof cell === 'string' && /^'*[=+\-@]/u.test(cell) ? `'${cell}` : cell;
}

function csvCell(cell: ExportCell): string {
  const text = String(neutralise(cell));
  return /[",\r\n]/u.test(text) || /^\s|\s$/u.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a UTF-8 BOM and CRLF line ends, as Excel writes it. */
export function toAnnexCsv(table: readonly ExportCell[][]): string {
  return '\uFEFF' + table.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const WIDTHS: Record<AnnexKind, number[]> = {
  WEBSITE: [6, 36, 40, 14, 30],
  NEW_MEDIA: [6, 24, 30, 8, 24, 14],
  DATA_COLLECTION: [10, 10, 30],
  ADOPTION: [8, 30],
};

/** One worksheet named after the annex (附件1 …), header bold, long cells wrapped. */
export async function toAnnexXlsx(
  annex: AnnexKind,
  table: readonly ExportCell[][],
): Promise<Uint8Array> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet(ANNEX_LABEL[annex]);
  sheet.columns = WIDTHS[annex].map((width) => ({ width }));
  for (const row of table) sheet.addRow(row.map(neutralise));
  sheet.getRow(1).font = { bold: true };
  sheet.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface AnnexFile {
  annex: AnnexKind;
  format: AnnexFileFormat;
  fileName: string;
  mimeType: string;
  /** CSV: the text (with BOM); XLSX: the bytes in base64. */
  content: string;
}

export async function annexFile(
  annex: AnnexKind,
  format: AnnexFileFormat,
  quarter: string,
  table: readonly ExportCell[][],
): Promise<AnnexFile> {
  const fileName = `${quarter}-${ANNEX_LABEL[annex]}.${format === 'CSV' ? 'csv' : 'xlsx'}`;
  if (format === 'CSV')
    return {
      annex,
      format,
      fileName,
      mimeType: 'text/csv; charset=utf-8',
      content: toAnnexCsv(table),
    };
  const bytes = await toAnnexXlsx(annex, table);
  return {
    annex,
    format,
    fileName,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content: Buffer.from(bytes).toString('base64'),
  };
}
