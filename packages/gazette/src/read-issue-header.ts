import type { SeedIssue } from './seed-types.ts';
import type { ReadReport } from './report.ts';
import { parseChineseDate, type Line } from './text.ts';

/** The masthead: `2024年 第12期`, `(总第69期)` and the colophon's `印刷时间：2024年12月31日`. */
export function readIssueHeader(lines: readonly Line[], report: ReadReport): SeedIssue {
  let year: number | null = null;
  let number: number | null = null;
  let serial: number | null = null;
  let printedOn: string | null = null;
  for (const { text } of lines) {
    const issue = /^\s*(\d{4})\s*年\s*第\s*(\d{1,2})\s*期\s*$/u.exec(text);
    if (issue && year === null) {
      year = Number(issue[1]);
      number = Number(issue[2]);
    }
    const total = /总\s*第\s*(\d+)\s*期/u.exec(text);
    if (total && serial === null) serial = Number(total[1]);
    if (/印刷时间/u.test(text) && printedOn === null) printedOn = parseChineseDate(text);
  }
  if (year === null || number === null) {
    report.problem(1, 'ISSUE_NUMBER_MISSING', '未找到期号(如“2024年 第12期”)');
  }
  if (serial === null) report.problem(1, 'ISSUE_SERIAL_MISSING', '未找到总期号(如“总第69期”)');
  if (printedOn === null) report.problem(lines.length, 'PRINTED_ON_MISSING', '未找到印刷时间');
  return {
    label: year !== null && number !== null ? `${year}年第${number}期` : '',
    number: number ?? 0,
    year: year ?? 0,
    serial: serial ?? 0,
    printedOn,
  };
}
