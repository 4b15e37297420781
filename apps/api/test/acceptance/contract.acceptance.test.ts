// Acceptance of the public contract (issue 4, "Done when"): a server started as a new user starts
// it (the API's `pnpm start`, no DATABASE_URL → embedded PostgreSQL, first start: initdb,
// migrations, seed, first administrator), then EVERY operation of contract/operations.graphql,
// sent unchanged over HTTP. Every expected value below was worked out by hand from the gazette
// (prisma/issues/2024-12.md) and contract/README.md, not from the domain package;
// each block quotes the line it comes from. Where the text is ambiguous the test says so and does
// not assert that point.
import { readFileSync, rmSync } from 'node:fs';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, ContractClient, NEXT_FILE, type GqlResponse } from './contract-client.ts';
import {
  processesUsingDataDir,
  startServer,
  stopServer,
  waitReady,
  type ServerProcess,
} from './server-process.ts';

const ADMIN = { email: 'acceptance@gazette.test', password: 'Acceptance-pass-2024' };
const START_TIMEOUT = 240_000;
const T = 60_000; // per test: a few dozen HTTP round trips

let server: ServerProcess | undefined;
let api: ContractClient;
let stopped = false;

beforeAll(async () => {
  server = await startServer(ADMIN);
  const ms = await waitReady(server, START_TIMEOUT);
  console.info(`acceptance: /readyz 200 after ${ms} ms (data dir ${server.dataDir})`);
  api = new ContractClient(server.baseUrl);
  const health = await fetch(`${server.baseUrl}/healthz`);
  if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
}, START_TIMEOUT + 10_000);

afterAll(async () => {
  // Safety net when a test failed before the stop test ran.
  if (server && !stopped) await stopServer(server, 30_000);
  if (!server) return;
  console.info(`acceptance: server output kept in ${server.logFile}`);
  if (processesUsingDataDir(server.dataDir).length === 0)
    rmSync(server.dataDir, { recursive: true, force: true });
}, 90_000);

/** A Decimal scalar: a string in plain notation equal to `expected` (format not pinned). */
function expectDecimal(actual: unknown, expected: string) {
  expect(typeof actual, `Decimal ${String(actual)} travels as a string`).toBe('string');
  expect(actual as string).toMatch(/^-?\d+(\.\d+)?$/);
  expect(new Decimal(actual as string).eq(expected), `${String(actual)} = ${expected}`).toBe(true);
}

/** An expected failure: no data for the field, the given code, nothing internal in it. */
function expectFailure(r: GqlResponse, code: string, field?: string) {
  expect(codes(r), JSON.stringify(r.errors)).toContain(code);
  if (field) {
    const e = r.errors!.find((x) => x.extensions?.code === code)!;
    // "BAD_USER_INPUT (with the field)": the field is named in extensions.field or the message.
    expect(`${String(e.extensions?.field ?? '')} ${e.message}`).toContain(field);
  }
}

const ok = (r: GqlResponse) => expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();

// ------------------------------------------------------------------------------ policies

interface PolicyExpectation {
  docNo: string;
  category: string;
  issuers: string[];
  signedOn: string;
  effectiveFrom: string;
  expiresOn: string | null;
  isTrial: boolean;
}

// One row per document of the issue (目录 lists nine). Signed dates are the dates under each
// signature; effective dates and limits from the closing clauses quoted beside them.
const DOCUMENTS: PolicyExpectation[] = [
  // 本通知自2025年1月6日起施行,有效期五年。/ 泸州市人民政府 2024年12月4日
  {
    docNo: '泸市府规〔2024〕4号',
    category: 'MUNICIPAL_GOVERNMENT',
    issuers: ['泸州市人民政府'],
    signedOn: '2024-12-04',
    effectiveFrom: '2025-01-06',
    expiresOn: '2030-01-05',
    isTrial: false,
  },
  // no validity clause (the plan's 2021—2035 is its horizon, not the notice's validity) / 2024年12月10日
  {
    docNo: '泸市府发〔2024〕12号',
    category: 'MUNICIPAL_GOVERNMENT',
    issuers: ['泸州市人民政府'],
    signedOn: '2024-12-10',
    effectiveFrom: '2024-12-10',
    expiresOn: null,
    isTrial: false,
  },
  // no validity clause / 2024年12月17日
  {
    docNo: '泸市府函〔2024〕270号',
    category: 'MUNICIPAL_GOVERNMENT',
    issuers: ['泸州市人民政府'],
    signedOn: '2024-12-17',
    effectiveFrom: '2024-12-17',
    expiresOn: null,
    isTrial: false,
  },
  // no validity clause (行动纲要(2024—2028年) is the plan's horizon) / 泸州市人民政府办公室 2024年12月19日
  {
    docNo: '泸市府办发〔2024〕46号',
    category: 'GOVERNMENT_OFFICE',
    issuers: ['泸州市人民政府办公室'],
    signedOn: '2024-12-19',
    effectiveFrom: '2024-12-19',
    expiresOn: null,
    isTrial: false,
  },
  // no validity clause / 2024年12月19日
  {
    docNo: '泸市府办发〔2024〕47号',
    category: 'GOVERNMENT_OFFICE',
    issuers: ['泸州市人民政府办公室'],
    signedOn: '2024-12-19',
    effectiveFrom: '2024-12-19',
    expiresOn: null,
    isTrial: false,
  },
  // listed under 市政府办公室文件 in 目录; no validity clause / 泸州市人民政府办公室 2024年12月9日
  {
    docNo: '泸市府室发〔2024〕34号',
    category: 'GOVERNMENT_OFFICE',
    issuers: ['泸州市人民政府办公室'],
    signedOn: '2024-12-09',
    effectiveFrom: '2024-12-09',
    expiresOn: null,
    isTrial: false,
  },
  // 三(五) 本通知自2025年1月8日起施行,有效期5年。/ three signatures / 2024年12月10日
  {
    docNo: '泸市自然资规函〔2024〕425号',
    category: 'DEPARTMENT',
    issuers: ['泸州市自然资源和规划局', '泸州市财政局', '国家税务总局泸州市税务局'],
    signedOn: '2024-12-10',
    effectiveFrom: '2025-01-08',
    expiresOn: '2030-01-07',
    isTrial: false,
  },
  // 第二十二条 本指导意见自印发之日起施行,有效期2年。/ 指导意见(试行) / 2024年12月19日
  {
    docNo: '泸市监规发〔2024〕2号',
    category: 'DEPARTMENT',
    issuers: ['泸州市市场监督管理局'],
    signedOn: '2024-12-19',
    effectiveFrom: '2024-12-19',
    expiresOn: '2026-12-18',
    isTrial: true,
  },
  // 五、本通知自2024年11月1日起施行,试行期两年。/ 泸州市医疗保障局 2024年10月29日
  {
    docNo: '泸市医保规〔2024〕4号',
    category: 'DEPARTMENT',
    issuers: ['泸州市医疗保障局'],
    signedOn: '2024-10-29',
    effectiveFrom: '2024-11-01',
    expiresOn: '2026-10-31',
    isTrial: true,
  },
];
const ALL_DOC_NOS = DOCUMENTS.map((d) => d.docNo).sort();

const policy = async (docNo: string, asOf?: string) => {
  const r = await api.run('Policy', asOf ? { docNo, asOf } : { docNo });
  ok(r);
  return r.data.policy;
};

const listDocNos = async (filter: Record<string, unknown>) => {
  const r = await api.run('Policies', { filter, first: 100 });
  ok(r);
  const docNos = r.data.policies.edges.map((e: any) => e.node.docNo).sort();
  expect(r.data.policies.totalCount).toBe(docNos.length);
  return docNos;
};

