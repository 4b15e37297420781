// Every operation of the public contract (contract/operations.graphql) runs unchanged against a
// seeded database and answers with the gazette's figures.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';

const OPERATIONS = readFileSync(new URL('../contract/operations.graphql', import.meta.url), 'utf8');
let api: Api;

const run = (operationName: string, variables: Record<string, unknown>, token?: string) =>
  api.gql(OPERATIONS, variables, { operationName, token });

beforeAll(async () => {
  api = await createApi();
});
afterAll(async () => {
  await api?.close();
});

describe('Policy', () => {
  it.each([
    '泸市府规〔2024〕4号',
    '泸市府规[2024]4号',
    '泸市府规［2024］4号',
    ' 泸市府规 〔2024〕 4 号',
  ])('finds the rehabilitation notice by %s and returns the normalised number', async (docNo) => {
    const r = await run('Policy', { docNo, asOf: '2025-01-06' });
    expect(r.errors).toBeUndefined();
    expect(r.data?.policy).toMatchObject({
      docNo: '泸市府规〔2024〕4号',
      category: 'MUNICIPAL_GOVERNMENT',
      issuers: [{ name: '泸州市人民政府' }],
      signedOn: '2024-12-04',
      effectiveFrom: '2025-01-06',
      expiresOn: '2030-01-05',
      isTrial: false,
      status: 'IN_FORCE',
    });
  });

  it('is NOT_YET_EFFECTIVE the day before, IN_FORCE on the last day and EXPIRED the day after', async () => {
    const status = async (asOf: string) =>
      (await run('Policy', { docNo: '泸市府规〔2024〕4号', asOf })).data?.policy.status;
    expect(await status('2025-01-05')).toBe('NOT_YET_EFFECTIVE');
    expect(await status('2030-01-05')).toBe('IN_FORCE');
    expect(await status('2030-01-06')).toBe('EXPIRED');
  });

  it('gives the two-year trial of the medical prices (试行期两年 from 2024-11-01)', async () => {
    const r = await run('Policy', { docNo: '泸市医保规[2024]4号' });
    expect(r.data?.policy).toMatchObject({
      effectiveFrom: '2024-11-01',
      expiresOn: '2026-10-31',
      isTrial: true,
    });
  });

  it('answers null for an unknown number', async () => {
    const r = await run('Policy', { docNo: '泸市府规〔2099〕1号' });
    expect(r.errors).toBeUndefined();
    expect(r.data?.policy).toBeNull();
  });
});

describe('Policies', () => {
  it('lists the nine documents of the issue with a total count', async () => {
    const r = await run('Policies', { first: 100 });
    expect(r.errors).toBeUndefined();
    expect(r.data?.policies.totalCount).toBe(9);
    expect(r.data?.policies.edges).toHaveLength(9);
    expect(r.data?.policies.pageInfo.hasNextPage).toBe(false);
  });

  it('pages with first and after', async () => {
    const first = await run('Policies', { first: 4 });
    expect(first.data?.policies.edges).toHaveLength(4);
    expect(first.data?.policies.pageInfo.hasNextPage).toBe(true);
    const next = await run('Policies', {
      first: 100,
      after: first.data?.policies.pageInfo.endCursor,
    });
    expect(next.data?.policies.edges).toHaveLength(5);
    const all = [...first.data!.policies.edges, ...next.data!.policies.edges].map(
      (e: any) => e.node.docNo,
    );
    expect(new Set(all).size).toBe(9);
  });

  it('searches titles and numbers in any bracket form', async () => {
    const byNumber = await run('Policies', { filter: { search: '泸市医保规[2024]4号' } });
    expect(byNumber.data?.policies.edges.map((e: any) => e.node.docNo)).toEqual([
      '泸市医保规〔2024〕4号',
    ]);
    const byTitle = await run('Policies', { filter: { search: '残疾儿童康复' } });
    expect(byTitle.data?.policies.edges.map((e: any) => e.node.docNo)).toEqual([
      '泸市府规〔2024〕4号',
    ]);
  });

  it('filters by status on a date', async () => {
    const r = await run('Policies', {
      filter: { status: 'NOT_YET_EFFECTIVE', asOf: '2024-12-31' },
      first: 100,
    });
    const docNos = r.data?.policies.edges.map((e: any) => e.node.docNo);
    expect(docNos).toContain('泸市府规〔2024〕4号');
    expect(docNos).toContain('泸市自然资规函〔2024〕425号');
    expect(docNos).not.toContain('泸市医保规〔2024〕4号');
  });

  it('filters by issuer, official name or alias', async () => {
    const r = await run('Policies', { filter: { issuer: '市医保局' }, first: 100 });
    expect(r.errors).toBeUndefined();
    expect(r.data?.policies.edges.map((e: any) => e.node.docNo)).toContain('泸市医保规〔2024〕4号');
  });

  it('refuses first above 100 with BAD_USER_INPUT', async () => {
    const r = await run('Policies', { first: 101 });
    expect(r.codes).toContain('BAD_USER_INPUT');
  });
});

