// Turns the reader's output for one issue into the records the database would hold, resolving
// every body name through the organisations and aliases the database knows. Pure: the caller
// passes the resolver. What cannot be decided becomes a problem with its line, never a guess.
import {
  HOSPITAL_GRADES,
  LAND_GRADE_LABELS,
  LAND_TERM_COEFFICIENT_DIMENSIONS,
  LAND_TERM_COEFFICIENT_TABLE_KEY,
  LAND_TERM_COEFFICIENT_TABLE_NAME,
  LAND_TRANSFER_DIMENSIONS,
  LAND_TRANSFER_TABLE_KEY,
  FRONTAGE_LABELS,
  LAND_USE_LABELS,
  MEDICAL_SERVICE_DIMENSIONS,
  MEDICAL_SERVICE_TABLE_KEY,
  REHAB_DIMENSIONS,
  REHAB_SERVICE_LABELS,
  REHAB_TABLE_KEY,
  CITY_STANDARD,
  dec,
  dutySectorsOf,
  landEntryKey,
  medicalEntryKey,
  rehabEntryKey,
  sectorBodyName,
  type DimensionDef,
  type RateEntry,
  type RateTableKind,
  type RehabService,
} from '@gazette/domain';
import type {
  GazetteDocument,
  GazetteIssueReading,
  ReaderProblem,
  SeedInspectionRound,
  SeedIssue,
  SeedLandTransferFeeTable,
  SeedMedicalItem,
  SeedMedicalPriceTable,
  SeedNoiseDutiesFile,
  SeedRehabStandardsTable,
} from '@gazette/gazette';

/** A body the database knows: its id and names. */
export interface KnownBody {
  id: string;
  name: string;
}

export type ResolveBody = (printed: string) => KnownBody | null;

export interface PlannedArticle {
  number: string;
  path: string;
  text: string;
  lineFrom: number;
  lineTo: number;
}

export interface PlannedRepeal {
  docNo: string;
  kind: 'REPEAL' | 'REPLACE';
  line: number;
  clause: string;
}

export interface PlannedDocument {
  docNo: string;
  prefix: string;
  year: number;
  serial: number;
  title: string;
  category: GazetteDocument['category'];
  issuers: KnownBody[];
  signedOn: string;
  validityClause: string | null;
  effectiveFrom: string;
  expiresOn: string | null;
  isTrial: boolean;
  page: number | null;
  text: string;
  lineFrom: number;
  lineTo: number;
  articles: PlannedArticle[];
  repeals: PlannedRepeal[];
}

/** Canonical keys and names of the table kinds the reader finds; later tables get the document's number. */
export const TABLE_KINDS: Record<
  Exclude<RateTableKind, 'LAND_TERM_COEFFICIENT'>,
  { key: string; dimensions: DimensionDef[] }
> = {
  MEDICAL_SERVICE_PRICE: { key: MEDICAL_SERVICE_TABLE_KEY, dimensions: MEDICAL_SERVICE_DIMENSIONS },
  LAND_TRANSFER_FEE: { key: LAND_TRANSFER_TABLE_KEY, dimensions: LAND_TRANSFER_DIMENSIONS },
  REHAB_ASSISTANCE: { key: REHAB_TABLE_KEY, dimensions: REHAB_DIMENSIONS },
};

/** The administrators' 年期修正系数 table, created empty beside the first land transfer fee table. */
export const TERM_COEFFICIENT_TABLE = {
  key: LAND_TERM_COEFFICIENT_TABLE_KEY,
  name: LAND_TERM_COEFFICIENT_TABLE_NAME,
  dimensions: LAND_TERM_COEFFICIENT_DIMENSIONS,
};

export interface PlannedTable {
  kind: keyof typeof TABLE_KINDS;
  docNo: string;
  name: string;
  lineFrom: number;
  lineTo: number;
  dimensions: DimensionDef[];
  entries: RateEntry[];
}

