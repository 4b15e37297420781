import type { RatePolicy } from './model.ts';

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

// 泸市医保规〔2024〕4号 五: in force from 2024-11-01, trial period two years (last day 2026-10-31).
export const MEDICAL_SERVICE_POLICY: RatePolicy = {
  docNo: '泸市医保规〔2024〕4号',
  effectiveFrom: '2024-11-01',
  expiresOn: '2026-10-31',
  isTrial: true,
};

/** One row of the annex 泸州市公立医疗机构取卵术等医疗服务项目试行价格表, as printed. */
export interface MedicalServiceSeedItem {
  seq: number;
  code: string;
  name: string;
  /** 项目内涵 */
  contents: string;
  /** 除外内容 */
  exclusions: string;
  /** 计价单位 */
  unit: string;
  /** 说明 */
  note: string;
  /**
   * 价格(元) per grade in HOSPITAL_GRADES order, as printed: yuan, or a percentage like `39%`.
   * The OCR header of rows 6–8 repeats `三甲` five times; the columns are still the five grades.
   */
  printed: readonly [string, string, string, string, string];
}

/**
 * The 17 items of the annex, text as printed in the gazette (the reviewed truth the gazette
 * reader is compared against). Typed rules derived from the 说明 column are in MEDICAL_ITEM_RULES.
 */
export const MEDICAL_SERVICE_ITEMS: readonly MedicalServiceSeedItem[] = [
  {
    seq: 1,
    code: '311201069',
    name: '取卵术',
    contents: '服务产出:通过临床技术操作获得卵母细胞。 价格构成:所定价格涵盖穿刺、取卵、卵泡冲洗、计数、评估过程中的人力资源和基本物质消耗。',
    exclusions: '',
    unit: '次',
    note: '不与“B超下卵巢囊肿穿刺术(311201038)”同时计费',
    printed: ['1769', '1621', '1474', '1327', '1179'],
  },
  {
    seq: 2,
    code: '311201070',
    name: '胚胎培养',
    contents: '服务产出:在培养箱中将精卵采取体外结合形式进行培养。 价格构成:所定价格涵盖受精、培养、观察、评估等获得胚胎过程中的人力资源和基本物质消耗。',
    exclusions: '',
    unit: '次',
    note: '囊胚培养加收39%',
    printed: ['2959', '2713', '2466', '2219', '1972'],
  },
  {
    seq: 3,
    code: '311201070-1',
    name: '胚胎培养-囊胚培养(加收)',
    contents: '',
    exclusions: '',
    unit: '次',
    note: '',
    printed: ['39%', '39%', '39%', '39%', '39%'],
  },
  {
    seq: 4,
    code: '311201071',
    name: '组织/体细胞冷冻(辅助生殖)',
    contents: '服务产出:将辅助生殖相关组织、体液、细胞进行冷冻。价格构成:所定价格涵盖将辅助生殖相关组织、体液、细胞转移至冷冻载体,冷冻及解冻复苏过程中的人力资源和基本物质消耗。',
    exclusions: '',
    unit: '管·次',
    note: '“组织/体液/细胞冷冻(辅助生殖)”每管每天(管·次)价格含冷冻当月起保存2个月的费用,不足2个月按2月计费。冷冻结束前只收取一次。',
    printed: ['1167', '1070', '973', '876', '778'],
  },
  {
    seq: 5,
    code: '311201072',
    name: '组织/体细胞冷冻(辅助生殖)',
    contents: '服务产出:将冷冻后的辅助生殖相关组织、体液、细胞持续冻存。价格构成:所定价格涵盖将冷冻后的辅助生殖相关组织、体液、细胞持续冻存至解冻复苏前或约定截止保存时间,期间的人力资源和基本物质消耗。',
    exclusions: '',
    unit: '管·月',
    note: '辅助生殖相关组织、体液、细胞冷冻后保存超过2月的,按每管每月(管·月)收取续存费用,不足1月按1月计费;不得重复收取“组织/体液/细胞冷冻(辅助生殖)”费用。',
    printed: ['22', '20', '18', '16', '14'],
  },
  {
    seq: 6,
    code: '311201073',
    name: '胚胎移植',
    contents: '服务产出:将胚胎移送至患者宫腔内。 价格构成:所定价格涵盖胚胎评估、移送至患者宫腔内过程中所需的人力资源和基本物质消耗。',
    exclusions: '',
    unit: '次',
    note: '冻融胚胎加收68%',
    printed: ['1358', '1245', '1132', '1019', '905'],
  },
  {
    seq: 7,
    code: '311201073-1',
    name: '胚胎移植-冻融胚胎(加收)',
    contents: '',
    exclusions: '',
    unit: '次',
    note: '',
    printed: ['68%', '68%', '68%', '68%', '68%'],
  },
  {
    seq: 8,
    code: '311201074',
    name: '未成熟卵体外培养',
    contents: '服务产出:将通过临床操作获取的未成熟卵进行体外培养。 价格构成:所定价格涵盖未成熟卵处理、培养、观察、评估、激活过程中所需的人力资源和基本物质消耗。',
    exclusions: '',
    unit: '次',
    note: '',
    printed: ['2027', '1858', '1689', '1520', '1351'],
  },
  {
    seq: 9,
    code: '311201075',
    name: '胚胎辅助孵化',
    contents: '服务产出:将胚胎通过物理或化学的方法,将透明带制造一处缺损或裂隙,提高着床成功率。 价格构成:所定价格涵盖筛选、调试、透明带处理和过程中所需的人力资源和基本物质消耗。',
    exclusions: '',
    unit: '次',
    note: '',
    printed: ['356', '327', '297', '267', '237'],
  },
  {
    seq: 10,
    code: '311201076',
    name: '组织、细胞活检(辅助生殖)',
    contents: '服务产出:在囊胚/卵裂期胚胎/卵母细胞等辅助生殖相关的组织、细胞上分离出检测标本。 价格构成:所定价格涵盖通过筛选、评估、透明带处理,吸取分离标本过程中所需的人力资源和基本物质消耗。',
    exclusions: '',
    unit: '每个胚胎(卵)',
    note: '',
    printed: ['1159', '1063', '966', '869', '773'],
  },
  {
    seq: 11,
    code: '311201077',
    name: '人工授精',
    contents: '服务产出:通过临床操作将精液注入患者宫腔内。 价格构成:所定价格涵盖精液注入、观察等过程中所需的人力资源和基本物质消耗。',
    exclusions: '',
    unit: '次',
    note: '阴道(宫颈)内人工授精参照计费',
    printed: ['598', '548', '498', '448', '399'],
  },
  {
    seq: 12,
    code: '311201077-1',
    name: '阴道(宫颈)内人工授精',
    contents: '',
    exclusions: '',
    unit: '次',
    note: '',
    printed: ['598', '548', '498', '448', '399'],
  },
  {
    seq: 13,
    code: '311201078',
    name: '精子优选处理',
    contents: '服务产出:通过实验室手段从精液中筛选优质精子。价格构成:所定价格涵盖精液采集、分析、处理、筛选、评估过程中所需的人力资源和基本物质消耗。',
    exclusions: '',
    unit: '次',
    note: '',
    printed: ['582', '534', '485', '437', '388'],
  },
  {
    seq: 14,
    code: '311100020',
    name: '取精术',
    contents: '服务产出:通过手术方式获取精子。价格构成:所定价格涵盖穿刺、分离、获取精子评估过程中的的人力资源和基本物质消耗。',
    exclusions: '',
    unit: '次',
    note: '',
    printed: ['503', '461', '419', '377', '335'],
  },
  {
    seq: 15,
    code: '311100020-1',
    name: '取精术-显微镜下操作(加收)',
    contents: '',
    exclusions: '',
    unit: '次',
    note: '',
    printed: ['2667', '2444', '2222', '2000', '1778'],
  },
  {
    seq: 16,
    code: '311201079',
    name: '单精子注射',
    contents: '服务产出:将优选处理后精子注射进卵母细胞,促进形成胚胎。 价格构成:所定价格涵盖将精子制动、吸入,注入卵母细胞浆等过程中的人力资源和基本物质资源消耗。',
    exclusions: '',
    unit: '卵·次',
    note: '“单精子注射”每增加一个卵加收40%,公立三甲医疗机构计价总费用不超过4223元、三乙医疗机构计价总费用不超过3873元、二甲医疗机构计价总费用不超过3519元、二乙医疗机构计价总费用不超过3170元,二乙以下医疗机构计价总费用不超过2815元。',
    printed: ['918', '842', '765', '689', '612'],
  },
  {
    seq: 17,
    code: '311201079-1',
    name: '单精子注射-卵子激活(加收)',
    contents: '',
    exclusions: '',
    unit: '次',
    note: '',
    printed: ['660', '605', '550', '495', '440'],
  },];

