// Test fixtures: small copies of the rate tables of 泸州市人民政府公报 2024年第12期, built the way
// the import (prisma/src/gazette-import/plan.ts) stores them, so the domain's tests can assert the
// gazette's rules and numbers. Production code never imports this module: the tables live in the
// database, and the package does not export `testing/` (see package.json).
import { dec } from '../shared/money.ts';
import { HOSPITAL_GRADES, type HospitalGrade } from '../rates/hospital-grades.ts';
import { LAND_GRADE_LABELS, LAND_USE_LABELS, FRONTAGE_LABELS, type Frontage, type LandUse } from '../rates/land-uses.ts';
import { LAND_TRANSFER_DIMENSIONS, LAND_TRANSFER_TABLE_KEY, landEntryKey } from '../rates/land-table.ts';
import { MEDICAL_SERVICE_DIMENSIONS, MEDICAL_SERVICE_TABLE_KEY, medicalEntryKey } from '../rates/medical-table.ts';
import type { RateEntry, RatePolicy, RateTable } from '../rates/model.ts';
import { REHAB_SERVICE_LABELS, type RehabCapPeriod, type RehabService } from '../rates/rehab-services.ts';
import { REHAB_DIMENSIONS, REHAB_TABLE_KEY, rehabEntryKey } from '../rates/rehab-table.ts';

type FiveGrades = readonly [string, string, string, string, string];

// ------------------------------------------------------------------ 泸市医保规〔2024〕4号

/** 五: in force from 2024-11-01, trial period two years (last day 2026-10-31). */
export const MEDICAL_POLICY: RatePolicy = {
  docNo: '泸市医保规〔2024〕4号',
  effectiveFrom: '2024-11-01',
  expiresOn: '2026-10-31',
  isTrial: true,
};

interface MedicalRow {
  seq: number;
  code: string;
  name: string;
  unit: string;
  /** Yuan per grade, or the surcharge fraction (every grade) when `surchargeOf` is set. */
  values: FiveGrades;
  note?: string;
  surchargeOf?: string;
  addOnTo?: string;
  notBilledWith?: string[];
  perExtraUnitRate?: string;
  lineCap?: FiveGrades;
}

/** Ten of the seventeen items of the annex, as printed (三甲, 三乙, 二甲, 二乙, 二乙以下). */
const MEDICAL_ROWS: readonly MedicalRow[] = [
  { seq: 1, code: '311201069', name: '取卵术', unit: '次', values: ['1769', '1621', '1474', '1327', '1179'], note: '不与“B超下卵巢囊肿穿刺术(311201038)”同时计费', notBilledWith: ['311201038'] },
  { seq: 2, code: '311201070', name: '胚胎培养', unit: '次', values: ['2959', '2713', '2466', '2219', '1972'], note: '囊胚培养加收39%' },
  { seq: 3, code: '311201070-1', name: '胚胎培养-囊胚培养(加收)', unit: '次', values: ['0.39', '0.39', '0.39', '0.39', '0.39'], surchargeOf: '311201070' },
  { seq: 6, code: '311201073', name: '胚胎移植', unit: '次', values: ['1358', '1245', '1132', '1019', '905'], note: '冻融胚胎加收68%' },
  { seq: 7, code: '311201073-1', name: '胚胎移植-冻融胚胎(加收)', unit: '次', values: ['0.68', '0.68', '0.68', '0.68', '0.68'], surchargeOf: '311201073' },
  { seq: 10, code: '311201076', name: '组织、细胞活检(辅助生殖)', unit: '每个胚胎(卵)', values: ['1159', '1063', '966', '869', '773'] },
  { seq: 14, code: '311100020', name: '取精术', unit: '次', values: ['503', '461', '419', '377', '335'] },
  { seq: 15, code: '311100020-1', name: '取精术-显微镜下操作(加收)', unit: '次', values: ['2667', '2444', '2222', '2000', '1778'], addOnTo: '311100020' },
  {
    seq: 16,
    code: '311201079',
    name: '单精子注射',
    unit: '卵·次',
    values: ['918', '842', '765', '689', '612'],
    note: '“单精子注射”每增加一个卵加收40%,公立三甲医疗机构计价总费用不超过4223元、三乙医疗机构计价总费用不超过3873元、二甲医疗机构计价总费用不超过3519元、二乙医疗机构计价总费用不超过3170元,二乙以下医疗机构计价总费用不超过2815元。',
    perExtraUnitRate: '0.4',
    lineCap: ['4223', '3873', '3519', '3170', '2815'],
  },
  { seq: 17, code: '311201079-1', name: '单精子注射-卵子激活(加收)', unit: '次', values: ['660', '605', '550', '495', '440'], addOnTo: '311201079' },
];

function medicalEntries(): RateEntry[] {
  const entries: RateEntry[] = [];
  for (const row of MEDICAL_ROWS) {
    HOSPITAL_GRADES.forEach((grade: HospitalGrade, i) => {
      const value = row.values[i]!;
      const attributes: Record<string, unknown> = { seq: row.seq, contents: '', exclusions: '', note: row.note ?? '' };
      if (row.surchargeOf) attributes.surchargeOf = row.surchargeOf;
      if (row.addOnTo) attributes.addOnTo = row.addOnTo;
      if (row.notBilledWith) attributes.notBilledWith = row.notBilledWith;
      if (row.perExtraUnitRate) attributes.perExtraUnitRate = row.perExtraUnitRate;
      if (row.lineCap) attributes.lineCap = row.lineCap[i];
      entries.push({
        key: medicalEntryKey(row.code, grade),
        dimensions: { code: row.code, grade },
        code: row.code,
        name: row.name,
        unit: row.unit,
        amount: row.surchargeOf ? null : dec(value),
        rate: row.surchargeOf ? dec(value) : null,
        baseKey: row.surchargeOf ? medicalEntryKey(row.surchargeOf, grade) : null,
        attributes,
        position: entries.length,
      });
    });
  }
  return entries;
}

