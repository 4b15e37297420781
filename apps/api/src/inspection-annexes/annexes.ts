// The annexes of a quarter's 通报 (泸市府室发〔2024〕34号): 附件1 websites, 附件2 new media, 附件3
// data collection, and the information-adoption list of its text, read from tables whose headers
// are as the gazette prints them (the English headers of the first CSV import are accepted too).
// A table is validated whole: every bad row is reported with its line, column and cell, and
// nothing is returned for writing unless there is none.
import type { BodyResolver } from '../services/organizations/resolve-body.ts';
import { cellAddress, type RawRow, type RawTable } from './table.ts';
import { runAtOnce, runYielding, type Steps } from './yielding.ts';

export type AnnexKind = 'WEBSITE' | 'NEW_MEDIA' | 'DATA_COLLECTION' | 'ADOPTION';

/** How each annex is called in messages, and the worksheet an XLSX holds it in. */
export const ANNEX_LABEL: Record<AnnexKind, string> = {
  WEBSITE: '附件1',
  NEW_MEDIA: '附件2',
  DATA_COLLECTION: '附件3',
  ADOPTION: '信息采用情况',
};

export interface AnnexRowError {
  annex: AnnexKind;
  /** 附件1, 附件2, 附件3 or 信息采用情况. */
  file: string;
  /** The uploaded file's name, when the client gave one. */
  fileName: string | null;
  /** XLSX: the worksheet read. */
  sheet: string | null;
  /** 1-based line (CSV) or row (XLSX); the header's own line for header problems; null: the whole file. */
  line: number | null;
  /** The column's header as written in the file (or the printed one when it is missing). */
  column: string | null;
  /** A1-style address of the cell, e.g. C5. */
  cell: string | null;
  message: string;
}

interface ColumnSpec {
  key: string;
  /** The printed header first, then accepted alternatives. */
  headers: readonly string[];
  required: boolean;
}

const col = (key: string, headers: string[], required = true): ColumnSpec => ({
  key,
  headers,
  required,
});

/** Accepted headers per annex: the printed Chinese one first (exports use it), then the English one of the first CSV import. */
export const ANNEX_COLUMNS: Record<AnnexKind, readonly ColumnSpec[]> = {
  WEBSITE: [
    col('seq', ['序号', 'siteSeq']),
    col('site', ['检查网站', 'siteName']),
    col('problems', ['存在问题', 'description']),
    col('rectified', ['是否整改完成', 'rectified']),
    col('owner', ['所属单位', 'organization'], false),
  ],
  NEW_MEDIA: [
    col('seq', ['序号', 'seq']),
    col('account', ['新媒体名称', 'account']),
    col('owner', ['所属区县或部门', 'owner']),
    col('platform', ['类型', 'platform']),
    col('problem', ['存在的突出问题', 'description']),
    col('rectified', ['是否整改完成', 'rectified'], false),
  ],
  DATA_COLLECTION: [
    col('kind', ['类别', 'kind']),
    col('year', ['数据年份', 'dataYear']),
    col('body', ['部门', 'organization']),
  ],
  ADOPTION: [col('rating', ['评价', 'rating']), col('body', ['单位', 'organization'])],
};

/** The printed header of a column (exports and messages). */
export const printedHeaders = (annex: AnnexKind) => ANNEX_COLUMNS[annex].map((c) => c.headers[0]!);

export interface WebsiteRow {
  line: number;
  siteSeq: number;
  siteName: string;
  position: number;
  description: string;
  rectified: boolean;
  organizationId: string;
  /** Official name of the body. */
  organization: string;
}

export interface NewMediaRow {
  line: number;
  seq: number;
  account: string;
  platform: string;
  description: string;
  /** null: unknown (no 是否整改完成 column, or an empty cell). */
  rectified: boolean | null;
  organizationId: string;
  organization: string;
}

export interface DataGapRow {
  line: number;
  kind: 'BASE' | 'PROCESS';
  dataYear: number;
  /** Order within its kind, from 0. */
  position: number;
  organizationId: string;
  organization: string;
}

