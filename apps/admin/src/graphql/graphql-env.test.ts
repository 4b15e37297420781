// The committed graphql-env.d.ts must be what `gql:generate` makes from apps/api/schema.graphql
// today: a schema change (a field, argument, type or enum value) makes this fail until the file is
// regenerated. Descriptions are not part of the generated file, so doc-only edits never do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const admin = join(import.meta.dirname, '..', '..');

function generate(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gql-env-'));
  try {
    const out = join(dir, 'graphql-env.d.ts');
    execFileSync(
      join(admin, 'node_modules', '.bin', 'gql-tada'),
      ['generate', 'output', '--output', out],
      { cwd: admin, stdio: 'pipe' },
    );
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('graphql-env.d.ts', () => {
  it('matches apps/api/schema.graphql (run `pnpm --filter @gazette/admin gql:generate`)', () => {
    const committed = readFileSync(join(admin, 'src', 'graphql', 'graphql-env.d.ts'), 'utf8');
    expect(
      committed === generate(),
      'graphql-env.d.ts is stale: run `pnpm --filter @gazette/admin gql:generate`',
    ).toBe(true);
  }, 60_000);

  it('carries no description text, so doc-only schema edits never make it stale', () => {
    const generated = generate();
    expect(generated).not.toMatch(/description: '/u);
    expect(generated).toContain("'Query'");
  }, 60_000);
});
