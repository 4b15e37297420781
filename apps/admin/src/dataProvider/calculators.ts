// The calculators: the public contract's quote operations as typed documents (result and input
// types inferred from apps/api/schema.graphql).
import { MEDICAL_SERVICE_TABLE_KEY } from '@gazette/domain';
import { request } from '../graphql/client.ts';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql.ts';

const Quote = graphql(`
  query MedicalServiceQuote($input: MedicalServiceQuoteInput!) {
    medicalServiceQuote(input: $input) {
      total
      asOf
      policy {
        docNo
      }
      lines {
        code
        name
        unit
        quantity
        unitPrice
        surchargeRate
        amount
        cap
        capApplied
      }
    }
  }
`);
const Land = graphql(`
  query LandTransferFeeQuote($input: LandTransferFeeInput!) {
    landTransferFeeQuote(input: $input) {
      standardPerSqm
      amount
      basis
      policy {
        docNo
      }
    }
  }
`);
const Rehab = graphql(`
  query RehabAssistanceCheck($input: RehabAssistanceInput!) {
    rehabAssistanceCheck(input: $input) {
      eligible
      cap
      approvedAmount
      reasons
      policy {
        docNo
      }
    }
  }
`);
const Items = graphql(`
  query MedicalItems($key: String!, $asOf: Date) {
    rateEntries(tableKey: $key, asOf: $asOf, first: 100) {
      edges {
        node {
          code
          name
        }
      }
    }
  }
`);

export type MedicalQuoteInput = VariablesOf<typeof Quote>['input'];
export type MedicalQuoteResult = ResultOf<typeof Quote>['medicalServiceQuote'];
export type QuoteLine = MedicalQuoteResult['lines'][number];
export type HospitalGrade = MedicalQuoteInput['grade'];
export type LandInput = VariablesOf<typeof Land>['input'];
export type LandResult = ResultOf<typeof Land>['landTransferFeeQuote'];
export type RehabInput = VariablesOf<typeof Rehab>['input'];
export type RehabResult = ResultOf<typeof Rehab>['rehabAssistanceCheck'];

export const calculatorMethods = {
  async medicalServiceQuote(input: MedicalQuoteInput): Promise<MedicalQuoteResult> {
    return (await request(Quote, { input })).medicalServiceQuote;
  },
  async landTransferFeeQuote(input: LandInput): Promise<LandResult> {
    return (await request(Land, { input })).landTransferFeeQuote;
  },
  async rehabAssistanceCheck(input: RehabInput): Promise<RehabResult> {
    return (await request(Rehab, { input })).rehabAssistanceCheck;
  },
  /** The item codes and names in force on a date, to pick from (one grade is enough for names). */
  async medicalItems(asOf: string): Promise<{ code: string; name: string }[]> {
    const data = await request(Items, { key: MEDICAL_SERVICE_TABLE_KEY, asOf });
    const seen = new Map<string, string>();
    for (const { node } of data.rateEntries.edges)
      if (node.code && !seen.has(node.code)) seen.set(node.code, node.name ?? '');
    return [...seen].map(([code, name]) => ({ code, name }));
  },
};