export interface PlannedFinding {
  organizationId: string;
  line: number | null;
}

export interface PlannedRound {
  quarter: string;
  docNo: string;
  line: number | null;
  source: SeedInspectionRound;
  websiteOrgs: PlannedFinding[];
  newMediaOrgs: PlannedFinding[];
  gapOrgs: {
    kind: 'BASE' | 'PROCESS';
    dataYear: number;
    organizationId: string;
    line: number | null;
  }[];
  adoptionOrgs: PlannedFinding[];
}

export interface PlannedDuty {
  seq: number;
  article: string;
  lawText: string;
  duty: string;
  line: number | null;
  assignments: { organizationId: string; role: string | null }[];
}

export interface PlannedDuties {
  docNo: string;
  duties: PlannedDuty[];
}

export interface IssuePlan {
  issue: SeedIssue;
  documents: PlannedDocument[];
  tables: PlannedTable[];
  rounds: PlannedRound[];
  duties: PlannedDuties[];
  /** Blocking: the import cannot be applied while any remains. */
  problems: ReaderProblem[];
  /** Informational: repairs the reader made by fixed rules, and notes. */
  notes: ReaderProblem[];
}

function lineOf(row: unknown): number | null {
  const line = (row as { line?: unknown }).line;
  return typeof line === 'number' ? line : null;
}

class Planner {
  readonly problems: ReaderProblem[] = [];
  constructor(private readonly resolve: ResolveBody) {}

  body(printed: string, line: number | null, what: string): KnownBody | null {
    const found = this.resolve(printed);
    if (!found) {
      this.problems.push({
        line: line ?? 0,
        code: 'UNKNOWN_BODY',
        message: `${what}“${printed}”不是数据库中已登记的机构名称或别名;请先在“机构”中登记(或添加别名)后重新读取`,
      });
    }
    return found;
  }
}

function planDocument(doc: GazetteDocument, p: Planner): PlannedDocument {
  const issuers: KnownBody[] = [];
  for (const name of doc.issuers) {
    const found = p.body(name, doc.line, `${doc.docNo} 的发文机关`);
    if (found && !issuers.some((i) => i.id === found.id)) issuers.push(found);
  }
  return {
    docNo: doc.docNo,
    prefix: doc.prefix,
    year: doc.year,
    serial: doc.serial,
    title: doc.title,
    category: doc.category,
    issuers,
    signedOn: doc.signedOn,
    validityClause: doc.validityClause,
    effectiveFrom: doc.effectiveFrom,
    expiresOn: doc.expiresOn,
    isTrial: doc.isTrial,
    page: doc.page,
    text: doc.text,
    lineFrom: doc.startLine,
    lineTo: doc.endLine,
    articles: doc.articles.map((a) => ({
      number: a.number,
      path: a.path,
      text: a.text,
      lineFrom: a.line,
      lineTo: a.endLine,
    })),
    repeals: doc.repeals.map((r) => ({
      docNo: r.docNo,
      kind: r.kind,
      line: r.line,
      clause: r.clause,
    })),
  };
}