export interface AdoptionRow {
  line: number;
  rating: 'GOOD' | 'ZERO';
  /** Order within its rating, from 0. */
  position: number;
  organizationId: string;
  organization: string;
}

export interface AnnexRows {
  WEBSITE: WebsiteRow[];
  NEW_MEDIA: NewMediaRow[];
  DATA_COLLECTION: DataGapRow[];
  ADOPTION: AdoptionRow[];
}

// ------------------------------------------------------------------ values

const TRUE = new Set(['整改完成', '已整改', '是', '已完成', 'true', 'yes', '1']);
const FALSE = new Set(['未整改', '否', '未完成', 'false', 'no', '0']);

/** 整改完成/已整改/是 → true, 未整改/否 → false, '' → null, anything else → undefined. */
export function rectifiedValue(text: string): boolean | null | undefined {
  const v = compact(text).toLowerCase();
  if (v === '') return null;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return undefined;
}

const KIND: Record<string, 'BASE' | 'PROCESS'> = {
  基础数据: 'BASE',
  基础: 'BASE',
  base: 'BASE',
  过程数据: 'PROCESS',
  过程: 'PROCESS',
  process: 'PROCESS',
};
const RATING: Record<string, 'GOOD' | 'ZERO'> = {
  较好: 'GOOD',
  good: 'GOOD',
  为0: 'ZERO',
  '0': 'ZERO',
  为0条: 'ZERO',
  采用为0条: 'ZERO',
  zero: 'ZERO',
};
export const KIND_LABEL = { BASE: '基础数据', PROCESS: '过程数据' } as const;
export const RATING_LABEL = { GOOD: '较好', ZERO: '为0' } as const;

/** Removes all whitespace (headers, numbers, body names). */
export function compact(text: string): string {
  return text.replace(/\s+/gu, '');
}

// Han ideographs and the CJK / full-width punctuation printed between them.
const CJK = String.raw`\p{Script=Han}·、,。;:!?()《》〈〉“”‘’〔〕【】（），。；：！？`;
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');

/** One line of text: runs of whitespace to one space, none between Chinese characters (OCR and wrapped cells). */
export function tidy(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().replace(SPACE_BETWEEN_CJK, '');
}

const NEUTRALISED = /^'(?='*[=+\-@])/u;

/** Undoes the export's formula neutralisation ('=… → =…, ''=… → '=…). */
export function unneutralise(text: string): string {
  return text.replace(NEUTRALISED, '');
}

// ------------------------------------------------------------------ tables

interface Context {
  annex: AnnexKind;
  errors: AnnexRowError[];
  fileName: string | null;
  sheet: string | null;
  resolve: BodyResolver;
}

function fail(
  ctx: Context,
  line: number | null,
  column: string | null,
  cell: string | null,
  message: string,
) {
  ctx.errors.push({
    annex: ctx.annex,
    file: ANNEX_LABEL[ctx.annex],
    fileName: ctx.fileName,
    sheet: ctx.sheet,
    line,
    column,
    cell,
    message,
  });
}

interface Cell {
  text: string;
  column: string;
  cell: string;
}

interface Row {
  line: number;
  get(key: string): Cell;
}

const nonEmpty = (row: RawRow) => row.cells.filter((c) => c.trim() !== '').length;

/** A note under a table (说明:检测时间为… / 注:…): one cell and nothing else. */
const isNote = (row: RawRow) =>
  nonEmpty(row) === 1 &&
  /^(说明|注)[::]/u.test(compact(row.cells.find((c) => c.trim() !== '') ?? ''));

/**
 * The header row and the data rows under it. Title lines before the header (附件1, the table's
 * caption: one cell each) are skipped, as are blank rows, notes and repeated headers (a table
 * printed across pages).
 */
