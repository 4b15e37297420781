import { DomainError, badInput } from '../shared/errors.ts';
import type { Decimal } from '../shared/money.ts';
import { parsePlainDate, type PlainDate } from '../shared/plain-date.ts';
import type { RateTable } from './model.ts';
import { LAND_USE_LABELS, LAND_USES, type LandUse } from './land-uses.ts';
import { findEntry, requireVersionInForce } from './versions.ts';

export function landTermEntryKey(landUse: LandUse, years: number): string {
  return `${landUse}|${years}`;
}

/**
 * The 年期修正系数 an administrator entered for a land use and a term in whole years. The
 * gazette does not print it (二(一) refers to the technical report of the base land prices).
 */
export function termCoefficientFor(table: RateTable, landUse: LandUse, years: number, asOf: PlainDate): Decimal {
  if (!LAND_USES.includes(landUse)) throw badInput('landUse', `landUse(土地用途)无效:${String(landUse)}`);
  if (!Number.isInteger(years) || years < 1 || years > 99) {
    throw badInput('years', `years(年期)应为 1–99 的整数:${String(years)}`);
  }
  const version = requireVersionInForce(table, parsePlainDate(asOf, 'asOf'), '年期修正系数');
  const entry = findEntry(version, landTermEntryKey(landUse, years));
  const value = entry?.rate ?? entry?.amount ?? null;
  if (value === null) {
    throw new DomainError('RATE_NOT_IN_FORCE', `${asOf} 没有${LAND_USE_LABELS[landUse]} ${years} 年的年期修正系数`, {
      field: 'years',
    });
  }
  return value;
}
