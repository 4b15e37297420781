import { describe, expect, it } from 'vitest';
import { ORGANIZATIONS } from './registry.ts';
import {
  aliasRowsOf,
  buildOrganizationIndex,
  namesOf,
  normalizeOrganizationName,
  organizationByName,
  requireOrganization,
  resolveOrganization,
} from './resolve-organization.ts';

const nameOf = (n: string) => resolveOrganization(n)?.name ?? null;

describe('every body 泸市府室发〔2024〕34号 and its annexes name resolves', () => {
  // 附件1 检查网站, as printed (OCR spaces included).
  it.each([
    ['中国·四川泸州长江经济 开发区网站', '中国·四川泸州长江经济开发区'],
    ['四川泸州白酒产业园区网站', '四川泸州白酒产业园区'],
    ['泸州市经济和信息化局网站', '泸州市经济和信息化局'],
    ['泸州市教育和体育局网站', '泸州市教育和体育局'],
    ['泸州市科学技术局网站', '泸州市科学技术局'],
    ['泸州市民政局网站', '泸州市民政局'],
    ['泸州市住房和城乡建设局 网站', '泸州市住房和城乡建设局'],
    ['泸州市农业农村局网站', '泸州市农业农村局'],
    ['泸州市商务和会展局网站', '泸州市商务和会展局'],
    ['泸州市应急管理局网站', '泸州市应急管理局'],
    ['泸州市审计局网站', '泸州市审计局'],
    ['泸州市统计局网站', '泸州市统计局'],
    ['泸州市林业和竹业局网站', '泸州市林业和竹业局'],
  ])('附件1 site %s → %s', (printed, official) => {
    expect(nameOf(printed)).toBe(official);
  });

  // 附件2 所属区县或部门.
  it.each([
    ['泸县', '泸县人民政府'],
    ['市农业农村局', '泸州市农业农村局'],
    [
      '中国(四川)自由贸易试 验区川南临港片区管理 委员会',
      '中国(四川)自由贸易试验区川南临港片区管理委员会',
    ],
    ['市退役军人事务局', '泸州市退役军人事务局'],
    ['市水务局', '泸州市水务局'],
    ['市文化广电旅游局', '泸州市文化广电旅游局'],
    ['合江县', '合江县人民政府'],
    ['江阳区', '泸州市江阳区人民政府'],
  ])('附件2 owner %s → %s', (printed, official) => {
    expect(nameOf(printed)).toBe(official);
  });

  // 附件3 and the information-adoption paragraph 一(三).
  it.each([
    ['市经济和信息化局', '泸州市经济和信息化局'],
    ['市统计局', '泸州市统计局'],
    ['市教育体育局', '泸州市教育和体育局'],
    ['市财政局', '泸州市财政局'],
    ['市生态环境局', '泸州市生态环境局'],
    ['市住房城乡建设局', '泸州市住房和城乡建设局'],
    ['市商务会展局', '泸州市商务和会展局'],
    ['市 退役军人事务局', '泸州市退役军人事务局'],
    ['市市场监管局', '泸州市市场监督管理局'],
    ['市经济合作外事局', '泸州市经济合作外事局'],
    ['古蔺县', '古蔺县人民政府'],
    ['市自然资源和规划局', '泸州市自然资源和规划局'],
    ['长开区', '中国·四川泸州长江经济开发区'],
    ['市公安局', '泸州市公安局'],
    ['市信访局', '泸州市信访局'],
    ['市酒业发展局', '泸州市酒业发展局'],
  ])('附件3 / 一(三) %s → %s', (printed, official) => {
    expect(nameOf(printed)).toBe(official);
  });
});

describe('the variants the contract and brief call out', () => {
  it('resolves every name of 泸州市教育和体育局', () => {
    for (const n of [
      '泸州市教育和体育局',
      '市教育和体育局',
      '市教育体育局',
      '泸州市教育和体育局网站',
    ]) {
      expect(nameOf(n)).toBe('泸州市教育和体育局');
    }
  });
  it('resolves every name of 泸州市住房和城乡建设局', () => {
    for (const n of ['泸州市住房和城乡建设局', '市住房城乡建设局', '泸州市住房和城乡建设局网站']) {
      expect(nameOf(n)).toBe('泸州市住房和城乡建设局');
    }
  });
  it('resolves 长开区 and 中国·四川泸州长江经济开发区 (and its site) to one body, any middle dot', () => {
    const names = [
      '长开区',
      '中国·四川泸州长江经济开发区',
      '中国·四川泸州长江经济开发区网站',
      '中国•四川泸州长江经济开发区',
    ];
    expect(new Set(names.map(nameOf))).toEqual(new Set(['中国·四川泸州长江经济开发区']));
  });
  it('resolves 市商务会展局 and 泸州市商务和会展局 to one body', () => {
    expect(nameOf('市商务会展局')).toBe(nameOf('泸州市商务和会展局'));
  });
  it('resolves full-width brackets and line breaks', () => {
    expect(nameOf('中国（四川）自由贸易试验区\n川南临港片区管理委员会')).toBe(
      '中国(四川)自由贸易试验区川南临港片区管理委员会',
    );
  });
  it('resolves the joint issuers of 泸市自然资规函〔2024〕425号, including the tax bureau', () => {
    expect(resolveOrganization('国家税务总局泸州市税务局')?.type).toBe('STATE_AGENCY');
    expect(nameOf('泸州市财政局')).toBe('泸州市财政局');
  });
  it('falls back from an unregistered 网站 form to its owner', () => {
    expect(nameOf('泸州市公安局网站')).toBe('泸州市公安局');
  });
  it('returns null for unknown names and empty input', () => {
    expect(resolveOrganization('泸州市不存在局')).toBeNull();
    expect(resolveOrganization('   ')).toBeNull();
    expect(resolveOrganization('网站')).toBeNull();
  });
});

