// The rate tables' area: one schema file per entity (rate-tables.ts, rate-table-versions.ts,
// rate-entries.ts) over services/rates; this file registers them and names their shared enums.
import './rate-tables.ts';
import './rate-table-versions.ts';
import './rate-entries.ts';

export { RateTableKindEnum, RateVersionStatusEnum } from './rate-tables.ts';
