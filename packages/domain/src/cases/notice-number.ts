// Notice numbers as printed on the annex forms of 泸市监规发〔2024〕2号 (附件4、5、7、9):
// 泸市监受理书〔2025〕1号, one sequence per kind and year (the API keeps it gapless).
import { badInput } from '../shared/errors.ts';
import { NOTICE_KIND_INFO, type NoticeKind } from './codes.ts';

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
