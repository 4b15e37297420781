// Quarters are written `2024Q4` (shared contract, "Inspections").

export function parseQuarter(q: string): { year: number; quarter: number } | null {
  const m = /^(\d{4})Q([1-4])$/.exec(q);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

export function previousQuarter(q: string): string {
  const p = parseQuarter(q);
  if (!p) throw new Error(`bad quarter ${q}`);
  return p.quarter === 1 ? `${p.year - 1}Q4` : `${p.year}Q${p.quarter - 1}`;
}

/** The `count` quarters ending with `q`, oldest first. */
export function quartersEndingWith(q: string, count: number): string[] {
  const out = [q];
  while (out.length < count) out.unshift(previousQuarter(out[0]!));
  return out;
}

/** The quarter a plain date falls in. */
export function quarterOf(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${y}Q${Math.floor((m - 1) / 3) + 1}`;
}
