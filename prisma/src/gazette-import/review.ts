// Compares a planned issue with the database: what each document, table, quarter and duty table
// would change. Read-only; apply.ts writes what this finds.
import {
  addDays,
  compareDates,
  diffVersions,
  formatDecimal,
  fromUtcMidnight,
  rateEntryFromRow,
  type RateEntry,
} from '@gazette/domain';
import type { ReaderProblem } from '@gazette/gazette';
import type { Prisma } from '../../generated/client/client.ts';
import { diffLines, type DiffLine } from './diff.ts';
import { TABLE_KINDS, type IssuePlan, type PlannedDocument, type PlannedTable } from './plan.ts';

type Db = Prisma.TransactionClient;

export type DocumentChange = 'NEW' | 'UNCHANGED' | 'CHANGED';

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface ReviewedDocument {
  docNo: string;
  title: string;
  category: PlannedDocument['category'];
  issuers: string[];
  signedOn: string;
  effectiveFrom: string;
  expiresOn: string | null;
  isTrial: boolean;
  page: number | null;
  lineFrom: number;
  lineTo: number;
  articleCount: number;
  /** Documents this one repeals or replaces, from its effective date. */
  repeals: string[];
  change: DocumentChange;
  /** For CHANGED: the fields and text lines that differ from the stored document. */
  fields: FieldChange[];
  textDiff: DiffLine[];
}

export type TableAction = 'NEW_TABLE' | 'NEW_VERSION' | 'UNCHANGED';

export interface RateChange {
  key: string;
  name: string | null;
  field: string;
  before: string | null;
  after: string | null;
}

export interface ReviewedTable {
  kind: PlannedTable['kind'];
  docNo: string;
  name: string;
  lineFrom: number;
  lineTo: number;
  entryCount: number;
  /** The rate table the annex goes to: an existing one with the same codes and grades, or a new one. */
  tableKey: string;
  action: TableAction;
  effectiveFrom: string;
  /** For NEW_VERSION: the entries that differ from the version in force the day before. */
  changes: RateChange[];
}

export interface ReviewedRound {
  quarter: string;
  docNo: string;
  /** NEW: written on apply. EXISTS: the quarter is in the database already and is left as it is. */
  action: 'NEW' | 'EXISTS';
}

export interface ReviewedDuties {
  docNo: string;
  count: number;
  action: 'NEW' | 'EXISTS';
}

export interface IssueReview {
  issue: IssuePlan['issue'];
  documents: ReviewedDocument[];
  tables: ReviewedTable[];
  rounds: ReviewedRound[];
  duties: ReviewedDuties[];
  notes: ReaderProblem[];
}

const day = (d: Date | null) => (d ? fromUtcMidnight(d) : null);

async function reviewDocument(db: Db, doc: PlannedDocument): Promise<ReviewedDocument> {
  const stored = await db.policy.findUnique({
    where: { docNo: doc.docNo },
    select: {
      title: true,
      category: true,
      signedOn: true,
      effectiveFrom: true,
      expiresOn: true,
      isTrial: true,
      text: true,
      issuers: {
        orderBy: { position: 'asc' },
        select: { organization: { select: { name: true } } },
      },
    },
  });
  const base = {
    docNo: doc.docNo,
    title: doc.title,
    category: doc.category,
    issuers: doc.issuers.map((i) => i.name),
    signedOn: doc.signedOn,
    effectiveFrom: doc.effectiveFrom,
    expiresOn: doc.expiresOn,
    isTrial: doc.isTrial,
    page: doc.page,
    lineFrom: doc.lineFrom,
    lineTo: doc.lineTo,
    articleCount: doc.articles.length,
    repeals: doc.repeals.map((r) => r.docNo),
  };
  if (!stored) return { ...base, change: 'NEW', fields: [], textDiff: [] };
  const pairs: [string, string | null, string | null][] = [
    ['title', stored.title, doc.title],
    ['category', stored.category, doc.category],
    ['signedOn', day(stored.signedOn), doc.signedOn],
    ['effectiveFrom', day(stored.effectiveFrom), doc.effectiveFrom],
    ['expiresOn', day(stored.expiresOn), doc.expiresOn],
    ['isTrial', String(stored.isTrial), String(doc.isTrial)],
    ['issuers', stored.issuers.map((i) => i.organization.name).join('、'), base.issuers.join('、')],
  ];
  const fields = pairs
    .filter(([, a, b]) => a !== b)
    .map(([field, before, after]) => ({ field, before, after }));
  const textChanged = stored.text !== doc.text;
  if (textChanged)
    fields.push({
      field: 'text',
      before: stored.text === null ? null : `${stored.text.length} 字`,
      after: `${doc.text.length} 字`,
    });
  return {
    ...base,
    change: fields.length === 0 ? 'UNCHANGED' : 'CHANGED',
    fields,
    textDiff: textChanged ? diffLines(stored.text ?? '', doc.text) : [],
  };
}