/** The medical service price table: one published version over the trial period. */
export function medicalServiceTableFixture(): RateTable {
  return {
    key: MEDICAL_SERVICE_TABLE_KEY,
    kind: 'MEDICAL_SERVICE_PRICE',
    name: '泸州市公立医疗机构取卵术等医疗服务项目试行价格表',
    policy: MEDICAL_POLICY,
    dimensions: MEDICAL_SERVICE_DIMENSIONS,
    versions: [
      {
        label: '试行价格(2024年11月1日起)',
        effectiveFrom: MEDICAL_POLICY.effectiveFrom,
        effectiveTo: null,
        status: 'PUBLISHED',
        note: null,
        entries: medicalEntries(),
      },
    ],
  };
}

/** Codes of the fixture's medical items, in table order. */
export const MEDICAL_FIXTURE_CODES: readonly string[] = MEDICAL_ROWS.map((r) => r.code);

// ------------------------------------------------------------------ 泸市自然资规函〔2024〕425号

/** 三(五): in force from 2025-01-08, valid 5 years (last day 2030-01-07). */
export const LAND_POLICY: RatePolicy = {
  docNo: '泸市自然资规函〔2024〕425号',
  effectiveFrom: '2025-01-08',
  expiresOn: '2030-01-07',
};

/** 附件 (元/建筑平方米): grade → [临街且平街一层, 其他] for 商服用地, the one standard for 住宅用地. */
const COMMERCIAL: readonly (readonly [string, string])[] = [
  ['1425', '475'],
  ['935', '405'],
  ['798', '293'],
  ['678', '249'],
  ['333', '167'],
  ['300', '150'],
  ['240', '104'],
];
const RESIDENTIAL: readonly string[] = ['368', '333', '320', '287', '258', '220', '140'];

function landEntries(): RateEntry[] {
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
  COMMERCIAL.forEach(([front, other], i) => {
    push('COMMERCIAL', i + 1, 'STREET_FRONT_GROUND_FLOOR', front);
    push('COMMERCIAL', i + 1, 'OTHER', other);
  });
  RESIDENTIAL.forEach((amount, i) => push('RESIDENTIAL', i + 1, 'ANY', amount));
  return entries;
}

/** The land transfer fee standards table: one published version from the policy's first day. */
export function landTransferFeeTableFixture(): RateTable {
  return {
    key: LAND_TRANSFER_TABLE_KEY,
    kind: 'LAND_TRANSFER_FEE',
    name: '泸州市中心城区商业用房与住宅房屋出让金标准表',
    policy: LAND_POLICY,
    dimensions: LAND_TRANSFER_DIMENSIONS,
    versions: [
      { label: null, effectiveFrom: LAND_POLICY.effectiveFrom, effectiveTo: null, status: 'PUBLISHED', note: null, entries: landEntries() },
    ],
  };
}

// ------------------------------------------------------------------ 泸市府规〔2024〕4号

/** 本通知自2025年1月6日起施行,有效期五年 (last day 2030-01-05). */
export const REHAB_POLICY: RatePolicy = {
  docNo: '泸市府规〔2024〕4号',
  effectiveFrom: '2025-01-06',
  expiresOn: '2030-01-05',
};

/** 二(二): the city standards [service, cap, period, repeatYears, article]. */
const REHAB_ROWS: readonly (readonly [RehabService, string, RehabCapPeriod, number | null, string])[] = [
  ['SURGERY', '30000', 'YEAR', null, '二(二)1'],
  ['TRAINING', '20000', 'YEAR', null, '二(二)2'],
  ['BASIC_DEVICE', '5000', 'PERSON', 2, '二(二)3'],
  ['COCHLEAR_IMPLANT', '60000', 'PERSON', 2, '二(二)3'],
  ['HEARING_AID', '10000', 'PERSON', 2, '二(二)3'],
  ['PROSTHESIS', '10000', 'EACH', 2, '二(二)3'],
  // A limb orthosis is a basic device that may be funded every year.
  ['LIMB_ORTHOSIS', '5000', 'YEAR', null, '二(二)3'],
];

/** The child rehabilitation assistance standards: one published version from the policy's first day. */
export function rehabAssistanceTableFixture(): RateTable {
  return {
    key: REHAB_TABLE_KEY,
    kind: 'REHAB_ASSISTANCE',
    name: '残疾儿童康复救助标准',
    policy: REHAB_POLICY,
    dimensions: REHAB_DIMENSIONS,
    versions: [
      {
        label: null,
        effectiveFrom: REHAB_POLICY.effectiveFrom,
        effectiveTo: null,
        status: 'PUBLISHED',
        note: null,
        entries: REHAB_ROWS.map(([service, cap, period, repeatYears, article], position) => ({
          key: rehabEntryKey(service),
          dimensions: { service, county: 'CITY' },
          code: service,
          name: REHAB_SERVICE_LABELS[service],
          unit: period === 'YEAR' ? '元/人·年' : period === 'EACH' ? '元/具' : '元/人',
          amount: dec(cap),
          rate: null,
          baseKey: null,
          attributes: { period, repeatYears, article, text: '' },
          position,
        })),
      },
    ],
  };
}