describe('Policy', () => {
  it.each([
    '泸市府规[2024]4号', // printed so in the heading of the document
    ' 泸市府规 〔2024〕 4 号', // OCR spaces
    '泸市府规〔2024〕4号',
  ])(
    'finds the rehabilitation notice by %j and answers with the normalised number',
    async (docNo) => {
      const p = await policy(docNo, '2025-01-06');
      expect(p).toMatchObject({
        ...DOCUMENTS[0],
        issuers: [{ name: '泸州市人民政府' }],
        status: 'IN_FORCE',
      });
      expect(p.title).toContain('残疾儿童康复救助制度');
      expect(typeof p.id).toBe('string');
    },
    T,
  );

  it(
    'has the status of each day around 有效期五年 from 2025-01-06',
    async () => {
      const status = async (asOf: string) => (await policy('泸市府规〔2024〕4号', asOf)).status;
      expect(await status('2025-01-05')).toBe('NOT_YET_EFFECTIVE');
      expect(await status('2025-01-06')).toBe('IN_FORCE');
      expect(await status('2030-01-05')).toBe('IN_FORCE'); // the last day in force
      expect(await status('2030-01-06')).toBe('EXPIRED');
    },
    T,
  );

  it.each(DOCUMENTS)(
    'answers $docNo with the dates, issuers and trial flag of its text',
    async (d) => {
      const bracketed = d.docNo.replace('〔', '[').replace('〕', ']');
      const p = await policy(bracketed, '2025-03-01');
      expect(p).toMatchObject({ ...d, issuers: d.issuers.map((name) => ({ name })) });
    },
    T,
  );

  it(
    'gives the medical prices their two-year trial (试行期两年 from 2024-11-01)',
    async () => {
      const status = async (asOf: string) => (await policy('泸市医保规〔2024〕4号', asOf)).status;
      expect(await status('2024-10-31')).toBe('NOT_YET_EFFECTIVE');
      expect(await status('2026-10-31')).toBe('IN_FORCE');
      expect(await status('2026-11-01')).toBe('EXPIRED');
    },
    T,
  );

  it(
    'judges status on today in Asia/Shanghai when asOf is omitted',
    async () => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
        new Date(),
      );
      for (const d of DOCUMENTS) {
        const expected =
          today < d.effectiveFrom
            ? 'NOT_YET_EFFECTIVE'
            : d.expiresOn && today > d.expiresOn
              ? 'EXPIRED'
              : 'IN_FORCE';
        expect((await policy(d.docNo)).status, `${d.docNo} on ${today}`).toBe(expected);
      }
    },
    T,
  );

  it(
    'answers null for a number the issue does not hold',
    async () => {
      expect(await policy('泸市府规〔2024〕99号')).toBeNull();
    },
    T,
  );
});

describe('Policies', () => {
  it(
    'pages the nine documents three at a time with cursors',
    async () => {
      const seen: string[] = [];
      let after: string | undefined;
      for (const expectNext of [true, true, false]) {
        const r = await api.run('Policies', after ? { first: 3, after } : { first: 3 });
        ok(r);
        const c = r.data.policies;
        expect(c.totalCount).toBe(9);
        expect(c.edges).toHaveLength(3);
        expect(c.pageInfo.hasNextPage).toBe(expectNext);
        expect(c.pageInfo.endCursor).toBe(c.edges[2].cursor);
        seen.push(...c.edges.map((e: any) => e.node.docNo));
        after = c.pageInfo.endCursor;
      }
      expect(seen.slice().sort()).toEqual(ALL_DOC_NOS); // no repeats, none missing
    },
    T,
  );

  it(
    'lists each document with its effective dates',
    async () => {
      const r = await api.run('Policies', { first: 100 });
      ok(r);
      const byDocNo = new Map(r.data.policies.edges.map((e: any) => [e.node.docNo, e.node]));
      for (const d of DOCUMENTS) {
        expect(byDocNo.get(d.docNo), d.docNo).toMatchObject({
          effectiveFrom: d.effectiveFrom,
          expiresOn: d.expiresOn,
        });
      }
    },
    T,
  );

  it(
    'filters by status on a date',
    async () => {
      const all = ALL_DOC_NOS;
      // 2025-01-07: only 425号 (自2025年1月8日起施行) has not started.
      expect(await listDocNos({ status: 'NOT_YET_EFFECTIVE', asOf: '2025-01-07' })).toEqual([
        '泸市自然资规函〔2024〕425号',
      ]);
      expect(await listDocNos({ status: 'IN_FORCE', asOf: '2025-01-07' })).toEqual(
        all.filter((n) => !n.includes('425号')),
      );
      // 2026-12-18 is the last day of 监规发2 (有效期2年 from 2024-12-19); 医保规4 ended 2026-10-31.
      expect(await listDocNos({ status: 'EXPIRED', asOf: '2026-12-18' })).toEqual([
        '泸市医保规〔2024〕4号',
      ]);
      expect(await listDocNos({ status: 'EXPIRED', asOf: '2026-12-19' })).toEqual(
        ['泸市医保规〔2024〕4号', '泸市监规发〔2024〕2号'].sort(),
      );
    },
    T,
  );

  it(
    'searches titles and numbers and filters by issuer',
    async () => {
      expect(await listDocNos({ search: '残疾儿童' })).toEqual(['泸市府规〔2024〕4号']);
      expect(await listDocNos({ search: '泸市医保规[2024]4号' })).toEqual([
        '泸市医保规〔2024〕4号',
      ]);
      expect(await listDocNos({ issuer: '国家税务总局泸州市税务局' })).toEqual([
        '泸市自然资规函〔2024〕425号',
      ]);
      expect(await listDocNos({ issuer: '泸州市财政局' })).toEqual(['泸市自然资规函〔2024〕425号']);
      // 泸州市人民政府 and 泸州市人民政府办公室 are different bodies.
      expect(await listDocNos({ issuer: '泸州市人民政府' })).toEqual(
        ['泸市府规〔2024〕4号', '泸市府发〔2024〕12号', '泸市府函〔2024〕270号'].sort(),
      );
    },
    T,
  );

  it(
    'refuses first over 100 (README: "first is at most 100")',
    async () => {
      // Reading: a limit on the input, so a larger value is refused as bad input.
      const r = await api.run('Policies', { first: 101 });
      expectFailure(r, 'BAD_USER_INPUT');
    },
    T,
  );
});

// ------------------------------------------------------------------------------ rate tables

const price = async (code: string, grade: string, asOf: string) => {
  const r = await api.run('MedicalServicePrice', { code, grade, asOf });
  ok(r);
  return r.data.medicalServicePrice;
};

describe('MedicalServicePrice (泸市医保规〔2024〕4号 附件)', () => {
  it(
    'gives 囊胚培养 as a 39% surcharge with no amount',
    async () => {
      const p = await price('311201070-1', 'TERTIARY_A', '2025-03-01');
      expect(p).toMatchObject({
        code: '311201070-1',
        unit: '次',
        amount: null,
        surchargeRate: '0.39',
      });
      expect(p.name).toContain('囊胚培养');
      expect(p.policy).toEqual({ docNo: '泸市医保规〔2024〕4号' });
      expect((await price('311201073-1', 'SECONDARY_B', '2025-03-01')).surchargeRate).toBe('0.68'); // 冻融胚胎加收68%
    },
    T,
  );

  it(
    'gives the table price of 单精子注射 per grade',
    async () => {
      // 16 311201079 单精子注射 卵·次 … 918 842 765 689 612
      const expected = {
        TERTIARY_A: '918',
        TERTIARY_B: '842',
        SECONDARY_A: '765',
        SECONDARY_B: '689',
        BELOW_SECONDARY_B: '612',
      };
      for (const [grade, amount] of Object.entries(expected)) {
        const p = await price('311201079', grade, '2025-03-01');
        expect(p).toMatchObject({
          code: '311201079',
          name: '单精子注射',
          unit: '卵·次',
          surchargeRate: null,
        });
        expectDecimal(p.amount, amount);
      }
      expectDecimal((await price('311201072', 'TERTIARY_A', '2025-03-01')).amount, '22'); // 管·月
    },
    T,
  );

  it(
    'has prices only from 2024-11-01 through 2026-10-31 (试行期两年)',
    async () => {
      expect(await price('311201069', 'TERTIARY_A', '2024-10-31')).toBeNull();
      expectDecimal((await price('311201069', 'TERTIARY_A', '2024-11-01')).amount, '1769');
      expectDecimal((await price('311201069', 'TERTIARY_A', '2026-10-31')).amount, '1769');
      expect(await price('311201069', 'TERTIARY_A', '2026-11-01')).toBeNull();
    },
    T,
  );
});

