// What a draft import would write, and its rate changes in people's words (no React here).
import {
  LAND_TERM_COEFFICIENT_DIMENSIONS,
  LAND_TRANSFER_DIMENSIONS,
  MEDICAL_SERVICE_DIMENSIONS,
  REHAB_DIMENSIONS,
  type DimensionDef,
} from '@gazette/domain';
import type {
  GazetteImport,
  ImportDocument,
  ImportTable,
  RateChange,
} from '../dataProvider/gazetteImports.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface ApplySummary {
  newDocuments: ImportDocument[];
  changedDocuments: ImportDocument[];
  newTables: ImportTable[];
  newVersions: ImportTable[];
  /** Repeals of documents that are new or changed in this issue (an unchanged one was applied before). */
  repeals: { docNo: string; by: string }[];
  /** Quarters whose inspection results are not yet in the database. */
  quarters: string[];
  empty: boolean;
}

export function applySummary(
  draft: Pick<GazetteImport, 'documents' | 'tables' | 'inspectionQuarters' | 'notes'>,
): ApplySummary {
  const newDocuments = draft.documents.filter((d) => d.change === 'NEW');
  const changedDocuments = draft.documents.filter((d) => d.change === 'CHANGED');
  const newTables = draft.tables.filter((t) => t.action === 'NEW_TABLE');
  const newVersions = draft.tables.filter((t) => t.action === 'NEW_VERSION');
  const repeals = draft.documents
    .filter((d) => d.change !== 'UNCHANGED')
    .flatMap((d) => d.repeals.map((docNo) => ({ docNo, by: d.docNo })));
  const kept = draft.notes.filter((n) => n.code === 'QUARTER_EXISTS').map((n) => n.message);
  const quarters = draft.inspectionQuarters.filter((q) => !kept.some((m) => m.startsWith(q)));
  const empty =
    newDocuments.length +
      changedDocuments.length +
      newTables.length +
      newVersions.length +
      repeals.length +
      quarters.length ===
    0;
  return { newDocuments, changedDocuments, newTables, newVersions, repeals, quarters, empty };
}

const DIMENSIONS: Record<string, DimensionDef[]> = {
  MEDICAL_SERVICE_PRICE: MEDICAL_SERVICE_DIMENSIONS,
  LAND_TRANSFER_FEE: LAND_TRANSFER_DIMENSIONS,
  LAND_TERM_COEFFICIENT: LAND_TERM_COEFFICIENT_DIMENSIONS,
  REHAB_ASSISTANCE: REHAB_DIMENSIONS,
};

/** Per table kind, the dimensions whose values have translated labels (`enums.<Enum>.<VALUE>`). */
const DIMENSION_ENUMS: Record<string, Record<string, string>> = {
  MEDICAL_SERVICE_PRICE: { grade: 'HospitalGrade' },
  LAND_TRANSFER_FEE: { landUse: 'LandUse' },
  LAND_TERM_COEFFICIENT: { landUse: 'LandUse' },
  REHAB_ASSISTANCE: { service: 'RehabService' },
};

/**
 * An entry key such as `311201069|TERTIARY_A` as the item (name, code) and the rest of its point
 * in the table (三甲), never the raw key.
 */
export function entryLabel(
  kind: string,
  change: Pick<RateChange, 'key' | 'name'>,
  translate: Translate,
): { item: string; code: string | null; point: string } {
  const parts = change.key.split('|');
  const dims = DIMENSIONS[kind];
  const name = change.name ?? '';
  let code: string | null = null;
  const labels: string[] = [];
  parts.forEach((value, i) => {
    const dim = dims?.[i];
    if (dim?.name === 'code') {
      code = value;
      return;
    }
    const printed = dim?.values.find((v) => v.value === value)?.label ?? value;
    const enumName = dim ? DIMENSION_ENUMS[kind]?.[dim.name] : undefined;
    const label = enumName ? translate(`enums.${enumName}.${value}`, { _: printed }) : printed;
    // Land entries carry their point in the name already (商服用地 一级 临街且平街一层).
    if (!name.includes(label)) labels.push(label);
  });
  return { item: name || (code ?? change.key), code, point: labels.join(' · ') };
}

/** One attribute of an entry that differs (the 三甲 cap of 311201079 lives in `lineCap`). */
export interface AttributeChange {
  attribute: string;
  before: string;
  after: string;
}

function parseAttributes(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

const show = (v: unknown) =>
  v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);

/** The attributes whose values differ, long texts cut to the part that changed. */
export function attributeChanges(
  before: string | null,
  after: string | null,
  context = 12,
): AttributeChange[] {
  const a = parseAttributes(before);
  const b = parseAttributes(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys
    .filter((k) => show(a[k]) !== show(b[k]))
    .map((k) => ({ attribute: k, ...cutToChange(show(a[k]), show(b[k]), context) }));
}

/** Both texts with their common beginning and end replaced by … (keeping `context` characters). */
export function cutToChange(
  before: string,
  after: string,
  context = 12,
): { before: string; after: string } {
  const x = [...before];
  const y = [...after];
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  const cut = (chars: string[]) => {
    const from = Math.max(0, p - context);
    const to = Math.min(chars.length, chars.length - s + context);
    return `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
  };
  return { before: cut(x), after: cut(y) };
}

/** Character offsets [start, end) of a 1-based line of `text` (clamped to the last line). */
export function lineOffsets(text: string, line: number): [number, number] {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) break;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

/** The 1-based line a character offset falls on. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
