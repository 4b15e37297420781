import { badInput } from '../shared/errors.ts';
import {
  addDays,
  addMonths,
  addYears,
  isPlainDate,
  parsePlainDate,
  plainDate,
  type PlainDate,
} from '../shared/plain-date.ts';
import { parseSmallNumber } from './chinese-number.ts';
import type { PolicyValidity } from './types.ts';

const NUM = '[0-9０-９零〇一二两三四五六七八九十]+';
// 本通知自2025年1月6日起施行 (泸市府规〔2024〕4号); 起执行 / 起实施 are the same clause.
const FROM_DATE = /自(\d{4})年(\d{1,2})月(\d{1,2})日起(?:施行|执行|实施|生效)/u;
// 本指导意见自印发之日起施行 (泸市监规发〔2024〕2号 第二十二条).
const FROM_SIGNING = /自(?:印发|发布|公布|签发|下发)之日起(?:施行|执行|实施|生效)/u;
// 有效期五年 / 有效期5年 / 试行期两年 / 有效期为2年 / 有效期6个月
const PERIOD = new RegExp(`(有效期|试行期)(?:为|是)?(${NUM})(年|个月)`, 'u');
// 有效期至2029年12月31日
const UNTIL = /有效期(?:至|到)(\d{4})年(\d{1,2})月(\d{1,2})日/u;

function dateFrom(y: string, m: string, d: string, text: string): PlainDate {
  const date = plainDate(Number(y), Number(m), Number(d));
  if (!isPlainDate(date)) throw badInput('text', `施行条款中的日期无效:${text}`);
  return date;
}

/**
 * Reads a document's own validity clause.
 * - effectiveFrom: the date of `自…起施行`; the signing date for `自印发之日起施行` or no clause.
 * - expiresOn: the last day in force: `有效期N年` from 2025-01-06 ends 2030-01-05; null when the
 *   text sets no limit.
 * - isTrial: the text speaks of 试行 (a 试行期, or a title marked (试行)).
 * Pass the clause, or the clause with the title, not the whole document: a document that cites
 * another's (试行) title would otherwise read as a trial.
 */
export function parseValidityClause(text: string, signedOn: PlainDate): PolicyValidity {
  parsePlainDate(signedOn, 'signedOn');
  const compact = (text ?? '').replace(/\s+/gu, '');

  const from = FROM_DATE.exec(compact);
  const effectiveFrom = from ? dateFrom(from[1]!, from[2]!, from[3]!, compact) : signedOn;

  let expiresOn: PlainDate | null = null;
  const until = UNTIL.exec(compact);
  const period = PERIOD.exec(compact);
  if (until) {
    expiresOn = dateFrom(until[1]!, until[2]!, until[3]!, compact);
  } else if (period) {
    const n = parseSmallNumber(period[2]!);
    if (n === null || n <= 0) throw badInput('text', `无法识别的有效期:${period[0]}`);
    // The first day in force counts, so the period ends the day before the anniversary; counted
    // from the eve so that a missing day clamps to month end (2024-03-01 + 5年 → 2029-02-28).
    const eve = addDays(effectiveFrom, -1);
    expiresOn = period[3] === '年' ? addYears(eve, n) : addMonths(eve, n);
  }

  return { effectiveFrom, expiresOn, isTrial: /试行/u.test(compact) };
}

/**
 * The sentence of a document that sets when it takes effect, verbatim with its 。, without a
 * leading list marker such as (五); null when the text has none.
 * 泸市自然资规函〔2024〕425号 三(五) gives 本通知自2025年1月8日起施行,有效期5年。
 */
export function findValidityClause(documentText: string): string | null {
  const sentences = (documentText ?? '').split(/(?<=。)/u);
  for (const raw of sentences) {
    const sentence = raw.replace(/\s+/gu, '');
    if (FROM_DATE.test(sentence) || FROM_SIGNING.test(sentence)) {
      return sentence.replace(
        /^(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\*\*第[一二三四五六七八九十]+条\*\*|第[一二三四五六七八九十]+条)/u,
        '',
      );
    }
  }
  return null;
}
