import { describe, expect, it } from 'vitest';
import {
  landTransferFeeTableFixture,
  medicalServiceTableFixture,
} from '../../test/fixtures/rate-tables.ts';
import { parseRateVersionCsv, toRateVersionCsv } from './rate-csv.ts';
import { readCsvRecords, type CsvRecord } from '@gazette/csv';
import { parseRateVersionCsvInBatches, parseRateVersionCsvRecords } from './rate-csv-batches.ts';
import type { RateEntry } from './model.ts';

const medical = medicalServiceTableFixture();
const land = landTransferFeeTableFixture();

const CASES: [string, string, typeof medical][] = [
  [
    'the medical table exported (quoted commas, quotes, Chinese)',
    toRateVersionCsv(medical.versions[0]!, medical),
    medical,
  ],
  ['the land table exported', toRateVersionCsv(land.versions[0]!, land), land],
  ['a BOM and LF line ends', '\uFEFFlandUse,grade,frontage,amount\nRESIDENTIAL,1,ANY,400\n', land],
  [
    'every kind of bad row',
    [
      'landUse,grade,frontage,amount,rate',
      'COMMERCIAL,1,OTHER,475,',
      'INDUSTRIAL,1,OTHER,100,',
      'COMMERCIAL,9,OTHER,abc,',
      'COMMERCIAL,2,OTHER,,',
      'COMMERCIAL,3,OTHER,1,0.5',
      'COMMERCIAL,3',
    ].join('\n'),
    land,
  ],
  [
    'a duplicate key in another batch',
    'landUse,grade,frontage,amount\nRESIDENTIAL,1,ANY,368\nRESIDENTIAL,2,ANY,1\nRESIDENTIAL,1,ANY,369\n',
    land,
  ],
  [
    'a baseKey naming an entry of another batch',
    'code,grade,amount,rate,baseKey\n311201070,TERTIARY_A,10,,\n311201071,TERTIARY_A,11,,\n311201070-1,TERTIARY_A,,0.39,311201070|TERTIARY_A\n',
    medical,
  ],
  [
    'a baseKey naming no entry',
    'code,grade,rate,baseKey\n311201070-1,TERTIARY_A,0.39,311201070|TERTIARY_A\n',
    medical,
  ],
  ['a bad header', 'code,price\n311201069,1769\n', medical],
  ['bad attributes', 'code,grade,amount,attributes\n311201069,TERTIARY_A,1,[1]\n', medical],
  ['an empty file', '', medical],
  ['a header without rows', 'code,grade,amount\n', medical],
  [
    'blank lines before the header and between rows',
    '\n\ncode,grade,amount\n\n311201069,TERTIARY_A,1\n\n311201069,TERTIARY_B,x\n',
    medical,
  ],
  [
    'a quoted line break across a batch boundary',
    'code,grade,amount,name\n311201069,TERTIARY_A,1,"a\nb\nc"\n311201069,TERTIARY_B,2,"d,""e"""\n311201069,TERTIARY_C,z,f\n',
    medical,
  ],
  [
    'CRLF line ends',
    'code,grade,amount\r\n311201069,TERTIARY_A,1\r\n311201069,TERTIARY_B,-1\r\n',
    medical,
  ],
];

