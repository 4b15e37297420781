/** `HospitalGrade` of the contract, in the column order of the annex table. */
export const HOSPITAL_GRADES = [
  'TERTIARY_A',
  'TERTIARY_B',
  'SECONDARY_A',
  'SECONDARY_B',
  'BELOW_SECONDARY_B',
] as const;
export type HospitalGrade = (typeof HOSPITAL_GRADES)[number];

export const HOSPITAL_GRADE_LABELS: Record<HospitalGrade, string> = {
  TERTIARY_A: '三甲',
  TERTIARY_B: '三乙',
  SECONDARY_A: '二甲',
  SECONDARY_B: '二乙',
  BELOW_SECONDARY_B: '二乙以下',
};
