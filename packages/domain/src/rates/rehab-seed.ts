import type { RatePolicy } from './model.ts';

export const REHAB_SERVICES = [
  'SURGERY',
  'TRAINING',
  'BASIC_DEVICE',
  'COCHLEAR_IMPLANT',
  'HEARING_AID',
  'PROSTHESIS',
  'LIMB_ORTHOSIS',
] as const;
export type RehabService = (typeof REHAB_SERVICES)[number];

export const REHAB_SERVICE_LABELS: Record<RehabService, string> = {
  SURGERY: '康复手术',
  TRAINING: '康复训练',
  BASIC_DEVICE: '基本辅具适配',
  COCHLEAR_IMPLANT: '人工耳蜗',
  HEARING_AID: '助听器',
  PROSTHESIS: '普及性假肢',
  LIMB_ORTHOSIS: '肢体残疾矫形器',
};

// 泸市府规〔2024〕4号: 本通知自2025年1月6日起施行,有效期五年 (last day 2030-01-05).
export const REHAB_POLICY: RatePolicy = {
  docNo: '泸市府规〔2024〕4号',
  effectiveFrom: '2025-01-06',
  expiresOn: '2030-01-05',
};

/** How a cap counts: per calendar year, once per person, or per device (每具). */
export type RehabCapPeriod = 'YEAR' | 'PERSON' | 'EACH';

/** The city standard of 二(二) for one service; county entries may override it. */
export interface RehabStandardSeed {
  service: RehabService;
  /** Yuan. */
  cap: string;
  period: RehabCapPeriod;
  /** A device of the same type is not funded again within this many years; null = no such rule. */
  repeatYears: number | null;
  /** Article of 泸市府规〔2024〕4号. */
  article: string;
  /** The clause as printed. */
  text: string;
}

export const REHAB_STANDARDS: readonly RehabStandardSeed[] = [
  {
    service: 'SURGERY',
    cap: '30000',
    period: 'YEAR',
    repeatYears: null,
    article: '二(二)1',
    text: '实施残疾儿童康复手术的,住院费、手术费、治疗费救助每名不超过3万元/年。',
  },
  {
    service: 'TRAINING',
    cap: '20000',
    period: 'YEAR',
    repeatYears: null,
    article: '二(二)2',
    text: '落实康复训练的,每名不超过2万元/年。',
  },
  {
    service: 'BASIC_DEVICE',
    cap: '5000',
    period: 'PERSON',
    repeatYears: 2,
    article: '二(二)3',
    text: '基本辅具适配不超过0.5万元/人',
  },
  {
    service: 'COCHLEAR_IMPLANT',
    cap: '60000',
    period: 'PERSON',
    repeatYears: 2,
    article: '二(二)3',
    text: '人工耳蜗(产品、零配件等)不超过6万元/人',
  },
  {
    service: 'HEARING_AID',
    cap: '10000',
    period: 'PERSON',
    repeatYears: 2,
    article: '二(二)3',
    text: '助听器不超过1万元/人',
  },
  {
    service: 'PROSTHESIS',
    cap: '10000',
    period: 'EACH',
    repeatYears: 2,
    article: '二(二)3',
    text: '普及性假肢安装每具不超过1万元/人',
  },
  {
    // 二(二)3: a limb orthosis is a basic device (0.5万元) that may be funded every year.
    service: 'LIMB_ORTHOSIS',
    cap: '5000',
    period: 'YEAR',
    repeatYears: null,
    article: '二(二)3',
    text: '除肢体残疾矫形器可每年享受外,其他辅具两年内不得再救助同一类型辅具器具。',
  },
];

/** The county value of a city-wide standard; a county's own entry overrides it. */
export const CITY_STANDARD = 'CITY';
