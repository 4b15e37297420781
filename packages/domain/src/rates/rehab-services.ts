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

/** How a cap counts: per calendar year, once per person, or per device (每具). */
export type RehabCapPeriod = 'YEAR' | 'PERSON' | 'EACH';

/** The county value of a city-wide standard; a county's own entry overrides it. */
export const CITY_STANDARD = 'CITY';
