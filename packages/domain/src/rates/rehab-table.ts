import { dec } from '../shared/money.ts';
import type { DimensionDef, RateEntry, RateTable } from './model.ts';
import {
  CITY_STANDARD,
  REHAB_POLICY,
  REHAB_SERVICE_LABELS,
  REHAB_SERVICES,
  REHAB_STANDARDS,
  type RehabService,
} from './rehab-seed.ts';

export const REHAB_TABLE_KEY = 'child-rehab-assistance-standards';

export const REHAB_DIMENSIONS: DimensionDef[] = [
  { name: 'service', label: '救助项目', values: REHAB_SERVICES.map((s) => ({ value: s, label: REHAB_SERVICE_LABELS[s] })) },
  // 二(二): counties may raise the standard; a county entry overrides the city one.
  { name: 'county', label: '适用地区', values: [{ value: CITY_STANDARD, label: '全市标准' }], open: true },
];

export function rehabEntryKey(service: RehabService, county: string = CITY_STANDARD): string {
  return `${service}|${county}`;
}

export function rehabEntries(): RateEntry[] {
  return REHAB_STANDARDS.map((s, position) => ({
    key: rehabEntryKey(s.service),
    dimensions: { service: s.service, county: CITY_STANDARD },
    code: s.service,
    name: REHAB_SERVICE_LABELS[s.service],
    unit: s.period === 'YEAR' ? '元/人·年' : s.period === 'EACH' ? '元/具' : '元/人',
    amount: dec(s.cap),
    rate: null,
    baseKey: null,
    attributes: { period: s.period, repeatYears: s.repeatYears, article: s.article, text: s.text },
    position,
  }));
}

export function rehabAssistanceTable(): RateTable {
  return {
    key: REHAB_TABLE_KEY,
    kind: 'REHAB_ASSISTANCE',
    name: '残疾儿童康复救助标准',
    policy: REHAB_POLICY,
    dimensions: REHAB_DIMENSIONS,
    versions: [
      {
        label: '2025年1月6日起',
        effectiveFrom: REHAB_POLICY.effectiveFrom,
        effectiveTo: null,
        status: 'PUBLISHED',
        note: '泸市府规〔2024〕4号 二(二)',
        entries: rehabEntries(),
      },
    ],
  };
}

export const REHAB_ASSISTANCE_TABLE: RateTable = rehabAssistanceTable();
