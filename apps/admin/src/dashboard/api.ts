import { gql } from '../graphql/client.ts';
import type { Finding } from './aggregate.ts';

export interface ComplianceSummary {
  quarter: string;
  websitesChecked: number;
  websitesWithIssues: number;
  websiteIssues: number;
  websiteIssuesRectified: number;
  newMediaAccountsChecked: number;
  newMediaAccountsWithIssues: number;
  messagesReceived: number;
  messagesClosed: number;
  baseDataMissing: { name: string }[];
  processDataMissing: { name: string }[];
}

// The contract's ComplianceSummary operation, unchanged.
const SUMMARY = `query ComplianceSummary($quarter: String!) {
  complianceSummary(quarter: $quarter) {
    quarter websitesChecked websitesWithIssues websiteIssues websiteIssuesRectified
    newMediaAccountsChecked newMediaAccountsWithIssues messagesReceived messagesClosed
    baseDataMissing { name } processDataMissing { name }
  }
}`;

export async function complianceSummary(quarter: string): Promise<ComplianceSummary | null> {
  return (await gql<{ complianceSummary: ComplianceSummary | null }>(SUMMARY, { quarter })).complianceSummary;
}

/** A quarter's summary, or null when that quarter has no inspection (or none can be read). */
export async function complianceSummaryOrNull(quarter: string) {
  try {
    return await complianceSummary(quarter);
  } catch {
    return null;
  }
}

export async function inspectedQuarters(): Promise<string[]> {
  const data = await gql<{ inspectionRounds: { edges: { node: { quarter: string } }[] } }>(
    `query Quarters { inspectionRounds(first: 100, direction: DESC) { edges { node { quarter } } } }`,
  );
  return data.inspectionRounds.edges.map((e) => e.node.quarter);
}

export async function findingsOf(quarter: string): Promise<{ website: Finding[]; newMedia: Finding[] }> {
  const data = await gql<{ websiteFindingsPage: { nodes: Finding[] }; newMediaFindingsPage: { nodes: Finding[] } }>(
    `query Findings($w: WebsiteFindingPageFilter, $n: NewMediaFindingPageFilter) {
      websiteFindingsPage(page: 1, perPage: 100, filter: $w) { nodes { id siteName description rectified organization { id name } } }
      newMediaFindingsPage(page: 1, perPage: 100, filter: $n) { nodes { id account description rectified organization { id name } } }
    }`,
    { w: { quarter }, n: { quarter } },
  );
  return { website: data.websiteFindingsPage.nodes, newMedia: data.newMediaFindingsPage.nodes };
}

export interface ApiRepeatFinding {
  channel: string;
  subject: string;
  issue: string;
  quarters: string[];
  organization: { name: string };
}

/** Findings repeated across consecutive quarters, as the API judges them. */
export async function repeatFindingsOf(quarter: string): Promise<ApiRepeatFinding[]> {
  const data = await gql<{ repeatFindings: ApiRepeatFinding[] }>(
    `query Repeats { repeatFindings { channel subject issue quarters organization { name } } }`,
  );
  return data.repeatFindings.filter((r) => r.quarters.includes(quarter));
}

/** The headline figures a 通报 prints for a quarter (InspectionRoundInput). */
export const ROUND_COUNTS = [
  'cityPortalsChecked', 'districtPortalsChecked', 'departmentSitesChecked',
  'newMediaAccountsChecked', 'newMediaDistricts', 'newMediaParks', 'newMediaDepartments',
  'messagesReceived', 'messagesClosed', 'messagesOverdue',
] as const;
export type RoundCount = (typeof ROUND_COUNTS)[number];

export type RoundFigures = Record<RoundCount, number> & { windowStart: string; windowEnd: string; policyId: string | null };

export interface InspectionRound extends RoundFigures {
  id: string;
  quarter: string;
  version: number;
  policy: { id: string; docNo: string; title: string } | null;
}

const ROUND_FIELDS = `id quarter version windowStart windowEnd ${ROUND_COUNTS.join(' ')} policy { id docNo title }`;

function withPolicyId(r: Omit<InspectionRound, 'policyId'>): InspectionRound {
  return { ...r, policyId: r.policy?.id ?? null };
}

