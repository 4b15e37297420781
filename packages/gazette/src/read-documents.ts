import { findValidityClause, parseDocNo, parseValidityClause } from '@gazette/domain';
import type { SeedPolicy } from './seed-types.ts';
import type { ContentsEntry } from './read-contents.ts';
import { colophonIndex, readArticles, textOf, type GazetteArticle } from './read-articles.ts';
import { readRepeals, type GazetteRepeal } from './read-repeals.ts';
import type { ReadReport } from './report.ts';
import { compact, isDateLine, isOrganizationLine, parseChineseDate, type Line } from './text.ts';
import { joinTitle, titleIssuers } from './title.ts';

/** A document as read, with where it sits in the issue. */
export interface GazetteDocument extends SeedPolicy {
  /** Line of the document number under the heading. */
  line: number;
  /**
   * First and last line of the document: its heading through the last line of text before the
   * next document's heading (or before the issue's colophon).
   */
  startLine: number;
  endLine: number;
  /**
   * The whole text as printed, heading through endLine, one printed line per line: Markdown
   * heading, list and bold markers removed, page running heads dropped, table rows as printed.
   */
  text: string;
  /** Its articles (第X条) or numbered sections (一、, (一)), in order. */
  articles: GazetteArticle[];
  /** The documents its body repeals or replaces, by number. */
  repeals: GazetteRepeal[];
}

/** Where a document's body starts: its heading and the line holding only its number. */
export interface DocumentAnchor {
  docNo: string;
  headingIndex: number;
  docNoIndex: number;
}

/**
 * Lines that hold nothing but a dated document number (`泸市府规[2024]4号`). Blank notice
 * forms such as `泸市监中止书〔 〕1号` carry no year and are not documents.
 */
export function findDocumentAnchors(lines: readonly Line[]): DocumentAnchor[] {
  const anchors: DocumentAnchor[] = [];
  lines.forEach((line, index) => {
    const text = line.text.trim();
    if (text === '' || text.startsWith('(') || text.startsWith('(')) return;
    const parsed = parseDocNo(text);
    if (!parsed) return;
    let headingIndex = index - 1;
    while (headingIndex > 0 && lines[headingIndex]!.text.trim() === '') headingIndex--;
    anchors.push({ docNo: parsed.docNo, headingIndex, docNoIndex: index });
  });
  return anchors;
}

/** Walks back from the date under the signature over the issuers' names, in printed order. */
function signatureIssuers(lines: readonly Line[], dateIndex: number, floor: number): string[] {
  const names: string[] = [];
  for (let i = dateIndex - 1; i > floor; i--) {
    const text = lines[i]!.text.trim();
    if (text === '') continue;
    if (!isOrganizationLine(compact(text))) break;
    names.unshift(compact(text));
  }
  return names;
}

/** Every sentence of the region that sets when the document takes effect. */
function validityClauses(lines: readonly Line[], from: number, to: number): string[] {
  const text = lines
    .slice(from, to + 1)
    .map((l) => l.text)
    .join('\n');
  const found: string[] = [];
  for (const sentence of text.split(/(?<=。)/u)) {
    const clause = findValidityClause(sentence);
    if (clause && !found.includes(clause)) found.push(clause);
  }
  return found;
}

/**
 * Reads each document listed in the 目录 from its body: title (checked against the 目录),
 * issuers from the signature block, the signed date under it and the validity clause.
 */