function* readHeader(ctx: Context, table: RawTable): Steps<{ rows: Row[] } | null> {
  const specs = ANNEX_COLUMNS[ctx.annex];
  const known = new Map<string, ColumnSpec>();
  for (const s of specs) for (const h of s.headers) known.set(compact(h).toLowerCase(), s);
  const rows = table.rows.filter((r) => !r.blank);
  let at = 0;
  while (
    at < rows.length &&
    nonEmpty(rows[at]!) === 1 &&
    !rows[at]!.cells.some((c) => known.has(compact(c).toLowerCase()))
  )
    at++;
  const header = rows[at];
  if (!header) {
    fail(ctx, null, null, null, '文件是空的:没有表头和数据行');
    return null;
  }
  const before = ctx.errors.length;
  const names = header.cells.map((c) => compact(c));
  const columns = new Map<string, { index: number; name: string }>();
  const body = rows.slice(at + 1);
  names.forEach((name, index) => {
    if (name === '') {
      if (body.some((r) => (r.cells[index] ?? '').trim() !== ''))
        fail(
          ctx,
          header.line,
          null,
          cellAddress(index, header.line),
          `第 ${index + 1} 列有数据但没有表头`,
        );
      return;
    }
    const spec = known.get(name.toLowerCase());
    if (!spec)
      return fail(
        ctx,
        header.line,
        name,
        cellAddress(index, header.line),
        `未知的列:${name}(${ANNEX_LABEL[ctx.annex]} 的列为 ${printedHeaders(ctx.annex).join('、')})`,
      );
    if (columns.has(spec.key))
      return fail(ctx, header.line, name, cellAddress(index, header.line), `列 ${name} 重复`);
    columns.set(spec.key, { index, name });
  });
  for (const s of specs) {
    if (s.required && !columns.has(s.key))
      fail(ctx, header.line, s.headers[0]!, null, `缺少列 ${s.headers[0]}`);
  }
  // A header that is wrong would make every row wrong: report the header alone.
  if (ctx.errors.length > before) return null;
  const data: RawRow[] = [];
  for (const r of body) {
    if (!isNote(r) && !r.cells.every((c, i) => compact(c) === (names[i] ?? ''))) data.push(r);
    yield;
  }
  if (data.length === 0) fail(ctx, header.line + 1, null, null, '没有数据行');
  return {
    rows: data.map((r) => {
      const extra = r.cells.findIndex((c, i) => i >= names.length && c.trim() !== '');
      if (extra >= 0)
        fail(
          ctx,
          r.line,
          null,
          cellAddress(extra, r.line),
          `应有 ${names.length} 列,第 ${extra + 1} 列超出表头`,
        );
      return {
        line: r.line,
        get(key: string): Cell {
          const c = columns.get(key);
          const spec = specs.find((s) => s.key === key)!;
          if (!c) return { text: '', column: spec.headers[0]!, cell: '' };
          return {
            text: unneutralise((r.cells[c.index] ?? '').trim()),
            column: c.name,
            cell: cellAddress(c.index, r.line),
          };
        },
      };
    }),
  };
}

function required(ctx: Context, line: number, c: Cell): string {
  if (!c.text) fail(ctx, line, c.column, c.cell || null, `${c.column} 不能为空`);
  return c.text;
}

function seqOf(ctx: Context, line: number, c: Cell): number {
  const v = compact(c.text);
  if (!/^[1-9]\d{0,3}$/u.test(v)) {
    fail(ctx, line, c.column, c.cell || null, `${c.column}须为 1–9999 的整数:${c.text || '(空)'}`);
    return 0;
  }
  return Number(v);
}

function body(
  ctx: Context,
  line: number,
  c: Cell,
  printed = c.text,
): { id: string; name: string } | null {
  if (!printed) return null;
  const found = ctx.resolve(printed);
  if (!found)
    fail(
      ctx,
      line,
      c.column,
      c.cell || null,
      `不是已登记的机构或别名:${tidy(printed)}(可在“机构”中为它添加别名)`,
    );
  return found;
}