/** The typed meaning of the 说明 column (and of the `(加收)` items), per code. */
export interface MedicalItemRule {
  /** A percentage surcharge of another item's price (rate in the printed column). */
  surchargeOf?: string;
  /** An absolute add-on billed on top of another item. */
  addOnTo?: string;
  /** Codes that may not be billed together with this one. */
  notBilledWith?: string[];
  /** 单精子注射: each further egg adds this fraction of the price; the line is capped per grade. */
  perExtraUnitRate?: string;
  lineCap?: Record<HospitalGrade, string>;
  /** 组织/细胞冷冻: the freezing fee covers this many months from the freezing month. */
  coversMonths?: number;
  /** Billed per tube per month after the months the freezing fee covers. */
  storageAfter?: string;
}

export const MEDICAL_ITEM_RULES: Readonly<Record<string, MedicalItemRule>> = {
  // 附件 序号1 说明: 不与“B超下卵巢囊肿穿刺术(311201038)”同时计费
  '311201069': { notBilledWith: ['311201038'] },
  // 附件 序号2/3: 囊胚培养加收39%
  '311201070-1': { surchargeOf: '311201070' },
  // 附件 序号4 说明: the freezing fee includes storage for 2 months from the freezing month
  '311201071': { coversMonths: 2 },
  // 附件 序号5 说明: beyond 2 months, per tube per month, part-months rounded up
  '311201072': { storageAfter: '311201071' },
  // 附件 序号6/7: 冻融胚胎加收68%
  '311201073-1': { surchargeOf: '311201073' },
  // 附件 序号15: 显微镜下操作(加收)
  '311100020-1': { addOnTo: '311100020' },
  // 附件 序号16 说明: 每增加一个卵加收40%, total capped per grade
  '311201079': {
    perExtraUnitRate: '0.4',
    lineCap: {
      TERTIARY_A: '4223',
      TERTIARY_B: '3873',
      SECONDARY_A: '3519',
      SECONDARY_B: '3170',
      BELOW_SECONDARY_B: '2815',
    },
  },
  // 附件 序号17: 卵子激活(加收)
  '311201079-1': { addOnTo: '311201079' },
};
