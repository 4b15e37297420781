// The work list's rows, without I/O: what needs someone's attention, each with where to go.
import { addDays, compareDates, daysBetween, DISCRETION_REVIEW_DOC_NO } from '@gazette/domain';
import type {
  WorkCase,
  WorkDraft,
  WorkFinding,
  WorkPolicy,
  WorkRateTable,
  WorkTable,
} from '../dataProvider/worklist.ts';

/** Documents ending within this many days, or ended at most this many days ago, are listed. */
export const WINDOW_DAYS = 90;
/** Cases under review whose deadline is this close are listed with the overdue ones. */
export const CASE_SOON_DAYS = 7;

export type Severity = 'error' | 'warning' | 'info';

export interface WorkRow {
  key: string;
  section: 'policies' | 'drafts' | 'cases' | 'findings';
  severity: Severity;
  /** Document number, table or case name. */
  head: string;
  title: string;
  /** Translation key and its values: the state (距失效 16 天, 已于…失效). */
  status: { key: string; values: Record<string, string | number> };
  /** What stops working, or what is waiting: translation keys with values. */
  effects: { key: string; values: Record<string, string | number> }[];
  to: string;
}

const show = (resource: string, id: string) => `/${resource}/${encodeURIComponent(id)}/show`;

function lastDayOf(table: Pick<WorkRateTable, 'versions'>): string | null {
  return table.versions.edges[0]?.node.effectiveTo ?? null;
}

function policyEffects(
  p: WorkPolicy,
  stopOn: string | null,
  ended: boolean,
  tables: Map<string, WorkTable>,
) {
  const effects: WorkRow['effects'] = [];
  for (const { id } of p.rateTables) {
    const t = tables.get(id) ?? {
      name: p.rateTables.find((r) => r.id === id)!.name,
      versions: { edges: [] },
    };
    const last = lastDayOf(t);
    const stop = ended && last ? addDays(last, 1) : stopOn;
    effects.push({
      key: ended ? 'worklist.effects.pricesStopped' : 'worklist.effects.pricesStop',
      values: { table: t.name, date: stop ?? '' },
    });
  }
  if (p.docNo === DISCRETION_REVIEW_DOC_NO)
    effects.push({
      key: ended ? 'worklist.effects.casesStopped' : 'worklist.effects.casesStop',
      values: { date: stopOn ?? '' },
    });
  if (!effects.length)
    effects.push({
      key: ended ? 'worklist.effects.documentStopped' : 'worklist.effects.documentStops',
      values: { date: stopOn ?? '' },
    });
  return effects;
}

/** Expiring and recently ended documents, then rate tables with no version in force today. */
export function policyRows(
  input: { expiring: WorkPolicy[]; expired: WorkPolicy[]; tables: WorkTable[] },
  today: string,
): WorkRow[] {
  const rows: WorkRow[] = [];
  const tables = new Map(input.tables.map((t) => [t.id, t]));
  const seen = new Set<string>();
  for (const p of input.expiring) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const stopOn = p.expiresOn ? addDays(p.expiresOn, 1) : null;
    const days = p.daysLeft ?? (p.expiresOn ? daysBetween(today, p.expiresOn) : 0);
    rows.push({
      key: `expiring-${p.id}`,
      section: 'policies',
      severity: days <= 30 ? 'error' : 'warning',
      head: p.docNo,
      title: p.title,
      status:
        days === 0
          ? { key: 'worklist.lastDay', values: { date: p.expiresOn ?? '' } }
          : { key: 'worklist.daysLeft', values: { n: days, date: p.expiresOn ?? '' } },
      effects: policyEffects(p, stopOn, false, tables),
      to: show('policies', p.id),
    });
  }
  for (const p of input.expired) {
    if (seen.has(p.id) || !p.expiresOn) continue;
    const ago = daysBetween(p.expiresOn, today);
    if (ago > WINDOW_DAYS) continue;
    seen.add(p.id);
    const stopOn = addDays(p.expiresOn, 1);
    rows.push({
      key: `ended-${p.id}`,
      section: 'policies',
      severity: 'error',
      head: p.docNo,
      title: p.title,
      status: { key: 'worklist.ended', values: { date: stopOn, n: ago } },
      effects: policyEffects(p, stopOn, true, tables),
      to: show('policies', p.id),
    });
  }
  const listedTables = new Set(
    [...input.expiring, ...input.expired]
      .filter((p) => seen.has(p.id))
      .flatMap((p) => p.rateTables.map((t) => t.id)),
  );
  for (const t of input.tables) {
    if (t.versionInForce || listedTables.has(t.id)) continue;
    const last = lastDayOf(t);
    // Never published (nothing stopped), a future version only, or ended long ago: not listed.
    if (!last || compareDates(last, today) >= 0 || daysBetween(last, today) > WINDOW_DAYS) continue;
    rows.push({
      key: `table-${t.id}`,
      section: 'policies',
      severity: 'error',
      head: t.name,
      title: `${t.policy.docNo} ${t.policy.title}`,
      status: { key: 'worklist.noVersionSince', values: { date: addDays(last, 1) } },
      effects: [{ key: 'worklist.effects.noPrices', values: { table: t.name } }],
      to: show('rateTables', t.id),
    });
  }
  return rows;
}

export function draftRows(drafts: WorkDraft[], today: string): WorkRow[] {
  return drafts.map((d) => ({
    key: `draft-${d.id}`,
    section: 'drafts',
    severity: compareDates(d.effectiveFrom, today) <= 0 ? 'error' : 'info',
    head: d.table.name,
    title: d.label ?? '',
    status:
      compareDates(d.effectiveFrom, today) <= 0
        ? { key: 'worklist.draftLate', values: { date: d.effectiveFrom } }
        : { key: 'worklist.draftFrom', values: { date: d.effectiveFrom } },
    effects: [],
    to: show('rateTables', d.table.id),
  }));
}

export function caseRows(cases: WorkCase[], today: string): WorkRow[] {
  return cases
    .filter(
      (c) =>
        c.reviewDeadline && (c.overdue || daysBetween(today, c.reviewDeadline) <= CASE_SOON_DAYS),
    )
    .map((c) => {
      const days = daysBetween(today, c.reviewDeadline!);
      return {
        key: `case-${c.id}`,
        section: 'cases' as const,
        severity: (days < 0 || c.overdue ? 'error' : 'warning') as Severity,
        head: c.caseName,
        title: c.subjectName,
        status:
          days < 0
            ? { key: 'worklist.caseOverdue', values: { n: -days, date: c.reviewDeadline! } }
            : { key: 'worklist.caseDue', values: { n: days, date: c.reviewDeadline! } },
        effects: [],
        to: show('cases', c.id),
      };
    });
}

export function findingRows(findings: WorkFinding[]): WorkRow[] {
  return findings.map((f) => ({
    key: `finding-${f.id}`,
    section: 'findings',
    severity: f.rectified === false ? 'warning' : 'info',
    head: f.name,
    title: `${f.organization.name} · ${f.description}`,
    status: {
      key: f.rectified === false ? 'findings.notRectified' : 'findings.unknown',
      values: {},
    },
    effects: [],
    to: `/${f.kind}/${encodeURIComponent(f.id)}`,
  }));
}
