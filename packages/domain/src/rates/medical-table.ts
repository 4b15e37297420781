import type { DimensionDef } from './model.ts';
import { HOSPITAL_GRADES, HOSPITAL_GRADE_LABELS, type HospitalGrade } from './hospital-grades.ts';

// The shape of a medical service price table (泸市医保规〔2024〕4号 附件 and later ones): item
// code × hospital grade. The prices themselves live in the database.

export const MEDICAL_SERVICE_TABLE_KEY = 'medical-service-prices';

export const MEDICAL_SERVICE_DIMENSIONS: DimensionDef[] = [
  { name: 'code', label: '项目编码', values: [], open: true, pattern: '^\\d{9}(-\\d+)?$' },
  {
    name: 'grade',
    label: '医疗机构等级',
    values: HOSPITAL_GRADES.map((g) => ({ value: g, label: HOSPITAL_GRADE_LABELS[g] })),
  },
];

export function medicalEntryKey(code: string, grade: HospitalGrade): string {
  return `${code}|${grade}`;
}
