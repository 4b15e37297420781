// Reading a gazette issue into the database is a feature, not a developer's step:
// importGazetteIssue stores a draft (the text, what was found, the problems) and changes nothing
// else; applyGazetteImport writes a problem-free draft in one transaction with an audit entry.
// The first start imports the committed seed issue through these same two functions.
import { createHash } from 'node:crypto';
import {
  DomainError,
  addDays,
  compareDates,
  findingKeys,
  fromUtcMidnight,
  rateEntryToRow,
  toUtcMidnight,
} from '@gazette/domain';
import { readGazetteIssue, type ReaderProblem } from '@gazette/gazette';
import type { Prisma, PrismaClient } from '../../generated/client/client.ts';
import { planIssue, TERM_COEFFICIENT_TABLE, type IssuePlan, type PlannedDocument } from './plan.ts';
import { loadBodyResolver } from '../organizations/resolve-body.ts';
import { locateTable, reviewPlan, type IssueReview } from './review.ts';
import { indexPolicy } from '../search/index-policy.ts';
import { recordChange } from '../changes/record.ts';

export type {
  IssueReview,
  ReviewedDocument,
  ReviewedTable,
  RateChange,
  FieldChange,
} from './review.ts';
export type { DiffLine } from './diff.ts';

type Db = Prisma.TransactionClient;

/** Who imports: a user or token id (null for the server's own start-up import) and a label for the audit log. */
export interface ImportActor {
  id: string | null;
  label: string;
}

/** The stored draft or applied import, as the API answers it. */
export interface GazetteImportRecord {
  id: string;
  status: 'DRAFT' | 'APPLIED' | 'DISCARDED';
  issueLabel: string | null;
  review: IssueReview;
  problems: ReaderProblem[];
  createdAt: Date;
  appliedAt: Date | null;
}

/** Same advisory lock as the start-up seed: one writer of gazette data at a time. */
export const GAZETTE_WRITE_LOCK = 724012;

const day = (d: string) => toUtcMidnight(d);
const TX = { timeout: 120_000, maxWait: 30_000 } as const;

async function readAgainst(
  db: Db,
  text: string,
): Promise<{ plan: IssuePlan; review: IssueReview; problems: ReaderProblem[] }> {
  const reading = readGazetteIssue(text);
  const plan = planIssue(reading, await loadBodyResolver(db));
  const problems = [...plan.problems];
  const review = await reviewPlan(db, plan, problems);
  return { plan, review, problems };
}

function toRecord(row: {
  id: string;
  status: GazetteImportRecord['status'];
  issueLabel: string | null;
  reading: unknown;
  problems: unknown;
  createdAt: Date;
  appliedAt: Date | null;
}): GazetteImportRecord {
  return {
    id: row.id,
    status: row.status,
    issueLabel: row.issueLabel,
    review: row.reading as IssueReview,
    problems: row.problems as ReaderProblem[],
    createdAt: row.createdAt,
    appliedAt: row.appliedAt,
  };
}

const RECORD_SELECT = {
  id: true,
  status: true,
  issueLabel: true,
  reading: true,
  problems: true,
  createdAt: true,
  appliedAt: true,
} as const;

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Reads an issue's text and stores it as a draft import. Changes nothing else. */
export async function importGazetteIssue(
  prisma: PrismaClient | Db,
  text: string,
  actor: ImportActor,
): Promise<GazetteImportRecord> {
  if (text.trim().length === 0)
    throw new DomainError('BAD_USER_INPUT', 'text(公报全文)不能为空', { field: 'text' });
  const run = async (tx: Db) => {
    const { review, problems } = await readAgainst(tx, text);
    const row = await tx.gazetteImport.create({
      data: {
        issueLabel: review.issue.label || null,
        text,
        sha256: sha256(text),
        reading: review as unknown as Prisma.InputJsonValue,
        problems: problems as unknown as Prisma.InputJsonValue,
        createdById: actor.id,
      },
      select: RECORD_SELECT,
    });
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'gazetteImport.create',
        entity: 'GazetteImport',
        entityId: row.id,
        after: {
          issueLabel: row.issueLabel,
          documents: review.documents.length,
          problems: problems.length,
        },
      },
    });
    return toRecord(row);
  };
  return '$transaction' in prisma ? (prisma as PrismaClient).$transaction(run, TX) : run(prisma);
}

export async function findGazetteImport(
  prisma: PrismaClient | Db,
  id: string,
): Promise<GazetteImportRecord | null> {
  const row = await prisma.gazetteImport.findUnique({ where: { id }, select: RECORD_SELECT });
  return row ? toRecord(row) : null;
}

