import { describe, expect, it } from 'vitest';
import { normalizeDocNo, parseDocNo } from './parse-doc-no.ts';

describe('parseDocNo', () => {
  it('reads the 〔〕 form', () => {
    expect(parseDocNo('泸市府规〔2024〕4号')).toEqual({
      prefix: '泸市府规',
      year: 2024,
      serial: 4,
      docNo: '泸市府规〔2024〕4号',
    });
  });
  it('normalises the [] form the gazette also prints', () => {
    expect(normalizeDocNo('泸市自然资规函[2024]425号')).toBe('泸市自然资规函〔2024〕425号');
  });
  it('ignores OCR spaces anywhere', () => {
    expect(normalizeDocNo(' 泸市府室发 [ 2024 ] 34 号')).toBe('泸市府室发〔2024〕34号');
  });
  it('rejects text that is not a document number, naming the field', () => {
    expect(() => normalizeDocNo('泸市府规2024年4号', 'docNo')).toThrowError(/docNo/);
    expect(parseDocNo('')).toBeNull();
  });
});
