// Validity watch (contract NEXT.md, "Text, search and validity watch"): expiringPolicies and daysLeft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';
import { nextOperation } from './next-operations.ts';

const EXPIRING = nextOperation('Expiring');

let api: Api;
beforeAll(async () => {
  api = await createApi();
});
afterAll(async () => {
  await api?.close();
});

const expiring = (asOf: string | null, withinDays: number) =>
  api.gql(EXPIRING, { asOf, withinDays });

describe('expiringPolicies', () => {
  it('on 2026-12-02 lists 泸市监规发〔2024〕2号 (有效期2年 from 2024-12-19) with 16 days left', async () => {
    const r = await expiring('2026-12-02', 30);
    expect(r.errors).toBeUndefined();
    expect(r.data!.expiringPolicies).toEqual([
      {
        docNo: '泸市监规发〔2024〕2号',
        title:
          '泸州市市场监督管理局关于印发《泸州市市场监督管理局行政处罚改正违法行为裁量审查评估指导意见(试行)》的通知',
        expiresOn: '2026-12-18',
        daysLeft: 16,
        isTrial: true,
      },
    ]);
  });

  it('counts 0 on the last day, includes both ends of the window and lists the soonest first', async () => {
    const last = await expiring('2026-12-18', 0);
    expect(last.data!.expiringPolicies.map((p: { daysLeft: number }) => p.daysLeft)).toEqual([0]);
    // From 2026-10-01: the medical trial (2026-10-31) then the guidance (2026-12-18).
    const autumn = await expiring('2026-10-01', 78);
    expect(
      autumn.data!.expiringPolicies.map((p: { docNo: string; daysLeft: number }) => [
        p.docNo,
        p.daysLeft,
      ]),
    ).toEqual([
      ['泸市医保规〔2024〕4号', 30],
      ['泸市监规发〔2024〕2号', 78],
    ]);
    expect((await expiring('2026-10-01', 77)).data!.expiringPolicies).toHaveLength(1);
  });

  it('refuses a negative or absurd window naming withinDays', async () => {
    for (const n of [-1, 100_000]) {
      const r = await expiring('2026-12-02', n);
      expect(r.codes).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0]!.extensions?.field).toBe('withinDays');
    }
  });

  it('answers daysLeft null for a document without a limit and negative after the end', async () => {
    const r = await api.gql(
      '{ a: policy(docNo: "泸市府函〔2024〕270号") { daysLeft(asOf: "2026-12-02") } b: policy(docNo: "泸市医保规〔2024〕4号") { daysLeft(asOf: "2026-12-02") } }',
    );
    expect(r.data).toEqual({ a: { daysLeft: null }, b: { daysLeft: -32 } });
  });
});
