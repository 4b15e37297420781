// One operation of contract/next.graphql, as written there, for tests that run it by itself
// (the file holds operations of issues not built yet, which would not validate together).
import { readFileSync } from 'node:fs';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';

const NEXT = parse(readFileSync(new URL('../contract/next.graphql', import.meta.url), 'utf8'));

export function nextOperation(name: string): string {
  const op = NEXT.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!op) throw new Error(`${name} is not an operation of contract/next.graphql`);
  return print(op);
}
