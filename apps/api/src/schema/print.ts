import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './index.ts';

/** The committed form of the schema: types sorted, so diffs show real changes only. */
export function printSchemaText(): string {
  return `# Printed from code by scripts/print-schema.ts; do not edit. A test fails when stale.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
