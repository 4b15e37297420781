import { badInput } from '../shared/errors.ts';
import { formatDecimal, parseDecimal, type Decimal } from '../shared/money.ts';
import { fromUtcMidnight, parsePlainDate, type PlainDate } from '../shared/plain-date.ts';
import type {
  DimensionDef,
  RatePolicy,
  RateAttributes,
  RateEntry,
  RateTable,
  RateTableKind,
  RateVersion,
  RateVersionStatus,
} from './model.ts';

/** A decimal as the database driver hands it over: a string, or Prisma.Decimal (has toString). */
export type DecimalCell = string | number | { toString(): string } | null | undefined;
/** A `@db.Date` cell: a JS Date at UTC midnight, or already a `YYYY-MM-DD` string. */
export type DateCell = Date | string;

/** The columns of `RateEntry` the domain needs (Prisma rows fit as they are). */
export interface RateEntryRow {
  key: string;
  dimensions: unknown;
  code?: string | null;
  name?: string | null;
  unit?: string | null;
  amount?: DecimalCell;
  rate?: DecimalCell;
  baseKey?: string | null;
  attributes?: unknown;
  position?: number | null;
}

export interface RateVersionRow {
  id?: string;
  label?: string | null;
  effectiveFrom: DateCell;
  effectiveTo?: DateCell | null;
  status: RateVersionStatus;
  note?: string | null;
  basedOnId?: string | null;
  /** The document that set the version, when it is not the table's. */
  policy?: RatePolicyRow | null;
  entries?: RateEntryRow[];
}

export interface RateTableRow {
  id?: string;
  key: string;
  kind: RateTableKind;
  name: string;
  dimensions: unknown;
  versions?: RateVersionRow[];
}

/** The policy as the API has it: dates as Date or string. */
export interface RatePolicyRow {
  docNo: string;
  effectiveFrom: DateCell;
  expiresOn?: DateCell | null;
  isTrial?: boolean | null;
  repealedOn?: DateCell | null;
  /** The repealing document (its number), when loaded. */
  repealedBy?: { docNo: string } | null;
}

function toPlainDate(cell: DateCell, field: string): PlainDate {
  return cell instanceof Date ? fromUtcMidnight(cell) : parsePlainDate(cell, field);
}

function toDecimal(cell: DecimalCell, field: string): Decimal | null {
  if (cell === null || cell === undefined) return null;
  return parseDecimal(typeof cell === 'number' ? cell : cell.toString(), field);
}

function toRecord(value: unknown, field: string): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw badInput(field, `${field} 必须是 JSON 对象`);
  return value as Record<string, unknown>;
}

export function rateEntryFromRow(row: RateEntryRow): RateEntry {
  const dims = toRecord(row.dimensions, 'dimensions');
  const dimensions: Record<string, string> = {};
  for (const [k, v] of Object.entries(dims)) dimensions[k] = String(v);
  return {
    key: row.key,
    dimensions,
    code: row.code ?? null,
    name: row.name ?? null,
    unit: row.unit ?? null,
    amount: toDecimal(row.amount, 'amount'),
    rate: toDecimal(row.rate, 'rate'),
    baseKey: row.baseKey ?? null,
    attributes: toRecord(row.attributes, 'attributes') as RateAttributes,
    position: row.position ?? 0,
  };
}

export function rateVersionFromRow(row: RateVersionRow): RateVersion {
  const entries = (row.entries ?? []).map(rateEntryFromRow).sort((a, b) => a.position - b.position);
  return {
    id: row.id,
    label: row.label ?? null,
    effectiveFrom: toPlainDate(row.effectiveFrom, 'effectiveFrom'),
    effectiveTo: row.effectiveTo ? toPlainDate(row.effectiveTo, 'effectiveTo') : null,
    status: row.status,
    note: row.note ?? null,
    basedOnId: row.basedOnId ?? null,
    ...(row.policy ? { policy: ratePolicyFromRow(row.policy) } : {}),
    entries,
  };
}

export function ratePolicyFromRow(row: RatePolicyRow): RatePolicy {
  return {
    docNo: row.docNo,
    effectiveFrom: toPlainDate(row.effectiveFrom, 'effectiveFrom'),
    expiresOn: row.expiresOn ? toPlainDate(row.expiresOn, 'expiresOn') : null,
    ...(row.isTrial !== undefined && row.isTrial !== null ? { isTrial: row.isTrial } : {}),
    ...(row.repealedOn ? { repealedOn: toPlainDate(row.repealedOn, 'repealedOn') } : {}),
    ...(row.repealedBy ? { repealedBy: row.repealedBy.docNo } : {}),
  };
}

/** Builds the domain table from DB rows (RateTable + versions + entries) and its policy. */
export function rateTableFromRows(
  row: RateTableRow,
  policy: RatePolicyRow,
  versions: RateVersionRow[] = row.versions ?? [],
): RateTable {
  if (!Array.isArray(row.dimensions)) throw badInput('dimensions', 'dimensions 必须是维度定义数组');
  return {
    id: row.id,
    key: row.key,
    kind: row.kind,
    name: row.name,
    policy: ratePolicyFromRow(policy),
    dimensions: row.dimensions as DimensionDef[],
    versions: versions.map(rateVersionFromRow),
  };
}

/** The plain row to write for an entry (decimals as strings), e.g. for the seed or an import. */
export interface RateEntryRowOut {
  key: string;
  dimensions: Record<string, string>;
  code: string | null;
  name: string | null;
  unit: string | null;
  amount: string | null;
  rate: string | null;
  baseKey: string | null;
  attributes: RateAttributes;
  position: number;
}

export function rateEntryToRow(entry: RateEntry): RateEntryRowOut {
  return {
    key: entry.key,
    dimensions: entry.dimensions,
    code: entry.code,
    name: entry.name,
    unit: entry.unit,
    amount: entry.amount === null ? null : formatDecimal(entry.amount),
    rate: entry.rate === null ? null : formatDecimal(entry.rate),
    baseKey: entry.baseKey,
    attributes: entry.attributes,
    position: entry.position,
  };
}