const quote = (grade: string, asOf: string, items: Array<[string, number]>) =>
  api.run('MedicalServiceQuote', {
    input: { grade, asOf, items: items.map(([code, quantity]) => ({ code, quantity })) },
  });

describe('MedicalServiceQuote', () => {
  // 单精子注射: 每增加一个卵加收40%, 总费用不超过 三甲4223 三乙3873 二甲3519 二乙3170 二乙以下2815.
  // n eggs = price + (n-1) × 0.4 × price, capped. Worked by hand:
  const ICSI: Array<[string, number, string, boolean | null]> = [
    ['TERTIARY_A', 10, '4222.80', false], // 918 + 9×367.2 = 4222.8
    ['TERTIARY_A', 11, '4223.00', true], // 918 + 10×367.2 = 4590
    ['TERTIARY_B', 10, '3873.00', true], // 842 + 9×336.8 = 3873.2
    ['TERTIARY_B', 11, '3873.00', true], // 4210
    // 765 + 9×306 = 3519 exactly: the amount is the cap either way; whether a cap that equals the
    // uncapped total "bit" is not decided by the README, so capApplied is not asserted here.
    ['SECONDARY_A', 10, '3519.00', null],
    ['SECONDARY_A', 11, '3519.00', true], // 3825
    ['SECONDARY_B', 10, '3169.40', false], // 689 + 9×275.6 = 3169.4
    ['SECONDARY_B', 11, '3170.00', true], // 3445
    ['BELOW_SECONDARY_B', 10, '2815.00', true], // 612 + 9×244.8 = 2815.2
    ['BELOW_SECONDARY_B', 11, '2815.00', true], // 3060
  ];
  it.each(ICSI)(
    'prices 单精子注射 at %s for %i eggs at %s',
    async (grade, eggs, amount, capApplied) => {
      const r = await quote(grade, '2025-03-01', [['311201079', eggs]]);
      ok(r);
      const [line] = r.data.medicalServiceQuote.lines;
      expect(line).toMatchObject({ code: '311201079', quantity: eggs, amount });
      if (capApplied !== null) expect(line.capApplied).toBe(capApplied);
      expect(r.data.medicalServiceQuote.total).toBe(amount);
    },
    T,
  );

  it(
    'prices the surcharge line at rate × base price and totals the lines exactly',
    async () => {
      // 311201070-1 = 39% × 2959 (胚胎培养 三甲) = 1154.01; 311201072 = 3 × 22 = 66.
      const r = await quote('TERTIARY_A', '2025-03-01', [
        ['311201070', 1],
        ['311201070-1', 1],
        ['311201079', 10],
        ['311201072', 3],
      ]);
      ok(r);
      expect(r.data.medicalServiceQuote.lines).toEqual([
        { code: '311201070', quantity: 1, amount: '2959.00', capApplied: false },
        { code: '311201070-1', quantity: 1, amount: '1154.01', capApplied: false },
        { code: '311201079', quantity: 10, amount: '4222.80', capApplied: false },
        { code: '311201072', quantity: 3, amount: '66.00', capApplied: false },
      ]);
      expect(r.data.medicalServiceQuote.total).toBe('8401.81');
    },
    T,
  );

  it(
    'prices a surcharge per unit (冻融胚胎 68% × 1245 三乙 × 2 = 1693.20)',
    async () => {
      const r = await quote('TERTIARY_B', '2025-03-01', [['311201073-1', 2]]);
      ok(r);
      expect(r.data.medicalServiceQuote.lines[0].amount).toBe('1693.20');
      expect(r.data.medicalServiceQuote.total).toBe('1693.20');
    },
    T,
  );

  it(
    'names an unknown code and a code not in force in its error',
    async () => {
      const unknown = await quote('TERTIARY_A', '2025-03-01', [
        ['311201070', 1],
        ['999999999', 1],
      ]);
      expect(unknown.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(unknown.errors)).toContain('999999999');
      const expired = await quote('TERTIARY_A', '2026-11-01', [['311201077', 1]]);
      expect(expired.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(expired.errors)).toContain('311201077');
    },
    T,
  );
});

const land = (input: Record<string, unknown>) =>
  api.run('LandTransferFeeQuote', {
    input: { housingReform: false, streetFrontGroundFloor: false, asOf: '2025-03-01', ...input },
  });

describe('LandTransferFeeQuote (泸市自然资规函〔2024〕425号)', () => {
  const POLICY = { docNo: '泸市自然资规函〔2024〕425号' };

  it(
    'multiplies area × standard × coefficient (二(一)); 商服 I 级 临街且平街一层 1425',
    async () => {
      const r = await land({
        landUse: 'COMMERCIAL',
        grade: 1,
        streetFrontGroundFloor: true,
        floorArea: '100',
        termCoefficient: '1',
      });
      ok(r);
      const q = r.data.landTransferFeeQuote;
      expectDecimal(q.standardPerSqm, '1425');
      expect(q).toMatchObject({ amount: '142500.00', basis: 'STANDARD', policy: POLICY });
    },
    T,
  );

  it(
    'uses the 其他 column off the street and rounds only the result (VII 级 104)',
    async () => {
      const r = await land({
        landUse: 'COMMERCIAL',
        grade: 7,
        floorArea: '85.37',
        termCoefficient: '0.8765',
      });
      ok(r);
      expectDecimal(r.data.landTransferFeeQuote.standardPerSqm, '104');
      expect(r.data.landTransferFeeQuote.amount).toBe('7781.99'); // 85.37×104×0.8765 = 7781.9877…
    },
    T,
  );

  it(
    'rounds half up (1.003 × 475 = 476.425 → 476.43, where a float gives 476.42)',
    async () => {
      const r = await land({
        landUse: 'COMMERCIAL',
        grade: 1,
        floorArea: '1.003',
        termCoefficient: '1',
      });
      ok(r);
      expect(r.data.landTransferFeeQuote.amount).toBe('476.43');
    },
    T,
  );

  it(
    'gives residential land one standard whatever the frontage (住宅 III 级 320)',
    async () => {
      for (const streetFrontGroundFloor of [true, false]) {
        const r = await land({
          landUse: 'RESIDENTIAL',
          grade: 3,
          streetFrontGroundFloor,
          floorArea: '88.5',
          termCoefficient: '0.9123',
        });
        ok(r);
        expectDecimal(r.data.landTransferFeeQuote.standardPerSqm, '320');
        expect(r.data.landTransferFeeQuote.amount).toBe('25836.34'); // 25836.336
      }
    },
    T,
  );

  it(
    'charges housing-reform land 50% (二(三)), rounded at the end only',
    async () => {
      // 1.005 × 333 (住宅 II 级) = 334.665; × 50% = 167.3325 → 167.33 (rounding 334.67 first would give 167.34)
      const r = await land({
        landUse: 'RESIDENTIAL',
        grade: 2,
        floorArea: '1.005',
        termCoefficient: '1',
        housingReform: true,
      });
      ok(r);
      expect(r.data.landTransferFeeQuote.amount).toBe('167.33');
      const full = await land({
        landUse: 'RESIDENTIAL',
        grade: 2,
        floorArea: '100',
        termCoefficient: '1',
        housingReform: true,
      });
      expect(full.data?.landTransferFeeQuote.amount).toBe('16650.00'); // 100 × 333 / 2
    },
    T,
  );

  it(
    'takes an appraisal above the 其他 fee and the 其他 fee otherwise (二(八))',
    async () => {
      // 商服 I 级 其他 475 × 100 × 0.9 = 42750
      const base = {
        landUse: 'COMMERCIAL',
        grade: 1,
        streetFrontGroundFloor: true,
        floorArea: '100',
        termCoefficient: '0.9',
      };
      const high = await land({ ...base, appraisedAmount: '45000' });
      ok(high);
      expect(high.data.landTransferFeeQuote).toMatchObject({
        amount: '45000.00',
        basis: 'APPRAISAL',
        policy: POLICY,
      });
      const low = await land({ ...base, appraisedAmount: '42000' });
      ok(low);
      expect(low.data.landTransferFeeQuote).toMatchObject({
        amount: '42750.00',
        basis: 'STANDARD',
        policy: POLICY,
      });
      expectDecimal(low.data.landTransferFeeQuote.standardPerSqm, '475');
    },
    T,
  );

  it(
    'has no standard before 2025-01-08 or after 2030-01-07 (自2025年1月8日起施行,有效期5年)',
    async () => {
      const input = { landUse: 'COMMERCIAL', grade: 2, floorArea: '50', termCoefficient: '1' };
      expectFailure(await land({ ...input, asOf: '2025-01-07' }), 'RATE_NOT_IN_FORCE');
      const first = await land({ ...input, asOf: '2025-01-08' });
      ok(first);
      expect(first.data.landTransferFeeQuote.amount).toBe('20250.00'); // 50 × 405
      const last = await land({ ...input, asOf: '2030-01-07' });
      ok(last);
      expectFailure(await land({ ...input, asOf: '2030-01-08' }), 'RATE_NOT_IN_FORCE');
    },
    T,
  );

  it(
    'refuses grade 8, a zero area and a non-positive coefficient naming the field',
    async () => {
      const input = { landUse: 'COMMERCIAL', grade: 2, floorArea: '50', termCoefficient: '1' };
      expectFailure(await land({ ...input, grade: 8 }), 'BAD_USER_INPUT', 'grade');
      expectFailure(await land({ ...input, grade: 0 }), 'BAD_USER_INPUT', 'grade');
      expectFailure(await land({ ...input, floorArea: '0' }), 'BAD_USER_INPUT', 'floorArea');
      expectFailure(
        await land({ ...input, termCoefficient: '-0.5' }),
        'BAD_USER_INPUT',
        'termCoefficient',
      );
    },
    T,
  );
});

