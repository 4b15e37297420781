// Small text helpers for OCR'd gazette Markdown.
import { isPlainDate, plainDate, type PlainDate } from '@gazette/domain';

/** One line of the issue, numbered from 1 as an editor shows it. */
export interface Line {
  no: number;
  text: string;
}

export function toLines(markdown: string): Line[] {
  return markdown.split(/\r?\n/u).map((text, i) => ({ no: i + 1, text }));
}

// Han ideographs and the CJK / full-width punctuation the gazette prints between them.
const CJK = String.raw`\p{Script=Han}·、,。;:!?()《》〈〉“”‘’〔〕【】（），。；：！？`;
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');

/**
 * Removes the spaces OCR puts inside Chinese text (`市 退役军人事务局`, `长江经济 开发区`),
 * keeping spaces between Latin words. Collapses other runs of whitespace to one space.
 */
export function stripCjkSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().replace(SPACE_BETWEEN_CJK, '');
}

/** Removes all whitespace (for comparing names and numbers). */
export function compact(text: string): string {
  return text.replace(/\s+/gu, '');
}

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;

/** `2024年12月4日` → `2024-12-04`; null when absent or not a calendar date. */
export function parseChineseDate(text: string): PlainDate | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const date = plainDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return isPlainDate(date) ? date : null;
}

/** A line holding nothing but a date, as printed under a signature. */
export function isDateLine(text: string): boolean {
  return /^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/u.test(text);
}

// A signature line: an organisation's name and nothing else.
const ORG_LINE =
  /^[\p{Script=Han}·()()]{2,40}(?:人民政府|政府|办公室|局|委员会|管委会|委|厅|院|中心|会|支队)$/u;

/** A line naming one organisation and nothing else (compacted), as in a signature block. */
export function isOrganizationLine(text: string): boolean {
  return ORG_LINE.test(text);
}

/**
 * Table cells sometimes carry HTML (`<p>…</p>`, `<ol><li>1. …</li></ol>`): paragraphs and list
 * items become lines joined by \n, other tags are dropped, entities decoded.
 */
export function htmlCellToText(cell: string): string {
  if (!/<[a-z/][^>]*>/iu.test(cell)) return cell.trim();
  const text = cell
    .replace(/<\s*(?:br)\s*\/?>/giu, '\n')
    .replace(/<\s*\/\s*(?:p|li|div)\s*>/giu, '\n')
    .replace(/<[^>]+>/gu, '')
    .replace(/&nbsp;/gu, ' ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

/**
 * Lines read as one text (each line mapped, by default compacted), remembering which line every
 * character came from: a sentence OCR broke over a page break is matched whole, and what is
 * found in it still names its line.
 */
export class LocatedText {
  readonly text: string;
  private readonly starts: number[] = [];
  private readonly nos: number[] = [];

  constructor(lines: readonly Line[], map: (text: string) => string = compact) {
    let text = '';
    for (const line of lines) {
      const part = map(line.text);
      if (part === '') continue;
      this.starts.push(text.length);
      this.nos.push(line.no);
      text += part;
    }
    this.text = text;
  }

  /** The line holding the character at `offset` (the last line for the end of the text). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.nos[lo]!;
  }
}