/** 附件 说明 of a medical item, as typed attributes of each grade's entry. */
function medicalAttributes(
  item: SeedMedicalItem,
  grade: (typeof HOSPITAL_GRADES)[number],
  items: readonly SeedMedicalItem[],
) {
  const attributes: Record<string, unknown> = {
    seq: item.seq,
    contents: item.contents ?? '',
    exclusions: item.exclusions ?? '',
    note: item.notes ?? '',
  };
  const line = lineOf(item);
  if (line !== null) attributes.line = line;
  if (item.priceKind === 'SURCHARGE_RATE' && item.baseCode) attributes.surchargeOf = item.baseCode;
  // A priced sub-item is billed on top of its base item (显微镜下操作, 卵子激活).
  if (item.priceKind === 'AMOUNT' && item.baseCode && items.some((i) => i.code === item.baseCode)) {
    const base = items.find((i) => i.code === item.baseCode)!;
    // 阴道(宫颈)内人工授精 is an item of its own, not an add-on: its name does not extend the base's.
    if (item.name.startsWith(`${base.name}-`)) attributes.addOnTo = item.baseCode;
  }
  // 说明: 不与“…(311201038)”同时计费
  const exclusive = /不与[^。;;]*?同时计费/u.exec(item.notes ?? '');
  if (exclusive) {
    const codes = [...exclusive[0].matchAll(/\d{9}(?:-\d+)?/gu)].map((m) => m[0]);
    if (codes.length) attributes.notBilledWith = codes;
  }
  if (item.includedMonths) attributes.coversMonths = item.includedMonths;
  // 续存: billed per tube per month after the months the freezing item covers.
  if (/续存/u.test(item.notes ?? '')) {
    const freezing = items.find(
      (i) => i.includedMonths && i.name === item.name && i.code !== item.code,
    );
    if (freezing) attributes.storageAfter = freezing.code;
  }
  if (item.extraUnit) {
    attributes.perExtraUnitRate = item.extraUnit.rate;
    attributes.lineCap = item.extraUnit.caps[grade];
  }
  return attributes;
}

function medicalEntries(t: SeedMedicalPriceTable): RateEntry[] {
  const entries: RateEntry[] = [];
  for (const item of t.items) {
    for (const grade of HOSPITAL_GRADES) {
      const value = item.values[grade];
      const surcharge = item.priceKind === 'SURCHARGE_RATE';
      entries.push({
        key: medicalEntryKey(item.code, grade),
        dimensions: { code: item.code, grade },
        code: item.code,
        name: item.name,
        unit: item.unit,
        amount: surcharge ? null : dec(value),
        rate: surcharge ? dec(value) : null,
        baseKey: surcharge && item.baseCode ? medicalEntryKey(item.baseCode, grade) : null,
        attributes: medicalAttributes(item, grade, t.items),
        position: entries.length,
      });
    }
  }
  return entries;
}

function landEntries(t: SeedLandTransferFeeTable): RateEntry[] {
  return t.entries.map((e, position) => ({
    key: landEntryKey(e.landUse, e.grade, e.frontage),
    dimensions: { landUse: e.landUse, grade: String(e.grade), frontage: e.frontage },
    code: null,
    name: `${LAND_USE_LABELS[e.landUse]} ${LAND_GRADE_LABELS[e.grade - 1] ?? ''} ${FRONTAGE_LABELS[e.frontage]}`,
    unit: t.unit,
    amount: dec(e.amount),
    rate: null,
    baseKey: null,
    attributes: lineOf(e) === null ? {} : { line: lineOf(e) },
    position,
  }));
}

function rehabEntries(t: SeedRehabStandardsTable): RateEntry[] {
  return t.entries.map((s, position) => ({
    key: rehabEntryKey(s.service as RehabService),
    dimensions: { service: s.service, county: CITY_STANDARD },
    code: s.service,
    name: REHAB_SERVICE_LABELS[s.service as RehabService],
    unit: s.period === 'YEAR' ? '元/人·年' : s.period === 'EACH' ? '元/具' : '元/人',
    amount: dec(s.cap),
    rate: null,
    baseKey: null,
    attributes: {
      period: s.period,
      repeatYears: s.repeatYears,
      article: s.article,
      text: s.text,
      line: s.line,
    },
    position,
  }));
}

function lastLine(entries: readonly RateEntry[], first: number): number {
  return entries.reduce(
    (max, e) => Math.max(max, typeof e.attributes.line === 'number' ? e.attributes.line : 0),
    first,
  );
}

