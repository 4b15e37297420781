// Test support: the committed issue and readings of it with a few lines changed.
import { readFileSync } from 'node:fs';
import {
  readGazetteIssue,
  type GazetteIssueReading,
  type GazetteTable,
} from '../read-gazette-issue.ts';
import { fixtureIssuePath } from './fixtures.ts';

export const ISSUE_PATH = fixtureIssuePath('luzhou-2024-12');
export const ISSUE_TEXT = readFileSync(ISSUE_PATH, 'utf8');

let cached: GazetteIssueReading | null = null;
/** The reading of the committed issue (read once per test file). */
export function reading(): GazetteIssueReading {
  cached ??= readGazetteIssue(ISSUE_TEXT);
  return cached;
}

/** The issue with 1-based lines replaced (a string) or removed (null). */
export function editIssue(edits: Record<number, string | null>): string {
  const lines = ISSUE_TEXT.split('\n');
  for (const [no, text] of Object.entries(edits)) {
    const i = Number(no) - 1;
    if (lines[i] === undefined) throw new Error(`no line ${no}`);
    lines[i] = text ?? '\u0000';
  }
  return lines.filter((l) => l !== '\u0000').join('\n');
}

/** Reads the issue with the given edits; line numbers of problems then refer to the edit. */
export function readEdited(edits: Record<number, string | null>): GazetteIssueReading {
  return readGazetteIssue(editIssue(edits));
}

type TableData<K extends GazetteTable['kind']> = Extract<GazetteTable, { kind: K }>['data'];

export function tableOf<K extends GazetteTable['kind']>(
  r: GazetteIssueReading,
  kind: K,
): TableData<K> {
  const table = r.tables.find((t) => t.kind === kind);
  if (!table) throw new Error(`no ${kind} table`);
  return table.data as unknown as TableData<K>;
}

/** The line of the issue holding `needle` (first match), for edits. */
export function lineOf(needle: string, from = 1): number {
  const lines = ISSUE_TEXT.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`not in the issue: ${needle}`);
}

/** The text of a 1-based line of the committed issue. */
export function lineText(no: number): string {
  const text = ISSUE_TEXT.split('\n')[no - 1];
  if (text === undefined) throw new Error(`no line ${no}`);
  return text;
}
