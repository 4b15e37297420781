// Per-organisation compliance rows and repeat findings, from a quarter's findings.

/** What the per-organisation rows read of a finding (website and new-media findings both fit). */
export interface Finding {
  id: string;
  organization: { id: string; name: string };
  description: string;
  /** Null: not yet recorded (new-media findings), counted as not rectified. */
  rectified: boolean | null;
}

export interface OrgRow {
  organization: string;
  websiteIssues: number;
  websiteRectified: number;
  newMediaIssues: number;
  newMediaRectified: number;
  baseDataMissing: boolean;
  processDataMissing: boolean;
  total: number;
}

export function organizationRows(
  website: Finding[],
  newMedia: Finding[],
  baseMissing: string[],
  processMissing: string[],
): OrgRow[] {
  const rows = new Map<string, OrgRow>();
  const row = (name: string) => {
    let r = rows.get(name);
    if (!r) {
      r = {
        organization: name,
        websiteIssues: 0,
        websiteRectified: 0,
        newMediaIssues: 0,
        newMediaRectified: 0,
        baseDataMissing: false,
        processDataMissing: false,
        total: 0,
      };
      rows.set(name, r);
    }
    return r;
  };
  for (const f of website) {
    const r = row(f.organization.name);
    r.websiteIssues++;
    if (f.rectified) r.websiteRectified++;
  }
  for (const f of newMedia) {
    const r = row(f.organization.name);
    r.newMediaIssues++;
    if (f.rectified) r.newMediaRectified++;
  }
  for (const name of baseMissing) row(name).baseDataMissing = true;
  for (const name of processMissing) row(name).processDataMissing = true;
  for (const r of rows.values())
    r.total =
      r.websiteIssues +
      r.newMediaIssues +
      (r.baseDataMissing ? 1 : 0) +
      (r.processDataMissing ? 1 : 0);
  return [...rows.values()];
}

export function sortRows<T>(rows: T[], key: keyof T, order: 'asc' | 'desc'): T[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    if (typeof x === 'boolean' && typeof y === 'boolean') return (Number(x) - Number(y)) * sign;
    return String(x).localeCompare(String(y), 'zh-Hans-CN') * sign;
  });
}