// ------------------------------------------------------------------ the annexes

/**
 * 附件1: 序号, 检查网站, 存在问题, 是否整改完成 [, 所属单位]. A 存在问题 cell may hold several
 * problems, one a line (as printed): one finding each. 是否整改完成 holds one value for them all or one a line. Rows with the same 序号 continue
 * that site's findings. The owner is 所属单位 when given, else the body the site name resolves to.
 */
function* parseWebsites(ctx: Context, table: RawTable): Steps<WebsiteRow[]> {
  const t = yield* readHeader(ctx, table);
  if (!t) return [];
  const positions = new Map<number, { next: number; site: string }>();
  const out: WebsiteRow[] = [];
  for (const r of t.rows) {
    yield;
    const seqCell = r.get('seq');
    const siteSeq = seqOf(ctx, r.line, seqCell);
    const siteCell = r.get('site');
    const siteName = tidy(required(ctx, r.line, siteCell));
    const ownerCell = r.get('owner');
    const owner = ownerCell.text
      ? body(ctx, r.line, ownerCell)
      : siteName
        ? body(ctx, r.line, siteCell, siteName)
        : null;
    const problemsCell = r.get('problems');
    const problems = required(ctx, r.line, problemsCell)
      .split(/\r?\n|\r/u)
      .map(tidy)
      .filter((p) => p !== '');
    const statusCell = r.get('rectified');
    const statuses = statusCell.text
      .split(/\r?\n|\r/u)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const values = statuses.map(rectifiedValue);
    if (statuses.length === 0)
      fail(
        ctx,
        r.line,
        statusCell.column,
        statusCell.cell || null,
        `${statusCell.column} 不能为空(整改完成/已整改/是,或 未整改/否)`,
      );
    values.forEach((v, i) => {
      if (v == null)
        fail(
          ctx,
          r.line,
          statusCell.column,
          statusCell.cell || null,
          `${statusCell.column}应为 整改完成/已整改/是 或 未整改/否:${statuses[i]}`,
        );
    });
    if (statuses.length > 1 && statuses.length !== problems.length) {
      fail(
        ctx,
        r.line,
        statusCell.column,
        statusCell.cell || null,
        `${statusCell.column}有 ${statuses.length} 行,而存在问题有 ${problems.length} 条`,
      );
    }
    if (siteSeq) {
      const seen = positions.get(siteSeq);
      if (seen && siteName && seen.site !== siteName)
        fail(
          ctx,
          r.line,
          seqCell.column,
          seqCell.cell || null,
          `序号 ${siteSeq} 已用于 ${seen.site}`,
        );
      positions.set(siteSeq, {
        next: (seen?.next ?? 0) + problems.length,
        site: seen?.site ?? siteName,
      });
      problems.forEach((description, i) => {
        out.push({
          line: r.line,
          siteSeq,
          siteName,
          position: (seen?.next ?? 0) + i,
          description,
          rectified: (values.length > 1 ? values[i] : values[0]) ?? false,
          organizationId: owner?.id ?? '',
          organization: owner?.name ?? '',
        });
      });
    }
  }
  return out;
}