function planRound(r: SeedInspectionRound, docNo: string, p: Planner): PlannedRound {
  const find = (name: string, line: number | null, what: string): PlannedFinding | null => {
    const body = p.body(name, line, what);
    return body ? { organizationId: body.id, line } : null;
  };
  const gapOrgs: PlannedRound['gapOrgs'] = [];
  for (const g of r.dataCollectionGaps) {
    g.organizations.forEach((name, k) => {
      const line = (g as { lines?: number[] }).lines?.[k] ?? lineOf(g);
      const body = p.body(name, line, `${r.quarter} 数据汇集未更新的部门`);
      if (body) gapOrgs.push({ kind: g.kind, dataYear: g.dataYear, organizationId: body.id, line });
    });
  }
  const defined = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null);
  return {
    quarter: r.quarter,
    docNo,
    line: lineOf(r),
    source: r,
    websiteOrgs: defined(
      r.websiteFindings.map((f) => find(f.siteName, lineOf(f), `${r.quarter} 附件1 的网站`)),
    ),
    newMediaOrgs: defined(
      r.newMediaFindings.map((f) => find(f.owner, lineOf(f), `${r.quarter} 附件2 的所属单位`)),
    ),
    gapOrgs,
    adoptionOrgs: defined(
      r.adoptions.map((a) => find(a.organization, lineOf(a), `${r.quarter} 信息采用情况中的单位`)),
    ),
  };
}

function planDuties(f: SeedNoiseDutiesFile, docNo: string, p: Planner): PlannedDuties {
  return {
    docNo,
    duties: f.duties.map((d) => {
      const line = lineOf(d);
      const assignments: PlannedDuty['assignments'] = [];
      for (const { sector, role } of dutySectorsOf(d.duty)) {
        const body = p.body(
          sectorBodyName(sector),
          line,
          `序号${d.seq} 职责部门“${sector}”对应的机构`,
        );
        if (body && !assignments.some((a) => a.organizationId === body.id))
          assignments.push({ organizationId: body.id, role });
      }
      if (assignments.length === 0) {
        p.problems.push({
          line: line ?? 0,
          code: 'DUTY_WITHOUT_BODY',
          message: `序号${d.seq} 的职责部门中没有识别出任何部门:${d.duty}`,
        });
      }
      return {
        seq: d.seq,
        article: d.article,
        lawText: d.lawText,
        duty: d.duty,
        line,
        assignments,
      };
    }),
  };
}

/** A rate table of the reading with its entries: it spans from its heading to its last entry's line. */
function planTable(
  t: { kind: PlannedTable['kind']; docNo: string; line: number; data: { name: string } },
  entries: RateEntry[],
): PlannedTable {
  return {
    kind: t.kind,
    docNo: t.docNo,
    name: t.data.name,
    lineFrom: t.line,
    lineTo: lastLine(entries, t.line),
    dimensions: TABLE_KINDS[t.kind].dimensions,
    entries,
  };
}

/** The records of one reading, with every problem the reader or the name lookup found. */
export function planIssue(reading: GazetteIssueReading, resolve: ResolveBody): IssuePlan {
  const p = new Planner(resolve);
  const documents = reading.documents.map((d) => planDocument(d, p));
  const tables: PlannedTable[] = [];
  const rounds: PlannedRound[] = [];
  const duties: PlannedDuties[] = [];
  for (const t of reading.tables) {
    if (t.kind === 'REHAB_ASSISTANCE') tables.push(planTable(t, rehabEntries(t.data)));
    else if (t.kind === 'MEDICAL_SERVICE_PRICE') tables.push(planTable(t, medicalEntries(t.data)));
    else if (t.kind === 'LAND_TRANSFER_FEE') tables.push(planTable(t, landEntries(t.data)));
    else if (t.kind === 'NOISE_DUTIES') duties.push(planDuties(t.data, t.docNo, p));
    else rounds.push(planRound(t.data, t.docNo, p));
  }
  const byLine = (a: ReaderProblem, b: ReaderProblem) => a.line - b.line;
  return {
    issue: reading.issue,
    documents,
    tables,
    rounds,
    duties,
    problems: [...reading.problems, ...p.problems].sort(byLine),
    notes: [...reading.repairs].sort(byLine),
  };
}
