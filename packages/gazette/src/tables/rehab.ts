// The 救助标准 of a rehabilitation assistance notice (泸市府规〔2024〕4号 二(二)), read from its
// text: each clause with an amount funds one service, named by fixed words.
import { Decimal, parseSmallNumber } from '@gazette/domain';
import type { GazetteArticle } from '../read-articles.ts';
import { cleanLines } from '../read-articles.ts';
import type { GazetteDocument } from '../read-documents.ts';
import type { ReadReport } from '../report.ts';
import type {
  SeedRehabCapPeriod,
  SeedRehabService,
  SeedRehabStandard,
  SeedRehabStandardsTable,
} from '../seed-types.ts';
import { compact, LocatedText, type Line } from '../text.ts';

/** Words of a 救助标准 clause that name the service it funds; a clause must name exactly one. */
export const REHAB_SERVICE_WORDS: Readonly<Record<SeedRehabService, readonly string[]>> = {
  SURGERY: ['康复手术'],
  TRAINING: ['康复训练'],
  BASIC_DEVICE: ['基本辅具'],
  COCHLEAR_IMPLANT: ['人工耳蜗'],
  HEARING_AID: ['助听器'],
  PROSTHESIS: ['假肢'],
  LIMB_ORTHOSIS: ['矫形器'],
};

/**
 * A device the text funds as a kind of another when it excepts it from the repeat rule:
 * `除肢体残疾矫形器可每年享受外` makes a limb orthosis a basic device (its cap) funded every year.
 */
export const REHAB_DEVICE_KIND: Readonly<Partial<Record<SeedRehabService, SeedRehabService>>> = {
  LIMB_ORTHOSIS: 'BASIC_DEVICE',
};

/** The section holding the standards: its heading is `(二)救助标准。` or similar. */
export function isRehabStandardsArticle(article: GazetteArticle): boolean {
  return /救助标准/u.test(headingTitle(article));
}

function headingTitle(article: GazetteArticle): string {
  const first = article.text.split('\n')[0] ?? '';
  return compact(first.slice(article.number.length)).replace(/[。.]$/u, '');
}

// `3万元/年`, `0.5万元/人`, `1万元/人`; the unit after the slash says how the cap counts.
const AMOUNT = /(\d+(?:\.\d+)?)(万)?元(?:\/(年|人))?/gu;
const ITEM = /^(\d+)[.．、]\s*/u;
const EXCEPT_YEARLY = /除(.+?)可每年享受外/u;
const REPEAT = /([0-9一二两三四五六七八九十]+)年内不得再救助/u;

interface Paragraph {
  item: string | null;
  lines: Line[];
}

/** Paragraphs of the section after its heading; a paragraph broken by a page continues. */
function paragraphsOf(lines: readonly Line[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let open: Paragraph | null = null;
  for (const line of lines) {
    const item = ITEM.exec(line.text);
    const continues = open && !/[。;；:：]$/u.test(open.lines.at(-1)!.text);
    if (open && continues && !item) {
      open.lines.push(line);
      continue;
    }
    open = {
      item: item ? item[1]! : null,
      lines: [{ no: line.no, text: item ? line.text.slice(item[0].length) : line.text }],
    };
    paragraphs.push(open);
  }
  return paragraphs;
}

/** Splits at `sep` characters outside parentheses. */
function splitOutside(text: string, sep: string): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ('(（'.includes(c)) depth++;
    else if (')）'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && sep.includes(c)) {
      parts.push({ text: text.slice(start, i), at: start });
      start = i + 1;
    }
  }
  parts.push({ text: text.slice(start), at: start });
  return parts;
}

function servicesNamed(text: string): SeedRehabService[] {
  return (Object.keys(REHAB_SERVICE_WORDS) as SeedRehabService[]).filter((s) =>
    REHAB_SERVICE_WORDS[s].some((w) => text.includes(w)),
  );
}

/** `万元` amounts in yuan, as plain decimal strings. */
function yuan(amount: RegExpMatchArray): string {
  const value = new Decimal(amount[1]!);
  return (amount[2] ? value.times(10000) : value).toString();
}

/** The parts of a sentence that each fund one service: the sentence, or its 、-listed parts. */
function clausesWithAmounts(sentence: string): { text: string; at: number }[] {
  const count = (t: string) => [...t.matchAll(AMOUNT)].length;
  if (count(sentence) <= 1) return count(sentence) === 1 ? [{ text: sentence, at: 0 }] : [];
  return splitOutside(sentence, ',，;；').flatMap((clause) =>
    count(clause.text) === 0
      ? []
      : splitOutside(clause.text, '、')
          .filter((part) => count(part.text) > 0)
          .map((part) => ({ text: part.text.replace(/。$/u, ''), at: clause.at + part.at })),
  );
}