const rehab = async (input: Record<string, unknown>) =>
  api.run('RehabAssistanceCheck', {
    input: { luzhouHukou: true, birthDate: '2012-03-10', ...input },
  });

describe('RehabAssistanceCheck (泸市府规〔2024〕4号)', () => {
  // 一(一) 0—14周岁(含14周岁): the child born 2012-03-10 turns 15 on 2027-03-10.
  it(
    'funds a child the day before the 15th birthday and not on it',
    async () => {
      const before = await rehab({
        applicationDate: '2027-03-09',
        service: 'SURGERY',
        requestedAmount: '40000',
      });
      ok(before);
      const b = before.data.rehabAssistanceCheck;
      expect(b).toMatchObject({ eligible: true, approvedAmount: '30000.00' }); // 二(二)1 不超过3万元/年
      expectDecimal(b.cap, '30000');
      expect(b.reasons.length).toBeGreaterThan(0); // the cap bit

      const on = await rehab({
        applicationDate: '2027-03-10',
        service: 'SURGERY',
        requestedAmount: '40000',
      });
      ok(on);
      expect(on.data.rehabAssistanceCheck).toMatchObject({
        eligible: false,
        approvedAmount: '0.00',
      });
      expect(on.data.rehabAssistanceCheck.reasons.length).toBeGreaterThan(0);
    },
    T,
  );

  it(
    'requires a Luzhou hukou and lists every failed rule',
    async () => {
      const r = await rehab({
        luzhouHukou: false,
        applicationDate: '2027-03-10',
        service: 'TRAINING',
        requestedAmount: '1000',
      });
      ok(r);
      expect(r.data.rehabAssistanceCheck).toMatchObject({
        eligible: false,
        approvedAmount: '0.00',
      });
      expect(r.data.rehabAssistanceCheck.reasons.length).toBeGreaterThanOrEqual(2); // age and hukou
    },
    T,
  );

  it(
    'pays what is asked under the cap with no reasons',
    async () => {
      const r = await rehab({
        applicationDate: '2025-06-01',
        service: 'HEARING_AID',
        requestedAmount: '8000',
      });
      ok(r);
      expect(r.data.rehabAssistanceCheck).toMatchObject({
        eligible: true,
        approvedAmount: '8000.00',
        reasons: [],
      });
      expectDecimal(r.data.rehabAssistanceCheck.cap, '10000'); // 助听器不超过1万元/人
    },
    T,
  );

  it.each([
    ['TRAINING', '25000', '20000'], // 每名不超过2万元/年
    ['BASIC_DEVICE', '6000', '5000'], // 基本辅具适配不超过0.5万元/人
    ['COCHLEAR_IMPLANT', '70000', '60000'], // 人工耳蜗不超过6万元/人
    ['PROSTHESIS', '12000', '10000'], // 普及性假肢安装每具不超过1万元
    ['LIMB_ORTHOSIS', '6000', '5000'], // a limb orthosis is a basic device (README)
  ])(
    'caps %s: asked %s, approved %s',
    async (service, requestedAmount, cap) => {
      const r = await rehab({ applicationDate: '2025-06-01', service, requestedAmount });
      ok(r);
      const c = r.data.rehabAssistanceCheck;
      expect(c).toMatchObject({ eligible: true, approvedAmount: `${cap}.00` });
      expectDecimal(c.cap, cap);
      expect(c.reasons.length).toBeGreaterThan(0);
    },
    T,
  );

  it(
    'takes what was funded this year off a yearly cap',
    async () => {
      const r = await rehab({
        applicationDate: '2025-06-01',
        service: 'TRAINING',
        requestedAmount: '8000',
        fundedThisYear: '15000',
      });
      ok(r);
      expect(r.data.rehabAssistanceCheck.approvedAmount).toBe('5000.00');
      expect(r.data.rehabAssistanceCheck.reasons.length).toBeGreaterThan(0);
      const spent = await rehab({
        applicationDate: '2025-06-01',
        service: 'SURGERY',
        requestedAmount: '1000',
        fundedThisYear: '30000',
      });
      ok(spent);
      expect(spent.data.rehabAssistanceCheck.approvedAmount).toBe('0.00');
    },
    T,
  );

  // 二(二)3 除肢体残疾矫形器可每年享受外,其他辅具两年内不得再救助同一类型辅具器具.
  // Dates chosen clear of any boundary reading: 13 months (another calendar year) vs 25 months.
  it(
    'refuses the same device within two years but funds a limb orthosis yearly',
    async () => {
      const within = {
        applicationDate: '2026-03-01',
        lastSameDeviceDate: '2025-02-01',
        requestedAmount: '3000',
      };
      const device = await rehab({ ...within, service: 'BASIC_DEVICE' });
      ok(device);
      // approvedAmount = min(requested, cap) when eligible, else 0: a refusal is eligible=false.
      expect(device.data.rehabAssistanceCheck).toMatchObject({
        eligible: false,
        approvedAmount: '0.00',
      });
      expect(device.data.rehabAssistanceCheck.reasons.length).toBeGreaterThan(0);
      const orthosis = await rehab({ ...within, service: 'LIMB_ORTHOSIS' });
      ok(orthosis);
      expect(orthosis.data.rehabAssistanceCheck).toMatchObject({
        eligible: true,
        approvedAmount: '3000.00',
        reasons: [],
      });
      const later = await rehab({
        ...within,
        lastSameDeviceDate: '2024-01-15',
        service: 'BASIC_DEVICE',
      });
      ok(later);
      expect(later.data.rehabAssistanceCheck).toMatchObject({
        eligible: true,
        approvedAmount: '3000.00',
        reasons: [],
      });
    },
    T,
  );

  it(
    'has no standards before 2025-01-06 or after 2030-01-05 (RATE_NOT_IN_FORCE)',
    async () => {
      const input = { service: 'TRAINING', requestedAmount: '1000', birthDate: '2020-01-01' };
      expectFailure(await rehab({ ...input, applicationDate: '2025-01-05' }), 'RATE_NOT_IN_FORCE');
      ok(await rehab({ ...input, applicationDate: '2025-01-06' }));
      ok(await rehab({ ...input, applicationDate: '2030-01-05' }));
      expectFailure(await rehab({ ...input, applicationDate: '2030-01-06' }), 'RATE_NOT_IN_FORCE');
    },
    T,
  );
});

