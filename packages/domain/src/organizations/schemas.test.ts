import { describe, expect, it } from 'vitest';
import { ZOrganizationInput, ZOrganizationName } from './schemas.ts';

describe('organisation schemas', () => {
  it('trims a name and rejects an empty one naming the field', () => {
    expect(ZOrganizationName.parse('  市公安局 ')).toBe('市公安局');
    expect(ZOrganizationName.safeParse('  ').error?.issues[0]?.message).toMatch(/name 不能为空/);
  });
  it('defaults aliases and rejects an unknown type in Chinese', () => {
    expect(ZOrganizationInput.parse({ name: '泸州市测试局', type: 'DEPARTMENT' }).aliases).toEqual(
      [],
    );
    expect(
      ZOrganizationInput.safeParse({ name: '泸州市测试局', type: 'BUREAU' }).error?.issues[0]
        ?.message,
    ).toMatch(/type 必须是/);
  });
});
