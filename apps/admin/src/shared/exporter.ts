// A list's CSV export: one row per record, nested fields as dotted columns, a BOM for Excel.
// (react-admin's default exporter writes an extra line per element of an array of objects, so a
// policy with two issuers took two lines, and its CSV had no BOM, so Excel misread the Chinese.)
import type { Exporter, RaRecord } from 'react-admin';
import { downloadText, toCsv } from './csv.ts';

type Cell = string | number | boolean;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flattenInto(
  out: Map<string, Cell>,
  path: string,
  value: unknown,
  json: ReadonlySet<string>,
) {
  if (value === null || value === undefined) {
    if (!out.has(path)) out.set(path, '');
  } else if (json.has(path) && typeof value === 'object') {
    out.set(path, JSON.stringify(value));
  } else if (Array.isArray(value)) {
    if (value.every((v) => !isPlainObject(v) && !Array.isArray(v))) {
      out.set(path, value.map((v) => (v === null || v === undefined ? '' : String(v))).join(';'));
      return;
    }
    // An array of objects: one column per field, the elements' values joined in order.
    const parts = value.map((v) => flatten(v, path, json));
    const columns = new Set(parts.flatMap((p) => [...p.keys()]));
    for (const column of columns) out.set(column, parts.map((p) => p.get(column) ?? '').join(';'));
    if (!columns.size) out.set(path, '');
  } else if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (!entries.length) out.set(path, '');
    for (const [key, v] of entries) flattenInto(out, path ? `${path}.${key}` : key, v, json);
  } else {
    out.set(path, value as Cell);
  }
}

function flatten(value: unknown, path: string, json: ReadonlySet<string>): Map<string, Cell> {
  const out = new Map<string, Cell>();
  flattenInto(out, path, value, json);
  return out;
}

export interface CsvOptions {
  /** Fields written whole as JSON (free-form values such as an audit entry's before/after). */
  json?: string[];
}

/** The CSV text of records: a header of field paths in first-seen order, then one row each. */
export function recordsToCsv(records: readonly RaRecord[], options: CsvOptions = {}): string {
  const json = new Set(options.json ?? []);
  const rows = records.map((r) => flatten(r, '', json));
  const columns = [...new Set(rows.flatMap((r) => [...r.keys()]))];
  return toCsv([columns, ...rows.map((r) => columns.map((c) => r.get(c) ?? ''))]);
}

/** An exporter saving `<resource>.csv`. */
export function csvExporter(options: CsvOptions = {}): Exporter {
  return (records: RaRecord[], _fetchRelated, _dataProvider, resource) => {
    downloadText(`${resource ?? 'export'}.csv`, recordsToCsv(records, options));
  };
}
