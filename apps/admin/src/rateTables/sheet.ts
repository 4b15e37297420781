// A rate version as a sheet with the gazette's Chinese headers (the printed matrix for the medical
// and 年期修正系数 tables, a list otherwise), and a filled sheet back as the CSV the API's
// importRateTableVersionCsv validates, with every CSV line traced to its sheet row and column (a
// sheet already in the API's columns, as 导出 CSV writes it, goes through unchanged).
// Pure: the exceljs reading and writing is in xlsxFile.ts, loaded only when used.
import {
  dec,
  neutraliseCell,
  RATE_CSV_VALUE_COLUMNS,
  readRateCsvHeader,
  type DimensionDef,
} from '@gazette/domain';
import type { ApiRateEntry } from '../dataProvider/rateTables.ts';
import {
  dimLabel,
  dimValueOf,
  matrixLayout,
  matrixRows,
  valueFieldOf,
  type MatrixLayout,
} from './matrix.ts';

export type Cell = string | number;

export interface SheetSpec {
  /** Header rows (one, or two when a group header spans the value columns). */
  header: Cell[][];
  /** Merged header ranges, 0-based inclusive: [row1, col1, row2, col2]. */
  merges: [number, number, number, number][];
  rows: Cell[][];
  /** Column widths in characters. */
  widths: number[];
}

/** The gazette's headers of the medical table's item columns, in printed order. */
const ITEM_HEADERS = [
  ['seq', '序号', 6],
  ['code', '编码', 14],
  ['name', '项目名称', 22],
  ['contents', '项目内涵', 40],
  ['exclusions', '除外内容', 14],
  ['unit', '计价单位', 10],
  ['note', '说明', 40],
] as const;
const PRICE_GROUP = '价格（元）';
const COEFFICIENT_GROUP = '年期修正系数';
const NAME = '项目名称';
const UNIT = '计价单位';
const AMOUNT = '金额（元）';
const RATE = '比例';
const COEFFICIENT = '系数';

/** A value as it is printed: a number, or a percentage such as 68% for surcharges. */
function printed(layout: Pick<MatrixLayout, 'valueField'>, e: ApiRateEntry | undefined): Cell {
  if (!e) return '';
  if (layout.valueField === 'rate') return e.rate === null ? '' : Number(e.rate);
  if (e.amount !== null) return Number(e.amount);
  return e.rate === null ? '' : `${dec(e.rate).times(100).toString()}%`;
}

/** The sheet of a version (`template`: the headers only, to fill in). */
export function sheetOf(
  kind: string,
  dimensions: DimensionDef[],
  entries: ApiRateEntry[],
  template = false,
): SheetSpec {
  const layout = matrixLayout(kind, dimensions);
  if (layout) {
    const itemCols = layout.itemTexts
      ? ITEM_HEADERS.map(([, h]) => h as string)
      : layout.rows.map((d) => d.label);
    const widths = layout.itemTexts
      ? ITEM_HEADERS.map(([, , w]) => w as number)
      : layout.rows.map(() => 12);
    const cols = layout.column.values;
    const first: Cell[] = [
      ...itemCols,
      layout.itemTexts ? PRICE_GROUP : COEFFICIENT_GROUP,
      ...cols.slice(1).map(() => ''),
    ];
    const second: Cell[] = [...itemCols.map(() => ''), ...cols.map((c) => c.label)];
    const merges: SheetSpec['merges'] = [
      ...itemCols.map((_, i) => [0, i, 1, i] as [number, number, number, number]),
      [0, itemCols.length, 0, itemCols.length + cols.length - 1],
    ];
    const rows = template
      ? []
      : matrixRows(layout, entries).map((row) => [
          ...(layout.itemTexts
            ? [
                row.seq === '' ? '' : Number.isFinite(Number(row.seq)) ? Number(row.seq) : row.seq,
                row.code ?? row.dims.code ?? '',
                row.name ?? '',
                row.texts.contents,
                row.texts.exclusions,
                row.unit ?? '',
                row.texts.note,
              ]
            : layout.rows.map((d) => {
                const v = row.dims[d.name] ?? '';
                return d.open && /^\d+$/u.test(v) ? Number(v) : dimLabel(d, v);
              })),
          ...cols.map((c) => printed(layout, row.cells[c.value])),
        ]);
    return { header: [first, second], merges, rows, widths: [...widths, ...cols.map(() => 10)] };
  }
  const valueField = valueFieldOf(kind);
  const hasRate = valueField === 'rate' || entries.some((e) => e.rate !== null);
  const hasAmount = valueField === 'amount';
  const header: Cell[] = [
    ...dimensions.map((d) => d.label),
    NAME,
    UNIT,
    ...(hasAmount ? [AMOUNT] : []),
    ...(hasRate ? [hasAmount ? RATE : COEFFICIENT] : []),
  ];
  const rows = template
    ? []
    : [...entries]
        .sort((a, b) => a.position - b.position)
        .map((e) => [
          ...dimensions.map((d) => dimLabel(d, e.dimensions?.[d.name] ?? '')),
          e.name ?? '',
          e.unit ?? '',
          ...(hasAmount ? [e.amount === null ? '' : Number(e.amount)] : []),
          ...(hasRate
            ? [
                e.rate === null
                  ? ''
                  : hasAmount
                    ? `${dec(e.rate).times(100).toString()}%`
                    : Number(e.rate),
              ]
            : []),
        ]);
  return {
    header: [header],
    merges: [],
    rows,
    widths: header.map((h) => Math.max(10, String(h).length * 2 + 2)),
  };
}

