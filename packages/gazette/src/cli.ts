// pnpm --filter @gazette/gazette read-issue <issue.md> <outdir>
// Reads a gazette issue and writes its seed files; prints what needs review.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readGazetteIssue } from './read-gazette-issue.ts';
import { seedJson, toSeedFiles } from './to-seed.ts';

function main(argv: readonly string[]): number {
  const [file, outDir] = argv;
  if (!file || !outDir) {
    process.stderr.write('用法: read-issue <公报.md> <输出目录>\n');
    return 2;
  }
  // pnpm --filter runs scripts in the package folder; paths are taken from where it was called.
  const base = process.env.INIT_CWD ?? process.cwd();
  const input = resolve(base, file);
  const out = resolve(base, outDir);
  const reading = readGazetteIssue(readFileSync(input, 'utf8'));
  mkdirSync(out, { recursive: true });
  for (const [name, content] of toSeedFiles(reading, basename(input))) {
    writeFileSync(join(out, name), seedJson(content));
    process.stdout.write(`wrote ${join(out, name)}\n`);
  }
  process.stdout.write(
    `${reading.issue.label}: ${reading.documents.length} documents, ${reading.tables.length} tables, ` +
      `${reading.repairs.length} repairs, ${reading.problems.length} problems\n`,
  );
  for (const p of reading.problems)
    process.stdout.write(`  line ${p.line} ${p.code}: ${p.message}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
