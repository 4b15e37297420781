// The calculators use the public contract's operations unchanged (shared/contract/operations.graphql).
import { MEDICAL_SERVICE_TABLE_KEY } from '@gazette/domain';
import { gql } from '../graphql/client.ts';

export type HospitalGrade = 'TERTIARY_A' | 'TERTIARY_B' | 'SECONDARY_A' | 'SECONDARY_B' | 'BELOW_SECONDARY_B';
export const HOSPITAL_GRADES: HospitalGrade[] = ['TERTIARY_A', 'TERTIARY_B', 'SECONDARY_A', 'SECONDARY_B', 'BELOW_SECONDARY_B'];

export interface MedicalPrice {
  code: string;
  name: string;
  unit: string;
  amount: string | null;
  surchargeRate: string | null;
  policy: { docNo: string };
}
export interface QuoteLine {
  code: string;
  quantity: number;
  amount: string;
  /** The grade's cap on the line (the per-egg item); null for other items. */
  cap: string | null;
  capApplied: boolean;
}

const PRICE = `query MedicalServicePrice($code: String!, $grade: HospitalGrade!, $asOf: Date!) {
  medicalServicePrice(code: $code, grade: $grade, asOf: $asOf) { code name unit amount surchargeRate policy { docNo } }
}`;
const QUOTE = `query MedicalServiceQuote($input: MedicalServiceQuoteInput!) {
  medicalServiceQuote(input: $input) { total lines { code quantity amount cap capApplied } }
}`;
const LAND = `query LandTransferFeeQuote($input: LandTransferFeeInput!) {
  landTransferFeeQuote(input: $input) { standardPerSqm amount basis policy { docNo } }
}`;
const REHAB = `query RehabAssistanceCheck($input: RehabAssistanceInput!) {
  rehabAssistanceCheck(input: $input) { eligible cap approvedAmount reasons }
}`;

export async function medicalPrice(code: string, grade: HospitalGrade, asOf: string) {
  return (await gql<{ medicalServicePrice: MedicalPrice | null }>(PRICE, { code, grade, asOf })).medicalServicePrice;
}

export async function medicalQuote(input: { grade: HospitalGrade; asOf: string; items: { code: string; quantity: number }[] }) {
  return (await gql<{ medicalServiceQuote: { total: string; lines: QuoteLine[] } }>(QUOTE, { input })).medicalServiceQuote;
}

export interface LandInput {
  landUse: 'COMMERCIAL' | 'RESIDENTIAL';
  grade: number;
  streetFrontGroundFloor: boolean;
  floorArea: string;
  termCoefficient: string;
  housingReform: boolean;
  appraisedAmount?: string;
  asOf: string;
}
export async function landFee(input: LandInput) {
  return (
    await gql<{ landTransferFeeQuote: { standardPerSqm: string; amount: string; basis: 'APPRAISAL' | 'STANDARD'; policy: { docNo: string } } }>(LAND, { input })
  ).landTransferFeeQuote;
}

export interface RehabInput {
  birthDate: string;
  applicationDate: string;
  luzhouHukou: boolean;
  service: string;
  requestedAmount: string;
  fundedThisYear?: string;
  lastSameDeviceDate?: string;
  county?: string;
}
export async function rehabCheck(input: RehabInput) {
  return (await gql<{ rehabAssistanceCheck: { eligible: boolean; cap: string | null; approvedAmount: string; reasons: string[] } }>(REHAB, { input }))
    .rehabAssistanceCheck;
}

/** The item codes and names in force on a date, to pick from (one grade is enough for names). */
export async function medicalItems(asOf: string): Promise<{ code: string; name: string }[]> {
  const data = await gql<{ rateEntries: { edges: { node: { code: string | null; name: string | null; dimensions: Record<string, string> } }[] } }>(
    `query MedicalItems($key: String!, $asOf: Date) { rateEntries(tableKey: $key, asOf: $asOf, first: 100) { edges { node { code name dimensions } } } }`,
    { key: MEDICAL_SERVICE_TABLE_KEY, asOf },
  );
  const seen = new Map<string, string>();
  for (const { node } of data.rateEntries.edges) if (node.code && !seen.has(node.code)) seen.set(node.code, node.name ?? '');
  return [...seen].map(([code, name]) => ({ code, name }));
}