describe('parseRateVersionCsvInBatches', () => {
  it.each(CASES)(
    'answers as parseRateVersionCsv whatever the batch size: %s',
    async (_name, csv, table) => {
      const whole = parseRateVersionCsv(csv, table);
      for (const batchRows of [1, 2, 3, 1000]) {
        expect(await parseRateVersionCsvInBatches(csv, table, { batchRows })).toEqual(whole);
      }
    },
  );

  it.each(CASES)(
    'streams the same entries batch by batch, keeping none, and the same errors: %s',
    async (_name, csv, table) => {
      const whole = parseRateVersionCsv(csv, table);
      for (const batchRows of [1, 2, 1000]) {
        const handed: RateEntry[][] = [];
        const result = await parseRateVersionCsvInBatches(csv, table, {
          batchRows,
          onEntries: async (batch) => void handed.push(batch),
        });
        if (whole.ok) {
          expect(result).toEqual({ ok: true, entries: [] });
          expect(handed.flat()).toEqual(whole.entries);
          for (const b of handed) expect(b.length).toBeLessThanOrEqual(batchRows);
        } else {
          expect(result).toEqual(whole);
        }
      }
    },
  );

  it('stops handing entries on once a row is bad', async () => {
    const csv = [
      'landUse,grade,frontage,amount',
      'RESIDENTIAL,1,ANY,1',
      'RESIDENTIAL,2,ANY,not-a-number',
      'RESIDENTIAL,3,ANY,1',
    ].join('\n');
    const handed: RateEntry[] = [];
    const result = await parseRateVersionCsvInBatches(csv, land, {
      batchRows: 1,
      onEntries: async (batch) => void handed.push(...batch),
    });
    expect(result.ok).toBe(false);
    expect(handed.map((e) => e.position)).toEqual([0]);
  });

  it('pauses between batches', async () => {
    const csv = [
      'landUse,grade,frontage,amount',
      ...Array.from({ length: 7 }, (_, i) => `RESIDENTIAL,${i + 1},ANY,1`),
    ].join('\n');
    let pauses = 0;
    const result = await parseRateVersionCsvInBatches(csv, land, {
      batchRows: 2,
      pause: async () => void pauses++,
    });
    expect(result.ok && result.entries.map((e) => e.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(pauses).toBe(4);
  });

  it('refuses a file with more data rows than allowed, naming the limit', async () => {
    const csv = [
      'landUse,grade,frontage,amount',
      ...Array.from({ length: 5 }, (_, i) => `RESIDENTIAL,${i + 1},ANY,1`),
    ].join('\n');
    await expect(
      parseRateVersionCsvInBatches(csv, land, { batchRows: 2, maxRows: 4 }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxRows: 4, line: 6 } });
    expect((await parseRateVersionCsvInBatches(csv, land, { batchRows: 2, maxRows: 5 })).ok).toBe(
      true,
    );
  });
});

/** A text's records in batches of `size`, arriving asynchronously (as a streamed upload's do). */
async function* recordBatches(csv: string, size: number): AsyncGenerator<CsvRecord[]> {
  const records = readCsvRecords(csv);
  for (let at = 0; at < records.length; at += size) {
    await Promise.resolve();
    yield records.slice(at, at + size);
  }
}

describe('parseRateVersionCsvRecords', () => {
  it.each(CASES)(
    'answers as parseRateVersionCsv from records arriving in batches: %s',
    async (_name, csv, table) => {
      const whole = parseRateVersionCsv(csv, table);
      for (const size of [1, 2, 1000]) {
        const handed: RateEntry[][] = [];
        const result = await parseRateVersionCsvRecords(recordBatches(csv, size), table, {
          onEntries: async (batch) => void handed.push(batch),
        });
        if (whole.ok) {
          expect(result).toEqual({ ok: true, entries: [] });
          expect(handed.flat()).toEqual(whole.entries);
        } else {
          expect(result).toEqual(whole);
        }
        expect(await parseRateVersionCsvRecords(recordBatches(csv, size), table)).toEqual(whole);
      }
    },
  );

  it('ends the file at a record the CSV reader cannot read, naming its line', async () => {
    async function* broken(): AsyncGenerator<CsvRecord[]> {
      yield readCsvRecords('code,grade,amount\n311201069,TERTIARY_A,1\n');
      const { CsvSyntaxError } = await import('@gazette/csv');
      throw new CsvSyntaxError('第 3 行:引号未闭合', 3, 2);
    }
    expect(await parseRateVersionCsvRecords(broken(), medical)).toEqual({
      ok: false,
      errors: [{ line: 3, column: 'amount', message: '第 3 行:引号未闭合' }],
    });
  });

  it('checks a big arriving batch in slices of batchRows, pausing and handing on between them', async () => {
    const csv = [
      'landUse,grade,frontage,amount',
      ...Array.from({ length: 7 }, (_, i) => `RESIDENTIAL,${i + 1},ANY,1`),
    ].join('\n');
    const events: string[] = [];
    const result = await parseRateVersionCsvRecords(recordBatches(csv, 100), land, {
      batchRows: 3,
      pause: async () => void events.push('pause'),
      onEntries: async (batch) => void events.push(`${batch.length}`),
    });
    expect(result).toEqual({ ok: true, entries: [] });
    // One arriving batch (header and 7 records): slices of 3, 3, then the last 1 at its end.
    expect(events).toEqual(['3', 'pause', '3', 'pause', '1', 'pause']);
  });

  it('refuses more data rows than maxRows', async () => {
    const csv = 'landUse,grade,frontage,amount\nRESIDENTIAL,1,ANY,1\nRESIDENTIAL,2,ANY,1\n';
    await expect(
      parseRateVersionCsvRecords(recordBatches(csv, 1), land, { maxRows: 1 }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'csv' });
  });
});
