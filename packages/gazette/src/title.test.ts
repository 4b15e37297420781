import { describe, expect, it } from 'vitest';
import { joinTitle, titleIssuers } from './title.ts';

describe('joinTitle', () => {
  it('joins a title broken across 目录 lines', () => {
    expect(joinTitle(['泸州市人民政府关于进一步实施残疾儿童  ', '康复救助制度的通知  '])).toBe(
      '泸州市人民政府关于进一步实施残疾儿童康复救助制度的通知',
    );
  });
  it('drops the OCR space between the issuer and 关于 in a heading', () => {
    expect(
      joinTitle(['泸州市人民政府 关于印发《泸州市国土空间总体规划 (2021—2035年)》的通知']),
    ).toBe('泸州市人民政府关于印发《泸州市国土空间总体规划(2021—2035年)》的通知');
  });
  it('keeps one space between joint issuers', () => {
    const title = joinTitle([
      '泸州市自然资源和规划局 泸州市财政局 国家税务总局泸州市税务局  ',
      '关于进一步规范国有建设用地二级市场共用宗地出让金缴纳有关事项  ',
      '的通知  ',
    ]);
    expect(title).toBe(
      '泸州市自然资源和规划局 泸州市财政局 国家税务总局泸州市税务局关于进一步规范国有建设用地二级市场共用宗地出让金缴纳有关事项的通知',
    );
    expect(titleIssuers(title)).toEqual([
      '泸州市自然资源和规划局',
      '泸州市财政局',
      '国家税务总局泸州市税务局',
    ]);
  });
});
