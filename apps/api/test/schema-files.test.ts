// The committed schema.graphql is what the code builds; the contract's operations are valid
// against it; the contract copy equals the shared one (always checked in CI).
import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printSchemaText } from '../src/schema/print.ts';

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8');

describe('schema.graphql', () => {
  it('is up to date with the code (run `pnpm --filter @gazette/api schema:print`)', () => {
    expect(read('../schema.graphql')).toBe(printSchemaText());
  });

  it.each(['operations.graphql', 'next.graphql'])(
    'answers every operation of contract/%s without a validation error',
    (file) => {
      const schema = buildSchema(read('../schema.graphql'));
      const document = parse(read(`../contract/${file}`));
      expect(document.definitions.length).toBeGreaterThan(0);
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    },
  );
});

describe('contract copy', () => {
  const shared = new URL('../../../../shared/contract/', import.meta.url);
  const hasShared = existsSync(shared);

  const FILES = ['README.md', 'operations.graphql', 'NEXT.md', 'next.graphql'];

  it('holds every file of the shared contract', () => {
    for (const file of FILES)
      expect(existsSync(new URL(`../contract/${file}`, import.meta.url)), file).toBe(true);
  });

  it('is compared with ../shared/contract in CI, which always has it', () => {
    if (process.env.CI) expect(hasShared, 'CI runs with shared/ beside the clone').toBe(true);
  });

  it.runIf(hasShared).each(FILES)('%s equals ../shared/contract', (file) => {
    expect(read(`../contract/${file}`)).toBe(readFileSync(new URL(file, shared), 'utf8'));
  });
});
