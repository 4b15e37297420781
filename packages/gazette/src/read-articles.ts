// A document's text as printed and its articles (第X条) or numbered sections (一、 / (一)).
import { parseSmallNumber } from '@gazette/domain';
import type { ReadReport } from './report.ts';
import { compact, htmlCellToText, isDateLine, isOrganizationLine, type Line } from './text.ts';
import { isPageHead } from './tsv.ts';

/** One article or numbered section of a document, in printed order. */
export interface GazetteArticle {
  /** As printed, canonical: 第十三条, 二、 or (八) (ASCII parentheses). */
  number: string;
  /** Unique within the document: 第十三条, 二, 二(八); a (一) before any 一、 is (一). */
  path: string;
  /** From the heading to the next numbered heading or the end of the body, markers stripped. */
  text: string;
  /** Line of the heading. */
  line: number;
  /** Last line of the section's text. */
  endLine: number;
}

const NUMERAL = '[一二三四五六七八九十百零〇两]+';
/** `第十三条` opening a line, followed by a space or nothing (a reference such as `第四十六条规定` is not). */
const ARTICLE = new RegExp(`^第(${NUMERAL})条(?=[\\s\\u3000]|$)`, 'u');
/** `**第一条**为…`: bold-wrapped, the space may be missing. */
const BOLD_ARTICLE = new RegExp(`^\\*\\*\\s*第(${NUMERAL})条\\s*\\*\\*`, 'u');
/** `第二章 总则`: ends the article before it, is not one itself. */
const CHAPTER = new RegExp(`^第${NUMERAL}[章节](?=[\\s\\u3000]|$)`, 'u');
const SECTION = new RegExp(`^(${NUMERAL})、`, 'u');
const ITEM = new RegExp(`^[(（](${NUMERAL})[)）]`, 'u');
// The slogan OCR reads as a heading at some page breaks.
const SLOGAN = /^#*\s*传达政令/u;
// `附件:1.…` (the list of annexes) and `附件` / `附件 1` / `## 附件1` over an annex.
const ANNEX = /^(?:附件[:\uFF1A]|附件\s*\d*$)/u;
const COLOPHON = /^编印单位[:\uFF1A]/u;

/** True for a line of a tab-separated table. */
export function isTableLine(text: string): boolean {
  return text.includes('\t');
}

/**
 * A line as printed: heading, list and bold markers removed, Markdown escapes undone, HTML
 * paragraphs as lines; null for what is not text of the document (blank lines, `---` rules, page
 * running heads, the slogan). Table lines stay as they are.
 */
export function cleanLine(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /^-{3,}$/u.test(trimmed)) return null;
  if (isPageHead(trimmed) || SLOGAN.test(trimmed)) return null;
  if (isTableLine(text)) return text.replace(/\s+$/u, '');
  let line = trimmed
    .replace(/^#+\s*/u, '')
    .replace(/^[-*+]\s+/u, '')
    .replace(/(?<!\\)\*\*/gu, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/gu, '$1');
  if (/<\/?(?:p|ol|ul|li|br|div)\b[^>]*>/iu.test(line)) line = htmlCellToText(line);
  line = line.trim();
  return line === '' ? null : line;
}

/** The cleaned lines of lines[from..to] (indexes), with their line numbers. */
export function cleanLines(lines: readonly Line[], from: number, to: number): Line[] {
  const out: Line[] = [];
  for (let i = from; i <= to; i++) {
    const text = cleanLine(lines[i]!.text);
    if (text !== null) out.push({ no: lines[i]!.no, text });
  }
  return out;
}

/** The whole text of lines[from..to] (indexes) as printed, one line per printed line. */
export function textOf(lines: readonly Line[], from: number, to: number): string {
  return cleanLines(lines, from, to)
    .map((l) => l.text)
    .join('\n');
}

/** Index of the colophon (`编印单位:…`) at the end of the issue, or -1. */
export function colophonIndex(lines: readonly Line[], from: number): number {
  for (let i = from; i < lines.length; i++) if (COLOPHON.test(lines[i]!.text.trim())) return i;
  return -1;
}

type Heading =
  | { level: 'ARTICLE' | 'SECTION' | 'ITEM'; numeral: string; value: number | null }
  | { level: 'STOP' };