/**
 * Reads the standards of a `救助标准` section: every clause printing an amount becomes an entry
 * for the one service it names (REHAB_SERVICE_WORDS), capped per year (`/年`), per person
 * (`/人`) or per device (`每具`). `N年内不得再救助` sets the repeat rule of the paragraph's
 * devices; `除X可每年享受外` adds X funded yearly at the cap of the device it is a kind of.
 * A clause it cannot map is a problem with its line.
 */
export function readRehabStandards(
  lines: readonly Line[],
  doc: GazetteDocument,
  article: GazetteArticle,
  report: ReadReport,
): SeedRehabStandardsTable {
  // Indexes: lines[no - 1] is line no, so this is the line after the heading through endLine.
  const body = cleanLines(lines, article.line, article.endLine - 1);
  const entries: SeedRehabStandard[] = [];
  const add = (entry: SeedRehabStandard) => {
    if (entries.some((e) => e.service === entry.service)) {
      report.problem(
        entry.line,
        'REHAB_SERVICE_TWICE',
        `${doc.docNo} ${article.path} 中 ${entry.service} 的标准出现两次:${entry.text}`,
      );
      return;
    }
    entries.push(entry);
  };

  for (const paragraph of paragraphsOf(body)) {
    const path = `${article.path}${paragraph.item ?? ''}`;
    const text = new LocatedText(paragraph.lines);
    const own: SeedRehabStandard[] = [];
    const yearly: SeedRehabStandard[] = [];
    let repeatYears: number | null = null;
    for (const s of text.text.matchAll(/[^。]+。?/gu)) {
      const sentence = s[0];
      for (const clause of clausesWithAmounts(sentence)) {
        const line = text.lineAt(s.index + clause.at);
        const named = servicesNamed(clause.text);
        const amount = [...clause.text.matchAll(AMOUNT)][0]!;
        const period: SeedRehabCapPeriod | null = clause.text.includes('每具')
          ? 'EACH'
          : amount[3] === '年'
            ? 'YEAR'
            : amount[3] === '人'
              ? 'PERSON'
              : null;
        if (named.length !== 1) {
          report.problem(
            line,
            'REHAB_CLAUSE_UNMAPPED',
            `${doc.docNo} ${path} 的救助标准无法对应到${named.length === 0 ? '任何' : '唯一的'}救助项目:${clause.text}`,
          );
          continue;
        }
        if (!period) {
          report.problem(
            line,
            'REHAB_PERIOD_UNKNOWN',
            `${doc.docNo} ${path} 的救助标准未写明按年、按人或每具:${clause.text}`,
          );
          continue;
        }
        own.push({
          service: named[0]!,
          cap: yuan(amount),
          period,
          repeatYears: null,
          article: path,
          text: clause.text,
          line,
        });
      }
      const repeat = REPEAT.exec(sentence);
      if (repeat) repeatYears = parseSmallNumber(repeat[1]!);
      const except = EXCEPT_YEARLY.exec(sentence);
      if (except) {
        const line = text.lineAt(s.index + except.index);
        const named = servicesNamed(except[1]!);
        const kind = named.length === 1 ? REHAB_DEVICE_KIND[named[0]!] : undefined;
        const of = kind ? [...entries, ...own].find((e) => e.service === kind) : undefined;
        if (!of) {
          report.problem(
            line,
            'REHAB_CLAUSE_UNMAPPED',
            `${doc.docNo} ${path} 的例外“${except[1]}”无法对应到一项辅具标准`,
          );
          continue;
        }
        yearly.push({
          service: named[0]!,
          cap: of.cap,
          period: 'YEAR',
          repeatYears: null,
          article: path,
          text: sentence.slice(except.index),
          line,
        });
      }
    }
    for (const entry of own) add(repeatYears === null ? entry : { ...entry, repeatYears });
    for (const entry of yearly) add(entry);
  }
  if (entries.length === 0) {
    report.problem(
      article.line,
      'REHAB_STANDARDS_EMPTY',
      `${doc.docNo} ${article.path} 中未读出救助标准`,
    );
  }
  return {
    policyDocNo: doc.docNo,
    name: tableName(doc.title, headingTitle(article)),
    effectiveFrom: doc.effectiveFrom,
    effectiveTo: doc.expiresOn,
    entries,
  };
}

/**
 * `残疾儿童康复救助标准` from the title `…关于进一步实施残疾儿童康复救助制度的通知` and the heading
 * `救助标准`; the heading alone when the title does not name what is assisted.
 */
function tableName(title: string, heading: string): string {
  const subject = /关于(?:进一步)?(?:实施|落实|做好|完善)?(.+?救助)(?:制度|工作)?的/u.exec(title);
  if (!subject || !heading.startsWith('救助')) return heading;
  return `${subject[1]}${heading.slice('救助'.length)}`;
}
