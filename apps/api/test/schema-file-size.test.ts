// The structure issue's rule, kept: each schema module stays readable (at most 250 lines); a file
// that grows past it is split by subject (as cases.ts / case-list.ts), not left to grow.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/schema');
const MAX_LINES = 250;

describe('schema modules', () => {
  it(`are at most ${MAX_LINES} lines each`, () => {
    const files = readdirSync(SCHEMA_DIR).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    expect(files.length).toBeGreaterThan(10);
    const long = files
      .map((f) => ({
        f,
        lines: readFileSync(path.join(SCHEMA_DIR, f), 'utf8').split('\n').length - 1,
      }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