interface StoredVersion {
  id: string;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  entries: Prisma.RateEntryGetPayload<{ select: typeof ENTRY_SELECT }>[];
}

export const ENTRY_SELECT = {
  key: true,
  dimensions: true,
  code: true,
  name: true,
  unit: true,
  amount: true,
  rate: true,
  baseKey: true,
  attributes: true,
  position: true,
} as const;

const keySet = (entries: readonly { key: string }[]) =>
  [...entries.map((e) => e.key)].sort().join('\n');

/** Attributes that say where a row was printed do not make two entries differ. */
function comparable(entries: readonly RateEntry[]): RateEntry[] {
  return entries.map((e) => {
    const { line: _line, ...attributes } = e.attributes;
    return { ...e, attributes };
  });
}

function stored(entries: StoredVersion['entries']): RateEntry[] {
  return entries.map((e) =>
    rateEntryFromRow({
      ...e,
      amount: e.amount?.toString() ?? null,
      rate: e.rate?.toString() ?? null,
    }),
  );
}

const show = (e: RateEntry | undefined, field: string): string | null => {
  if (!e) return null;
  const v = (e as unknown as Record<string, unknown>)[field];
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && 'toFixed' in (v as object)) return formatDecimal(v as never);
  return typeof v === 'string' ? v : JSON.stringify(v);
};

/** The table an annex goes to, and what it would add there. */
export async function locateTable(
  db: Db,
  table: PlannedTable,
  effectiveFrom: string,
): Promise<{
  tableId: string | null;
  tableKey: string;
  action: TableAction;
  versions: StoredVersion[];
  changes: RateChange[];
  problem: string | null;
}> {
  const candidates = await db.rateTable.findMany({
    where: { kind: table.kind },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      key: true,
      versions: {
        where: { status: 'PUBLISHED' },
        orderBy: { effectiveFrom: 'asc' },
        select: {
          id: true,
          effectiveFrom: true,
          effectiveTo: true,
          entries: { select: ENTRY_SELECT, orderBy: { position: 'asc' } },
        },
      },
    },
  });
  const wanted = keySet(table.entries);
  const match = candidates.find(
    (c) => c.versions.length > 0 && keySet(c.versions[c.versions.length - 1]!.entries) === wanted,
  );
  if (!match) {
    const canonical = TABLE_KINDS[table.kind].key;
    const taken = candidates.some((c) => c.key === canonical);
    const m = /〔(\d{4})〕(\d+)号$/u.exec(table.docNo);
    const tableKey = taken
      ? `${canonical}-${m ? `${m[1]}-${m[2]}` : candidates.length + 1}`
      : canonical;
    return {
      tableId: null,
      tableKey,
      action: 'NEW_TABLE',
      versions: [],
      changes: [],
      problem: null,
    };
  }
  const same = match.versions.find(
    (v) => day(v.effectiveFrom) === effectiveFrom && diffIsEmpty(stored(v.entries), table.entries),
  );
  if (same)
    return {
      tableId: match.id,
      tableKey: match.key,
      action: 'UNCHANGED',
      versions: match.versions,
      changes: [],
      problem: null,
    };
  const later = match.versions.find((v) => compareDates(day(v.effectiveFrom)!, effectiveFrom) >= 0);
  const problem = later
    ? `价格表 ${match.key} 已有自 ${day(later.effectiveFrom)} 起的版本,新版本(自 ${effectiveFrom} 起)须晚于它生效`
    : null;
  // Compare with the version in force the day before the new one starts (or the latest).
  const dayBefore = addDays(effectiveFrom, -1);
  const previous =
    [...match.versions]
      .reverse()
      .find((v) => compareDates(day(v.effectiveFrom)!, dayBefore) <= 0) ??
    match.versions[match.versions.length - 1]!;
  const diff = diffVersions(
    { entries: comparable(stored(previous.entries)) },
    { entries: comparable(table.entries) },
  );
  const changes: RateChange[] = [
    ...diff.changed.flatMap((c) =>
      c.fields.map((field) => ({
        key: c.key,
        name: c.after.name,
        field,
        before: show(c.before, field),
        after: show(c.after, field),
      })),
    ),
    ...diff.added.map((e) => ({
      key: e.key,
      name: e.name,
      field: 'added',
      before: null,
      after: show(e, e.amount ? 'amount' : 'rate'),
    })),
    ...diff.removed.map((e) => ({
      key: e.key,
      name: e.name,
      field: 'removed',
      before: show(e, e.amount ? 'amount' : 'rate'),
      after: null,
    })),
  ];
  return {
    tableId: match.id,
    tableKey: match.key,
    action: 'NEW_VERSION',
    versions: match.versions,
    changes,
    problem,
  };
}

