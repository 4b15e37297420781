import { badInput } from './errors.ts';

/** A calendar date on the Asia/Shanghai calendar, written `YYYY-MM-DD`. Never a timestamp. */
export type PlainDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isPlainDate(value: string): boolean {
  const m = PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Validates a date string; the error names the field. */
export function parsePlainDate(value: string, field = 'date'): PlainDate {
  if (typeof value !== 'string' || !isPlainDate(value)) {
    throw badInput(field, `${field} 不是有效日期(应为 YYYY-MM-DD):${String(value)}`);
  }
  return value;
}

function parts(date: PlainDate): [number, number, number] {
  const m = PATTERN.exec(date);
  if (!m) throw new Error(`not a plain date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function format(y: number, m: number, d: number): PlainDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function plainDate(year: number, month: number, day: number): PlainDate {
  return format(year, month, day);
}

export function addDays(date: PlainDate, days: number): PlainDate {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Calendar months; a day that does not exist in the target month clamps to its last day. */
export function addMonths(date: PlainDate, months: number): PlainDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return format(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

export function addYears(date: PlainDate, years: number): PlainDate {
  return addMonths(date, years * 12);
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/** Today on the Asia/Shanghai calendar (UTC+8, no daylight saving). */
export function todayInShanghai(now: Date = new Date()): PlainDate {
  const t = new Date(now.getTime() + 8 * 3_600_000);
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Converts a JS Date holding a calendar date at UTC midnight (as Prisma returns `@db.Date`). */
export function fromUtcMidnight(date: Date): PlainDate {
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function toUtcMidnight(date: PlainDate): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d));
}
