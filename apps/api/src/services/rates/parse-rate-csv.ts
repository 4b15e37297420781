// A rate CSV validated whole against its table: every bad row and column, or every entry.
import { DomainError, parseRateVersionCsv, type RateEntry, type RateTable } from '@gazette/domain';

/** CSV rows at fault, every one, with line and column: BAD_USER_INPUT with extensions.rows. */
export async function parseRateCsv(csv: string, table: Pick<RateTable, 'dimensions'>): Promise<RateEntry[]> {
  const result = parseRateVersionCsv(csv, table);
  if (result.ok) return result.entries;
  const lines = [...new Set(result.errors.map((e) => e.line))];
  throw new DomainError('BAD_USER_INPUT', `CSV 有 ${result.errors.length} 处错误(第 ${lines.join('、')} 行),未写入任何数据`, {
    field: 'csv',
    details: { rows: result.errors },
  });
}