describe('MedicalServicePrice', () => {
  it('gives 囊胚培养 as a 39% surcharge without an amount', async () => {
    const r = await run('MedicalServicePrice', {
      code: '311201070-1',
      grade: 'TERTIARY_A',
      asOf: '2025-01-01',
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.medicalServicePrice).toMatchObject({
      code: '311201070-1',
      amount: null,
      surchargeRate: '0.39',
      policy: { docNo: '泸市医保规〔2024〕4号' },
    });
  });

  it('gives 取卵术 a yuan amount', async () => {
    const r = await run('MedicalServicePrice', {
      code: '311201069',
      grade: 'TERTIARY_A',
      asOf: '2025-01-01',
    });
    expect(r.data?.medicalServicePrice.amount).toMatch(/^\d+\.\d{2}$/);
    expect(r.data?.medicalServicePrice.surchargeRate).toBeNull();
  });

  it('is null before the trial starts and after it ends', async () => {
    for (const asOf of ['2024-10-31', '2026-11-01']) {
      const r = await run('MedicalServicePrice', { code: '311201069', grade: 'TERTIARY_A', asOf });
      expect(r.errors).toBeUndefined();
      expect(r.data?.medicalServicePrice).toBeNull();
    }
  });
});

describe('MedicalServiceQuote', () => {
  const quote = (
    items: { code: string; quantity: number }[],
    grade = 'TERTIARY_A',
    asOf = '2025-01-01',
  ) => run('MedicalServiceQuote', { input: { grade, asOf, items } });

  it('caps 单精子注射 with 11 eggs at 4223.00 for 三甲', async () => {
    const r = await quote([{ code: '311201079', quantity: 11 }]);
    expect(r.errors).toBeUndefined();
    expect(r.data?.medicalServiceQuote.lines[0]).toMatchObject({
      code: '311201079',
      quantity: 11,
      amount: '4223.00',
      capApplied: true,
    });
    expect(r.data?.medicalServiceQuote.total).toBe('4223.00');
  });

  it('does not cap 单精子注射 with one egg', async () => {
    const r = await quote([{ code: '311201079', quantity: 1 }]);
    expect(r.data?.medicalServiceQuote.lines[0].capApplied).toBe(false);
  });

  it('prices 囊胚培养 as 39% of its base item, per unit', async () => {
    const base = await run('MedicalServicePrice', {
      code: '311201070',
      grade: 'TERTIARY_A',
      asOf: '2025-01-01',
    });
    const r = await quote([{ code: '311201070-1', quantity: 2 }]);
    const expected = (Number(base.data?.medicalServicePrice.amount) * 0.39 * 2).toFixed(2);
    expect(r.data?.medicalServiceQuote.lines[0].amount).toBe(expected);
  });

  it('names an unknown code in a BAD_USER_INPUT error', async () => {
    const r = await quote([{ code: '999999999', quantity: 1 }]);
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.message).toContain('999999999');
  });

  it('refuses a code not in force on asOf with RATE_NOT_IN_FORCE naming it', async () => {
    const r = await quote([{ code: '311201069', quantity: 1 }], 'TERTIARY_A', '2024-10-31');
    expect(r.codes).toEqual(['RATE_NOT_IN_FORCE']);
    expect(r.errors?.[0]?.message).toContain('311201069');
  });
});

