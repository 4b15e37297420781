// Loads the gazette 2024年第12期 into the database: the 9 documents, the organisations and their
// aliases, the rate tables as published versions, the noise-law duties and the 2024Q4 inspection
// round. The reviewed data comes from the domain package (the gazette reader's output is tested
// against it). Idempotent: a record that exists is left alone, so a second run changes nothing
// and never reverts an administrator's edits. Everything runs in one transaction.
import {
  ISSUE_2024_12_POLICIES,
  NOISE_DUTIES_POLICY_DOC_NO,
  NOISE_DUTY_ARTICLES,
  ORGANIZATIONS,
  ROUND_2024Q4,
  SEED_RATE_TABLES,
  aliasRowsOf,
  dutyAssignments,
  rateEntryToRow,
  requireOrganization,
  toUtcMidnight,
  type InspectionRound,
  type RateTable,
} from '@gazette/domain';
import type { Prisma, PrismaClient } from '../generated/client/client.ts';

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

async function seedPolicies(tx: Tx, ids: Map<string, string>, report: SeedReport): Promise<Map<string, string>> {
  const existing = await tx.policy.findMany({ select: { id: true, docNo: true } });
  const policyIds = new Map(existing.map((p) => [p.docNo, p.id]));
  for (const p of ISSUE_2024_12_POLICIES) {
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

async function seedDuties(tx: Tx, ids: Map<string, string>, policyIds: Map<string, string>, report: SeedReport) {
  const policyId = policyIds.get(NOISE_DUTIES_POLICY_DOC_NO);
  if (!policyId) throw new Error(`policy ${NOISE_DUTIES_POLICY_DOC_NO} is not seeded`);
  const existing = await tx.dutyAllocation.findMany({ where: { policyId }, select: { seq: true } });
  const have = new Set(existing.map((d) => d.seq));
  const assignments = dutyAssignments();
  for (const article of NOISE_DUTY_ARTICLES) {
    if (have.has(article.seq)) continue;
    const mine = assignments.filter((a) => a.seq === article.seq);
    const seen = new Set<string>();
    await tx.dutyAllocation.create({
      data: {
        policyId,
        seq: article.seq,
        article: article.article,
        lawText: article.lawText,
        duty: article.duty,
        assignments: {
          create: mine
            .map((a) => ({ organizationId: orgId(ids, a.organization, 'duty'), role: a.role }))
            .filter((a) => (seen.has(a.organizationId) ? false : (seen.add(a.organizationId), true))),
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

/** Loads the seed idempotently in one transaction; returns how many records were created. */
export async function seedDatabase(prisma: PrismaClient): Promise<SeedReport> {
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
      const policyIds = await seedPolicies(tx, ids, report);
      for (const table of SEED_RATE_TABLES) await seedRateTable(tx, table, policyIds, report);
      await seedDuties(tx, ids, policyIds, report);
      await seedRound(tx, ROUND_2024Q4, ids, policyIds, report);
      return report;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
