// Chinese words for full-text search: jieba's search-mode cut (whole words and the shorter words
// inside them: 残疾儿童 → 残疾, 儿童, 残疾儿童) plus every two-character run of Chinese text, so a
// word the dictionary splits differently in context (三书一函, 人工耳蜗) is still found.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

// Loaded on the first segmentation, not at import: the native segmenter and its 5 MB dictionary
// (plus @node-rs/jieba/dict.js's 6 MB IDF table, which only keyword extraction needs) stayed in
// every API process although only search and indexing use them. The dictionary is read here and
// handed over, so no copy stays on the JavaScript side.
const require = createRequire(import.meta.url);
let jieba: Jieba | null = null;
const segmenter = () =>
  (jieba ??= (require('@node-rs/jieba') as typeof import('@node-rs/jieba')).Jieba.withDict(
    readFileSync(require.resolve('@node-rs/jieba/dict.txt')),
  ));

/** Whether the segmenter has been loaded (it loads on first use). */
export const segmenterLoaded = () => jieba !== null;

const HAN = /\p{Script=Han}/u;
const WORD = /^[\p{Script=Han}\p{L}\p{N}]+$/u;
/** Words too common to tell documents apart. */
const STOP = new Set([
  '的',
  '和',
  '与',
  '及',
  '或',
  '等',
  '在',
  '对',
  '为',
  '是',
  '了',
  '按',
  '由',
  '其',
  '之',
]);

/** Search-mode words of a text, lower-cased, without punctuation or stop words (duplicates kept). */
export function segmentWords(text: string): string[] {
  return segmenter()
    .cutForSearch(text.normalize('NFKC'), true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && WORD.test(w) && !STOP.has(w));
}

/** Every pair of adjacent Chinese characters. */
export function hanBigrams(text: string): string[] {
  const chars = [...text.normalize('NFKC')];
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (HAN.test(chars[i]!) && HAN.test(chars[i + 1]!)) grams.push(chars[i]! + chars[i + 1]!);
  }
  return grams;
}

/** Joins Chinese text an OCR space or a page break split (商服 用地, 服\n务平台). */
export function joinHanRuns(text: string): string {
  return text.replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1');
}

/** The lexemes stored for a text: its words and its Chinese bigrams, each once. */
export function indexTerms(text: string): string[] {
  const joined = joinHanRuns(text);
  return [...new Set([...segmentWords(joined), ...hanBigrams(joined)])];
}
