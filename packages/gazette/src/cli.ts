// pnpm --filter @gazette/gazette read-issue <issue.md> [--json]
// Reads a gazette issue as the import does (without a database: body names are not checked) and
// prints what it found and what it could not decide, by line. `--json` prints the whole reading.
// Issues enter the database through the product (导入公报, or importGazetteIssue), not through files.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readGazetteIssue } from './read-gazette-issue.ts';

function main(argv: readonly string[]): number {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('用法: read-issue <公报.md> [--json]\n');
    return 2;
  }
  // pnpm --filter runs scripts in the package folder; paths are taken from where it was called.
  const base = process.env.INIT_CWD ?? process.cwd();
  const reading = readGazetteIssue(readFileSync(resolve(base, file), 'utf8'));
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(reading, null, 2)}\n`);
    return reading.problems.length > 0 ? 1 : 0;
  }
  process.stdout.write(
    `${reading.issue.label}: ${reading.documents.length} documents, ${reading.tables.length} tables, ` +
      `${reading.repairs.length} repairs, ${reading.problems.length} problems\n`,
  );
  for (const d of reading.documents) {
    process.stdout.write(
      `  ${d.docNo} 第${d.page ?? '?'}页 行${d.startLine}–${d.endLine}: ${d.articles.length} 条, 施行 ${d.effectiveFrom}${d.expiresOn ? ` 至 ${d.expiresOn}` : ''}${d.repeals.length ? `, 废止 ${d.repeals.map((r) => r.docNo).join('、')}` : ''}\n`,
    );
  }
  for (const t of reading.tables)
    process.stdout.write(`  表格 ${t.kind} (${t.docNo}) 行${t.line}\n`);
  for (const p of reading.problems)
    process.stdout.write(`  line ${p.line} ${p.code}: ${p.message}\n`);
  return reading.problems.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