/** 附件2: 序号, 新媒体名称, 所属区县或部门, 类型, 存在的突出问题 [, 是否整改完成: empty → unknown]. */
function* parseNewMedia(ctx: Context, table: RawTable): Steps<NewMediaRow[]> {
  const t = yield* readHeader(ctx, table);
  if (!t) return [];
  const seen = new Map<number, number>();
  const out: NewMediaRow[] = [];
  for (const r of t.rows) {
    yield;
    const seqCell = r.get('seq');
    const seq = seqOf(ctx, r.line, seqCell);
    if (seq && seen.has(seq))
      fail(
        ctx,
        r.line,
        seqCell.column,
        seqCell.cell || null,
        `序号 ${seq} 与第 ${seen.get(seq)} 行重复`,
      );
    if (seq && !seen.has(seq)) seen.set(seq, r.line);
    const account = tidy(required(ctx, r.line, r.get('account')));
    const ownerCell = r.get('owner');
    const owner = body(ctx, r.line, ownerCell, required(ctx, r.line, ownerCell));
    const platform = tidy(required(ctx, r.line, r.get('platform')));
    const description = tidy(required(ctx, r.line, r.get('problem')));
    const statusCell = r.get('rectified');
    const rectified = rectifiedValue(statusCell.text);
    if (rectified === undefined) {
      fail(
        ctx,
        r.line,
        statusCell.column,
        statusCell.cell || null,
        `${statusCell.column}应为 整改完成/已整改/是、未整改/否,或留空(未知):${statusCell.text}`,
      );
    }
    out.push({
      line: r.line,
      seq,
      account,
      platform,
      description,
      rectified: rectified ?? null,
      organizationId: owner?.id ?? '',
      organization: owner?.name ?? '',
    });
  }
  return out;
}

const PRINTED_GAP = /^未更新(\d{4})年(基础|过程)数据的(?:部门|单位)$/u;

/**
 * 附件3, either as a table 类别 (基础数据|过程数据), 数据年份, 部门 with one body a row, or as
 * printed: `未更新2023年基础数据的部门 | 市经济和信息化局、市文化广电旅游局、…` (the list may run on
 * over further cells). A body is listed once per kind.
 */
function* parseDataCollection(ctx: Context, table: RawTable): Steps<DataGapRow[]> {
  const rows = table.rows.filter((r) => !r.blank && !isNote(r));
  const firstLabel = rows.map((r) => compact(r.cells[0] ?? '')).find((c) => PRINTED_GAP.test(c));
  const items: { line: number; kind: 'BASE' | 'PROCESS'; dataYear: number; cell: Cell }[] = [];
  if (firstLabel) {
    // The printed form: title lines (one cell) may come first; every other row is a label and its list.
    let started = false;
    for (const r of rows) {
      yield;
      const label = compact(r.cells[0] ?? '');
      const m = PRINTED_GAP.exec(label);
      if (!m) {
        if (!started && nonEmpty(r) === 1) continue;
        fail(
          ctx,
          r.line,
          null,
          cellAddress(0, r.line),
          `应为“未更新YYYY年基础数据的部门”或“未更新YYYY年过程数据的部门”:${tidy(r.cells[0] ?? '')}`,
        );
        continue;
      }
      started = true;
      let count = 0;
      r.cells.slice(1).forEach((text, k) => {
        for (const name of text
          .split(/[、,，;；]/u)
          .map(compact)
          .filter((n) => n !== '')) {
          count++;
          items.push({
            line: r.line,
            kind: m[2] === '基础' ? 'BASE' : 'PROCESS',
            dataYear: Number(m[1]),
            cell: { text: name, column: '部门', cell: cellAddress(k + 1, r.line) },
          });
        }
      });
      if (count === 0) fail(ctx, r.line, '部门', cellAddress(1, r.line), `${label} 没有列出部门`);
    }
  } else {
    const t = yield* readHeader(ctx, table);
    if (!t) return [];
    for (const r of t.rows) {
      yield;
      const kindCell = r.get('kind');
      const kind = KIND[compact(kindCell.text).toLowerCase()];
      if (!kind)
        fail(
          ctx,
          r.line,
          kindCell.column,
          kindCell.cell || null,
          `${kindCell.column}应为 基础数据 或 过程数据:${kindCell.text || '(空)'}`,
        );
      const yearCell = r.get('year');
      const year = /^(\d{4})年?$/u.exec(compact(yearCell.text));
      const dataYear = year ? Number(year[1]) : 0;
      if (!year || dataYear < 1990 || dataYear > 2100)
        fail(
          ctx,
          r.line,
          yearCell.column,
          yearCell.cell || null,
          `${yearCell.column}应为四位年份,如 2024:${yearCell.text || '(空)'}`,
        );
      const bodyCell = r.get('body');
      required(ctx, r.line, bodyCell);
      if (kind) items.push({ line: r.line, kind, dataYear, cell: bodyCell });
    }
  }
  const seen = new Map<string, number>();
  const positions = { BASE: 0, PROCESS: 0 };
  const out: DataGapRow[] = [];
  for (const it of items) {
    yield;
    const found = body(ctx, it.line, it.cell);
    if (!found) continue;
    const key = `${it.kind}:${found.id}`;
    if (seen.has(key)) {
      fail(
        ctx,
        it.line,
        it.cell.column,
        it.cell.cell || null,
        `${found.name} 在${KIND_LABEL[it.kind]}中已列出(第 ${seen.get(key)} 行)`,
      );
      continue;
    }
    seen.set(key, it.line);
    out.push({
      line: it.line,
      kind: it.kind,
      dataYear: it.dataYear,
      position: positions[it.kind]++,
      organizationId: found.id,
      organization: found.name,
    });
  }
  return out;
}

