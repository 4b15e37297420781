import { badInput } from '../shared/errors.ts';

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

/** Quarters from a to b (positive when b is later). */
export function quartersBetween(a: Quarter, b: Quarter): number {
  return b.year * 4 + b.quarter - (a.year * 4 + a.quarter);
}
