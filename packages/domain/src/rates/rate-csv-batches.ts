// The rate CSV of parseRateVersionCsv, read a batch of records at a time with a pause between
// batches (the API yields to its event loop there), so a 100k-row file never blocks a server.
// Same result as parseRateVersionCsv: every bad row and column, or every entry; the header is
// checked and each record read by rate-csv.ts's readRateCsvHeader / readRateCsvRecord.
import { buildRateEntry, VersionEntryChecker, type RateFieldError } from './entry-input.ts';
import { DomainError } from '../shared/errors.ts';
import type { RateEntry, RateTable } from './model.ts';
import {
  parseCsvRecords,
  parseRateVersionCsv,
  rateCsvResult,
  readRateCsvHeader,
  readRateCsvRecord,
  type RateCsvError,
  type RateCsvResult,
} from './rate-csv.ts';

export interface RateCsvBatchOptions {
  /** Records per batch (default 2000). */
  batchRows?: number;
  /** Awaited between batches, e.g. `() => new Promise((r) => setImmediate(r))`. */
  pause?: () => Promise<void>;
  /** Data records accepted at most: past it the file is refused (PAYLOAD_TOO_LARGE) unread. */
  maxRows?: number;
  /**
   * Streaming: each batch's entries are handed here (awaited) as long as no error has been found,
   * and are not kept, so the result's `entries` is empty. A caller writing them must undo the
   * writes when the result is not ok (errors of later rows, duplicates, unknown base keys are only
   * known at the end): the API writes inside the transaction the failure rolls back.
   */
  onEntries?: (entries: RateEntry[]) => Promise<void>;
}

const QUOTE = 0x22;

/** Slices of whole records (no quoted line break cut), each with the file line it starts on. */
function* slices(
  src: string,
  from: number,
  firstLine: number,
  batchRows: number,
): Generator<{ text: string; line: number }> {
  let pos = from;
  let line = firstLine;
  while (pos < src.length) {
    let end = pos;
    let rows = 0;
    let quoted = false;
    let breaks = 0;
    while (end < src.length && (rows < batchRows || quoted)) {
      const nl = src.indexOf('\n', end);
      const stop = nl < 0 ? src.length : nl + 1;
      for (let i = end; i < stop; i++) if (src.charCodeAt(i) === QUOTE) quoted = !quoted;
      if (nl >= 0) breaks++;
      end = stop;
      if (!quoted) rows++;
    }
    yield { text: src.slice(pos, end), line };
    line += breaks;
    pos = end;
  }
}

export async function parseRateVersionCsvInBatches(
  text: string,
  table: Pick<RateTable, 'dimensions'>,
  options: RateCsvBatchOptions = {},
): Promise<RateCsvResult> {
  const batchRows = Math.max(1, options.batchRows ?? 2000);
  const pause = options.pause ?? (() => Promise.resolve());
  // A BOM is dropped without copying the text (a regex replace on megabytes blocks for long).
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Empty lines before the header are skipped, as parseCsvRecords does.
  const blank = /^(?:\r?\n)*/u.exec(src)![0];
  const headerLine = 1 + blank.split('\n').length - 1;
  const head = slices(src, blank.length, headerLine, 1).next();
  if (head.done) return parseRateVersionCsv(src, table);
  const headerText = head.value.text;
  // The header alone: its own errors (line 1), or only "no data rows" when it is right.
  const headerCheck = parseRateVersionCsv(headerText, table);
  if (!headerCheck.ok && headerCheck.errors.some((e) => e.line === 1)) {
    return {
      ok: false,
      errors: headerCheck.errors
        .filter((e) => e.line === 1)
        .map((e) => ({ ...e, line: headerLine })),
    };
  }
  const read = readRateCsvHeader(parseCsvRecords(headerText)[0]?.cells ?? [], table);
  if (!read.ok) return { ok: false, errors: read.errors.map((e) => ({ ...e, line: headerLine })) };
  const headerLines = headerText.split('\n').length - (headerText.endsWith('\n') ? 1 : 0);

  const errors: RateCsvError[] = [];
  const entries: RateEntry[] = [];
  const lines: number[] = [];
  let count = 0;
  const checker = new VersionEntryChecker();
  const setErrors: RateFieldError[] = [];
  let records = 0;
  for (const slice of slices(
    src,
    blank.length + headerText.length,
    headerLine + headerLines,
    batchRows,
  )) {
    for (const record of parseCsvRecords(slice.text)) {
      const line = record.line - 1 + slice.line;
      if (options.maxRows !== undefined && ++records > options.maxRows) {
        throw new DomainError(
          'PAYLOAD_TOO_LARGE',
          `CSV 超过 ${options.maxRows} 行数据的上限(第 ${line} 行),未写入任何数据`,
          {
            field: 'csv',
            details: { maxRows: options.maxRows, line },
          },
        );
      }
      const input = readRateCsvRecord(read.header, table, { ...record, line }, errors);
      if (!input) continue;
      const entry = buildRateEntry(table, input, count);
      setErrors.push(...checker.add(entry, count));
      count++;
      entries.push(entry);
      lines.push(line);
    }
    if (options.onEntries) {
      const batch = entries.splice(0);
      if (errors.length === 0 && setErrors.length === 0) await options.onEntries(batch);
    }
    await pause();
  }
  // Entries handed to onEntries were taken out of `entries`: `count` says how many rows were read.
  return rateCsvResult(entries, lines, errors, [...setErrors, ...checker.finish()], count);
}
