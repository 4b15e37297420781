// The committed schema.graphql is what the code builds; the contract's operations are valid
// against it; every type, field, argument, input value and enum value is described
// (graphql-schema-linter with its default rules); the contract copy equals the shared one
// (always checked in CI).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
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

interface LintError {
  message: string;
  rule: string;
}

/** graphql-schema-linter's CLI on `text`, with apps/api/.graphql-schema-linterrc.yml. */
async function lint(text: string): Promise<{ code: number; errors: LintError[] }> {
  const { runner } = createRequire(import.meta.url)('graphql-schema-linter') as {
    runner: {
      run(stdout: object, stdin: Readable, stderr: object, argv: string[]): Promise<number>;
    };
  };
  let out = '';
  let err = '';
  const stdout = { write: (chunk: string) => ((out += chunk), true) };
  const stderr = { write: (chunk: string) => ((err += chunk), true) };
  const configDir = fileURLToPath(new URL('..', import.meta.url));
  const argv = [
    'node',
    'graphql-schema-linter',
    '--stdin',
    '--format',
    'json',
    '--config-directory',
    configDir,
  ];
  const code = await runner.run(stdout, Readable.from([Buffer.from(text)]), stderr, argv);
  expect(err).toBe('');
  return { code, errors: (JSON.parse(out) as { errors: LintError[] }).errors };
}

describe('graphql-schema-linter (pnpm lint:schema)', () => {
  it('finds nothing in the schema the code builds: everything is described', async () => {
    const { code, errors } = await lint(printSchemaText());
    expect(errors.map((e) => `${e.rule}: ${e.message}`)).toEqual([]);
    expect(code).toBe(0);
  });

  it('fails on a field without a description', async () => {
    const text = printSchemaText().replace(/\n\s*"""[^\n]*"""\n(\s*docNo: String!)/u, '\n$1');
    expect(text).not.toBe(printSchemaText());
    const { code, errors } = await lint(text);
    expect(code).toBe(1);
    expect(errors.map((e) => e.rule)).toContain('fields-have-descriptions');
  });

  it('exempts only ChangeConnection from the Relay connection rule', async () => {
    const text = printSchemaText().replace(
      /(type QueryPoliciesConnection \{[^}]*pageInfo: )PageInfo!/u,
      '$1ChangePageInfo!',
    );
    expect(text).not.toBe(printSchemaText());
    const { errors } = await lint(text);
    expect(errors.map((e) => e.message)).toEqual([
      'The `QueryPoliciesConnection.pageInfo` field must return a non-null `PageInfo` object not `ChangePageInfo!`',
    ]);
  });
});

describe('contract copy', () => {
  const shared = new URL('../../../../shared/contract/', import.meta.url);
  const hasShared = existsSync(shared);

  const FILES = ['README.md', 'operations.graphql', 'NEXT.md', 'next.graphql'];

  it('holds every file of the shared contract', () => {
    for (const file of FILES)
      expect(existsSync(new URL(`../contract/${file}`, import.meta.url)), file).toBe(true);
  });

  // A clean clone elsewhere (CI's own checkout) may have no ../shared beside it: then the copy
  // in apps/api/contract is what the contract tests run, and this comparison is skipped.
  it.runIf(hasShared).each(FILES)('%s equals ../shared/contract', (file) => {
    expect(read(`../contract/${file}`)).toBe(readFileSync(new URL(file, shared), 'utf8'));
  });
});