async function writeDocument(
  tx: Db,
  doc: PlannedDocument,
  issueId: string,
  issueLabel: string,
  change: string,
): Promise<string> {
  const data = {
    prefix: doc.prefix,
    year: doc.year,
    serial: doc.serial,
    title: doc.title,
    category: doc.category,
    signedOn: day(doc.signedOn),
    effectiveFrom: day(doc.effectiveFrom),
    expiresOn: doc.expiresOn ? day(doc.expiresOn) : null,
    isTrial: doc.isTrial,
    validityClause: doc.validityClause,
    issueLabel,
    page: doc.page,
    text: doc.text,
    sourceIssueId: issueId,
    lineFrom: doc.lineFrom,
    lineTo: doc.lineTo,
  };
  const existing = await tx.policy.findUnique({
    where: { docNo: doc.docNo },
    select: { id: true },
  });
  let id: string;
  if (!existing) {
    id = (await tx.policy.create({ data: { docNo: doc.docNo, ...data }, select: { id: true } })).id;
  } else if (change === 'UNCHANGED') {
    return existing.id;
  } else {
    id = existing.id;
    await tx.policy.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
    await tx.policyIssuer.deleteMany({ where: { policyId: id } });
    await tx.policyArticle.deleteMany({ where: { policyId: id } });
  }
  await tx.policyIssuer.createMany({
    data: doc.issuers.map((o, position) => ({ policyId: id, organizationId: o.id, position })),
  });
  await tx.policyArticle.createMany({
    data: doc.articles.map((a, position) => ({
      policyId: id,
      position,
      number: a.number,
      path: a.path,
      text: a.text,
      lineFrom: a.lineFrom,
      lineTo: a.lineTo,
    })),
  });
  await indexPolicy(tx, id);
  return id;
}

/** Closes every published version of the table still open on `from` on the day before. */
async function closeOpenVersions(tx: Db, tableId: string, from: string) {
  const dayBefore = addDays(from, -1);
  const versions = await tx.rateTableVersion.findMany({
    where: { tableId, status: 'PUBLISHED' },
    select: { id: true, effectiveFrom: true, effectiveTo: true },
  });
  for (const v of versions) {
    if (compareDates(fromUtcMidnight(v.effectiveFrom), dayBefore) > 0) continue;
    if (v.effectiveTo && compareDates(fromUtcMidnight(v.effectiveTo), dayBefore) <= 0) continue;
    await tx.rateTableVersion.update({
      where: { id: v.id },
      data: { effectiveTo: day(dayBefore), version: { increment: 1 } },
    });
  }
}

/** What applying an issue changed: its audit entry's `after` (with the issue's label). */
export interface GazetteImportApplied {
  policies: { created: number; updated: number };
  rateVersions: number;
  rounds: string[];
  duties: number;
  repealed: string[];
}

