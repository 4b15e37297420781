// Prints the schema built from code into apps/api/schema.graphql (`pnpm schema:print`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchemaText } from '../src/schema/print.ts';

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
writeFileSync(target, printSchemaText());
console.log(`wrote ${target}`);