export async function inspectionRound(quarter: string): Promise<InspectionRound | null> {
  const data = await gql<{ inspectionRound: Omit<InspectionRound, 'policyId'> | null }>(
    `query Round($quarter: String!) { inspectionRound(quarter: $quarter) { ${ROUND_FIELDS} } }`,
    { quarter },
  );
  return data.inspectionRound && withPolicyId(data.inspectionRound);
}

/** A new quarter with its 通报's headline figures; impossible figures are BAD_USER_INPUT naming the field. */
export async function createInspectionRound(input: RoundFigures & { quarter: string }): Promise<InspectionRound> {
  const data = await gql<{ createInspectionRound: Omit<InspectionRound, 'policyId'> }>(
    `mutation CreateRound($input: InspectionRoundInput!) { createInspectionRound(input: $input) { ${ROUND_FIELDS} } }`,
    { input },
  );
  return withPolicyId(data.createInspectionRound);
}

/** Corrects a quarter's figures; a stale version is CONFLICT. */
export async function updateInspectionRound(id: string, version: number, input: Partial<RoundFigures>): Promise<InspectionRound> {
  const data = await gql<{ updateInspectionRound: Omit<InspectionRound, 'policyId'> }>(
    `mutation UpdateRound($id: ID!, $version: Int!, $input: InspectionRoundPatch!) { updateInspectionRound(id: $id, version: $version, input: $input) { ${ROUND_FIELDS} } }`,
    { id, version, input },
  );
  return withPolicyId(data.updateInspectionRound);
}

export interface PolicyChoice {
  id: string;
  docNo: string;
  title: string;
}

/** Policies whose title or document number contains `q`, for choosing a quarter's 通报. */
export async function searchPolicies(q: string): Promise<PolicyChoice[]> {
  const data = await gql<{ policiesPage: { nodes: PolicyChoice[] } }>(
    `query PolicyChoices($filter: PolicyPageFilter) { policiesPage(page: 1, perPage: 20, filter: $filter, sort: { field: "signedOn", order: DESC }) { nodes { id docNo title } } }`,
    { filter: q.trim() ? { q: q.trim() } : {} },
  );
  return data.policiesPage.nodes;
}

/** The four annexes of a 通报, as importInspectionAnnexes and inspectionAnnexFile name them. */
export const ANNEXES = [
  { key: 'website', annex: 'WEBSITE' },
  { key: 'newMedia', annex: 'NEW_MEDIA' },
  { key: 'dataCollection', annex: 'DATA_COLLECTION' },
  { key: 'adoption', annex: 'ADOPTION' },
] as const;
export type AnnexKey = (typeof ANNEXES)[number]['key'];
export type AnnexName = (typeof ANNEXES)[number]['annex'];
export type AnnexFormat = 'CSV' | 'XLSX';

export interface AnnexFileInput {
  format: AnnexFormat;
  /** CSV text, or the XLSX bytes in base64. */
  content: string;
  fileName: string;
}

/** One bad row of an import, as the server reports it in extensions.rows. */
export interface AnnexRowError {
  annex: string | null;
  file: string | null;
  fileName: string | null;
  sheet: string | null;
  line: number | null;
  column: string | null;
  cell: string | null;
  message: string;
}

/** Replaces the quarter's records of each annex given, all or nothing; returns the new version. */
export async function importInspectionAnnexes(quarter: string, version: number, annexes: Partial<Record<AnnexKey, AnnexFileInput>>): Promise<number> {
  const data = await gql<{ importInspectionAnnexes: { version: number } }>(
    `mutation ImportAnnexes($quarter: String!, $version: Int!, $annexes: InspectionAnnexFilesInput!) {
      importInspectionAnnexes(quarter: $quarter, version: $version, annexes: $annexes) { id version }
    }`,
    { quarter, version, annexes },
  );
  return data.importInspectionAnnexes.version;
}

export interface AnnexFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** A quarter's annex (or its empty template) with the printed Chinese headers. */
export async function inspectionAnnexFile(quarter: string, annex: AnnexName, format: AnnexFormat): Promise<AnnexFile> {
  const data = await gql<{ inspectionAnnexFile: AnnexFile }>(
    `query AnnexFile($quarter: String!, $annex: InspectionAnnex!, $format: AnnexFileFormat!) {
      inspectionAnnexFile(quarter: $quarter, annex: $annex, format: $format) { fileName mimeType content }
    }`,
    { quarter, annex, format },
  );
  return data.inspectionAnnexFile;
}