describe('LandTransferFeeQuote', () => {
  const land = (input: Record<string, unknown>) =>
    run('LandTransferFeeQuote', { input: { asOf: '2025-03-01', termCoefficient: '1', ...input } });

  it('prices 商服 I 临街 at 1425 per m² (area × standard × coefficient)', async () => {
    const r = await land({
      landUse: 'COMMERCIAL',
      grade: 1,
      streetFrontGroundFloor: true,
      floorArea: '100',
      termCoefficient: '0.8',
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.landTransferFeeQuote).toMatchObject({
      standardPerSqm: '1425.00',
      amount: '114000.00',
      basis: 'STANDARD',
      policy: { docNo: '泸市自然资规函〔2024〕425号' },
    });
  });

  it('charges housing-reform land 50% (二(三))', async () => {
    const r = await land({
      landUse: 'RESIDENTIAL',
      grade: 1,
      floorArea: '80',
      housingReform: true,
    });
    // 80 × 368 × 1 × 50%
    expect(r.data?.landTransferFeeQuote.amount).toBe('14720.00');
  });

  it('takes the appraisal where it exceeds the 其他 fee (二(八))', async () => {
    const above = await land({
      landUse: 'COMMERCIAL',
      grade: 1,
      streetFrontGroundFloor: true,
      floorArea: '100',
      appraisedAmount: '60000',
    });
    expect(above.data?.landTransferFeeQuote).toMatchObject({
      basis: 'APPRAISAL',
      amount: '60000.00',
    });
    const below = await land({
      landUse: 'COMMERCIAL',
      grade: 1,
      streetFrontGroundFloor: true,
      floorArea: '100',
      appraisedAmount: '40000',
    });
    expect(below.data?.landTransferFeeQuote).toMatchObject({
      basis: 'STANDARD',
      amount: '47500.00',
      standardPerSqm: '475.00',
    });
  });

  it('is RATE_NOT_IN_FORCE before 2025-01-08', async () => {
    const r = await land({ landUse: 'COMMERCIAL', grade: 1, floorArea: '100', asOf: '2025-01-07' });
    expect(r.codes).toEqual(['RATE_NOT_IN_FORCE']);
  });

  it('names the field of a grade outside 1–7 or a non-positive area', async () => {
    const grade = await land({ landUse: 'COMMERCIAL', grade: 8, floorArea: '100' });
    expect(grade.codes).toEqual(['BAD_USER_INPUT']);
    expect(grade.errors?.[0]?.extensions?.field).toContain('grade');
    const area = await land({ landUse: 'COMMERCIAL', grade: 1, floorArea: '0' });
    expect(area.codes).toEqual(['BAD_USER_INPUT']);
    expect(area.errors?.[0]?.extensions?.field).toContain('floorArea');
  });
});

describe('RehabAssistanceCheck', () => {
  const check = (input: Record<string, unknown>) =>
    run('RehabAssistanceCheck', {
      input: {
        birthDate: '2015-03-01',
        applicationDate: '2025-03-01',
        luzhouHukou: true,
        service: 'SURGERY',
        requestedAmount: '35000',
        ...input,
      },
    });

  it('caps surgery at 30000 a year', async () => {
    const r = await check({});
    expect(r.errors).toBeUndefined();
    expect(r.data?.rehabAssistanceCheck).toMatchObject({
      eligible: true,
      cap: '30000.00',
      approvedAmount: '30000.00',
    });
    // 泸市府规〔2024〕4号 二(二): the request above the yearly cap is approved at the cap, and says so.
    expect(r.data?.rehabAssistanceCheck.reasons).toEqual([
      '申请金额 35000 元超过可救助额度,按 30000 元核定',
    ]);
  });

  it('deducts what was funded this year', async () => {
    const r = await check({ fundedThisYear: '25000' });
    expect(r.data?.rehabAssistanceCheck.approvedAmount).toBe('5000.00');
  });

  it('is eligible the day before the 15th birthday and not on it', async () => {
    const before = await check({ birthDate: '2010-03-02', requestedAmount: '1000' });
    expect(before.data?.rehabAssistanceCheck.eligible).toBe(true);
    const on = await check({ birthDate: '2010-03-01', requestedAmount: '1000' });
    expect(on.data?.rehabAssistanceCheck).toMatchObject({
      eligible: false,
      approvedAmount: '0.00',
    });
    expect(on.data?.rehabAssistanceCheck.reasons).toEqual([
      '申请日 2025-03-01 已满15周岁(2025-03-01 满15周岁),不属于0—14周岁救助对象',
    ]);
  });

  it('refuses without a Luzhou hukou', async () => {
    const r = await check({ luzhouHukou: false });
    expect(r.data?.rehabAssistanceCheck).toMatchObject({ eligible: false, approvedAmount: '0.00' });
    expect(r.data?.rehabAssistanceCheck.reasons).toEqual(['不具有泸州市户籍']);
  });

  it('is RATE_NOT_IN_FORCE before 2025-01-06', async () => {
    const r = await check({ applicationDate: '2025-01-05' });
    expect(r.codes).toEqual(['RATE_NOT_IN_FORCE']);
  });
});

describe('ComplianceSummary', () => {
  it('gives the figures of 泸市府室发〔2024〕34号 for 2024Q4', async () => {
    const r = await run('ComplianceSummary', { quarter: '2024Q4' });
    expect(r.errors).toBeUndefined();
    const s = r.data?.complianceSummary;
    expect(s).toMatchObject({
      quarter: '2024Q4',
      websitesChecked: 46,
      websitesWithIssues: 13,
      websiteIssues: 15,
      websiteIssuesRectified: 15,
      newMediaAccountsChecked: 208,
      newMediaAccountsWithIssues: 8,
      messagesReceived: 3,
      messagesClosed: 3,
    });
    expect(s.baseDataMissing).toHaveLength(3);
    expect(s.processDataMissing).toHaveLength(12);
  });

  it('refuses a malformed quarter with BAD_USER_INPUT', async () => {
    const r = await run('ComplianceSummary', { quarter: '2024-Q9' });
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
  });
});

describe('OrganizationCompliance', () => {
  it.each(['泸州市住房和城乡建设局', '市住房城乡建设局', '泸州市住房和城乡建设局网站'])(
    'resolves %s to the housing bureau with its finding',
    async (name) => {
      const r = await run('OrganizationCompliance', { name, quarter: '2024Q4' });
      expect(r.errors).toBeUndefined();
      expect(r.data?.organization.name).toBe('泸州市住房和城乡建设局');
      expect(r.data?.organization.compliance.websiteIssues).toEqual([
        { description: '《部门信箱》超期未更新', rectified: true },
      ]);
    },
  );

  it('resolves 市教育和体育局 and 市教育体育局 to one body', async () => {
    const a = await run('OrganizationCompliance', { name: '市教育和体育局', quarter: '2024Q4' });
    const b = await run('OrganizationCompliance', { name: '市教育体育局', quarter: '2024Q4' });
    expect(a.data?.organization.name).toBeTruthy();
    expect(a.data?.organization.name).toBe(b.data?.organization.name);
  });

  it('answers null for an unknown body', async () => {
    const r = await run('OrganizationCompliance', { name: '不存在的机构', quarter: '2024Q4' });
    expect(r.errors).toBeUndefined();
    expect(r.data?.organization).toBeNull();
  });
});
