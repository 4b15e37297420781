// Notice numbers as printed on the annex forms of 泸市监规发〔2024〕2号 (附件4、5、7、9):
// 泸市监受理书〔2025〕1号, one sequence per kind and year (the API keeps it gapless).
import { badInput } from '../shared/errors.ts';
import { NOTICE_KINDS, NOTICE_KIND_INFO, type NoticeKind } from './codes.ts';

export interface NoticeNumber {
  kind: NoticeKind;
  year: number;
  serial: number;
  /** Normalised form with 〔〕 and no spaces. */
  number: string;
}

export function formatNoticeNumber(kind: NoticeKind, year: number, serial: number): string {
  const info = NOTICE_KIND_INFO[kind];
  if (!info) throw badInput('kind', `kind(通知书种类)取值无效:${String(kind)}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw badInput('year', `year(年份)必须是四位整数:${String(year)}`);
  }
  if (!Number.isInteger(serial) || serial < 1) {
    throw badInput('serial', `serial(序号)必须是正整数:${String(serial)}`);
  }
  return `${info.prefix}〔${year}〕${serial}号`;
}

// The gazette prints the brackets as 〔〕 or [] (附件7、9) and OCR adds spaces anywhere.
const NUMBER = /^(泸市监(?:受理|中止|终止|审结)书)[〔[［(（](\d{4})[〕\]］)）]0*([1-9]\d*)号$/u;

/** Parses a notice number in any printed bracket style; null when it is not one. */
export function parseNoticeNumber(text: string): NoticeNumber | null {
  if (typeof text !== 'string') return null;
  const m = NUMBER.exec(text.replace(/\s+/gu, ''));
  if (!m) return null;
  const kind = NOTICE_KINDS.find((k) => NOTICE_KIND_INFO[k].prefix === m[1]);
  if (!kind) return null;
  const year = Number(m[2]);
  const serial = Number(m[3]);
  return { kind, year, serial, number: formatNoticeNumber(kind, year, serial) };
}