// ------------------------------------------------------------------------------ inspections

const orgCompliance = async (name: string, quarter = '2024Q4') => {
  const r = await api.run('OrganizationCompliance', { name, quarter });
  ok(r);
  return r.data.organization;
};

describe('ComplianceSummary (泸市府室发〔2024〕34号)', () => {
  // 附件3: 未更新2023年基础数据的部门 / 未更新2024年过程数据的部门
  const BASE = ['市经济和信息化局', '市文化广电旅游局', '市统计局'];
  const PROCESS = [
    '市经济和信息化局',
    '市教育体育局',
    '市财政局',
    '市生态环境局',
    '市住房城乡建设局',
    '市水务局',
    '市商务会展局',
    '市文化广电旅游局',
    '市退役军人事务局',
    '市市场监管局',
    '市统计局',
    '市经济合作外事局',
  ];

  it(
    'gives the 2024Q4 figures of the notice',
    async () => {
      const r = await api.run('ComplianceSummary', { quarter: '2024Q4' });
      ok(r);
      expect(r.data.complianceSummary).toMatchObject({
        quarter: '2024Q4',
        websitesChecked: 46, // 1个市政府门户网站、7个区县政府门户网站、38个市级部门网站
        websitesWithIssues: 13, // 附件1 rows 1–13
        websiteIssues: 15, // rows 3 and 6 list two problems each
        websiteIssuesRectified: 15, // every row 整改完成
        newMediaAccountsChecked: 208,
        newMediaAccountsWithIssues: 8, // 附件2 rows 1–8
        messagesReceived: 3, // 收到…网民有效留言3条
        messagesClosed: 3, // 办结3条
      });
      expect(r.data.complianceSummary.baseDataMissing).toHaveLength(3);
      expect(r.data.complianceSummary.processDataMissing).toHaveLength(12);
    },
    T,
  );

  it(
    'names the bodies behind on data collection, as organization(name) resolves the gazette names',
    async () => {
      const r = await api.run('ComplianceSummary', { quarter: '2024Q4' });
      ok(r);
      const resolve = async (names: string[]) =>
        (
          await Promise.all(
            names.map(async (n) => (await orgCompliance(n))?.name ?? `unresolved: ${n}`),
          )
        ).sort();
      const names = (list: Array<{ name: string }>) => list.map((o) => o.name).sort();
      expect(names(r.data.complianceSummary.baseDataMissing)).toEqual(await resolve(BASE));
      expect(names(r.data.complianceSummary.processDataMissing)).toEqual(await resolve(PROCESS));
    },
    T,
  );
});

describe('OrganizationCompliance', () => {
  it(
    'resolves 市教育体育局 and 泸州市教育和体育局 to one body with its 2024Q4 findings',
    async () => {
      const short = await orgCompliance('市教育体育局'); // 附件3 spelling
      const full = await orgCompliance('泸州市教育和体育局'); // 附件1: 泸州市教育和体育局网站
      const other = await orgCompliance('市教育和体育局'); // README
      expect(short).not.toBeNull();
      expect(full).toEqual(short);
      expect(other).toEqual(short);
      expect(['泸州市教育和体育局', '市教育和体育局']).toContain(short.name);
      expect(short.compliance).toMatchObject({
        newMediaIssues: [],
        baseDataMissing: false,
        processDataMissing: true,
      });
      expect(short.compliance.websiteIssues).toHaveLength(1);
      expect(short.compliance.websiteIssues[0]).toMatchObject({ rectified: true });
      expect(short.compliance.websiteIssues[0].description).toContain('法制教育宣传'); // 《法制教育宣传》超期未更新
    },
    T,
  );

  it(
    'resolves 市住房城乡建设局 and 泸州市住房和城乡建设局 to one body',
    async () => {
      const a = await orgCompliance('市住房城乡建设局');
      const b = await orgCompliance('泸州市住房和城乡建设局');
      expect(a).not.toBeNull();
      expect(b).toEqual(a);
      expect(a.compliance).toMatchObject({
        baseDataMissing: false,
        processDataMissing: true,
        newMediaIssues: [],
      });
      expect(a.compliance.websiteIssues.map((i: any) => i.rectified)).toEqual([true]); // 《部门信箱》超期未更新
    },
    T,
  );

  it(
    'gives a body both kinds of findings (市农业农村局: 部门信箱要素不齐 and 泸州农业)',
    async () => {
      const c = (await orgCompliance('市农业农村局')).compliance;
      expect(c.websiteIssues).toHaveLength(1);
      expect(c.websiteIssues[0].description).toContain('部门信箱');
      expect(c.newMediaIssues).toHaveLength(1);
      expect(c.newMediaIssues[0].account).toBe('泸州农业');
      expect(c.newMediaIssues[0].description).toContain('严重表述错误');
      expect(c).toMatchObject({ baseDataMissing: false, processDataMissing: false });
    },
    T,
  );

  it(
    'gives 市经济和信息化局 two website issues and both data gaps',
    async () => {
      const c = (await orgCompliance('泸州市经济和信息化局')).compliance;
      expect(c.websiteIssues).toHaveLength(2); // 《区县动态》… 《重要文件通知》…
      expect(c).toMatchObject({ baseDataMissing: true, processDataMissing: true });
    },
    T,
  );

  it(
    'resolves 长开区 and 中国·四川泸州长江经济开发区 to one body (issue 3 aliases)',
    async () => {
      const a = await orgCompliance('长开区'); // 0-adoption list of 34号
      const b = await orgCompliance('中国·四川泸州长江经济开发区'); // 附件1 row 1 (site name)
      expect(a).not.toBeNull();
      expect(b).toEqual(a);
      expect(a.compliance.websiteIssues).toHaveLength(1); // 《问卷调查》没有调查结果
      expect(a.compliance.websiteIssues[0]).toMatchObject({ rectified: true });
      expect(a.compliance.websiteIssues[0].description).toContain('问卷调查');
    },
    T,
  );

  // 附件1: each inspected site by the body name it prints (网站 dropped), with its problem count.
  const WEBSITE_ROWS: Array<[string, number]> = [
    ['中国·四川泸州长江经济开发区', 1],
    ['四川泸州白酒产业园区', 1],
    ['泸州市经济和信息化局', 2], // 《区县动态》超期未更新 《重要文件通知》超期未更新
    ['泸州市教育和体育局', 1],
    ['泸州市科学技术局', 1],
    ['泸州市民政局', 2], // 《部门信箱》要素不齐 《重大民生栏目》超期未更新
    ['泸州市住房和城乡建设局', 1],
    ['泸州市农业农村局', 1],
    ['泸州市商务和会展局', 1],
    ['泸州市应急管理局', 1],
    ['泸州市审计局', 1],
    ['泸州市统计局', 1],
    ['泸州市林业和竹业局', 1],
  ];
  it.each(WEBSITE_ROWS)(
    'finds %s with its %i rectified website issue(s)',
    async (name, count) => {
      const org = await orgCompliance(name);
      expect(org, name).not.toBeNull();
      expect(org.compliance.websiteIssues).toHaveLength(count);
      expect(org.compliance.websiteIssues.every((i: { rectified: boolean }) => i.rectified)).toBe(
        true,
      );
    },
    T,
  );

  // 附件2: account, owner as printed. The scan splits one account name with a space
  // (自贸试验区 川南临港片区), so account names are compared without spaces.
  const NEW_MEDIA_ROWS: Array<[string, string]> = [
    ['法治泸县', '泸县'],
    ['泸州农业', '市农业农村局'],
    ['自贸试验区川南临港片区', '中国(四川)自由贸易试验区川南临港片区管理委员会'],
    ['泸州退役军人', '市退役军人事务局'],
    ['泸州水务发布', '市水务局'],
    ['文旅泸州', '市文化广电旅游局'],
    ['平安合江', '合江县'],
    ['平安江阳', '江阳区'],
  ];
  it.each(NEW_MEDIA_ROWS)(
    'finds the account %s under %s with 严重表述错误',
    async (account, owner) => {
      const org = await orgCompliance(owner);
      expect(org, owner).not.toBeNull();
      const issues = org.compliance.newMediaIssues as Array<{
        account: string;
        description: string;
      }>;
      const found = issues.find((i) => i.account.replace(/\s/g, '') === account);
      expect(found, JSON.stringify(issues)).toBeDefined();
      expect(found!.description).toContain('严重表述错误');
    },
    T,
  );

  it(
    'answers null for a body the gazette does not name',
    async () => {
      expect(await orgCompliance('火星市测试局')).toBeNull();
    },
    T,
  );
});

