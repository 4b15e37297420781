// What a new database starts with. Two things, both idempotent:
// - the bodies of Luzhou the gazette names (prisma/reference/organizations.json): reference data
//   administrators then maintain in the dashboard (a body or alias that exists is left alone);
// - the committed seed issues (prisma/issues/<yyyy-mm>.md), each imported through the same path
//   an administrator's import takes (importGazetteIssue + applyGazetteImport), once: an issue
//   already applied is not read again, so a restart never reverts an administrator's edits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeOrganizationName, type OrganizationType } from '@gazette/domain';
import type { Prisma, PrismaClient } from '../generated/client/client.ts';
import {
  applyGazetteImport,
  GAZETTE_WRITE_LOCK,
  importGazetteIssue,
} from './gazette-import/index.ts';
import { indexMissingPolicies } from './search/index-policy.ts';

/** The committed issues under prisma/issues/, oldest first. */
export const SEED_ISSUES = ['2024-12'] as const;

const PRISMA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ISSUES_DIR = path.join(PRISMA_DIR, 'issues');
export const ORGANIZATIONS_FILE = path.join(PRISMA_DIR, 'reference', 'organizations.json');

type Tx = Prisma.TransactionClient;

export interface SeedReport {
  organizations: number;
  aliases: number;
  /** Labels of the issues imported by this run. */
  issues: string[];
}

export interface ReferenceOrganization {
  name: string;
  shortName: string | null;
  type: OrganizationType;
  parent: string | null;
  aliases: string[];
}

/** A malformed reference file: names the file and the field. */
export class SeedFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file} ${field}: ${message}`);
    this.name = 'SeedFileError';
  }
}

const TYPES: readonly OrganizationType[] = [
  'CITY_GOVERNMENT',
  'DISTRICT_COUNTY',
  'PARK',
  'DEPARTMENT',
  'STATE_AGENCY',
  'OTHER',
];

/** Reads and checks the reference organisations before anything is written. */
export function readReferenceOrganizations(
  file: string = ORGANIZATIONS_FILE,
): ReferenceOrganization[] {
  const name = path.basename(file);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { organizations?: unknown };
  if (!Array.isArray(json.organizations))
    throw new SeedFileError(name, 'organizations', '应为数组');
  const all = json.organizations as Record<string, unknown>[];
  const names = new Set<string>();
  all.forEach((o, i) => {
    const at = `organizations[${i}]`;
    if (typeof o.name !== 'string' || o.name.trim() === '')
      throw new SeedFileError(name, `${at}.name`, '应为非空字符串');
    if (names.has(o.name)) throw new SeedFileError(name, `${at}.name`, `重复的机构:${o.name}`);
    names.add(o.name);
    if (o.shortName !== null && typeof o.shortName !== 'string')
      throw new SeedFileError(name, `${at}.shortName`, '应为字符串或 null');
    if (!TYPES.includes(o.type as OrganizationType))
      throw new SeedFileError(name, `${at}.type`, `应为 ${TYPES.join('/')}`);
    if (!Array.isArray(o.aliases) || o.aliases.some((a) => typeof a !== 'string'))
      throw new SeedFileError(name, `${at}.aliases`, '应为字符串数组');
  });
  all.forEach((o, i) => {
    if (o.parent !== null && !names.has(o.parent as string))
      throw new SeedFileError(
        name,
        `organizations[${i}].parent`,
        `不是本文件中的机构:${String(o.parent)}`,
      );
  });
  return all as unknown as ReferenceOrganization[];
}

async function seedOrganizations(
  tx: Tx,
  organizations: readonly ReferenceOrganization[],
  report: SeedReport,
) {
  const existing = await tx.organization.findMany({ select: { id: true, name: true } });
  const ids = new Map(existing.map((o) => [o.name, o.id]));
  // Parents first.
  const ordered = [...organizations].sort(
    (a, b) => Number(a.parent !== null) - Number(b.parent !== null),
  );
  for (const org of ordered) {
    if (ids.has(org.name)) continue;
    const created = await tx.organization.create({
      data: {
        name: org.name,
        shortName: org.shortName,
        type: org.type,
        parentId: org.parent ? (ids.get(org.parent) ?? null) : null,
      },
      select: { id: true },
    });
    ids.set(org.name, created.id);
    report.organizations++;
  }
  const aliasRows = await tx.organizationAlias.findMany({ select: { alias: true } });
  const taken = new Set(aliasRows.map((a) => a.alias));
  const data: Prisma.OrganizationAliasCreateManyInput[] = [];
  for (const org of organizations) {
    const official = normalizeOrganizationName(org.name);
    for (const alias of [org.shortName ?? '', ...org.aliases].map(normalizeOrganizationName)) {
      if (!alias || alias === official || taken.has(alias)) continue;
      taken.add(alias);
      data.push({ organizationId: ids.get(org.name)!, alias });
    }
  }
  if (data.length) await tx.organizationAlias.createMany({ data });
  report.aliases += data.length;
}

export interface SeedOptions {
  /** Issue files to import (names under `issuesDir` without .md; default SEED_ISSUES). */
  issues?: readonly string[];
  issuesDir?: string;
  organizationsFile?: string;
}

/** The label an issue file prints (2024年第12期), read from its header without a full reading. */
function issueLabelOf(text: string): string | null {
  const m = /(\d{4})年\s*第\s*(\d{1,2})\s*期/u.exec(text);
  return m ? `${m[1]}年第${Number(m[2])}期` : null;
}

/**
 * Loads the reference organisations, then imports every seed issue not yet applied. A seed issue
 * that has problems stops the start with them listed: the committed text must read cleanly.
 */
export async function seedDatabase(
  prisma: PrismaClient,
  options: SeedOptions = {},
): Promise<SeedReport> {
  const organizations = readReferenceOrganizations(options.organizationsFile);
  const dir = options.issuesDir ?? ISSUES_DIR;
  const texts = (options.issues ?? SEED_ISSUES).map((name) => ({
    name,
    text: readFileSync(path.join(dir, `${name}.md`), 'utf8'),
  }));
  const report: SeedReport = { organizations: 0, aliases: 0, issues: [] };
  await prisma.$transaction(
    async (tx) => {
      // Two servers starting at once: the second waits here, then finds everything present.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${GAZETTE_WRITE_LOCK})`);
      await seedOrganizations(tx, organizations, report);
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  const actor = { id: null, label: 'system:seed' };
  for (const { name, text } of texts) {
    const label = issueLabelOf(text);
    if (label && (await prisma.gazetteIssue.findUnique({ where: { label }, select: { id: true } })))
      continue;
    const draft = await importGazetteIssue(prisma, text, actor);
    if (draft.problems.length > 0) {
      const lines = draft.problems.map((p) => `  ${name}.md:${p.line} ${p.message}`).join('\n');
      throw new Error(`seed issue ${name} has ${draft.problems.length} problem(s):\n${lines}`);
    }
    await applyGazetteImport(prisma, draft.id, actor);
    report.issues.push(draft.issueLabel ?? name);
  }
  // Documents written before search existed (or entered by hand without an index) get one.
  await indexMissingPolicies(prisma);
  return report;
}