function headingOf(raw: string, clean: string | null): Heading | null {
  if (clean === null || isTableLine(raw)) return null;
  const bold = BOLD_ARTICLE.exec(raw.trim().replace(/^#+\s*/u, ''));
  const article = bold ?? ARTICLE.exec(clean);
  if (article) {
    return { level: 'ARTICLE', numeral: article[1]!, value: parseSmallNumber(article[1]!) };
  }
  if (CHAPTER.test(clean) || ANNEX.test(clean) || COLOPHON.test(clean)) return { level: 'STOP' };
  const section = SECTION.exec(clean);
  if (section) {
    return { level: 'SECTION', numeral: section[1]!, value: parseSmallNumber(section[1]!) };
  }
  const item = ITEM.exec(clean);
  if (item) return { level: 'ITEM', numeral: item[1]!, value: parseSmallNumber(item[1]!) };
  return null;
}

/**
 * Where the body of lines[from..to] ends before more text: the first line of each signature
 * block (the issuers over a date line) or the date line itself.
 */
function signatureStarts(lines: readonly Line[], from: number, to: number): Set<number> {
  const starts = new Set<number>();
  for (let i = from; i <= to; i++) {
    if (!isDateLine(lines[i]!.text)) continue;
    let start = i;
    for (let k = i - 1; k > from; k--) {
      const text = lines[k]!.text.trim();
      if (text === '') continue;
      if (!isOrganizationLine(compact(text))) break;
      start = k;
    }
    starts.add(start);
  }
  return starts;
}

/**
 * The articles of lines[from..to] (indexes: the document's body after its number). A document
 * that has `第X条` articles is split on those only (its (一) items stay inside them; chapter
 * headings only end the article before them); any other on `一、` and `(一)` headings (a `1.`
 * item stays inside its section). Table rows never count. A section runs to the next heading,
 * signature block or annex list. Numbers out of sequence and paths seen twice are problems.
 */
export function readArticles(
  lines: readonly Line[],
  from: number,
  to: number,
  docNo: string,
  report: ReadReport,
): GazetteArticle[] {
  const headings = new Map<number, Heading>();
  for (let i = from; i <= to; i++) {
    const heading = headingOf(lines[i]!.text, cleanLine(lines[i]!.text));
    if (heading) headings.set(i, heading);
  }
  const byArticle = [...headings.values()].some((h) => h.level === 'ARTICLE');
  const signatures = signatureStarts(lines, from, to);

  const articles: GazetteArticle[] = [];
  let section: { numeral: string; value: number | null } | null = null;
  let lastSection: number | null = 0;
  let lastItem: number | null = 0;
  let lastArticle: number | null = 0;
  let open: { number: string; path: string; start: number } | null = null;

  const close = (end: number) => {
    if (!open) return;
    const kept = cleanLines(lines, open.start, end);
    articles.push({
      number: open.number,
      path: open.path,
      text: kept.map((l) => l.text).join('\n'),
      line: lines[open.start]!.no,
      endLine: kept.at(-1)?.no ?? lines[open.start]!.no,
    });
    open = null;
  };
  const inSequence = (last: number | null, value: number | null) =>
    last === null || value === null || value === last + 1;

  for (let i = from; i <= to; i++) {
    if (signatures.has(i)) {
      close(i - 1);
      continue;
    }
    const heading = headings.get(i);
    if (!heading) continue;
    if (heading.level === 'STOP') {
      close(i - 1);
      continue;
    }
    if (byArticle !== (heading.level === 'ARTICLE')) continue;
    close(i - 1);
    const line = lines[i]!.no;
    let number: string;
    let path: string;
    if (heading.level === 'ARTICLE') {
      number = `第${heading.numeral}条`;
      path = number;
      if (!inSequence(lastArticle, heading.value)) {
        report.problem(line, 'ARTICLE_SEQUENCE', `${docNo} 的条文编号不连续:${number}`);
      }
      lastArticle = heading.value;
    } else if (heading.level === 'SECTION') {
      number = `${heading.numeral}、`;
      path = heading.numeral;
      if (!inSequence(lastSection, heading.value)) {
        report.problem(line, 'ARTICLE_SEQUENCE', `${docNo} 的标题编号不连续:${number}`);
      }
      section = heading;
      lastSection = heading.value;
      lastItem = 0;
    } else {
      number = `(${heading.numeral})`;
      path = `${section?.numeral ?? ''}${number}`;
      if (!inSequence(lastItem, heading.value)) {
        report.problem(line, 'ARTICLE_SEQUENCE', `${docNo} 的标题编号不连续:${path}`);
      }
      lastItem = heading.value;
    }
    if (articles.some((a) => a.path === path)) {
      report.problem(line, 'ARTICLE_DUPLICATE', `${docNo} 中 ${path} 出现两次,无法区分`);
    }
    open = { number, path, start: i };
  }
  close(to);
  return articles;
}