// ------------------------------------------------------------------------------ cases

const CONDITIONS = ['FACTS_CLEAR', 'COOPERATED', 'RECTIFYING', 'VOLUNTARY']; // 第四条 (一)–(四)
let token = '';

const open = async (caseName: string, filedOn: string) => {
  const r = await api.run(
    'OpenDiscretionReview',
    {
      input: {
        caseName,
        subjectName: `${caseName}有限公司`,
        trigger: 'SUBJECT_APPLICATION',
        filedOn,
      },
    },
    token,
  );
  ok(r);
  expect(r.data.openDiscretionReview.case.state).toBe('REGISTERED');
  return r.data.openDiscretionReview.case.id as string;
};
/** `auth`: the administrator's token unless given; `null` sends no Authorization header. */
const transition = (id: string, event: Record<string, unknown>, auth: string | null = token) =>
  api.run('TransitionCase', { id, event }, auth ?? undefined);
const readCase = async (id: string) => {
  const r = await api.run('Case', { id }, token);
  ok(r);
  return r.data.case;
};
const accept = (on: string, reviewDays: number, extra: Record<string, unknown> = {}) => ({
  type: 'ACCEPT',
  on,
  reviewMode: 'INTERNAL',
  reviewDays,
  conditionsMet: CONDITIONS,
  exclusions: [],
  ...extra,
});

describe('Login and access to cases', () => {
  it(
    'logs the administrator from ADMIN_EMAIL/ADMIN_PASSWORD in and refuses a wrong password',
    async () => {
      const wrong = await api.run('Login', { email: ADMIN.email, password: 'not-the-password' });
      expect(wrong.errors?.length).toBeGreaterThan(0);
      expect(wrong.data?.login ?? null).toBeNull();
      const r = await api.run('Login', ADMIN);
      ok(r);
      expect(typeof r.data.login.token).toBe('string');
      expect(r.data.login.token.length).toBeGreaterThan(16);
      token = r.data.login.token;
    },
    T,
  );

  it(
    'refuses cases without a token or with a bad one (UNAUTHENTICATED) and changes nothing',
    async () => {
      const anonymous = await api.run('OpenDiscretionReview', {
        input: {
          caseName: '匿名',
          subjectName: '匿名公司',
          trigger: 'SUBJECT_APPLICATION',
          filedOn: '2025-02-01',
        },
      });
      expectFailure(anonymous, 'UNAUTHENTICATED');
      expect(anonymous.data?.openDiscretionReview ?? null).toBeNull();

      const id = await open('鉴权检查案', '2025-02-01');
      expectFailure(await api.run('Case', { id }), 'UNAUTHENTICATED');
      expectFailure(await api.run('Case', { id }, 'not-a-token'), 'UNAUTHENTICATED');
      expectFailure(
        await transition(id, { type: 'REJECT', on: '2025-02-02', reason: '测试' }, null),
        'UNAUTHENTICATED',
      );
      expectFailure(
        await transition(id, { type: 'REJECT', on: '2025-02-02', reason: '测试' }, 'not-a-token'),
        'UNAUTHENTICATED',
      );
      expect(await readCase(id)).toMatchObject({ state: 'REGISTERED', notices: [] });
    },
    T,
  );
});

