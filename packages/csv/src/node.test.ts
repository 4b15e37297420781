import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CsvSyntaxError, parseCsvStream, parseCsvTableStream, readCsvRecords } from './node.ts';

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

describe('parseCsvTableStream', () => {
  const spec = {
    columns: [
      { key: 'seq', header: '序号', aliases: ['seq'] },
      { key: 'name', header: '名称', aliases: ['name'] },
    ],
    row: z.object({
      seq: z.string().regex(/^\d+$/u, '须为正整数').transform(Number),
      name: z.string().min(1, '不能为空'),
    }),
  } as const;

  it('checks 100,000 rows against the zod schema in batches and names the bad ones', async () => {
    const lines = ['序号,名称'];
    for (let i = 1; i <= 100_000; i++) lines.push(i === 77_777 ? 'x,坏行' : `${i},名称 ${i}`);
    const good = await parseCsvTableStream(
      lines.filter((l) => !l.startsWith('x')).join('\n'),
      spec,
      { batchSize: 10_000 },
    );
    expect(good.ok && good.rows.length).toBe(99_999);
    expect(good.ok && good.rows.at(-1)).toEqual({
      line: 100_000,
      value: { seq: 100_000, name: '名称 100000' },
    });
    const bad = await parseCsvTableStream(lines.join('\n'), spec, { batchSize: 10_000 });
    expect(bad).toEqual({
      ok: false,
      errors: [{ line: 77_778, column: '序号', message: '序号:须为正整数' }],
    });
  });

  it('names the Chinese column of a NUL, and refuses an empty file', async () => {
    expect(await parseCsvTableStream('seq,name\n1,a\u0000\n', spec)).toEqual({
      ok: false,
      errors: [{ line: 2, column: '名称', message: expect.stringContaining('NUL') }],
    });
    expect(await parseCsvTableStream('', spec)).toMatchObject({ ok: false, errors: [{ line: 1 }] });
  });
});
