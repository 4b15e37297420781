import { badInput } from '../shared/errors.ts';
import { dec } from '../shared/money.ts';
import type { DimensionDef, RateEntry, RateTable } from './model.ts';
import {
  FRONTAGE_LABELS,
  FRONTAGES,
  LAND_GRADE_LABELS,
  LAND_TRANSFER_POLICY,
  LAND_TRANSFER_STANDARDS,
  LAND_USE_LABELS,
  LAND_USES,
  MAX_LAND_TERMS,
  type Frontage,
  type LandTermUse,
  type LandUse,
} from './land-seed.ts';

export const LAND_TRANSFER_TABLE_KEY = 'land-transfer-fee-standards';
export const LAND_TERM_COEFFICIENT_TABLE_KEY = 'land-term-coefficients';

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
  { name: 'frontage', label: '临街情况', values: FRONTAGES.map((f) => ({ value: f, label: FRONTAGE_LABELS[f] })) },
];

/** 年期修正系数: land use × years → coefficient (in `rate`). Not printed; administrators fill it. */
export const LAND_TERM_COEFFICIENT_DIMENSIONS: DimensionDef[] = [
  landUseDimension,
  { name: 'years', label: '年期(年)', values: [], open: true, pattern: '^[1-9]\\d?$' },
];

export function landEntryKey(landUse: LandUse, grade: number, frontage: Frontage): string {
  return `${landUse}|${grade}|${frontage}`;
}

export function landTransferEntries(): RateEntry[] {
  const entries: RateEntry[] = [];
  const push = (landUse: LandUse, grade: number, frontage: Frontage, amount: string) =>
    entries.push({
      key: landEntryKey(landUse, grade, frontage),
      dimensions: { landUse, grade: String(grade), frontage },
      code: null,
      name: `${LAND_USE_LABELS[landUse]} ${LAND_GRADE_LABELS[grade - 1] ?? ''} ${FRONTAGE_LABELS[frontage]}`,
      unit: '元/建筑平方米',
      amount: dec(amount),
      rate: null,
      baseKey: null,
      attributes: {},
      position: entries.length,
    });
  for (const row of LAND_TRANSFER_STANDARDS) {
    if (row.streetFrontGroundFloor === null) {
      push(row.landUse, row.grade, 'ANY', row.other);
    } else {
      push(row.landUse, row.grade, 'STREET_FRONT_GROUND_FLOOR', row.streetFrontGroundFloor);
      push(row.landUse, row.grade, 'OTHER', row.other);
    }
  }
  return entries;
}

export function landTransferFeeTable(): RateTable {
  return {
    key: LAND_TRANSFER_TABLE_KEY,
    kind: 'LAND_TRANSFER_FEE',
    name: '泸州市中心城区商业用房与住宅房屋出让金标准表',
    policy: LAND_TRANSFER_POLICY,
    dimensions: LAND_TRANSFER_DIMENSIONS,
    versions: [
      {
        label: '2025年1月8日起',
        effectiveFrom: LAND_TRANSFER_POLICY.effectiveFrom,
        effectiveTo: null,
        status: 'PUBLISHED',
        note: '泸市自然资规函〔2024〕425号 附件',
        entries: landTransferEntries(),
      },
    ],
  };
}

export const LAND_TRANSFER_FEE_TABLE: RateTable = landTransferFeeTable();

/** The empty 年期修正系数 table (no values are printed in the gazette). */
export function landTermCoefficientTable(): RateTable {
  return {
    key: LAND_TERM_COEFFICIENT_TABLE_KEY,
    kind: 'LAND_TERM_COEFFICIENT',
    name: '土地出让年期修正系数表',
    policy: LAND_TRANSFER_POLICY,
    dimensions: LAND_TERM_COEFFICIENT_DIMENSIONS,
    versions: [],
  };
}

/** Maximum land-use term in years for a transfer under article 二(五). */
export function maxLandTerm(use: LandTermUse): number {
  const years = MAX_LAND_TERMS[use];
  if (years === undefined) throw badInput('use', `use(土地用途)无效:${String(use)}`);
  return years;
}
