// The rate CSV of parseRateVersionCsv, read a batch of records at a time with a pause between
// batches (the API yields to its event loop there), so a 100k-row file never blocks a server.
// Same result as parseRateVersionCsv: every bad row and column, or every entry; the header is
// checked and each record read by rate-csv.ts's readRateCsvHeader / readRateCsvRecord.
import { buildRateEntry, VersionEntryChecker, type RateFieldError } from './entry-input.ts';
import { DomainError } from '../shared/errors.ts';
import type { RateEntry, RateTable } from './model.ts';
import { CsvSyntaxError, type CsvRecord } from '@gazette/csv';
import {
  parseCsvRecords,
  parseRateVersionCsv,
  rateCsvResult,
  readRateCsvHeader,
  readRateCsvRecord,
  type RateCsvError,
  type RateCsvHeader,
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

  const reader = new RateRecordReader(read.header, table, options);
  for (const slice of slices(
    src,
    blank.length + headerText.length,
    headerLine + headerLines,
    batchRows,
  )) {
    for (const record of parseCsvRecords(slice.text))
      reader.add({ cells: record.cells, line: record.line - 1 + slice.line });
    await reader.handOn();
    await pause();
  }
  return reader.result();
}

/**
 * The data records of a rate CSV read one by one after its header: each checked (its cells, and
 * against the entries before it), counted against maxRows, and — with onEntries — handed on a
 * batch at a time while no error is found.
 */
class RateRecordReader {
  private readonly errors: RateCsvError[] = [];
  private readonly entries: RateEntry[] = [];
  private readonly lines: number[] = [];
  private readonly checker = new VersionEntryChecker();
  private readonly setErrors: RateFieldError[] = [];
  private count = 0;
  private records = 0;

  constructor(
    private readonly header: RateCsvHeader,
    private readonly table: Pick<RateTable, 'dimensions'>,
    private readonly options: RateCsvBatchOptions,
  ) {}

  /** One data record, `line` its line in the file. */
  add(record: CsvRecord): void {
    const { line } = record;
    const { maxRows } = this.options;
    if (maxRows !== undefined && ++this.records > maxRows) {
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        `CSV 超过 ${maxRows} 行数据的上限(第 ${line} 行),未写入任何数据`,
        { field: 'csv', details: { maxRows, line } },
      );
    }
    const input = readRateCsvRecord(this.header, this.table, record, this.errors);
    if (!input) return;
    const entry = buildRateEntry(this.table, input, this.count);
    this.setErrors.push(...this.checker.add(entry, this.count));
    this.count++;
    this.entries.push(entry);
    this.lines.push(line);
  }

  /** Hands the entries read since the last call to onEntries, if there is one and no error yet. */
  async handOn(): Promise<void> {
    if (!this.options.onEntries) return;
    const batch = this.entries.splice(0);
    if (this.errors.length === 0 && this.setErrors.length === 0)
      await this.options.onEntries(batch);
  }

  /** A record the CSV reader could not read (the file ends there). */
  syntaxError(error: RateCsvError): void {
    this.errors.push(error);
  }

  result(): RateCsvResult {
    // Entries handed to onEntries were taken out of `entries`: `count` says how many rows were read.
    return rateCsvResult(
      this.entries,
      this.lines,
      this.errors,
      [...this.setErrors, ...this.checker.finish()],
      this.count,
    );
  }
}

/**
 * The rate CSV of parseRateVersionCsvInBatches as its records arrive (a streamed upload, e.g.
 * @gazette/csv's parseCsvStream over the decoded body): the first record is the header, every
 * later one a data record; same checks, errors (with their file lines) and onEntries contract.
 * A record the CSV reader cannot read (CsvSyntaxError) ends the file with that error.
 */
export async function parseRateVersionCsvRecords(
  batches: AsyncIterable<readonly CsvRecord[]>,
  table: Pick<RateTable, 'dimensions'>,
  options: RateCsvBatchOptions = {},
): Promise<RateCsvResult> {
  const pause = options.pause ?? (() => Promise.resolve());
  let reader: RateRecordReader | null = null;
  let columns: readonly string[] = [];
  try {
    const batchRows = Math.max(1, options.batchRows ?? 2000);
    for await (const batch of batches) {
      let since = 0; // records checked since the last turn of the event loop
      for (const record of batch) {
        if (reader) {
          reader.add(record);
          // A big batch (a 64 KiB chunk of the upload holds ~1,300 records) is checked in
          // slices of batchRows, the event loop given back between them.
          if (++since >= batchRows) {
            await reader.handOn();
            await pause();
            since = 0;
          }
          continue;
        }
        const read = readRateCsvHeader(record.cells, table);
        if (!read.ok)
          return { ok: false, errors: read.errors.map((e) => ({ ...e, line: record.line })) };
        columns = record.cells;
        reader = new RateRecordReader(read.header, table, options);
      }
      await reader?.handOn();
      await pause();
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const cell = error.columnIndex === null ? undefined : columns[error.columnIndex];
    const syntax = { line: error.line, column: cell?.trim() || null, message: error.message };
    if (!reader) return { ok: false, errors: [syntax] };
    reader.syntaxError(syntax);
  }
  if (!reader)
    return { ok: false, errors: [{ line: 1, column: null, message: 'CSV 为空,缺少表头' }] };
  return reader.result();
}
