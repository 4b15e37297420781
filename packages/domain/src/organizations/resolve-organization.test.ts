import { describe, expect, it } from 'vitest';
import {
  createOrganizationResolver,
  normalizeOrganizationName,
  organizationLookupKeys,
  type NamedBody,
} from './resolve-organization.ts';

// A few bodies as the database holds them (prisma/reference/organizations.json has them all),
// with names printed by 泸市府室发〔2024〕34号 and its annexes.
const BODIES: (NamedBody & { id: string })[] = [
  {
    id: 'edu',
    name: '泸州市教育和体育局',
    shortName: '市教育体育局',
    aliases: ['市教育和体育局', '泸州市教育和体育局网站'],
  },
  { id: 'housing', name: '泸州市住房和城乡建设局', shortName: '市住房城乡建设局', aliases: [] },
  { id: 'changkai', name: '中国·四川泸州长江经济开发区', shortName: '长开区', aliases: [] },
  {
    id: 'ftz',
    name: '中国(四川)自由贸易试验区川南临港片区管理委员会',
    shortName: null,
    aliases: [],
  },
  { id: 'luxian', name: '泸县人民政府', shortName: '泸县', aliases: [] },
  { id: 'city', name: '泸州市人民政府', shortName: '市政府', aliases: [] },
];
const resolve = createOrganizationResolver(BODIES);
const idOf = (name: string) => resolve(name)?.id ?? null;

describe('normalizeOrganizationName', () => {
  it('removes OCR spaces and line breaks, makes full-width ASCII half-width, unifies middle dots', () => {
    expect(normalizeOrganizationName('泸州市住房和城乡建设局 网站')).toBe(
      '泸州市住房和城乡建设局网站',
    );
    expect(normalizeOrganizationName('中国（四川）自由贸易试\n验区')).toBe(
      '中国(四川)自由贸易试验区',
    );
    expect(normalizeOrganizationName('中国•四川泸州')).toBe('中国·四川泸州');
    expect(normalizeOrganizationName('中国・四川泸州')).toBe('中国·四川泸州');
  });
});

describe('organizationLookupKeys', () => {
  it('tries the name, then the name without a 网站 / 门户网站 suffix', () => {
    expect(organizationLookupKeys('泸州市公安局网站')).toEqual([
      '泸州市公安局网站',
      '泸州市公安局',
    ]);
    expect(organizationLookupKeys('泸州市人民政府门户网站')).toEqual([
      '泸州市人民政府门户网站',
      '泸州市人民政府',
    ]);
    expect(organizationLookupKeys('市公安局')).toEqual(['市公安局']);
  });
  it('gives nothing to look up for empty input or a bare 网站', () => {
    expect(organizationLookupKeys('   ')).toEqual([]);
    expect(organizationLookupKeys('网站')).toEqual(['网站']);
  });
});

describe('createOrganizationResolver', () => {
  it('resolves the official name, the short name and every alias', () => {
    for (const n of [
      '泸州市教育和体育局',
      '市教育和体育局',
      '市教育体育局',
      '泸州市教育和体育局网站',
    ]) {
      expect(idOf(n), n).toBe('edu');
    }
  });

  it('resolves names as the annexes print them: OCR spaces, line breaks, full-width brackets, any middle dot', () => {
    expect(idOf('市 住房城乡建设局')).toBe('housing');
    expect(idOf('中国(四川)自由贸易试 验区川南临港片区管理 委员会')).toBe('ftz');
    expect(idOf('中国（四川）自由贸易试验区\n川南临港片区管理委员会')).toBe('ftz');
    expect(idOf('中国•四川泸州长江经济 开发区网站')).toBe('changkai');
    expect(idOf('长开区')).toBe('changkai');
  });

  it('falls back from an unregistered 网站 form to its owner', () => {
    expect(idOf('泸州市住房和城乡建设局 网站')).toBe('housing');
    expect(idOf('泸县人民政府网站')).toBe('luxian');
    expect(idOf('泸州市人民政府门户网站')).toBe('city');
  });

  it('returns null for unknown names and empty input', () => {
    expect(resolve('泸州市不存在局')).toBeNull();
    expect(resolve('   ')).toBeNull();
    expect(resolve('网站')).toBeNull();
  });

  it('resolves a name registered for two bodies to neither', () => {
    const r = createOrganizationResolver([
      { name: '甲局', aliases: ['共用'] },
      { name: '乙局', aliases: ['共用'] },
    ]);
    expect(r('共用')).toBeNull();
    expect(r('甲局')?.name).toBe('甲局');
  });

  it('lets one body repeat its own name among its aliases', () => {
    const r = createOrganizationResolver([
      { name: '甲局', shortName: '甲局', aliases: ['甲局', ' 甲 局 '] },
    ]);
    expect(r('甲局')?.name).toBe('甲局');
  });
});
