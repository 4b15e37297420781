import type { DimensionDef } from './model.ts';
import {
  CITY_STANDARD,
  REHAB_SERVICE_LABELS,
  REHAB_SERVICES,
  type RehabService,
} from './rehab-services.ts';

// The shape of a child rehabilitation assistance standards table (泸市府规〔2024〕4号 二(二)):
// service × county. The caps themselves live in the database.

export const REHAB_TABLE_KEY = 'child-rehab-assistance-standards';

export const REHAB_DIMENSIONS: DimensionDef[] = [
  {
    name: 'service',
    label: '救助项目',
    values: REHAB_SERVICES.map((s) => ({ value: s, label: REHAB_SERVICE_LABELS[s] })),
  },
  // 二(二): counties may raise the standard; a county entry overrides the city one.
  {
    name: 'county',
    label: '适用地区',
    values: [{ value: CITY_STANDARD, label: '全市标准' }],
    open: true,
  },
];

export function rehabEntryKey(service: RehabService, county: string = CITY_STANDARD): string {
  return `${service}|${county}`;
}
