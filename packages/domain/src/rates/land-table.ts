import type { DimensionDef } from './model.ts';
import {
  FRONTAGE_LABELS,
  FRONTAGES,
  LAND_GRADE_LABELS,
  LAND_USE_LABELS,
  LAND_USES,
  type Frontage,
  type LandUse,
} from './land-uses.ts';

// The shapes of the land transfer fee standards table (泸市自然资规函〔2024〕425号 附件) and of
// the 年期修正系数 table administrators maintain. The amounts themselves live in the database.

export const LAND_TRANSFER_TABLE_KEY = 'land-transfer-fee-standards';
export const LAND_TERM_COEFFICIENT_TABLE_KEY = 'land-term-coefficients';
/** The name the 年期修正系数 table is created under (the gazette prints no such table). */
export const LAND_TERM_COEFFICIENT_TABLE_NAME = '土地出让年期修正系数表';

const landUseDimension: DimensionDef = {
  name: 'landUse',
  label: '土地用途',
  values: LAND_USES.map((u) => ({ value: u, label: LAND_USE_LABELS[u] })),
};

export const LAND_TRANSFER_DIMENSIONS: DimensionDef[] = [
  landUseDimension,
  {
    name: 'grade',
    label: '基准地价级别',
    values: LAND_GRADE_LABELS.map((label, i) => ({ value: String(i + 1), label })),
  },
  {
    name: 'frontage',
    label: '临街情况',
    values: FRONTAGES.map((f) => ({ value: f, label: FRONTAGE_LABELS[f] })),
  },
];

/** 年期修正系数: land use × years → coefficient (in `rate`). Not printed; administrators fill it. */
export const LAND_TERM_COEFFICIENT_DIMENSIONS: DimensionDef[] = [
  landUseDimension,
  { name: 'years', label: '年期(年)', values: [], open: true, pattern: '^[1-9]\\d?$' },
];

export function landEntryKey(landUse: LandUse, grade: number, frontage: Frontage): string {
  return `${landUse}|${grade}|${frontage}`;
}
