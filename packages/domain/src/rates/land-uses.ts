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

export const LAND_GRADE_LABELS = [
  'I 级',
  'II 级',
  'III 级',
  'IV 级',
  'V 级',
  'VI 级',
  'VII 级',
] as const;
