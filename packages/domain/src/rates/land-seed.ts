import type { RatePolicy } from './model.ts';

export const LAND_USES = ['COMMERCIAL', 'RESIDENTIAL'] as const;
/** 土地用途 of the standards table: 商服用地, 住宅用地. */
export type LandUse = (typeof LAND_USES)[number];

export const LAND_USE_LABELS: Record<LandUse, string> = {
  COMMERCIAL: '商服用地',
  RESIDENTIAL: '住宅用地',
};

/** Frontage column: 临街且平街一层, 其他; residential land has one column (ANY). */
export const FRONTAGES = ['STREET_FRONT_GROUND_FLOOR', 'OTHER', 'ANY'] as const;
export type Frontage = (typeof FRONTAGES)[number];

export const FRONTAGE_LABELS: Record<Frontage, string> = {
  STREET_FRONT_GROUND_FLOOR: '临街且平街一层',
  OTHER: '其他',
  ANY: '不分临街',
};

export const LAND_GRADE_LABELS = ['I 级', 'II 级', 'III 级', 'IV 级', 'V 级', 'VI 级', 'VII 级'] as const;

// 泸市自然资规函〔2024〕425号 三(五): in force from 2025-01-08, valid 5 years (last day 2030-01-07).
export const LAND_TRANSFER_POLICY: RatePolicy = {
  docNo: '泸市自然资规函〔2024〕425号',
  effectiveFrom: '2025-01-08',
  expiresOn: '2030-01-07',
};

/** One row of the annex 泸州市中心城区商业用房与住宅房屋出让金标准表 (元/建筑平方米). */
export interface LandStandardSeedRow {
  landUse: LandUse;
  /** 基准地价级别 1–7 (I–VII). */
  grade: number;
  /** 临街且平街一层; null where the table has one column (住宅用地). */
  streetFrontGroundFloor: string | null;
  /** 其他 (or the only standard, for 住宅用地). */
  other: string;
}

export const LAND_TRANSFER_STANDARDS: readonly LandStandardSeedRow[] = [
  { landUse: 'COMMERCIAL', grade: 1, streetFrontGroundFloor: '1425', other: '475' },
  { landUse: 'COMMERCIAL', grade: 2, streetFrontGroundFloor: '935', other: '405' },
  { landUse: 'COMMERCIAL', grade: 3, streetFrontGroundFloor: '798', other: '293' },
  { landUse: 'COMMERCIAL', grade: 4, streetFrontGroundFloor: '678', other: '249' },
  { landUse: 'COMMERCIAL', grade: 5, streetFrontGroundFloor: '333', other: '167' },
  { landUse: 'COMMERCIAL', grade: 6, streetFrontGroundFloor: '300', other: '150' },
  { landUse: 'COMMERCIAL', grade: 7, streetFrontGroundFloor: '240', other: '104' },
  { landUse: 'RESIDENTIAL', grade: 1, streetFrontGroundFloor: null, other: '368' },
  { landUse: 'RESIDENTIAL', grade: 2, streetFrontGroundFloor: null, other: '333' },
  { landUse: 'RESIDENTIAL', grade: 3, streetFrontGroundFloor: null, other: '320' },
  { landUse: 'RESIDENTIAL', grade: 4, streetFrontGroundFloor: null, other: '287' },
  { landUse: 'RESIDENTIAL', grade: 5, streetFrontGroundFloor: null, other: '258' },
  { landUse: 'RESIDENTIAL', grade: 6, streetFrontGroundFloor: null, other: '220' },
  { landUse: 'RESIDENTIAL', grade: 7, streetFrontGroundFloor: null, other: '140' },
];

/** Uses for the maximum term of article 二(五). */
export type LandTermUse = 'COMMERCIAL' | 'RESIDENTIAL' | 'MIXED_WITH_COMMERCIAL';

// 泸市自然资规函〔2024〕425号 二(五): 商业用地40年,住宅用地50年;含商业用途的综合楼,住宅用地40年.
export const MAX_LAND_TERMS: Record<LandTermUse, number> = {
  COMMERCIAL: 40,
  RESIDENTIAL: 50,
  MIXED_WITH_COMMERCIAL: 40,
};
