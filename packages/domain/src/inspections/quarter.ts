import { badInput } from '../shared/errors.ts';
import { addDays, addMonths, plainDate, type PlainDate } from '../shared/plain-date.ts';

/** A calendar quarter, written 2024Q4 (contract README, "Inspections"). */
export interface Quarter {
  year: number;
  /** 1–4 */
  quarter: number;
}

const PATTERN = /^(\d{4})Q([1-4])$/u;

/** Parses `2024Q4` (lower-case q and surrounding spaces tolerated); BAD_USER_INPUT otherwise. */
export function parseQuarter(text: string, field = 'quarter'): Quarter {
  const m = typeof text === 'string' ? PATTERN.exec(text.trim().toUpperCase()) : null;
  if (!m) throw badInput(field, `${field} 不是有效的季度(应为如 2024Q4):${String(text)}`);
  return { year: Number(m[1]), quarter: Number(m[2]) };
}

export function formatQuarter(q: Quarter): string {
  return `${q.year}Q${q.quarter}`;
}

/** The quarter `n` quarters after `q` (negative: before). */
export function addQuarters(q: Quarter, n: number): Quarter {
  const index = q.year * 4 + (q.quarter - 1) + n;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

export function previousQuarter(q: Quarter): Quarter {
  return addQuarters(q, -1);
}

export function nextQuarter(q: Quarter): Quarter {
  return addQuarters(q, 1);
}

/** Quarters from a to b (positive when b is later). */
export function quartersBetween(a: Quarter, b: Quarter): number {
  return b.year * 4 + b.quarter - (a.year * 4 + a.quarter);
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return Math.sign(quartersBetween(b, a));
}

/** First and last calendar day of the quarter. */
export function quarterDates(q: Quarter): { start: PlainDate; end: PlainDate } {
  const start = plainDate(q.year, (q.quarter - 1) * 3 + 1, 1);
  // The day before the next quarter's first day.
  return { start, end: addDays(addMonths(start, 3), -1) };
}

/**
 * The inspection window (检测时间) of a quarter's round: from the quarter's first day to the
 * first day of its last month. 泸市府室发〔2024〕34号 附件2 说明: 检测时间为2024年10月1日至12月1日.
 * A round that prints its own window overrides this default.
 */
export function inspectionWindow(q: Quarter): { start: PlainDate; end: PlainDate } {
  const start = quarterDates(q).start;
  return { start, end: addMonths(start, 2) };
}