describe('Discretion review cases (泸市监规发〔2024〕2号)', () => {
  it(
    'accepts within two months, issues 受理 and 中止 notices, records the result and decides',
    async () => {
      const id = await open('某食品公司标签违法案', '2025-03-01');

      // Refusals change nothing and use up no notice number.
      const tooLong = await transition(id, accept('2025-03-03', 62)); // 第十三条 最长不超过两个月: 03-03 + 2 months = 05-03 = +61 days
      expectFailure(tooLong, 'BAD_USER_INPUT', 'reviewDays');
      const missing = await transition(id, {
        type: 'ACCEPT',
        on: '2025-03-03',
        reviewMode: 'INTERNAL',
        conditionsMet: CONDITIONS,
        exclusions: [],
      });
      expectFailure(missing, 'BAD_USER_INPUT', 'reviewDays');
      expectFailure(
        await transition(id, accept('2025-03-03', 15, { conditionsMet: CONDITIONS.slice(0, 3) })),
        'INVALID_TRANSITION',
      ); // 第四条 同时符合
      expectFailure(
        await transition(id, accept('2025-03-03', 15, { exclusions: ['INTENTIONAL'] })),
        'INVALID_TRANSITION',
      ); // 第五条(一)
      expectFailure(
        await transition(id, { type: 'RECORD_RESULT', on: '2025-03-03', passed: true }),
        'INVALID_TRANSITION',
      );
      expectFailure(
        await transition(id, { type: 'DECIDE', on: '2025-03-03', decision: 'NO_PENALTY' }),
        'INVALID_TRANSITION',
      );
      expect(await readCase(id)).toEqual({
        id,
        state: 'REGISTERED',
        reviewDeadline: null,
        notices: [],
      });

      const accepted = await transition(id, accept('2025-03-03', 61));
      ok(accepted);
      expect(accepted.data.transitionCase.case).toEqual({
        id,
        state: 'UNDER_REVIEW',
        reviewDeadline: '2025-05-03',
        notices: [
          { kind: 'ACCEPTANCE', number: '泸市监受理书〔2025〕1号', issuedOn: '2025-03-03' },
          { kind: 'SUSPENSION', number: '泸市监中止书〔2025〕1号', issuedOn: '2025-03-03' },
        ],
      });

      // An invalid move from UNDER_REVIEW: refused, state and notices unchanged.
      expectFailure(await transition(id, accept('2025-03-04', 10)), 'INVALID_TRANSITION');
      expectFailure(
        await transition(id, { type: 'DECIDE', on: '2025-03-04', decision: 'LIGHTER' }),
        'INVALID_TRANSITION',
      );
      expect(await readCase(id)).toEqual(accepted.data.transitionCase.case);

      const result = await transition(id, {
        type: 'RECORD_RESULT',
        on: '2025-04-20',
        passed: true,
      });
      ok(result);
      expect(result.data.transitionCase.case.state).toBe('PASSED');
      expect(
        result.data.transitionCase.case.notices.map((n: any) => [n.kind, n.number, n.issuedOn]),
      ).toEqual([
        ['ACCEPTANCE', '泸市监受理书〔2025〕1号', '2025-03-03'],
        ['SUSPENSION', '泸市监中止书〔2025〕1号', '2025-03-03'],
        ['RESULT', '泸市监审结书〔2025〕1号', '2025-04-20'],
      ]);

      const decided = await transition(id, {
        type: 'DECIDE',
        on: '2025-04-25',
        decision: 'NO_PENALTY',
      });
      ok(decided);
      expect(decided.data.transitionCase.case).toMatchObject({
        state: 'DECIDED',
        reviewDeadline: '2025-05-03',
      });
      expect(decided.data.transitionCase.case.notices).toHaveLength(3);
      expectFailure(
        await transition(id, { type: 'DECIDE', on: '2025-04-26', decision: 'STANDARD' }),
        'INVALID_TRANSITION',
      );
      expect((await readCase(id)).state).toBe('DECIDED');
    },
    T,
  );

  it(
    'numbers the next case on from the first and terminates it with a 终止 notice',
    async () => {
      const id = await open('某五金店计量违法案', '2025-03-05');
      const accepted = await transition(id, accept('2025-03-10', 15));
      ok(accepted);
      expect(accepted.data.transitionCase.case.reviewDeadline).toBe('2025-03-25');
      expect(accepted.data.transitionCase.case.notices.map((n: any) => n.number)).toEqual([
        '泸市监受理书〔2025〕2号',
        '泸市监中止书〔2025〕2号',
      ]);
      const terminated = await transition(id, {
        type: 'TERMINATE',
        on: '2025-03-20',
        reason: 'NEW_VIOLATION',
      }); // 第十五条(一)
      ok(terminated);
      expect(terminated.data.transitionCase.case.state).toBe('TERMINATED');
      expect(terminated.data.transitionCase.case.notices[2]).toEqual({
        kind: 'TERMINATION',
        number: '泸市监终止书〔2025〕1号',
        issuedOn: '2025-03-20',
      });
      const decided = await transition(id, {
        type: 'DECIDE',
        on: '2025-03-28',
        decision: 'STANDARD',
      });
      ok(decided);
      expect(decided.data.transitionCase.case.state).toBe('DECIDED');
    },
    T,
  );

  it(
    'rejects from REGISTERED and fails a review',
    async () => {
      const rejectedId = await open('某超市价格违法案', '2025-04-01');
      const rejected = await transition(rejectedId, {
        type: 'REJECT',
        on: '2025-04-02',
        reason: '不符合第四条规定',
      });
      ok(rejected);
      expect(rejected.data.transitionCase.case).toMatchObject({ state: 'REJECTED', notices: [] });
      expectFailure(await transition(rejectedId, accept('2025-04-03', 10)), 'INVALID_TRANSITION');

      const failedId = await open('某药店经营违法案', '2025-04-01');
      ok(await transition(failedId, accept('2025-04-07', 14)));
      const failed = await transition(failedId, {
        type: 'RECORD_RESULT',
        on: '2025-04-18',
        passed: false,
      });
      ok(failed);
      expect(failed.data.transitionCase.case.state).toBe('FAILED');
      expect(failed.data.transitionCase.case.notices.map((n: any) => n.number)).toEqual([
        '泸市监受理书〔2025〕3号',
        '泸市监中止书〔2025〕3号',
        '泸市监审结书〔2025〕2号',
      ]);
    },
    T,
  );

  it(
    'rejects an event missing the field its type needs with BAD_USER_INPUT and changes nothing',
    async () => {
      const id = await open('缺项检查案', '2025-05-01');
      expectFailure(
        await transition(id, { type: 'REJECT', on: '2025-05-02' }),
        'BAD_USER_INPUT',
        'reason',
      );
      const noMode = accept('2025-05-02', 10, { reviewMode: undefined });
      expectFailure(await transition(id, noMode), 'BAD_USER_INPUT', 'reviewMode');
      expect(await readCase(id)).toMatchObject({ state: 'REGISTERED', notices: [] });
      ok(await transition(id, accept('2025-05-02', 10)));
      const before = await readCase(id);
      expectFailure(
        await transition(id, { type: 'RECORD_RESULT', on: '2025-05-10' }),
        'BAD_USER_INPUT',
        'passed',
      );
      expectFailure(
        await transition(id, { type: 'TERMINATE', on: '2025-05-10' }),
        'BAD_USER_INPUT',
        'reason',
      );
      // 第十五条 lists five grounds; anything else is not a TERMINATE reason.
      expectFailure(
        await transition(id, { type: 'TERMINATE', on: '2025-05-10', reason: '随便' }),
        'BAD_USER_INPUT',
        'reason',
      );
      expect(await readCase(id)).toEqual(before);
      ok(await transition(id, { type: 'RECORD_RESULT', on: '2025-05-10', passed: true }));
      expectFailure(
        await transition(id, { type: 'DECIDE', on: '2025-05-11' }),
        'BAD_USER_INPUT',
        'decision',
      );
      expect((await readCase(id)).state).toBe('PASSED');
    },
    T,
  );

  it(
    'limits review to two calendar months from a month end (第十三条)',
    async () => {
      // 2025-12-31 + two months: 2026-02-28 (last day of the month) or 2026-03-03 (overflow)? The
      // text does not say; only days within both readings (59 → 02-28) and beyond both (63 → 03-04)
      // are asserted.
      const id = await open('月末受理案', '2025-12-30');
      expectFailure(await transition(id, accept('2025-12-31', 63)), 'BAD_USER_INPUT', 'reviewDays');
      const r = await transition(id, accept('2025-12-31', 59));
      ok(r);
      expect(r.data.transitionCase.case.reviewDeadline).toBe('2026-02-28');
    },
    T,
  );

  it(
    'starts each kind at 1 in a new year',
    async () => {
      const id = await open('跨年案', '2025-12-20');
      const r = await transition(id, accept('2026-01-05', 20));
      ok(r);
      expect(r.data.transitionCase.case).toMatchObject({ reviewDeadline: '2026-01-25' });
      expect(r.data.transitionCase.case.notices.map((n: any) => n.number)).toEqual([
        '泸市监受理书〔2026〕1号',
        '泸市监中止书〔2026〕1号',
      ]);
    },
    T,
  );

  it(
    'numbers concurrent acceptances without gaps or repeats',
    async () => {
      const ids = await Promise.all([1, 2, 3, 4, 5].map((i) => open(`并发案${i}`, '2027-01-04')));
      const results = await Promise.all(ids.map((id) => transition(id, accept('2027-02-01', 10))));
      results.forEach(ok);
      const numbers = (kind: string) =>
        results
          .map((r) => r.data.transitionCase.case.notices.find((n: any) => n.kind === kind).number)
          .sort();
      expect(numbers('ACCEPTANCE')).toEqual(
        [1, 2, 3, 4, 5].map((n) => `泸市监受理书〔2027〕${n}号`),
      );
      expect(numbers('SUSPENSION')).toEqual(
        [1, 2, 3, 4, 5].map((n) => `泸市监中止书〔2027〕${n}号`),
      );
    },
    T,
  );

  // The README does not say whether an id that names no case is null or NOT_FOUND; either is
  // accepted, but not an unexpected (uncoded) error.
  const NO_CASE_IDS = [
    ['a uuid', '00000000-0000-0000-0000-000000000000'],
    ['SQL-looking text', "x'; SELECT 1; --"],
    [
      'the global id of a DiscretionCase that does not exist',
      Buffer.from('DiscretionCase:00000000-0000-0000-0000-000000000000').toString('base64'),
    ],
    ['a well-formed global id of another type', Buffer.from('Policy:1').toString('base64')],
  ];
  it.each(NO_CASE_IDS)(
    'answers %s as no case, with a code if it errs',
    async (_what, id) => {
      const r = await api.run('Case', { id }, token);
      if (r.errors)
        expect(
          codes(r).every((c) => ['NOT_FOUND', 'BAD_USER_INPUT'].includes(c)),
          JSON.stringify(r.errors),
        ).toBe(true);
      else expect(r.data.case).toBeNull();
    },
    T,
  );
});

