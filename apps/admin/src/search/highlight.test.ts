import { describe, expect, it } from 'vitest';
import { snippetParts } from './highlight.ts';

describe('snippetParts', () => {
  it('splits the marked words out without their brackets', () => {
    expect(snippetParts('…辅具、【人工耳蜗】(产品)、【助听器】')).toEqual([
      { text: '…辅具、', hit: false },
      { text: '人工耳蜗', hit: true },
      { text: '(产品)、', hit: false },
      { text: '助听器', hit: true },
    ]);
  });
  it('keeps a snippet without marks whole', () => {
    expect(snippetParts('全文')).toEqual([{ text: '全文', hit: false }]);
    expect(snippetParts('')).toEqual([]);
  });
});
