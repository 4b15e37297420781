import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsvStream, readCsvRecords } from './node.ts';

async function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size)
    yield new TextEncoder().encode(text.slice(i, i + size));
}

describe('parseCsvStream', () => {
  it('parses 100,000 rows in batches and lets other work run between them', async () => {
    const lines = ['序号,名称'];
    for (let i = 1; i <= 100_000; i++)
      lines.push(i % 1000 === 0 ? `${i},"多行\n名称 ${i}"` : `${i},名称 ${i}`);
    const text = lines.join('\r\n') + '\r\n';
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let records = 0;
    let batches = 0;
    let last = { line: 0, cells: [] as string[] };
    try {
      for await (const batch of parseCsvStream(chunks(text, 64 * 1024), { batchSize: 5000 })) {
        batches++;
        records += batch.length;
        last = batch.at(-1)!;
      }
    } finally {
      clearInterval(timer);
    }
    expect(records).toBe(100_001);
    expect(batches).toBe(21);
    // Every 1000th cell spans two lines: the 99 before the last push it 99 lines further down.
    expect(last).toEqual({ line: 100_001 + 99, cells: ['100000', '多行\n名称 100000'] });
    expect(ticks).toBeGreaterThan(5);
  });

  it('gives the same records as the sync reader, split anywhere', async () => {
    const text = '\uFEFFa,b\n"x\n,y",2\n\n3,4\n';
    const all = [];
    for await (const batch of parseCsvStream(chunks(text, 3), { batchSize: 1 })) all.push(...batch);
    expect(all).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\n,y', '2'] },
      { line: 5, cells: ['3', '4'] },
    ]);
  });

  it('reads CRLF files split at any byte like the sync reader', async () => {
    const text = '序号,名称\r\n1,"取卵术\r\n(辅助生殖)"\r\n\r\n2,胚胎培养\r\n3,"a,b"\r\n';
    const expected = readCsvRecords(text);
    for (let size = 1; size <= 8; size++) {
      const all = [];
      const bytes = new TextEncoder().encode(text);
      const pieces = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
        bytes.subarray(i * size, (i + 1) * size),
      );
      for await (const batch of parseCsvStream(pieces, { batchSize: 2 })) all.push(...batch);
      expect(all).toEqual(expected);
    }
    expect(expected.map((r) => r.line)).toEqual([1, 2, 5, 6]);
  });

  it('refuses a NUL with its line', async () => {
    const run = async () => {
      for await (const batch of parseCsvStream('a,b\n1,2\n3,\u0000\n')) void batch;
    };
    await expect(run()).rejects.toBeInstanceOf(CsvSyntaxError);
    await expect(run()).rejects.toMatchObject({ line: 3, columnIndex: 1 });
  });
});
