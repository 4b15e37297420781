// CSV of a quarter's inspection annexes (泸市府室发〔2024〕34号 附件1 网站, 附件2 政务新媒体): parsed and
// validated whole, so a file with any bad row is rejected with every bad row and column named.
import { parseCsvRecords } from '@gazette/domain';
import type { BodyResolver } from './services/organizations/resolve-body.ts';

export type Annex = 'WEBSITE' | 'NEW_MEDIA';

export interface AnnexCsvError {
  annex: Annex;
  /** 1-based line of the file (the header is line 1). */
  line: number;
  column: string | null;
  message: string;
}

export interface WebsiteRow {
  line: number;
  siteSeq: number;
  siteName: string;
  position: number;
  description: string;
  /** Official name of the body (organisation registry). */
  organization: string;
  rectified: boolean;
}

export interface NewMediaRow {
  line: number;
  seq: number;
  account: string;
  platform: string;
  description: string;
  organization: string;
  /** null: unknown (附件2 prints no rectification column; an empty cell). */
  rectified: boolean | null;
}

export const WEBSITE_COLUMNS = ['siteSeq', 'siteName', 'description', 'rectified', 'organization'] as const;
export const NEW_MEDIA_COLUMNS = ['seq', 'account', 'owner', 'platform', 'description', 'rectified'] as const;
const REQUIRED: Record<Annex, readonly string[]> = {
  WEBSITE: ['siteSeq', 'siteName', 'description'],
  NEW_MEDIA: ['seq', 'account', 'owner', 'platform', 'description'],
};

const TRUE = new Set(['true', '是', '1', '整改完成', '已整改', 'yes']);
const FALSE = new Set(['false', '否', '0', '未整改', '未完成', 'no', '']);

function table(text: string, annex: Annex, known: readonly string[], errors: AnnexCsvError[]) {
  const records = parseCsvRecords(text);
  const header = records[0];
  if (!header) {
    errors.push({ annex, line: 1, column: null, message: 'CSV 为空,缺少表头' });
    return null;
  }
  const names = header.cells.map((c) => c.trim());
  for (const n of names) if (!known.includes(n)) errors.push({ annex, line: 1, column: n, message: `未知的列:${n || '(空)'}` });
  for (const n of REQUIRED[annex]) if (!names.includes(n)) errors.push({ annex, line: 1, column: n, message: `缺少列 ${n}` });
  const rows = records.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) errors.push({ annex, line: 2, column: null, message: 'CSV 没有数据行' });
  return { names, rows };
}

function cellsOf(names: string[], cells: string[]) {
  return (n: string) => {
    const i = names.indexOf(n);
    return i < 0 ? '' : (cells[i] ?? '').trim();
  };
}

function seqOf(value: string, annex: Annex, line: number, column: string, errors: AnnexCsvError[]): number {
  if (!/^[1-9]\d{0,3}$/.test(value)) {
    errors.push({ annex, line, column, message: `${column}(序号)须为正整数:${value || '(空)'}` });
    return 0;
  }
  return Number(value);
}

function rectifiedOf(value: string, annex: Annex, line: number, errors: AnnexCsvError[]): boolean {
  const v = value.toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  errors.push({ annex, line, column: 'rectified', message: `rectified(是否整改完成)应为 是/否:${value}` });
  return false;
}

function required(value: string, annex: Annex, line: number, column: string, errors: AnnexCsvError[]) {
  if (!value) errors.push({ annex, line, column, message: `${column} 不能为空` });
  return value;
}

function owner(resolve: BodyResolver, name: string, annex: Annex, line: number, column: string, errors: AnnexCsvError[]): string {
  if (!name) return '';
  const org = resolve(name);
  if (!org) errors.push({ annex, line, column, message: `不是已登记的机构或别名:${name}(可在“机构”中添加别名)` });
  return org?.name ?? '';
}

export function parseWebsiteAnnexCsv(text: string, errors: AnnexCsvError[], resolve: BodyResolver): WebsiteRow[] {
  const t = table(text, 'WEBSITE', WEBSITE_COLUMNS, errors);
  if (!t || errors.length) return [];
  const positions = new Map<number, number>();
  return t.rows.map((r) => {
    if (r.cells.length !== t.names.length) {
      errors.push({ annex: 'WEBSITE', line: r.line, column: null, message: `应有 ${t.names.length} 列,实有 ${r.cells.length} 列` });
    }
    const get = cellsOf(t.names, r.cells);
    const siteSeq = seqOf(get('siteSeq'), 'WEBSITE', r.line, 'siteSeq', errors);
    const siteName = required(get('siteName'), 'WEBSITE', r.line, 'siteName', errors);
    const position = positions.get(siteSeq) ?? 0;
    positions.set(siteSeq, position + 1);
    // 附件1 names each body by its website; an explicit organization column wins.
    const organization = get('organization')
      ? owner(resolve, get('organization'), 'WEBSITE', r.line, 'organization', errors)
      : owner(resolve, siteName, 'WEBSITE', r.line, 'siteName', errors);
    return {
      line: r.line,
      siteSeq,
      siteName,
      position,
      description: required(get('description'), 'WEBSITE', r.line, 'description', errors),
      organization,
      rectified: rectifiedOf(get('rectified'), 'WEBSITE', r.line, errors),
    };
  });
}

export function parseNewMediaAnnexCsv(text: string, errors: AnnexCsvError[], resolve: BodyResolver): NewMediaRow[] {
  const t = table(text, 'NEW_MEDIA', NEW_MEDIA_COLUMNS, errors);
  if (!t || errors.length) return [];
  const seen = new Set<number>();
  return t.rows.map((r) => {
    if (r.cells.length !== t.names.length) {
      errors.push({ annex: 'NEW_MEDIA', line: r.line, column: null, message: `应有 ${t.names.length} 列,实有 ${r.cells.length} 列` });
    }
    const get = cellsOf(t.names, r.cells);
    const seq = seqOf(get('seq'), 'NEW_MEDIA', r.line, 'seq', errors);
    if (seq && seen.has(seq)) errors.push({ annex: 'NEW_MEDIA', line: r.line, column: 'seq', message: `序号 ${seq} 重复` });
    seen.add(seq);
    return {
      line: r.line,
      seq,
      account: required(get('account'), 'NEW_MEDIA', r.line, 'account', errors),
      platform: required(get('platform'), 'NEW_MEDIA', r.line, 'platform', errors),
      description: required(get('description'), 'NEW_MEDIA', r.line, 'description', errors),
      organization: owner(resolve, required(get('owner'), 'NEW_MEDIA', r.line, 'owner', errors), 'NEW_MEDIA', r.line, 'owner', errors),
      rectified: get('rectified') === '' ? null : rectifiedOf(get('rectified'), 'NEW_MEDIA', r.line, errors),
    };
  });
}

function csvCell(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: (string | number | boolean)[][]): string {
  return [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}