/** 信息采用情况: 评价 (较好 | 为0), 单位; one body a row, each body once. */
function* parseAdoptions(ctx: Context, table: RawTable): Steps<AdoptionRow[]> {
  const t = yield* readHeader(ctx, table);
  if (!t) return [];
  const seen = new Map<string, number>();
  const positions = { GOOD: 0, ZERO: 0 };
  const out: AdoptionRow[] = [];
  for (const r of t.rows) {
    yield;
    const ratingCell = r.get('rating');
    const rating = RATING[compact(ratingCell.text).toLowerCase()];
    if (!rating)
      fail(
        ctx,
        r.line,
        ratingCell.column,
        ratingCell.cell || null,
        `${ratingCell.column}应为 较好 或 为0:${ratingCell.text || '(空)'}`,
      );
    const bodyCell = r.get('body');
    const found = body(ctx, r.line, bodyCell, required(ctx, r.line, bodyCell));
    if (!found || !rating) continue;
    if (seen.has(found.id)) {
      fail(
        ctx,
        r.line,
        bodyCell.column,
        bodyCell.cell || null,
        `${found.name} 已在第 ${seen.get(found.id)} 行列出`,
      );
      continue;
    }
    seen.set(found.id, r.line);
    out.push({
      line: r.line,
      rating,
      position: positions[rating]++,
      organizationId: found.id,
      organization: found.name,
    });
  }
  return out;
}

const PARSERS: { [K in AnnexKind]: (ctx: Context, table: RawTable) => Steps<AnnexRows[K]> } = {
  WEBSITE: parseWebsites,
  NEW_MEDIA: parseNewMedia,
  DATA_COLLECTION: parseDataCollection,
  ADOPTION: parseAdoptions,
};

/** Parses one annex table; problems are appended to `errors` (the rows are only usable when none were). */
export function parseAnnex<K extends AnnexKind>(
  annex: K,
  table: RawTable,
  resolve: BodyResolver,
  errors: AnnexRowError[],
  fileName: string | null = null,
): AnnexRows[K] {
  return runAtOnce(PARSERS[annex]({ annex, errors, fileName, sheet: table.sheet, resolve }, table));
}

/** parseAnnex, giving the event loop back between rows every few milliseconds (large imports). */
export function parseAnnexYielding<K extends AnnexKind>(
  annex: K,
  table: RawTable,
  resolve: BodyResolver,
  errors: AnnexRowError[],
  fileName: string | null = null,
): Promise<AnnexRows[K]> {
  return runYielding(
    PARSERS[annex]({ annex, errors, fileName, sheet: table.sheet, resolve }, table),
  );
}

/** An error about the whole file (unreadable, wrong format). */
export function fileError(
  annex: AnnexKind,
  message: string,
  fileName: string | null = null,
): AnnexRowError {
  return {
    annex,
    file: ANNEX_LABEL[annex],
    fileName,
    sheet: null,
    line: null,
    column: null,
    cell: null,
    message,
  };
}
