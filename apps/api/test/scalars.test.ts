// Date and Decimal travel as strings; malformed values are BAD_USER_INPUT, never floats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';

let api: Api;
beforeAll(async () => {
  api = await createApi();
});
afterAll(async () => {
  await api?.close();
});

const STATUS = `query($asOf: Date) { policy(docNo: "泸市府规〔2024〕4号") { status(asOf: $asOf) } }`;
const LAND = `query($area: Decimal!) { landTransferFeeQuote(input: { landUse: RESIDENTIAL, grade: 7, floorArea: $area, termCoefficient: "1", asOf: "2025-06-01" }) { amount } }`;

describe('Date', () => {
  it.each(['2025-13-01', '2025-02-30', '20250101', '2025/01/06'])(
    'refuses %s with BAD_USER_INPUT',
    async (asOf) => {
      const r = await api.gql(STATUS, { asOf });
      expect(r.codes).toEqual(['BAD_USER_INPUT']);
    },
  );

  it('accepts a literal date in the query text', async () => {
    const r = await api.gql(
      `{ policy(docNo: "泸市府规〔2024〕4号") { status(asOf: "2025-01-06") signedOn } }`,
    );
    expect(r.data?.policy).toEqual({ status: 'IN_FORCE', signedOn: '2024-12-04' });
  });
});

describe('Decimal', () => {
  it('computes with decimal strings exactly', async () => {
    // 0.1 × 140 would drift as a float; 12.3 m² × 140 = 1722.00.
    const r = await api.gql(LAND, { area: '12.3' });
    expect(r.data?.landTransferFeeQuote.amount).toBe('1722.00');
  });

  it.each([[12.3], ['1e3'], ['12,3'], ['abc']])('refuses %s with BAD_USER_INPUT', async (area) => {
    const r = await api.gql(LAND, { area });
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
  });
});
