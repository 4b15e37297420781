// Test support for other packages too (`@gazette/gazette/testing`): the committed issues and
// damaged copies of them.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = new URL('../../', import.meta.url);

/** The seed issue: prisma/issues/2024-12.md, the one copy the first start imports. */
const SEED_ISSUES: Readonly<Record<string, string>> = {
  'luzhou-2024-12': '../../prisma/issues/2024-12.md',
};

/**
 * The path of a committed issue by name: `luzhou-2025-03` (fixtures/, test-only issues) or
 * `luzhou-2024-12` (the seed issue in prisma/issues/).
 */
export function fixtureIssuePath(name: string): string {
  const candidates = [`fixtures/${name}.md`, ...(SEED_ISSUES[name] ? [SEED_ISSUES[name]] : [])];
  for (const rel of candidates) {
    const path = fileURLToPath(new URL(rel, PACKAGE_DIR));
    if (existsSync(path)) return path;
  }
  throw new Error(`no committed issue named ${name} (looked in fixtures/ and prisma/issues/)`);
}

/** The Markdown text of a committed issue by name (see fixtureIssuePath). */
export function readFixtureIssue(name: string): string {
  return readFileSync(fixtureIssuePath(name), 'utf8');
}

/** Characters a scan confuses with digits and letters it resembles. */
export const OCR_LOOKALIKES: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'l',
  '2': 'Z',
  '5': 'S',
  '8': 'B',
  O: '0',
  l: '1',
};

/** The first character of `text` that has a look-alike replaced by it (1800 → l800). */
export function ocrConfuse(text: string): string {
  const at = [...text].findIndex((c) => c in OCR_LOOKALIKES);
  if (at < 0) throw new Error(`nothing in “${text}” that OCR would confuse`);
  const chars = [...text];
  chars[at] = OCR_LOOKALIKES[chars[at]!]!;
  return chars.join('');
}

export interface Garbled {
  /** The damaged copy. */
  text: string;
  /** The 1-based line that was changed: a reading of `text` must name it. */
  line: number;
  before: string;
  after: string;
}

/**
 * A damaged copy of an issue text: on the line chosen by `at` (a 1-based line number, or the
 * first line holding that string; by default the first line holding `find`), the first
 * occurrence of `find` becomes `replace` (by default `find` with one OCR look-alike, e.g.
 * 1800 → l800). On a table row `find` must be a whole cell, so `1800` never hits `18000`.
 *
 *   const { text, line } = garble(readFixtureIssue('luzhou-2025-03'), '1800', { at: '311201069' });
 *   readGazetteIssue(text).problems // names `line`
 */
export function garble(
  text: string,
  find: string,
  options: { at?: number | string; replace?: string } = {},
): Garbled {
  const lines = text.split('\n');
  const needle = options.at ?? find;
  const index =
    typeof needle === 'number' ? needle - 1 : lines.findIndex((l) => l.includes(needle));
  const original = lines[index];
  if (original === undefined) throw new Error(`no line ${String(needle)} in the text`);
  const replace = options.replace ?? ocrConfuse(find);
  let changed: string;
  if (original.includes('\t')) {
    const cells = original.split('\t');
    const cell = cells.findIndex((c) => c.trim() === find);
    if (cell < 0) throw new Error(`line ${index + 1} has no cell “${find}”`);
    cells[cell] = cells[cell]!.replace(find, replace);
    changed = cells.join('\t');
  } else {
    if (!original.includes(find)) throw new Error(`line ${index + 1} does not hold “${find}”`);
    changed = original.replace(find, replace);
  }
  lines[index] = changed;
  return { text: lines.join('\n'), line: index + 1, before: original, after: changed };
}
