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

export type AnnexKind = 'WEBSITE' | 'NEW_MEDIA';

/** A quarter's annex as CSV, in the import's format. */
export async function annexCsv(quarter: string, annex: AnnexKind): Promise<string> {
  const data = await gql<{ inspectionAnnexCsv: string }>(
    `query AnnexCsv($quarter: String!, $annex: InspectionAnnex!) { inspectionAnnexCsv(quarter: $quarter, annex: $annex) }`,
    { quarter, annex },
  );
  return data.inspectionAnnexCsv;
}

/** Replaces the quarter's findings of that annex; validated whole, so a bad row writes nothing. */
export async function importAnnex(quarter: string, annex: AnnexKind, csv: string): Promise<void> {
  const round = await gql<{ inspectionRound: { version: number } | null }>(`query RoundVersion($quarter: String!) { inspectionRound(quarter: $quarter) { version } }`, { quarter });
  if (!round.inspectionRound) throw new Error(quarter);
  await gql(
    `mutation ImportAnnex($quarter: String!, $version: Int!, $websiteCsv: String, $newMediaCsv: String) {
      importInspectionAnnexesCsv(quarter: $quarter, version: $version, websiteCsv: $websiteCsv, newMediaCsv: $newMediaCsv) { id version }
    }`,
    { quarter, version: round.inspectionRound.version, ...(annex === 'WEBSITE' ? { websiteCsv: csv } : { newMediaCsv: csv }) },
  );
}