async function applyPlan(
  tx: Db,
  plan: IssuePlan,
  review: IssueReview,
  text: string,
): Promise<{ issueId: string; applied: GazetteImportApplied }> {
  const label = plan.issue.label;
  const issue = await tx.gazetteIssue.upsert({
    where: { label },
    create: {
      label,
      number: plan.issue.number,
      year: plan.issue.year,
      serial: plan.issue.serial,
      printedOn: plan.issue.printedOn ? day(plan.issue.printedOn) : null,
      text,
      sha256: sha256(text),
    },
    update: {
      text,
      sha256: sha256(text),
      printedOn: plan.issue.printedOn ? day(plan.issue.printedOn) : null,
    },
    select: { id: true },
  });
  const applied: GazetteImportApplied = {
    policies: { created: 0, updated: 0 },
    rateVersions: 0,
    rounds: [],
    duties: 0,
    repealed: [],
  };
  const policyIds = new Map<string, string>();
  for (const doc of plan.documents) {
    const change = review.documents.find((d) => d.docNo === doc.docNo)?.change ?? 'NEW';
    const policyId = await writeDocument(tx, doc, issue.id, label, change);
    policyIds.set(doc.docNo, policyId);
    if (change === 'NEW') applied.policies.created++;
    if (change === 'CHANGED') applied.policies.updated++;
    if (change !== 'UNCHANGED') {
      await recordChange(tx, {
        kind: change === 'NEW' ? 'POLICY_ADDED' : 'POLICY_CHANGED',
        docNo: doc.docNo,
        entityId: policyId,
        details: { issueLabel: label },
      });
    }
  }
  const docOf = new Map(plan.documents.map((d) => [d.docNo, d]));

  for (const table of plan.tables) {
    const doc = docOf.get(table.docNo)!;
    const policyId = policyIds.get(table.docNo)!;
    const located = await locateTable(tx, table, doc.effectiveFrom);
    if (located.action === 'UNCHANGED') continue;
    let tableId = located.tableId;
    if (!tableId) {
      tableId = (
        await tx.rateTable.create({
          data: {
            key: located.tableKey,
            kind: table.kind,
            name: table.name,
            policyId,
            dimensions: table.dimensions as unknown as Prisma.InputJsonValue,
          },
          select: { id: true },
        })
      ).id;
      if (
        table.kind === 'LAND_TRANSFER_FEE' &&
        !(await tx.rateTable.findFirst({
          where: { kind: 'LAND_TERM_COEFFICIENT' },
          select: { id: true },
        }))
      ) {
        await tx.rateTable.create({
          data: {
            key: TERM_COEFFICIENT_TABLE.key,
            kind: 'LAND_TERM_COEFFICIENT',
            name: TERM_COEFFICIENT_TABLE.name,
            policyId,
            dimensions: TERM_COEFFICIENT_TABLE.dimensions as unknown as Prisma.InputJsonValue,
          },
        });
      }
    } else {
      // A re-issued table: the versions in force before it end the day before it starts.
      await closeOpenVersions(tx, tableId, doc.effectiveFrom);
      await tx.rateTable.update({
        where: { id: tableId },
        data: { policyId, name: table.name, version: { increment: 1 } },
      });
    }
    const version = await tx.rateTableVersion.create({
      data: {
        tableId,
        label: `${doc.docNo}(${doc.effectiveFrom}起)`,
        effectiveFrom: day(doc.effectiveFrom),
        effectiveTo: null,
        status: 'PUBLISHED',
        note: `${label}${doc.page ? ` 第${doc.page}页` : ''},${doc.docNo} 附件${doc.isTrial ? '(试行)' : ''}`,
        policyId,
        sourceIssueId: issue.id,
        lineFrom: table.lineFrom,
        lineTo: table.lineTo,
        publishedAt: new Date(),
      },
      select: { id: true },
    });
    await tx.rateEntry.createMany({
      data: table.entries.map((entry) => {
        const row = rateEntryToRow(entry);
        return {
          ...row,
          versionId: version.id,
          attributes: row.attributes as Prisma.InputJsonValue,
        };
      }),
    });
    applied.rateVersions++;
    await recordChange(tx, {
      kind: 'RATES_PUBLISHED',
      docNo: doc.docNo,
      entityId: version.id,
      details: { table: located.tableKey, effectiveFrom: doc.effectiveFrom, issueLabel: label },
    });
  }

  for (const round of plan.rounds) {
    if (review.rounds.find((r) => r.quarter === round.quarter)?.action !== 'NEW') continue;
    const r = round.source;
    await tx.inspectionRound.create({
      data: {
        quarter: r.quarter,
        policyId: policyIds.get(round.docNo) ?? null,
        windowStart: day(r.windowStart),
        windowEnd: day(r.windowEnd),
        cityPortalsChecked: r.websites.cityPortals,
        districtPortalsChecked: r.websites.districtPortals,
        departmentSitesChecked: r.websites.departmentSites,
        newMediaAccountsChecked: r.newMedia.accounts,
        newMediaDistricts: r.newMedia.districts,
        newMediaParks: r.newMedia.parks,
        newMediaDepartments: r.newMedia.departments,
        messagesReceived: r.messages.received,
        messagesClosed: r.messages.closed,
        messagesOverdue: r.messages.overdue,
        sourceIssueId: issue.id,
        line: round.line,
        websiteFindings: {
          create: r.websiteFindings.map((f, i) => ({
            organizationId: round.websiteOrgs[i]!.organizationId,
            siteSeq: f.siteSeq,
            siteName: f.siteName,
            position: f.position,
            description: f.description,
            ...findingKeys({ channel: 'WEBSITE', description: f.description }),
            rectified: f.rectified,
            line: round.websiteOrgs[i]!.line,
          })),
        },
        newMediaFindings: {
          create: r.newMediaFindings.map((f, i) => ({
            organizationId: round.newMediaOrgs[i]!.organizationId,
            seq: f.seq,
            account: f.account,
            platform: f.platform,
            description: f.description,
            ...findingKeys({
              channel: 'NEW_MEDIA',
              account: f.account,
              description: f.description,
            }),
            // Annex 2 prints no rectification column: unknown, not "not rectified".
            rectified: null,
            line: round.newMediaOrgs[i]!.line,
          })),
        },
        dataGaps: {
          create: (() => {
            const positions = { BASE: 0, PROCESS: 0 };
            const seen = new Set<string>();
            return round.gapOrgs
              .filter((g) =>
                seen.has(`${g.kind}|${g.organizationId}`)
                  ? false
                  : (seen.add(`${g.kind}|${g.organizationId}`), true),
              )
              .map((g) => ({
                organizationId: g.organizationId,
                kind: g.kind,
                dataYear: g.dataYear,
                position: positions[g.kind]++,
              }));
          })(),
        },
        adoptions: {
          create: r.adoptions.map((a, i) => ({
            organizationId: round.adoptionOrgs[i]!.organizationId,
            rating: a.rating,
            position: a.position,
          })),
        },
      },
    });
    applied.rounds.push(round.quarter);
    await recordChange(tx, {
      kind: 'INSPECTION_RESULTS',
      quarter: round.quarter,
      docNo: round.docNo,
      details: { issueLabel: label },
    });
  }

  for (const d of plan.duties) {
    if (review.duties.find((x) => x.docNo === d.docNo)?.action !== 'NEW') continue;
    const policyId = policyIds.get(d.docNo)!;
    for (const duty of d.duties) {
      await tx.dutyAllocation.create({
        data: {
          policyId,
          seq: duty.seq,
          article: duty.article,
          lawText: duty.lawText,
          duty: duty.duty,
          sourceIssueId: issue.id,
          line: duty.line,
          assignments: {
            create: duty.assignments.map((a) => ({
              organizationId: a.organizationId,
              role: a.role,
            })),
          },
        },
      });
      applied.duties++;
    }
  }

  for (const doc of plan.documents) {
    for (const r of doc.repeals) {
      const target = await tx.policy.findUnique({
        where: { docNo: r.docNo },
        select: { id: true, repealedById: true },
      });
      const by = policyIds.get(doc.docNo)!;
      if (!target || target.id === by || target.repealedById === by) continue;
      await tx.policy.update({
        where: { id: target.id },
        data: { repealedById: by, repealedOn: day(doc.effectiveFrom), version: { increment: 1 } },
      });
      // Rates set by the repealed document end the day before the new one takes effect.
      const tables = await tx.rateTable.findMany({
        where: { OR: [{ policyId: target.id }, { versions: { some: { policyId: target.id } } }] },
        select: { id: true },
      });
      for (const t of tables) await closeOpenVersions(tx, t.id, doc.effectiveFrom);
      applied.repealed.push(r.docNo);
      await recordChange(tx, {
        kind: 'POLICY_REPEALED',
        docNo: r.docNo,
        entityId: target.id,
        details: { repealedBy: doc.docNo, repealedOn: doc.effectiveFrom },
      });
    }
  }
  return { issueId: issue.id, applied };
}

