import { badInput } from '../shared/errors.ts';
import { formatQuarter, parseQuarter, quartersBetween, type Quarter } from './quarter.ts';
import type { FindingChannel, InspectionRound, RepeatFinding } from './types.ts';

/**
 * The characters a finding's text is compared without: JavaScript's \s spelled out as a
 * bracket-expression body that PostgreSQL's regular expressions read the same way, so the API
 * can apply this rule in SQL (repeat findings over every quarter) exactly as splitFinding does.
 */
export const FINDING_WHITESPACE_CLASS =
  '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/** A 《栏目》 at the start of a finding: its subject (see splitFinding). */
export const FINDING_SUBJECT_PATTERN = '^《[^》]+》';

const WHITESPACE = new RegExp(`[${FINDING_WHITESPACE_CLASS}]+`, 'gu');
const SUBJECT = new RegExp(`^(${FINDING_SUBJECT_PATTERN.slice(1)})(.*)$`, 'u');

/** A finding's text compared without whitespace. */
export function compactFinding(text: string): string {
  return text.replace(WHITESPACE, '');
}

/** Splits 《栏目》超期未更新 into the column 《栏目》 and the issue 超期未更新. */
export function splitFinding(description: string): { subject: string; issue: string } {
  const text = compactFinding(description);
  const m = SUBJECT.exec(text);
  return m ? { subject: m[1]!, issue: m[2]! } : { subject: '', issue: text };
}

/** What a finding is matched on across quarters: stored with the finding, compared in SQL. */
export interface FindingKeys {
  /** Website: the compacted 《栏目》 ('' without one); new media: the compacted account. */
  subjectKey: string;
  /** The compacted issue (website: the text after the 《栏目》). */
  issueKey: string;
}

/**
 * The one normalisation of a finding for repeat-finding matching: the API writes these keys with
 * every finding (create, edit, imports) and joins on them; repeatFindings below uses them too.
 */
export function findingKeys(
  finding:
    | { channel: 'WEBSITE'; description: string }
    | { channel: 'NEW_MEDIA'; account: string; description: string },
): FindingKeys {
  if (finding.channel === 'NEW_MEDIA') {
    return {
      subjectKey: compactFinding(finding.account),
      issueKey: compactFinding(finding.description),
    };
  }
  const { subject, issue } = splitFinding(finding.description);
  return { subjectKey: subject, issueKey: issue };
}

interface Occurrence {
  organizationId: string;
  channel: FindingChannel;
  subject: string;
  issue: string;
}

function occurrences(round: InspectionRound, matchIssue: boolean): Map<string, Occurrence> {
  const found = new Map<string, Occurrence>();
  const add = (o: Occurrence) => {
    const key = [o.organizationId, o.channel, o.subject, matchIssue ? o.issue : ''].join('\u0000');
    if (!found.has(key)) found.set(key, matchIssue ? o : { ...o, issue: '' });
  };
  const addKeys = (organizationId: string, channel: FindingChannel, k: FindingKeys) =>
    add({ organizationId, channel, subject: k.subjectKey, issue: k.issueKey });
  for (const f of round.websiteFindings) {
    addKeys(f.organizationId, 'WEBSITE', findingKeys({ channel: 'WEBSITE', ...f }));
  }
  for (const f of round.newMediaFindings) {
    addKeys(f.organizationId, 'NEW_MEDIA', findingKeys({ channel: 'NEW_MEDIA', ...f }));
  }
  return found;
}

/**
 * Problems found again in the next quarter: the same body, the same column (website) or
 * account (new media), and — unless `matchIssue` is false — the same issue. Each maximal run
 * of consecutive quarters is one result; a gap of a quarter breaks the run.
 */
export function repeatFindings(
  rounds: readonly InspectionRound[],
  options: { matchIssue?: boolean } = {},
): RepeatFinding[] {
  const matchIssue = options.matchIssue ?? true;
  const parsed = rounds.map((r, i) => ({
    round: r,
    q: parseQuarter(r.quarter, `rounds[${i}].quarter`),
  }));
  parsed.sort((a, b) => quartersBetween(b.q, a.q));
  for (let i = 1; i < parsed.length; i++) {
    if (quartersBetween(parsed[i - 1]!.q, parsed[i]!.q) === 0) {
      throw badInput('rounds', `rounds 中季度重复:${parsed[i]!.round.quarter}`);
    }
  }

  const open = new Map<string, { occ: Occurrence; quarters: Quarter[] }>();
  const results: RepeatFinding[] = [];
  const close = (run: { occ: Occurrence; quarters: Quarter[] }) => {
    if (run.quarters.length >= 2) {
      results.push({ ...run.occ, quarters: run.quarters.map(formatQuarter) });
    }
  };

  for (const { round, q } of parsed) {
    const current = occurrences(round, matchIssue);
    for (const [key, run] of open) {
      const last = run.quarters[run.quarters.length - 1]!;
      if (!current.has(key) || quartersBetween(last, q) !== 1) {
        close(run);
        open.delete(key);
      }
    }
    for (const [key, occ] of current) {
      const run = open.get(key);
      if (run) run.quarters.push(q);
      else open.set(key, { occ, quarters: [q] });
    }
  }
  for (const run of open.values()) close(run);
  return results.sort(compareRepeatFindings);
}

/**
 * The order repeat findings are listed in: by first quarter, body and subject; channel and
 * issue break the remaining ties, so the order is total whoever computed the runs.
 */
export function compareRepeatFindings(a: RepeatFinding, b: RepeatFinding): number {
  return (
    a.quarters[0]!.localeCompare(b.quarters[0]!) ||
    a.organizationId.localeCompare(b.organizationId) ||
    a.subject.localeCompare(b.subject) ||
    a.channel.localeCompare(b.channel) ||
    a.issue.localeCompare(b.issue)
  );
}
