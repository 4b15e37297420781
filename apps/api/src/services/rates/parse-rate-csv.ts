// A rate CSV validated whole against its table, a batch of records at a time with the event loop
// free between batches: every bad row and column (BAD_USER_INPUT, extensions.rows), or every entry
// (or each batch of entries handed to a writer as it is validated).
import { setImmediate as turn } from 'node:timers/promises';
import type { CsvRecord } from '@gazette/csv';
import {
  DomainError,
  parseRateVersionCsvInBatches,
  parseRateVersionCsvRecords,
  type RateEntry,
  type RateTable,
} from '@gazette/domain';

/** A rate CSV: its whole text, or its records as a streamed upload's parser hands them on. */
export type RateCsvSource = string | AsyncIterable<readonly CsvRecord[]>;

/** Records validated between two turns of the event loop. */
const BATCH_ROWS = 250;
/** Data rows a rate CSV may hold (a version of the medical price table has a few thousand). */
export const MAX_RATE_CSV_ROWS = 200_000;

/**
 * Every entry; or, with `onEntries`, each batch's entries handed on while no error is found and
 * none returned (the caller's writes must be undone when this throws: see the domain function).
 */
export async function parseRateCsv(
  csv: RateCsvSource,
  table: Pick<RateTable, 'dimensions'>,
  onEntries?: (entries: RateEntry[]) => Promise<void>,
): Promise<RateEntry[]> {
  const options = {
    batchRows: BATCH_ROWS,
    pause: turn,
    maxRows: MAX_RATE_CSV_ROWS,
    ...(onEntries && { onEntries }),
  };
  const result =
    typeof csv === 'string'
      ? await parseRateVersionCsvInBatches(csv, table, options)
      : await parseRateVersionCsvRecords(csv, table, options);
  if (result.ok) return result.entries;
  const lines = [...new Set(result.errors.map((e) => e.line))];
  const shown =
    lines.length > 20 ? `${lines.slice(0, 20).join('、')} 等 ${lines.length} 行` : lines.join('、');
  throw new DomainError(
    'BAD_USER_INPUT',
    `CSV 有 ${result.errors.length} 处错误(第 ${shown} 行),未写入任何数据`,
    {
      field: 'csv',
      details: { rows: result.errors },
    },
  );
}
