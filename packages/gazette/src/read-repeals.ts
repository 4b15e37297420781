// Sentences of a document's body that repeal or replace another document.
import { parseDocNo } from '@gazette/domain';
import { cleanLine, isTableLine } from './read-articles.ts';
import type { ReadReport } from './report.ts';
import { compact, LocatedText, type Line } from './text.ts';

/** Another document that this one repeals (`…同时废止`, `…不再执行`) or replaces (`代替…`). */
export interface GazetteRepeal {
  /** The repealed document's number, normalised (泸市医保规〔2024〕4号). */
  docNo: string;
  kind: 'REPEAL' | 'REPLACE';
  /** Line of the issue text where that number is printed. */
  line: number;
  /** The sentence as printed (spaces and a leading list number removed). */
  clause: string;
}

const REPEAL = /同时废止|不再执行/u;
const REPLACE = /代替/u;
// A document number: the year in brackets, then the serial (the prefix is read backwards).
const NUMBER_TAIL = /[〔[［(（]\d{4}[〕\]］)）]\d+号/gu;
// Words a prefix read backwards may start with that belong to the sentence, not the number.
const LEADING_VERB = /^.*?(?:同时废止|废止|代替|不再执行)/u;
const LIST_MARKER =
  /^(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+条)/u;
// A heading line (Markdown, or nothing but a number and a short title) ends a sentence.
const HEADING = /^(?:#|[(（]?[一二三四五六七八九十]+[、)）])/u;

/** Splits a sentence into clauses at , ; : outside 《》 and parentheses. */
function clauses(sentence: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    if ('《(（〔[［'.includes(c)) depth++;
    else if ('》)）〕]］'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && ',，;；:：'.includes(c)) {
      out.push({ text: sentence.slice(start, i), at: start });
      start = i + 1;
    }
  }
  out.push({ text: sentence.slice(start), at: start });
  return out;
}

/** The document numbers printed in a clause, with their offsets. */
function numbersIn(clause: string): { docNo: string; at: number }[] {
  const found: { docNo: string; at: number }[] = [];
  for (const m of clause.matchAll(NUMBER_TAIL)) {
    let start = m.index;
    while (start > 0 && /[\p{Script=Han}A-Za-z]/u.test(clause[start - 1]!)) start--;
    let prefix = clause.slice(start, m.index);
    const verb = LEADING_VERB.exec(prefix);
    if (verb) {
      start += verb[0].length;
      prefix = prefix.slice(verb[0].length);
    }
    const parsed = prefix === '' ? null : parseDocNo(prefix + m[0]);
    if (parsed) found.push({ docNo: parsed.docNo, at: start });
  }
  return found;
}

/**
 * The repeals of lines[from..to] (indexes: the body after the document's number; tables are
 * not read). A clause that repeals or replaces must name the document by its number; one that
 * names it only by its title is a problem (the reader never guesses which document it means),
 * one that names none (`此前规定同时废止`) is noted.
 */
export function readRepeals(
  lines: readonly Line[],
  from: number,
  to: number,
  docNo: string,
  report: ReadReport,
): GazetteRepeal[] {
  const located = new LocatedText(lines.slice(from, to + 1), (text) => {
    if (isTableLine(text)) return '';
    const clean = cleanLine(text);
    if (clean === null) return '';
    // A heading without its own full stop still ends the sentence before the next line.
    return HEADING.test(text.trim()) && !/[。;；]$/u.test(clean)
      ? `${compact(clean)}\n`
      : compact(clean);
  });
  const repeals: GazetteRepeal[] = [];
  for (const s of located.text.matchAll(/[^。\n]+(?:。|\n|$)/gu)) {
    const sentence = s[0].replace(/\n$/u, '');
    const kindOf = (text: string) =>
      REPEAL.test(text) ? 'REPEAL' : REPLACE.test(text) ? 'REPLACE' : null;
    if (!kindOf(sentence)) continue;
    const clause = sentence.replace(LIST_MARKER, '');
    for (const part of clauses(sentence)) {
      const kind = kindOf(part.text);
      if (!kind) continue;
      const named = numbersIn(part.text).filter((n) => n.docNo !== docNo);
      const keyword = (REPEAL.exec(part.text) ?? REPLACE.exec(part.text))!;
      const keywordLine = located.lineAt(s.index + part.at + keyword.index);
      if (named.length === 0) {
        const title = /《[^》]+》/u.exec(part.text);
        if (title) {
          report.problem(
            keywordLine,
            'REPEAL_WITHOUT_NUMBER',
            `${docNo} 废止或代替的${title[0]}没有文号,无法确定是哪一份文件:${clause}`,
          );
        } else {
          report.repair(
            keywordLine,
            'REPEAL_UNNAMED',
            `${docNo} 的废止条款未指明文件,未记录:${clause}`,
          );
        }
        continue;
      }
      for (const n of named) {
        if (repeals.some((r) => r.docNo === n.docNo)) continue;
        repeals.push({
          docNo: n.docNo,
          kind,
          line: located.lineAt(s.index + part.at + n.at),
          clause,
        });
      }
    }
  }
  return repeals;
}