describe('next.graphql: gazette issues and policy text (contract/NEXT.md)', () => {
  const SEED_ISSUE = readFileSync(
    new URL('../../../../prisma/issues/2024-12.md', import.meta.url),
    'utf8',
  );
  let next: ContractClient;
  beforeAll(() => {
    next = new ContractClient(server!.baseUrl, NEXT_FILE);
  });
  afterAll(() => {
    expect(next.leaks).toEqual([]);
  });

  it(
    'reads the issue the server started from as UNCHANGED, and applying it changes nothing',
    async () => {
      const anonymous = await next.run('ImportGazetteIssue', { text: SEED_ISSUE });
      expectFailure(anonymous, 'UNAUTHENTICATED');
      const r = await next.run('ImportGazetteIssue', { text: SEED_ISSUE }, token);
      ok(r);
      const draft = r.data.importGazetteIssue;
      expect(draft).toMatchObject({
        status: 'DRAFT',
        issueLabel: '2024年第12期',
        inspectionQuarters: ['2024Q4'],
        problems: [],
      });
      // 目录 lists nine documents.
      expect(
        draft.documents.map((d: { docNo: string; change: string }) => [d.docNo, d.change]).sort(),
      ).toEqual(DOCUMENTS.map((d) => [d.docNo, 'UNCHANGED']).sort());
      const applied = await next.run('ApplyGazetteImport', { id: draft.id }, token);
      ok(applied);
      expect(applied.data.applyGazetteImport).toEqual({ id: draft.id, status: 'APPLIED' });
      const price = await api.run('MedicalServicePrice', {
        code: '311201069',
        grade: 'TERTIARY_A',
        asOf: '2025-01-01',
      });
      expectDecimal(price.data.medicalServicePrice.amount, '1769');
    },
    T,
  );

  it(
    'gives 泸市监规发〔2024〕2号 its source page (38) and its 22 articles as printed',
    async () => {
      // 目录: 泸市监规发[2024]2号 ..... (38); 第十三条: …最长不超过两个月。
      const r = await next.run('PolicyText', { docNo: '泸市监规发[2024]2号', asOf: '2025-01-01' });
      ok(r);
      const p = r.data.policy;
      expect(p).toMatchObject({
        docNo: '泸市监规发〔2024〕2号',
        status: 'IN_FORCE',
        source: { issueLabel: '2024年第12期', page: 38 },
        repealedBy: null,
      });
      expect(p.articles).toHaveLength(22);
      expect(p.articles[12]).toMatchObject({ number: '第十三条' });
      expect(p.articles[12].text).toContain('最长不超过两个月');
    },
    T,
  );
  it(
    'Search: words found only in a document body (NEXT.md: 人工耳蜗, 三书一函, 临街)',
    async () => {
      for (const [q, docNo] of [
        ['人工耳蜗', '泸市府规〔2024〕4号'],
        ['三书一函', '泸市监规发〔2024〕2号'],
        ['临街', '泸市自然资规函〔2024〕425号'],
      ]) {
        const r = await next.run('Search', { q, first: 5 });
        ok(r);
        expect(r.data.search[0].policy.docNo, q).toBe(docNo);
        expect(r.data.search[0].article, q).not.toBeNull();
        expect(r.data.search[0].snippet, q).toContain(q);
      }
    },
    T,
  );
  it(
    "Changes and ChangeStream: the first start's imports in commit order, replayed live over SSE from a cursor",
    async () => {
      const edges: {
        cursor: string;
        node: { kind: string; docNo: string | null; quarter: string | null };
      }[] = [];
      let after: string | null = null;
      for (;;) {
        const page: GqlResponse = await next.run('Changes', { after, first: 100 });
        ok(page);
        edges.push(...page.data.changes.edges);
        if (!page.data.changes.pageInfo.hasNextPage) break;
        after = page.data.changes.pageInfo.endCursor;
      }
      // 目录 lists nine documents; three rate tables; the 2024Q4 通报.
      expect(edges.filter((e) => e.node.kind === 'POLICY_ADDED')).toHaveLength(DOCUMENTS.length);
      expect(
        edges
          .filter((e) => e.node.kind === 'RATES_PUBLISHED')
          .map((e) => e.node.docNo)
          .sort(),
      ).toEqual(
        ['泸市医保规〔2024〕4号', '泸市府规〔2024〕4号', '泸市自然资规函〔2024〕425号'].sort(),
      );
      expect(
        edges.filter((e) => e.node.kind === 'INSPECTION_RESULTS').map((e) => e.node.quarter),
      ).toEqual(['2024Q4']);

      const controller = new AbortController();
      const res = await fetch(`${server!.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({
          query: next.operations.get('ChangeStream'),
          variables: { after: edges.at(-2)!.cursor },
        }),
        signal: controller.signal,
      });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      let text = '';
      while (!text.includes('event: next'))
        text += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      const data = JSON.parse(
        text
          .split('\n')
          .find((l) => l.startsWith('data:'))!
          .slice(5),
      );
      expect(data.data.changeStream.cursor).toBe(edges.at(-1)!.cursor);
    },
    T,
  );
  it(
    'Expiring: on 2026-12-02 泸市监规发〔2024〕2号 (自印发之日起施行,有效期2年; signed 2024-12-19) has 16 days left',
    async () => {
      const r = await next.run('Expiring', { asOf: '2026-12-02', withinDays: 30 });
      ok(r);
      expect(r.data.expiringPolicies).toEqual([
        expect.objectContaining({
          docNo: '泸市监规发〔2024〕2号',
          expiresOn: '2026-12-18',
          daysLeft: 16,
          isTrial: true,
        }),
      ]);
    },
    T,
  );
});

describe('malformed input', () => {
  // Whatever the code, such errors must name no internals (checked for every response below).
  it.each([
    ['an impossible Date', 'Policy', { docNo: '泸市府规〔2024〕4号', asOf: '2025-13-45' }],
    ['a Date in another notation', 'Policy', { docNo: '泸市府规〔2024〕4号', asOf: '2025/01/06' }],
    [
      'a Decimal that is not a number',
      'LandTransferFeeQuote',
      {
        input: {
          landUse: 'COMMERCIAL',
          grade: 1,
          floorArea: 'abc',
          termCoefficient: '1',
          asOf: '2025-03-01',
        },
      },
    ],
    [
      'a Decimal sent as a float',
      'LandTransferFeeQuote',
      {
        input: {
          landUse: 'COMMERCIAL',
          grade: 1,
          floorArea: 100.5,
          termCoefficient: '1',
          asOf: '2025-03-01',
        },
      },
    ],
    [
      'an unknown enum value',
      'MedicalServicePrice',
      { code: '311201079', grade: 'TERTIARY_Z', asOf: '2025-03-01' },
    ],
    ['a malformed cursor', 'Policies', { first: 3, after: 'not-a-cursor' }],
    ['a malformed quarter', 'ComplianceSummary', { quarter: '2024Q5' }],
  ] as const)(
    'refuses %s with an error and no data',
    async (_what, name, variables) => {
      const r = await api.run(name, variables as Record<string, unknown>);
      expect(r.errors?.length, JSON.stringify(r)).toBeGreaterThan(0);
      expect(r.errors!.every((e) => typeof e.message === 'string')).toBe(true);
      expect(Object.values(r.data ?? {}).every((v) => v === null)).toBe(true);
    },
    T,
  );
});

// ------------------------------------------------------------------------------ the whole contract

describe('the contract as a whole', () => {
  it('exercised every operation of contract/operations.graphql', () => {
    expect([...api.used].sort()).toEqual([...api.operations.keys()].sort());
  });

  it('sent no stack trace, SQL or file path to a client in any error', () => {
    expect(api.leaks).toEqual([]);
  });

  it('stops on SIGTERM to its process group and leaves no PostgreSQL of its data dir', async () => {
    const report = await stopServer(server!);
    stopped = true;
    expect(report.leftInGroup).toEqual([]);
    expect(report.leftUsingDataDir).toEqual([]);
    expect(report.stoppedBySigterm).toBe(true);
    expect(processesUsingDataDir(server!.dataDir)).toEqual([]);
  }, 90_000);
});