/**
 * Applies a draft in one transaction. Refused (BAD_USER_INPUT, nothing written) while the text
 * has problems; the text is read again against the database as it is now, so a draft that went
 * stale is judged afresh. Applying an applied import answers it unchanged.
 */
export async function applyGazetteImport(
  prisma: PrismaClient,
  id: string,
  actor: ImportActor,
): Promise<GazetteImportRecord> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${GAZETTE_WRITE_LOCK})`);
    const draft = await tx.gazetteImport.findUnique({
      where: { id },
      select: { ...RECORD_SELECT, text: true },
    });
    if (!draft) throw new DomainError('NOT_FOUND', `没有这次公报导入:${id}`, { field: 'id' });
    if (draft.status === 'APPLIED') return toRecord(draft);
    if (draft.status === 'DISCARDED')
      throw new DomainError('CONFLICT', '这次导入已作废,请重新读取公报', { field: 'id' });
    const { plan, review, problems } = await readAgainst(tx, draft.text);
    if (problems.length > 0) {
      // Refused with the fresh problems in extensions.problems (the transaction writes nothing).
      const first = problems[0]!;
      throw new DomainError(
        'BAD_USER_INPUT',
        `公报有 ${problems.length} 处无法确定的内容(第${first.line}行:${first.message}),请修改原文后重新读取`,
        {
          field: 'id',
          details: { problems },
        },
      );
    }
    const { issueId, applied } = await applyPlan(tx, plan, review, draft.text);
    const row = await tx.gazetteImport.update({
      where: { id },
      data: {
        status: 'APPLIED',
        issueId,
        appliedAt: new Date(),
        appliedById: actor.id,
        reading: review as unknown as Prisma.InputJsonValue,
        problems: [],
        version: { increment: 1 },
      },
      select: RECORD_SELECT,
    });
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'gazetteImport.apply',
        entity: 'GazetteImport',
        entityId: id,
        after: { issueLabel: plan.issue.label, ...applied } as unknown as Prisma.InputJsonValue,
      },
    });
    return toRecord(row);
  }, TX);
}
