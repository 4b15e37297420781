// The server's side of the CSV module: legacy encodings through iconv-lite and a streamed,
// batched parse of large files that leaves the event loop free between batches.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { z } from 'zod';
import {
  CSV_PARSE_OPTIONS,
  CsvSyntaxError,
  csvSyntaxError,
  keepRecord,
  RecordLines,
  type CsvRecord,
} from './read.ts';
import { decodeCsvBytesWith, type DecodedCsv } from './decode.ts';
import { CsvRowChecker, EMPTY_CSV_ERROR, type CsvTableResult, type CsvTableSpec } from './table.ts';

export * from './index.ts';
export { decodeCsvStream, SNIFF_BYTES, type CsvStreamDecoding } from './decode-stream.ts';

/** The text of an uploaded CSV: UTF-8 (BOM dropped), UTF-16 with a BOM, or GBK/GB18030 converted by iconv-lite. */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  return decodeCsvBytesWith(bytes, (b) =>
    iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), 'gb18030'),
  );
}

export type CsvSource =
  string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

export interface CsvStreamOptions {
  /** Records per batch (default 1000). */
  batchSize?: number;
  /** Yield the first record (the header) as a batch of its own, before any row is read. */
  headerFirst?: boolean;
}

/**
 * The records of a large CSV (UTF-8 text or bytes, whole or in chunks) in batches, with the
 * line each starts on; between batches the event loop runs other work. Throws CsvSyntaxError
 * like readCsvRecords.
 */
export async function* parseCsvStream(
  source: CsvSource,
  options: CsvStreamOptions = {},
): AsyncGenerator<CsvRecord[]> {
  const batchSize = options.batchSize ?? 1000;
  let seenHeader = false;
  // A whole text is fed in slices: csv-parse parses each chunk it is given in one go, so one
  // multi-megabyte chunk would hold the event loop until every record of it is read.
  const input =
    typeof source === 'string'
      ? Readable.from(textSlices(source))
      : source instanceof Uint8Array
        ? Readable.from([source])
        : Readable.from(source);
  const parser = parse(CSV_PARSE_OPTIONS);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  const lines = new RecordLines();
  let batch: CsvRecord[] = [];
  try {
    for await (const { info, record } of parser as AsyncIterable<{
      info: { lines: number; empty_lines: number };
      record: string[];
    }>) {
      const kept = keepRecord(lines.start(info, record), record);
      if (kept) batch.push(kept);
      // The header alone first, so a caller knows the columns before an error in the rows.
      const headerNow = options.headerFirst === true && !seenHeader && kept !== null;
      if (batch.length >= batchSize || headerNow) {
        seenHeader = true;
        yield batch;
        batch = [];
        await nextTurn();
      }
    }
  } catch (error) {
    throw csvSyntaxError(error);
  } finally {
    input.destroy();
    parser.destroy();
  }
  if (batch.length > 0) yield batch;
}

/**
 * A large CSV into rows checked by the spec's schema, batch by batch (the event loop runs between
 * batches); like parseCsvTable, rows only when every one is valid, else every error.
 */
export async function parseCsvTableStream<K extends string, S extends z.ZodType>(
  source: CsvSource,
  spec: CsvTableSpec<K, S>,
  options: CsvStreamOptions = {},
): Promise<CsvTableResult<z.output<S>>> {
  let checker: CsvRowChecker<K, S> | null = null;
  try {
    for await (const batch of parseCsvStream(source, { ...options, headerFirst: true })) {
      for (const record of batch) {
        if (checker) checker.check(record);
        else checker = new CsvRowChecker(record, spec);
      }
      if (checker && !checker.headerOk) break;
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const column =
      error.columnIndex === null ? null : (checker?.columnAt(error.columnIndex) ?? null);
    return { ok: false, errors: [{ line: error.line, column, message: error.message }] };
  }
  return checker ? checker.result() : { ok: false, errors: [EMPTY_CSV_ERROR] };
}

/** A text in slices of about 64k characters (never splitting a surrogate pair). */
function* textSlices(text: string, size = 1 << 16): Generator<string> {
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + size);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end++;
    yield text.slice(at, end);
    at = end;
  }
}
