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

type Conn<T> = { edges: { node: T }[] };

export async function findingsOf(quarter: string): Promise<{ website: Finding[]; newMedia: Finding[] } | null> {
  const data = await gql<{ inspectionRound: { websiteFindings: Conn<Finding>; newMediaFindings: Conn<Finding> } | null }>(
    `query Findings($quarter: String!) {
      inspectionRound(quarter: $quarter) {
        websiteFindings(first: 100) { edges { node { id siteName description rectified organization { id name } } } }
        newMediaFindings(first: 100) { edges { node { id account description rectified organization { id name } } } }
      }
    }`,
    { quarter },
  );
  if (!data.inspectionRound) return null;
  return {
    website: data.inspectionRound.websiteFindings.edges.map((e) => e.node),
    newMedia: data.inspectionRound.newMediaFindings.edges.map((e) => e.node),
  };
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

export type AnnexKind = 'WEBSITE_FINDINGS' | 'NEW_MEDIA_FINDINGS';

export interface ImportReport {
  ok: boolean;
  imported: number;
  errors: { row: number; column: string | null; message: string }[];
}

/** Validated whole on the server: any bad row means nothing is written. */
export async function importAnnex(quarter: string, kind: AnnexKind, csv: string, dryRun: boolean): Promise<ImportReport> {
  const data = await gql<{ importInspectionAnnex: ImportReport }>(
    `mutation ImportAnnex($input: ImportInspectionAnnexInput!) {
      importInspectionAnnex(input: $input) { ok imported errors { row column message } }
    }`,
    { input: { quarter, kind, csv, dryRun } },
  );
  return data.importInspectionAnnex;
}
