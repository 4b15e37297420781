import type { GazetteIssueReading } from './read-gazette-issue.ts';
import {
  inspectionSeedFile,
  SEED_FILES,
  type SeedPoliciesFile,
  type SeedPolicy,
  type SeedProblemsFile,
} from './seed-types.ts';

/** The seed files of one reading: file name → content, in a stable order. */
export function toSeedFiles(reading: GazetteIssueReading, source: string): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const policies: SeedPoliciesFile = {
    issue: reading.issue,
    policies: reading.documents.map((d): SeedPolicy => ({
      docNo: d.docNo,
      prefix: d.prefix,
      year: d.year,
      serial: d.serial,
      title: d.title,
      category: d.category,
      issuers: d.issuers,
      signedOn: d.signedOn,
      validityClause: d.validityClause,
      effectiveFrom: d.effectiveFrom,
      expiresOn: d.expiresOn,
      isTrial: d.isTrial,
      issueLabel: d.issueLabel,
      page: d.page,
    })),
  };
  files.set(SEED_FILES.policies, policies);
  const problems: SeedProblemsFile = {
    source,
    problems: [...reading.problems],
    repairs: [...reading.repairs],
  };
  for (const table of reading.tables) {
    // The seed loader takes the rehabilitation standards from the domain, not from a file.
    if (table.kind === 'REHAB_ASSISTANCE') continue;
    const name =
      table.kind === 'MEDICAL_SERVICE_PRICE'
        ? SEED_FILES.medicalServicePrices
        : table.kind === 'LAND_TRANSFER_FEE'
          ? SEED_FILES.landTransferFees
          : table.kind === 'NOISE_DUTIES'
            ? SEED_FILES.noiseDuties
            : inspectionSeedFile(table.data.quarter);
    if (files.has(name)) {
      problems.problems.push({
        line: table.line,
        code: 'SEED_FILE_TWICE',
        message: `同一期中有两张 ${name} 表格,只写入了第一张`,
      });
      continue;
    }
    files.set(name, table.data);
  }
  files.set(SEED_FILES.problems, problems);
  return files;
}

/** JSON as committed: two-space indent and a final newline. */
export function seedJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
