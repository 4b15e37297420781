import { dec } from '../shared/money.ts';
import type { DimensionDef, RateEntry, RateTable } from './model.ts';
import {
  HOSPITAL_GRADES,
  HOSPITAL_GRADE_LABELS,
  MEDICAL_ITEM_RULES,
  MEDICAL_SERVICE_ITEMS,
  MEDICAL_SERVICE_POLICY,
  type HospitalGrade,
  type MedicalItemRule,
} from './medical-seed.ts';

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

/** The printed texts of an annex row plus its typed rule, as one entry's (grade's) attributes. */
export function medicalEntryAttributes(
  item: { seq: number; contents: string; exclusions: string; note: string },
  rule: MedicalItemRule,
  grade: HospitalGrade,
): Record<string, unknown> {
  const attributes: Record<string, unknown> = {
    seq: item.seq,
    contents: item.contents,
    exclusions: item.exclusions,
    note: item.note,
  };
  if (rule.surchargeOf) attributes.surchargeOf = rule.surchargeOf;
  if (rule.addOnTo) attributes.addOnTo = rule.addOnTo;
  if (rule.notBilledWith) attributes.notBilledWith = rule.notBilledWith;
  if (rule.coversMonths) attributes.coversMonths = rule.coversMonths;
  if (rule.storageAfter) attributes.storageAfter = rule.storageAfter;
  if (rule.perExtraUnitRate) attributes.perExtraUnitRate = rule.perExtraUnitRate;
  if (rule.lineCap) attributes.lineCap = rule.lineCap[grade];
  return attributes;
}

/** The annex as entries: code × grade, yuan amounts or rates of the base item (same grade). */
export function medicalServiceEntries(): RateEntry[] {
  const entries: RateEntry[] = [];
  for (const item of MEDICAL_SERVICE_ITEMS) {
    const rule = MEDICAL_ITEM_RULES[item.code] ?? {};
    HOSPITAL_GRADES.forEach((grade, i) => {
      const printed = item.printed[i] ?? '';
      const percent = /^(\d+(?:\.\d+)?)%$/.exec(printed);
      const attributes = medicalEntryAttributes(item, rule, grade);
      entries.push({
        key: medicalEntryKey(item.code, grade),
        dimensions: { code: item.code, grade },
        code: item.code,
        name: item.name,
        unit: item.unit,
        amount: percent ? null : dec(printed),
        rate: percent ? dec(percent[1] ?? '0').div(100) : null,
        baseKey: percent && rule.surchargeOf ? medicalEntryKey(rule.surchargeOf, grade) : null,
        attributes,
        position: entries.length,
      });
    });
  }
  return entries;
}

/** The seeded table: one published version over the trial period of 泸市医保规〔2024〕4号. */
export function medicalServiceTable(): RateTable {
  return {
    key: MEDICAL_SERVICE_TABLE_KEY,
    kind: 'MEDICAL_SERVICE_PRICE',
    name: '泸州市公立医疗机构取卵术等医疗服务项目试行价格表',
    policy: MEDICAL_SERVICE_POLICY,
    dimensions: MEDICAL_SERVICE_DIMENSIONS,
    versions: [
      {
        label: '试行价格(2024年11月1日起)',
        effectiveFrom: MEDICAL_SERVICE_POLICY.effectiveFrom,
        effectiveTo: null,
        status: 'PUBLISHED',
        note: '泸市医保规〔2024〕4号 附件;试行期两年',
        entries: medicalServiceEntries(),
      },
    ],
  };
}

export const MEDICAL_SERVICE_TABLE: RateTable = medicalServiceTable();