export interface SheetError {
  /** 1-based row of the sheet. */
  row: number;
  /** The header of the column at fault, when one. */
  column: string | null;
  message: string;
}

export type SheetImport =
  | { ok: true; csv: string; count: number; origin: { row: number; column: string | null }[] }
  | { ok: false; errors: SheetError[] };

const norm = (s: string) => s.replace(/\s+/gu, '').replace(/[(]/gu, '（').replace(/[)]/gu, '）');

function csvLine(cells: string[]): string {
  return cells
    .map((raw) => {
      const v = neutraliseCell(raw);
      return /[",\r\n]/u.test(v) || /^\s|\s$/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v;
    })
    .join(',');
}

/** A price cell's text as the CSV columns amount/rate: 68% is the fraction 0.68; anything else is left for the API to judge. */
function valueCells(valueField: 'amount' | 'rate', text: string): { amount: string; rate: string } {
  const t = text.trim().replace(/[,，]/gu, '');
  const pct = /^(\d+(?:\.\d+)?)\s*[%％]$/u.exec(t);
  if (pct) return { amount: '', rate: dec(pct[1]!).div(100).toFixed() };
  return valueField === 'rate' ? { amount: '', rate: t } : { amount: t, rate: '' };
}

/** Whether a header row names every column of the API's rate CSV (as rateTableVersionCsv writes it). */
function hasEveryApiColumn(header: string[], dimensions: DimensionDef[]): boolean {
  const read = readRateCsvHeader(header, { dimensions });
  return read.ok && RATE_CSV_VALUE_COLUMNS.every((c) => read.header.at.has(c));
}

/**
 * A filled sheet (cell texts, row 1 first) as the CSV of the API's import. Texts the API does not
 * print in the sheet (caps, the item a surcharge is based on) are kept from `current`, the entries
 * the version has now. Headers that cannot be read are refused here, before anything is sent.
 */
export function csvFromSheet(
  kind: string,
  dimensions: DimensionDef[],
  cells: string[][],
  current: ApiRateEntry[],
  translate: (key: string, args?: Record<string, unknown>) => string,
): SheetImport {
  // A file with every one of the API's columns (what 导出 CSV downloads; Chinese headers or the
  // English names) is already the import's CSV: it goes as it is, line for line, so a version
  // exported and imported into a new draft gets equal entries. A sheet naming fewer columns keeps
  // the others from the entries the version has now, below.
  if (hasEveryApiColumn(cells[0] ?? [], dimensions))
    return {
      ok: true,
      csv: cells.map(csvLine).join('\r\n') + '\r\n',
      count: cells.length - 1,
      origin: cells.slice(1).map((_, i) => ({ row: i + 2, column: null })),
    };
  const layout = matrixLayout(kind, dimensions);
  const byKey = new Map(current.map((e) => [e.key, e]));
  const find = (row: string[] | undefined, header: string) =>
    (row ?? []).findIndex((c) => norm(c) === norm(header));
  const errors: SheetError[] = [];
  const lines: string[][] = [];
  const origin: { row: number; column: string | null }[] = [];
  if (layout) {
    const itemHeaders: string[] = layout.itemTexts
      ? ITEM_HEADERS.map(([, h]) => h)
      : layout.rows.map((d) => d.label);
    const key = itemHeaders[layout.itemTexts ? 1 : 0]!;
    const h = cells.slice(0, 10).findIndex((r) => find(r, key) >= 0);
    if (h < 0)
      return {
        ok: false,
        errors: [
          {
            row: 1,
            column: null,
            message: translate('rateMatrix.noHeader', {
              headers: [...itemHeaders, ...layout.column.values.map((v) => v.label)].join('、'),
            }),
          },
        ],
      };
    const head = cells[h]!;
    const idx = Object.fromEntries(itemHeaders.map((name) => [name, find(head, name)]));
    // The column labels (三甲 …) under the group header, or in the header row itself.
    const colRow = layout.column.values.every((v) => find(cells[h + 1], v.label) >= 0) ? h + 1 : h;
    const colIdx = layout.column.values.map((v) => ({
      value: v.value,
      label: v.label,
      at: find(cells[colRow], v.label),
    }));
    for (const name of itemHeaders)
      if (idx[name]! < 0 && (name === key || !layout.itemTexts))
        errors.push({
          row: h + 1,
          column: name,
          message: translate('rateMatrix.missingHeader', { header: name }),
        });
    for (const c of colIdx)
      if (c.at < 0)
        errors.push({
          row: colRow + 1,
          column: c.label,
          message: translate('rateMatrix.missingHeader', { header: c.label }),
        });
    if (errors.length) return { ok: false, errors };
    const get = (r: string[], name: string) =>
      idx[name]! >= 0 ? (r[idx[name]!] ?? '').trim() : '';
    cells.slice(colRow + 1).forEach((r, i) => {
      const sheetRow = colRow + 2 + i;
      if (r.every((c) => c.trim() === '')) return;
      const rowDims: Record<string, string> = {};
      if (layout.itemTexts) rowDims.code = get(r, '编码');
      else
        for (const d of layout.rows) {
          const raw = get(r, d.label);
          const v = dimValueOf(d, raw);
          if (v === null)
            errors.push({
              row: sheetRow,
              column: d.label,
              message: translate('rateMatrix.unknownColumn', { value: raw }),
            });
          rowDims[d.name] = v ?? raw;
        }
      for (const c of colIdx) {
        const text = (r[c.at] ?? '').trim();
        if (text === '') continue;
        const dims = { ...rowDims, [layout.column.name]: c.value };
        const entryKey = dimensions.map((d) => dims[d.name] ?? '').join('|');
        const old = byKey.get(entryKey);
        const { amount, rate } = valueCells(layout.valueField, text);
        let attributes = '';
        let baseKey = '';
        if (layout.itemTexts) {
          const seq = get(r, '序号');
          const attrs: Record<string, unknown> = {
            ...(old?.attributes ?? {}),
            contents: get(r, '项目内涵'),
            exclusions: get(r, '除外内容'),
            note: get(r, '说明'),
          };
          if (seq !== '') attrs.seq = /^\d+$/u.test(seq) ? Number(seq) : seq;
          attributes = JSON.stringify(attrs);
          if (rate !== '') {
            const base = /^(.+)-\d+$/u.exec(rowDims.code ?? '')?.[1];
            baseKey = old?.baseKey ?? (base ? `${base}|${c.value}` : '');
          }
        } else if (old?.attributes && Object.keys(old.attributes).length)
          attributes = JSON.stringify(old.attributes);
        const name = layout.itemTexts ? get(r, '项目名称') : (old?.name ?? '');
        const unit = layout.itemTexts ? get(r, '计价单位') : (old?.unit ?? '');
        lines.push([
          ...dimensions.map((d) => dims[d.name] ?? ''),
          ...(dimensions.some((d) => d.name === 'code') ? [] : ['']),
          name,
          unit,
          amount,
          rate,
          baseKey,
          attributes,
        ]);
        origin.push({ row: sheetRow, column: c.label });
      }
    });
  } else {
    const valueField = valueFieldOf(kind);
    const h = cells.slice(0, 10).findIndex((r) => dimensions.every((d) => find(r, d.label) >= 0));
    if (h < 0)
      return {
        ok: false,
        errors: [
          {
            row: 1,
            column: null,
            message: translate('rateMatrix.noHeader', {
              headers: [...dimensions.map((d) => d.label), NAME, UNIT, AMOUNT].join('、'),
            }),
          },
        ],
      };
    const head = cells[h]!;
    const at = (name: string) => find(head, name);
    const amountAt = at(AMOUNT);
    const rateAt = at(valueField === 'rate' ? COEFFICIENT : RATE);
    if (amountAt < 0 && rateAt < 0)
      return {
        ok: false,
        errors: [
          {
            row: h + 1,
            column: AMOUNT,
            message: translate('rateMatrix.missingHeader', {
              header: valueField === 'rate' ? COEFFICIENT : AMOUNT,
            }),
          },
        ],
      };
    cells.slice(h + 1).forEach((r, i) => {
      const sheetRow = h + 2 + i;
      if (r.every((c) => c.trim() === '')) return;
      const dims: Record<string, string> = {};
      for (const d of dimensions) {
        const raw = (r[at(d.label)] ?? '').trim();
        const v = dimValueOf(d, raw);
        if (v === null)
          errors.push({
            row: sheetRow,
            column: d.label,
            message: translate('rateMatrix.unknownColumn', { value: raw }),
          });
        dims[d.name] = v ?? raw;
      }
      const old = byKey.get(dimensions.map((d) => dims[d.name] ?? '').join('|'));
      const amountText = amountAt >= 0 ? (r[amountAt] ?? '').trim() : '';
      const rateText = rateAt >= 0 ? (r[rateAt] ?? '').trim() : '';
      const v =
        amountText !== ''
          ? valueCells('amount', amountText)
          : valueCells(valueField === 'rate' ? 'rate' : 'amount', rateText);
      if (amountText === '' && rateText !== '' && valueField === 'amount' && v.amount !== '') {
        // A 比例 column holds percentages; a bare number there is a fraction.
        v.rate = v.amount;
        v.amount = '';
      }
      const name = at(NAME) >= 0 ? (r[at(NAME)] ?? '').trim() : (old?.name ?? '');
      const unit = at(UNIT) >= 0 ? (r[at(UNIT)] ?? '').trim() : (old?.unit ?? '');
      const attributes =
        old?.attributes && Object.keys(old.attributes).length ? JSON.stringify(old.attributes) : '';
      lines.push([
        ...dimensions.map((d) => dims[d.name] ?? ''),
        ...(dimensions.some((d) => d.name === 'code') ? [] : [old?.code ?? '']),
        name,
        unit,
        v.amount,
        v.rate,
        old?.baseKey ?? '',
        attributes,
      ]);
      origin.push({
        row: sheetRow,
        column:
          amountText !== ''
            ? AMOUNT
            : rateText !== ''
              ? valueField === 'rate'
                ? COEFFICIENT
                : RATE
              : null,
      });
    });
  }
  if (errors.length) return { ok: false, errors };
  if (!lines.length)
    return {
      ok: false,
      errors: [{ row: 1, column: null, message: translate('rateMatrix.noRows') }],
    };
  const header = [
    ...dimensions.map((d) => d.name),
    ...(dimensions.some((d) => d.name === 'code') ? [] : ['code']),
    'name',
    'unit',
    'amount',
    'rate',
    'baseKey',
    'attributes',
  ];
  return {
    ok: true,
    csv: [header, ...lines].map(csvLine).join('\r\n') + '\r\n',
    count: lines.length,
    origin,
  };
}

/** The API's CSV errors (line 2 = the first data line) traced back to the sheet. */
export function sheetErrorsOf(
  rows: { line: number; column: string | null; message: string }[],
  origin: { row: number; column: string | null }[],
): SheetError[] {
  return rows.map((e) => {
    const at = origin[e.line - 2];
    return { row: at?.row ?? e.line, column: at?.column ?? e.column, message: e.message };
  });
}
