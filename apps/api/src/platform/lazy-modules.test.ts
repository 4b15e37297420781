// The API's module graph leaves out what only rare requests use: exceljs (XLSX annexes) and the
// Chinese segmenter with its dictionaries (search, indexing) load on first use, ioredis only with
// REDIS_URL, so an idle process does not hold them.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const loaded = (pattern: RegExp) =>
  Object.keys(createRequire(import.meta.url).cache).filter((file) => pattern.test(file));

describe('the API module graph', () => {
  it('loads neither exceljs nor jieba until a request needs them, nor ioredis without REDIS_URL', async () => {
    await import('../yoga.ts');
    await import('../server.ts');
    expect(loaded(/[\\/]graphql-yoga[\\/]|[\\/]pg[\\/]lib[\\/]/).length).toBeGreaterThan(0); // the cache is observed
    expect(loaded(/[\\/]exceljs[\\/]/)).toEqual([]);
    expect(loaded(/@node-rs.jieba/)).toEqual([]);
    expect(loaded(/[\\/]ioredis[\\/]/)).toEqual([]);

    const { loadExcelJS } = await import('../inspection-annexes/table.ts');
    expect(typeof (await loadExcelJS()).Workbook).toBe('function');
    expect(loaded(/[\\/]exceljs[\\/]/).length).toBeGreaterThan(0);
  });
});
