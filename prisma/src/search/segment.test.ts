import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { hanBigrams, indexTerms, segmentWords, segmenterLoaded } from './segment.ts';

// First in this file: nothing has segmented yet.
describe('the segmenter', () => {
  it('is loaded on the first segmentation, not when the module is imported', () => {
    const jiebaModules = () =>
      Object.keys(createRequire(import.meta.url).cache).filter((f) => /@node-rs.jieba/.test(f));
    expect(jiebaModules()).toEqual([]); // neither the native segmenter nor dict.js's 11 MB
    expect(segmenterLoaded()).toBe(false);
    expect(segmentWords('康复救助')).toContain('康复');
    expect(segmenterLoaded()).toBe(true);
    expect(jiebaModules()).not.toEqual([]);
  });
});

describe('segmentWords', () => {
  it('gives whole words and the words inside them, without punctuation or stop words', () => {
    const words = segmentWords('残疾儿童康复救助的标准(人工耳蜗)');
    expect(words).toEqual(
      expect.arrayContaining(['残疾', '儿童', '残疾儿童', '康复', '救助', '标准', '人工', '耳蜗']),
    );
    expect(words).not.toContain('的');
    expect(words.some((w) => /[()()]/u.test(w))).toBe(false);
  });
  it('folds full-width letters and digits', () => {
    expect(segmentWords('ＧＰＴ４')).toEqual(['gpt4']);
  });
});

describe('hanBigrams and indexTerms', () => {
  it('pairs adjacent Chinese characters only', () => {
    expect(hanBigrams('三书一函 ab 临街')).toEqual(['三书', '书一', '一函', '临街']);
  });
  it('joins words an OCR space or a page break split', () => {
    expect(indexTerms('商服 用地')).toEqual(expect.arrayContaining(['商服', '服用', '用地']));
    expect(indexTerms('信息化服\n务平台')).toContain('服务');
  });
  it('lists each term once', () => {
    const terms = indexTerms('临街且平街一层 临街');
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms).toEqual(expect.arrayContaining(['临街', '平街', '一层']));
  });
});
