// Loads the gazette issues under prisma/seed/<yyyy-mm>/ into the database: the documents, the rate
// tables as published versions, the noise-law duties and the inspection rounds, from the gazette
// reader's reviewed JSON files (checked, with the domain's rules applied, before any write; see
// seed/build.ts), and the organisations with their aliases from the domain registry.
// Idempotent: a record that exists is left alone, so a second run changes nothing and never
// reverts an administrator's edits. Everything runs in one transaction.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ORGANIZATIONS,
  aliasRowsOf,
  rateEntryToRow,
  requireOrganization,
  toUtcMidnight,
  type GazettePolicy,
  type InspectionRound,
  type RateTable,
} from '@gazette/domain';
import type { Prisma, PrismaClient } from '../generated/client/client.ts';
import { buildIssueRecords, type IssueRecords } from './seed/build.ts';
import { readIssueSeed } from './seed/files.ts';

export { SeedFileError } from './seed/check.ts';

/** The folders of prisma/seed/, oldest first: the next monthly issue is one more folder here. */
export const SEED_ISSUES = ['2024-12'] as const;

const SEED_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'seed');

type Tx = Prisma.TransactionClient;

export interface SeedReport {
  organizations: number;
  aliases: number;
  policies: number;
  rateTables: number;
  duties: number;
  inspectionRounds: number;
}

const day = (d: string) => toUtcMidnight(d);

async function seedOrganizations(tx: Tx, report: SeedReport): Promise<Map<string, string>> {
  const existing = await tx.organization.findMany({ select: { id: true, name: true } });
  const ids = new Map(existing.map((o) => [o.name, o.id]));
  // Parents first: the registry lists the city government before its departments.
  const ordered = [...ORGANIZATIONS].sort((a, b) => Number(a.parentName !== null) - Number(b.parentName !== null));
  for (const org of ordered) {
    if (ids.has(org.name)) continue;
    const created = await tx.organization.create({
      data: {
        name: org.name,
        shortName: org.shortName,
        type: org.type,
        parentId: org.parentName ? (ids.get(org.parentName) ?? null) : null,
      },
      select: { id: true },
    });
    ids.set(org.name, created.id);
    report.organizations++;
  }
  const aliasRows = await tx.organizationAlias.findMany({ select: { alias: true } });
  const aliases = new Set(aliasRows.map((a) => a.alias));
  const data: Prisma.OrganizationAliasCreateManyInput[] = [];
  for (const org of ORGANIZATIONS) {
    for (const alias of aliasRowsOf(org)) {
      if (aliases.has(alias)) continue;
      aliases.add(alias);
      data.push({ organizationId: ids.get(org.name)!, alias });
    }
  }
  if (data.length) await tx.organizationAlias.createMany({ data });
  report.aliases += data.length;
  return ids;
}

function orgId(ids: Map<string, string>, name: string, field: string): string {
  const official = requireOrganization(name, field).name;
  const id = ids.get(official);
  if (!id) throw new Error(`organisation ${official} is not seeded`);
  return id;
}

async function seedPolicies(
  tx: Tx,
  policies: readonly GazettePolicy[],
  ids: Map<string, string>,
  report: SeedReport,
): Promise<Map<string, string>> {
  const existing = await tx.policy.findMany({ select: { id: true, docNo: true } });
  const policyIds = new Map(existing.map((p) => [p.docNo, p.id]));
  for (const p of policies) {
    if (policyIds.has(p.docNo)) continue;
    const created = await tx.policy.create({
      data: {
        docNo: p.docNo,
        prefix: p.prefix,
        year: p.year,
        serial: p.serial,
        title: p.title,
        category: p.category,
        signedOn: day(p.signedOn),
        effectiveFrom: day(p.effectiveFrom),
        expiresOn: p.expiresOn ? day(p.expiresOn) : null,
        isTrial: p.isTrial,
        validityClause: p.validityClause,
        issueLabel: p.issueLabel,
        page: p.page,
        issuers: {
          create: p.issuers.map((name, position) => ({
            organizationId: orgId(ids, name, 'issuers'),
            position,
          })),
        },
      },
      select: { id: true },
    });
    policyIds.set(p.docNo, created.id);
    report.policies++;
  }
  return policyIds;
}

