import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zh } from './zh.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

function lookup(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      messages,
    );
}

const PATTERNS = [
  /translate\('([a-zA-Z_]+(?:\.[a-zA-Z_]+)+)'/g,
  /notify\('([a-zA-Z_]+(?:\.[a-zA-Z_]+)+)'/g,
  /(?:label|primaryText|title|helperText)="([a-z][a-zA-Z]*(?:\.[a-zA-Z_]+)+)"/g,
];

/** The literal keys a text passes to translate(), notify() or a label/title prop. */
function keysIn(text: string): string[] {
  return PATTERNS.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
}

/** Every literal key the code uses. */
function literalKeys(): string[] {
  return [...new Set(files(SRC).flatMap((file) => keysIn(readFileSync(file, 'utf8'))))];
}

const flat = (o: unknown, prefix = ''): string[] =>
  Object.entries(o as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : flat(v, `${prefix}${k}.`),
  );

describe('translations', () => {
  const keys = literalKeys();
  it('finds keys in every form the code uses them', () => {
    const sample = `translate('cases.overdue', { n }); notify('rates.imported'); <Tab label="policies.tabs.text" /> translate(dynamic)`;
    expect(keysIn(sample).sort()).toEqual([
      'cases.overdue',
      'policies.tabs.text',
      'rates.imported',
    ]);
    // …and reads the source: every file calling translate('…') gives its keys.
    const callers = files(SRC).filter((f) => readFileSync(f, 'utf8').includes("translate('"));
    expect(callers.length).toBeGreaterThan(0);
    expect(callers.filter((f) => keysIn(readFileSync(f, 'utf8')).length === 0)).toEqual([]);
  });
  it.each(['zh', 'en'] as const)('has every key the code uses in %s', (locale) => {
    const messages = locale === 'zh' ? zh : en;
    const missing = keys.filter((k) => typeof lookup(messages, k) !== 'string');
    expect(missing).toEqual([]);
  });
  it('has exactly the same keys in Chinese as in English', () => {
    const zhKeys = flat(zh).sort();
    const enKeys = flat(en).sort();
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
  });
});
