// The committed schema.graphql is what the code builds; the contract copy equals the shared one.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSchemaText } from '../src/schema/print.ts';

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8');

describe('schema.graphql', () => {
  it('is up to date with the code (run `pnpm --filter @gazette/api schema:print`)', () => {
    expect(read('../schema.graphql')).toBe(printSchemaText());
  });
});

describe('contract copy', () => {
  const shared = new URL('../../../../shared/contract/', import.meta.url);
  const hasShared = existsSync(shared);

  it.each(['README.md', 'operations.graphql'])('%s is present in apps/api/contract', (file) => {
    expect(read(`../contract/${file}`).length).toBeGreaterThan(100);
  });

  it.runIf(hasShared).each(['README.md', 'operations.graphql'])('%s equals ../shared/contract', (file) => {
    expect(read(`../contract/${file}`)).toBe(readFileSync(new URL(file, shared), 'utf8'));
  });
});
