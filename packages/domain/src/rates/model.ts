import type { Decimal } from '../shared/money.ts';
import type { PlainDate } from '../shared/plain-date.ts';

/** Mirrors the Prisma enum `RateTableKind`. */
export type RateTableKind =
  'MEDICAL_SERVICE_PRICE' | 'LAND_TRANSFER_FEE' | 'LAND_TERM_COEFFICIENT' | 'REHAB_ASSISTANCE';

/** Mirrors the Prisma enum `RateVersionStatus`: drafts are never used by quotes. */
export type RateVersionStatus = 'DRAFT' | 'PUBLISHED';

export interface DimensionValue {
  value: string;
  label: string;
}

/**
 * One axis of a table (`code`, `grade`, `landUse` …). `values` lists the allowed points;
 * an `open` dimension (item codes, counties) accepts any non-empty value matching `pattern`.
 */
export interface DimensionDef {
  name: string;
  label: string;
  values: DimensionValue[];
  open?: boolean;
  pattern?: string;
}

/** The policy that set a table (a GazettePolicy fits): a version with `effectiveTo = null` ends with it. */
export interface RatePolicy {
  docNo: string;
  effectiveFrom: PlainDate;
  /** Last day in force; null when the text sets no limit. */
  expiresOn: PlainDate | null;
  /** The document or its rates are on trial (试行). */
  isTrial?: boolean;
  /** The day a repealing or replacing document took effect; the policy's last day is the day before. */
  repealedOn?: PlainDate | null;
  /** The number of that document. */
  repealedBy?: string | null;
}

/** JSON-compatible extras of an entry (contents, exclusions, caps …); decimals as strings. */
export type RateAttributes = Record<string, unknown>;

/** One cell: a point in the table's dimensions and its value (an amount, or a rate of another entry). */
export interface RateEntry {
  /** Canonical key: dimension values in the table's dimension order joined by `|`. */
  key: string;
  dimensions: Record<string, string>;
  code: string | null;
  name: string | null;
  unit: string | null;
  /** Yuan. */
  amount: Decimal | null;
  /** A fraction (0.39 for +39%); of `baseKey`'s amount when that is set. */
  rate: Decimal | null;
  baseKey: string | null;
  attributes: RateAttributes;
  position: number;
}

export interface RateVersion {
  id?: string;
  label: string | null;
  effectiveFrom: PlainDate;
  /** Last day in force (inclusive); null = while the policy is in force. */
  effectiveTo: PlainDate | null;
  status: RateVersionStatus;
  note: string | null;
  basedOnId?: string | null;
  /** The document that set this version (a re-issued table's versions have their own); else the table's. */
  policy?: RatePolicy | null;
  entries: RateEntry[];
}

export interface RateTable {
  id?: string;
  /** Stable slug, e.g. `medical-service-prices`. */
  key: string;
  kind: RateTableKind;
  name: string;
  policy: RatePolicy;
  dimensions: DimensionDef[];
  versions: RateVersion[];
}
