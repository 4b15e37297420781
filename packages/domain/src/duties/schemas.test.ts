import { describe, expect, it } from 'vitest';
import { ZDutiesQuery, ZDutyArticleInput } from './schemas.ts';

describe('duty schemas', () => {
  it('rejects an empty department naming the field', () => {
    expect(ZDutiesQuery.safeParse({ department: ' ' }).error?.issues[0]?.message).toMatch(
      /department 不能为空/,
    );
  });
  it('accepts a printed article and rejects a malformed one', () => {
    const ok = { seq: 2, article: '第四十三条第二款', lawText: '法律内容', duty: '职责部门' };
    expect(ZDutyArticleInput.parse(ok).article).toBe('第四十三条第二款');
    expect(
      ZDutyArticleInput.safeParse({ ...ok, article: '43条' }).error?.issues[0]?.message,
    ).toMatch(/article/);
  });
});