function diffIsEmpty(a: readonly RateEntry[], b: readonly RateEntry[]): boolean {
  const d = diffVersions({ entries: comparable(a) }, { entries: comparable(b) });
  return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
}

/** What applying the plan would change; problems found against the database are added to `problems`. */
export async function reviewPlan(
  db: Db,
  plan: IssuePlan,
  problems: ReaderProblem[],
): Promise<IssueReview> {
  const documents: ReviewedDocument[] = [];
  for (const doc of plan.documents) documents.push(await reviewDocument(db, doc));
  const notes = [...plan.notes];
  const byDocNo = new Map(plan.documents.map((d) => [d.docNo, d]));

  const tables: ReviewedTable[] = [];
  for (const t of plan.tables) {
    const doc = byDocNo.get(t.docNo);
    if (!doc) continue;
    const located = await locateTable(db, t, doc.effectiveFrom);
    if (located.problem)
      problems.push({ line: t.lineFrom, code: 'RATE_VERSION_ORDER', message: located.problem });
    tables.push({
      kind: t.kind,
      docNo: t.docNo,
      name: t.name,
      lineFrom: t.lineFrom,
      lineTo: t.lineTo,
      entryCount: t.entries.length,
      tableKey: located.tableKey,
      action: located.action,
      effectiveFrom: doc.effectiveFrom,
      changes: located.changes,
    });
  }

  const rounds: ReviewedRound[] = [];
  for (const r of plan.rounds) {
    const existing = await db.inspectionRound.findUnique({
      where: { quarter: r.quarter },
      select: { id: true },
    });
    if (existing)
      notes.push({
        line: r.line ?? 0,
        code: 'QUARTER_EXISTS',
        message: `${r.quarter} 的检查结果已在数据库中,保留现有数据(含管理员的修改),不再写入`,
      });
    rounds.push({ quarter: r.quarter, docNo: r.docNo, action: existing ? 'EXISTS' : 'NEW' });
  }

  const duties: ReviewedDuties[] = [];
  for (const d of plan.duties) {
    const count = await db.dutyAllocation.count({ where: { policy: { docNo: d.docNo } } });
    duties.push({ docNo: d.docNo, count: d.duties.length, action: count > 0 ? 'EXISTS' : 'NEW' });
  }

  for (const doc of plan.documents) {
    for (const r of doc.repeals) {
      if (byDocNo.has(r.docNo)) continue;
      const target = await db.policy.findUnique({
        where: { docNo: r.docNo },
        select: { id: true },
      });
      if (!target) {
        notes.push({
          line: r.line,
          code: 'REPEALED_UNKNOWN',
          message: `${doc.docNo} 废止的 ${r.docNo} 不在数据库中,仅随正文保存`,
        });
      }
    }
  }
  const byLine = (a: ReaderProblem, b: ReaderProblem) => a.line - b.line;
  problems.sort(byLine);
  return { issue: plan.issue, documents, tables, rounds, duties, notes: notes.sort(byLine) };
}