describe('the registry', () => {
  it('has the 7 districts and counties', () => {
    expect(
      ORGANIZATIONS.filter((o) => o.type === 'DISTRICT_COUNTY').map((o) => o.shortName),
    ).toEqual(['江阳区', '龙马潭区', '纳溪区', '泸县', '合江县', '叙永县', '古蔺县']);
  });
  it('maps no alias to two bodies and has unique official names', () => {
    expect(() => buildOrganizationIndex(ORGANIZATIONS)).not.toThrow();
    const all = ORGANIZATIONS.flatMap((o) => namesOf(o).map((n) => [n, o.name] as const));
    const owners = new Map<string, Set<string>>();
    for (const [n, o] of all) owners.set(n, (owners.get(n) ?? new Set()).add(o));
    expect([...owners].filter(([, s]) => s.size > 1)).toEqual([]);
    expect(new Set(ORGANIZATIONS.map((o) => o.name)).size).toBe(ORGANIZATIONS.length);
  });
  it('detects an alias that names two bodies', () => {
    const a = {
      name: '甲局',
      shortName: null,
      type: 'DEPARTMENT' as const,
      parentName: null,
      aliases: ['共用'],
    };
    const b = { ...a, name: '乙局' };
    expect(() => buildOrganizationIndex([a, b])).toThrow(/共用/);
  });
  it('gives every body a parent that is registered', () => {
    for (const o of ORGANIZATIONS) {
      if (o.parentName) expect(organizationByName(o.parentName)?.name).toBe(o.parentName);
    }
  });
  it('stores aliases without whitespace and without the official name', () => {
    const edu = organizationByName('泸州市教育和体育局')!;
    const rows = aliasRowsOf(edu);
    expect(rows).toContain('市教育体育局');
    expect(rows).not.toContain('泸州市教育和体育局');
    expect(rows.every((r) => r === normalizeOrganizationName(r))).toBe(true);
  });
  it('finds by exact official name only in organizationByName', () => {
    expect(organizationByName('市公安局')).toBeNull();
    expect(organizationByName('泸州市公安局')?.shortName).toBe('市公安局');
  });
});

describe('requireOrganization', () => {
  it('returns the body for a known alias', () => {
    expect(requireOrganization('市医保局', 'issuer').name).toBe('泸州市医疗保障局');
  });
  it('throws BAD_USER_INPUT naming the field for an unknown name', () => {
    expect(() => requireOrganization('火星局', 'input.issuer')).toThrowError(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.issuer' }),
    );
    expect(() => requireOrganization('火星局', 'input.issuer')).toThrow(/input\.issuer/);
  });
});

describe('the bodies 泸市府函〔2024〕270号 names beside its appointees', () => {
  it.each([
    ['市公安局', 'DEPARTMENT'],
    ['市司法局', 'DEPARTMENT'],
    ['市财政局', 'DEPARTMENT'],
    ['市自然资源和规划局', 'DEPARTMENT'],
    ['市住房城乡建设局', 'DEPARTMENT'],
    ['市国资委', 'DEPARTMENT'],
    ['市市场监管局', 'DEPARTMENT'],
    ['人行泸州市分行', 'STATE_AGENCY'],
    ['市工商联', 'OTHER'],
    ['泸州仲裁委员会', 'OTHER'],
    ['西南医科大学', 'OTHER'],
    ['市律师协会', 'OTHER'],
  ])('%s resolves as %s', (printed, type) => {
    expect(resolveOrganization(printed)?.type).toBe(type);
  });
  it('does not strip 政府 from an unregistered site name', () => {
    expect(resolveOrganization('泸县人民政府网站')?.name).toBe('泸县人民政府');
    expect(nameOf('泸州市人民政府门户网站')).toBe('泸州市人民政府');
  });
});