async function seedRateTable(tx: Tx, table: RateTable, policyIds: Map<string, string>, report: SeedReport) {
  if (await tx.rateTable.findUnique({ where: { key: table.key }, select: { id: true } })) return;
  const policyId = policyIds.get(table.policy.docNo);
  if (!policyId) throw new Error(`rate table ${table.key}: policy ${table.policy.docNo} is not seeded`);
  const created = await tx.rateTable.create({
    data: {
      key: table.key,
      kind: table.kind,
      name: table.name,
      policyId,
      dimensions: table.dimensions as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  for (const version of table.versions) {
    const v = await tx.rateTableVersion.create({
      data: {
        tableId: created.id,
        label: version.label,
        effectiveFrom: day(version.effectiveFrom),
        effectiveTo: version.effectiveTo ? day(version.effectiveTo) : null,
        status: version.status,
        note: version.note,
        publishedAt: version.status === 'PUBLISHED' ? new Date() : null,
      },
      select: { id: true },
    });
    await tx.rateEntry.createMany({
      data: version.entries.map((entry) => {
        const row = rateEntryToRow(entry);
        return { ...row, versionId: v.id, attributes: row.attributes as Prisma.InputJsonValue };
      }),
    });
  }
  report.rateTables++;
}

async function seedDuties(
  tx: Tx,
  duties: NonNullable<IssueRecords['duties']>,
  ids: Map<string, string>,
  policyIds: Map<string, string>,
  report: SeedReport,
) {
  const policyId = policyIds.get(duties.policyDocNo);
  if (!policyId) throw new Error(`policy ${duties.policyDocNo} is not seeded`);
  const existing = await tx.dutyAllocation.findMany({ where: { policyId }, select: { seq: true } });
  const have = new Set(existing.map((d) => d.seq));
  for (const article of duties.duties) {
    if (have.has(article.seq)) continue;
    await tx.dutyAllocation.create({
      data: {
        policyId,
        seq: article.seq,
        article: article.article,
        lawText: article.lawText,
        duty: article.duty,
        assignments: {
          create: article.assignments.map((a) => ({ organizationId: orgId(ids, a.organization, 'duty'), role: a.role })),
        },
      },
    });
    report.duties++;
  }
}

async function seedRound(
  tx: Tx,
  round: InspectionRound,
  ids: Map<string, string>,
  policyIds: Map<string, string>,
  report: SeedReport,
) {
  if (await tx.inspectionRound.findUnique({ where: { quarter: round.quarter }, select: { id: true } })) return;
  const org = (name: string) => orgId(ids, name, 'organization');
  await tx.inspectionRound.create({
    data: {
      quarter: round.quarter,
      policyId: round.policyDocNo ? (policyIds.get(round.policyDocNo) ?? null) : null,
      windowStart: day(round.windowStart),
      windowEnd: day(round.windowEnd),
      cityPortalsChecked: round.cityPortalsChecked,
      districtPortalsChecked: round.districtPortalsChecked,
      departmentSitesChecked: round.departmentSitesChecked,
      newMediaAccountsChecked: round.newMediaAccountsChecked,
      newMediaDistricts: round.newMediaDistricts,
      newMediaParks: round.newMediaParks,
      newMediaDepartments: round.newMediaDepartments,
      messagesReceived: round.messagesReceived,
      messagesClosed: round.messagesClosed,
      messagesOverdue: round.messagesOverdue,
      websiteFindings: {
        create: round.websiteFindings.map((f) => ({
          organizationId: org(f.organizationId),
          siteSeq: f.siteSeq,
          siteName: f.siteName,
          position: f.position,
          description: f.description,
          rectified: f.rectified,
          rectifiedOn: f.rectifiedOn ? day(f.rectifiedOn) : null,
        })),
      },
      newMediaFindings: {
        create: round.newMediaFindings.map((f) => ({
          organizationId: org(f.organizationId),
          seq: f.seq,
          account: f.account,
          platform: f.platform,
          description: f.description,
          rectified: f.rectified,
          rectifiedOn: f.rectifiedOn ? day(f.rectifiedOn) : null,
        })),
      },
      dataGaps: {
        create: round.dataGaps.map((g) => ({
          organizationId: org(g.organizationId),
          kind: g.kind,
          dataYear: g.dataYear,
          position: g.position,
        })),
      },
      adoptions: {
        create: round.adoptions.map((a) => ({
          organizationId: org(a.organizationId),
          rating: a.rating,
          position: a.position,
        })),
      },
    },
  });
  report.inspectionRounds++;
}

/** Reads and checks every issue's files; throws SeedFileError (file and field) on the first defect. */
export function readSeedIssues(issues: readonly string[] = SEED_ISSUES, root: string = SEED_ROOT): IssueRecords[] {
  return issues.map((issue) => buildIssueRecords(readIssueSeed(path.join(root, issue))));
}

export interface SeedOptions {
  /** Issue folders to load (default SEED_ISSUES). */
  issues?: readonly string[];
  /** The folder holding them (default prisma/seed). */
  root?: string;
}

/**
 * Loads the seed idempotently in one transaction; returns how many records were created.
 * Every file is read and checked first, so a malformed one writes nothing.
 */
export async function seedDatabase(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedReport> {
  const issues = readSeedIssues(options.issues, options.root);
  return prisma.$transaction(
    async (tx) => {
      const report: SeedReport = {
        organizations: 0,
        aliases: 0,
        policies: 0,
        rateTables: 0,
        duties: 0,
        inspectionRounds: 0,
      };
      // Two servers starting at once: the second waits here, then finds everything present.
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(724012)');
      const ids = await seedOrganizations(tx, report);
      for (const issue of issues) {
        const policyIds = await seedPolicies(tx, issue.policies, ids, report);
        for (const table of issue.rateTables) await seedRateTable(tx, table, policyIds, report);
        if (issue.duties) await seedDuties(tx, issue.duties, ids, policyIds, report);
        for (const round of issue.rounds) await seedRound(tx, round, ids, policyIds, report);
      }
      return report;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
