import type { RateTable, RateVersionStatus, DimensionDef, RateTableKind } from './model.ts';
import { LAND_TRANSFER_FEE_TABLE, landTermCoefficientTable } from './land-table.ts';
import { MEDICAL_SERVICE_TABLE } from './medical-table.ts';
import { REHAB_ASSISTANCE_TABLE } from './rehab-table.ts';
import { rateEntryToRow, type RateEntryRowOut } from './rows.ts';

/** The rate tables of gazette issue 2024-12 (the reviewed truth), plus the empty 年期修正系数 table. */
export const SEED_RATE_TABLES: readonly RateTable[] = [
  MEDICAL_SERVICE_TABLE,
  LAND_TRANSFER_FEE_TABLE,
  landTermCoefficientTable(),
  REHAB_ASSISTANCE_TABLE,
];

/** A seed table as plain rows (decimals as strings, dates `YYYY-MM-DD`) for `pnpm db:seed`. */
export interface RateTableSeedRow {
  key: string;
  kind: RateTableKind;
  name: string;
  docNo: string;
  dimensions: DimensionDef[];
  versions: {
    label: string | null;
    effectiveFrom: string;
    effectiveTo: string | null;
    status: RateVersionStatus;
    note: string | null;
    entries: RateEntryRowOut[];
  }[];
}

export function rateTableSeedRows(tables: readonly RateTable[] = SEED_RATE_TABLES): RateTableSeedRow[] {
  return tables.map((t) => ({
    key: t.key,
    kind: t.kind,
    name: t.name,
    docNo: t.policy.docNo,
    dimensions: t.dimensions,
    versions: t.versions.map((v) => ({
      label: v.label,
      effectiveFrom: v.effectiveFrom,
      effectiveTo: v.effectiveTo,
      status: v.status,
      note: v.note,
      entries: v.entries.map(rateEntryToRow),
    })),
  }));
}
