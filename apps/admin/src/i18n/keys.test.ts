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
  return key.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), messages);
}

/** Every literal key the code passes to translate(), notify() or a label/title prop. */
function literalKeys(): string[] {
  const keys = new Set<string>();
  const patterns = [
    /translate\('([a-zA-Z_]+(?:\.[a-zA-Z_]+)+)'/g,
    /notify\('([a-zA-Z_]+(?:\.[a-zA-Z_]+)+)'/g,
    /(?:label|primaryText|title|helperText)="([a-z][a-zA-Z]*(?:\.[a-zA-Z_]+)+)"/g,
  ];
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) keys.add(m[1]!);
  }
  return [...keys];
}

describe('translations', () => {
  const keys = literalKeys();
  it('finds the keys the code uses', () => {
    expect(keys.length).toBeGreaterThan(100);
  });
  it.each(['zh', 'en'] as const)('has every key the code uses in %s', (locale) => {
    const messages = locale === 'zh' ? zh : en;
    const missing = keys.filter((k) => typeof lookup(messages, k) !== 'string');
    expect(missing).toEqual([]);
  });
  it('has the same react-admin keys in Chinese as in English', () => {
    const flat = (o: unknown, prefix = ''): string[] =>
      Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flat(v, `${prefix}${k}.`)));
    const zhKeys = new Set(flat(zh.ra, 'ra.'));
    expect(flat(en.ra, 'ra.').filter((k) => !zhKeys.has(k))).toEqual([]);
  });
});
