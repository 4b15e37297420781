// The next part of the contract (contract/next.graphql, meanings in contract/NEXT.md): each
// operation whose issue is done must validate against the schema unchanged; the others stay named
// todos until their issue is done (NEXT.md asks for exactly that).
import { readFileSync } from 'node:fs';
import { Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.ts';

const NEXT = parse(readFileSync(new URL('../contract/next.graphql', import.meta.url), 'utf8'));
const operations = NEXT.definitions.filter(
  (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
);
const byName = new Map(operations.map((o) => [o.name?.value ?? '', o]));

/** Operations of next.graphql that are built (issue 8: gazette issues, policy text; issue 12: Expiring, Search, Changes, ChangeStream). */
const DONE = [
  'ImportGazetteIssue',
  'ApplyGazetteImport',
  'PolicyText',
  'Expiring',
  'Search',
  'Changes',
  'ChangeStream',
];
/** Operations still to build, with the issue that builds them. */
const TODO: Record<string, string> = {};

describe('contract/next.graphql', () => {
  it('names every operation either done or todo', () => {
    expect([...byName.keys()].sort()).toEqual([...DONE, ...Object.keys(TODO)].sort());
  });

  it.each(DONE)('%s validates against the schema unchanged', (name) => {
    const op = byName.get(name)!;
    const doc: DocumentNode = { kind: Kind.DOCUMENT, definitions: [op] };
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
  });

  for (const [name, why] of Object.entries(TODO)) it.todo(`${name} (${why})`);
});