export function readDocuments(
  lines: readonly Line[],
  anchors: readonly DocumentAnchor[],
  contents: readonly ContentsEntry[],
  issueLabel: string,
  report: ReadReport,
): GazetteDocument[] {
  const documents: GazetteDocument[] = [];
  anchors.forEach((anchor, n) => {
    const docLine = lines[anchor.docNoIndex]!.no;
    const entry = contents.find((e) => e.docNo === anchor.docNo);
    if (!entry) {
      report.problem(
        docLine,
        'DOC_NOT_IN_CONTENTS',
        `${anchor.docNo} 不在目录中,无法确定类别与页码`,
      );
      return;
    }
    const parsed = parseDocNo(anchor.docNo)!;
    let lastIndex = n + 1 < anchors.length ? anchors[n + 1]!.headingIndex - 1 : lines.length - 1;
    const colophon = colophonIndex(lines, anchor.docNoIndex);
    if (colophon >= 0 && colophon <= lastIndex) lastIndex = colophon - 1;
    while (lastIndex > anchor.docNoIndex && lines[lastIndex]!.text.trim() === '') lastIndex--;

    const heading = lines[anchor.headingIndex]!;
    const bodyTitle = heading.text.startsWith('#')
      ? joinTitle([heading.text.replace(/^#+/u, '')])
      : null;
    if (bodyTitle === null) {
      report.problem(heading.no, 'DOC_HEADING_MISSING', `${anchor.docNo} 的文号上方没有标题`);
    } else if (compact(bodyTitle) !== compact(entry.title)) {
      report.problem(
        heading.no,
        'TITLE_MISMATCH',
        `${anchor.docNo} 正文标题“${bodyTitle}”与目录“${entry.title}”不一致,采用目录标题`,
      );
    }

    let dateIndex = -1;
    for (let i = anchor.docNoIndex + 1; i <= lastIndex; i++) {
      if (isDateLine(lines[i]!.text)) {
        dateIndex = i;
        break;
      }
    }
    if (dateIndex < 0) {
      report.problem(docLine, 'SIGNED_DATE_MISSING', `${anchor.docNo} 未找到落款日期`);
      return;
    }
    const signedOn = parseChineseDate(lines[dateIndex]!.text);
    if (!signedOn) {
      report.problem(
        lines[dateIndex]!.no,
        'SIGNED_DATE_INVALID',
        `落款日期无效:${lines[dateIndex]!.text}`,
      );
      return;
    }

    let issuers = signatureIssuers(lines, dateIndex, anchor.docNoIndex);
    const named = titleIssuers(entry.title);
    if (issuers.length === 0) {
      report.problem(
        lines[dateIndex]!.no,
        'ISSUERS_MISSING',
        `${anchor.docNo} 落款处未找到发文机关,暂用标题中的机关:${named.join('、')}`,
      );
      issuers = named;
    } else if (named.length > 0 && named.join('|') !== issuers.join('|')) {
      report.problem(
        lines[dateIndex]!.no,
        'ISSUERS_MISMATCH',
        `${anchor.docNo} 落款机关(${issuers.join('、')})与标题(${named.join('、')})不一致`,
      );
    }

    const clauses = validityClauses(lines, anchor.docNoIndex, lastIndex);
    if (clauses.length > 1) {
      report.problem(
        docLine,
        'VALIDITY_AMBIGUOUS',
        `${anchor.docNo} 有多个施行条款:${clauses.join(' / ')}`,
      );
    }
    const validityClause = clauses.length === 1 ? clauses[0]! : null;
    // The title counts for 试行 too: 泸市监规发〔2024〕2号 is titled …指导意见(试行).
    const validity = parseValidityClause(`${validityClause ?? ''}${entry.title}`, signedOn);

    documents.push({
      docNo: parsed.docNo,
      prefix: parsed.prefix,
      year: parsed.year,
      serial: parsed.serial,
      title: entry.title,
      category: entry.category,
      issuers,
      signedOn,
      validityClause,
      effectiveFrom: validity.effectiveFrom,
      expiresOn: validity.expiresOn,
      isTrial: validity.isTrial,
      issueLabel,
      page: entry.page,
      line: docLine,
      startLine: heading.no,
      endLine: lines[lastIndex]!.no,
      text: textOf(lines, anchor.headingIndex, lastIndex),
      articles: readArticles(lines, anchor.docNoIndex + 1, lastIndex, parsed.docNo, report),
      repeals: readRepeals(lines, anchor.docNoIndex + 1, lastIndex, parsed.docNo, report),
    });
  });
  for (const entry of contents) {
    if (!anchors.some((a) => a.docNo === entry.docNo)) {
      report.problem(entry.line, 'DOC_BODY_MISSING', `目录列出的 ${entry.docNo} 在正文中未找到`);
    }
  }
  return documents;
}
