import { describe, expect, it } from 'vitest';
import { articleBody, articleDepth } from './articles.ts';

describe('articles as shown', () => {
  it('nests by the brackets of the path', () => {
    expect(articleDepth('二')).toBe(0);
    expect(articleDepth('二(二)')).toBe(1);
    expect(articleDepth('第十三条')).toBe(0);
    expect(articleDepth('一（一）')).toBe(1);
  });
  it('does not repeat the number beside the text', () => {
    expect(
      articleBody({ number: '第六条', text: '第六条 本办法自2025年4月10日起施行,有效期五年。' }),
    ).toBe('本办法自2025年4月10日起施行,有效期五年。');
    expect(articleBody({ number: '二、', text: '二、救助内容和标准' })).toBe('救助内容和标准');
    expect(articleBody({ number: '(一)', text: '(一)对象范围。\n0—14周岁' })).toBe(
      '对象范围。\n0—14周岁',
    );
    expect(articleBody({ number: '一', text: '一、公布的价格' })).toBe('公布的价格');
    expect(articleBody({ number: '三', text: '其他文字' })).toBe('其他文字');
  });
});
