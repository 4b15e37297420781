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
  const data = await gql<{ inspectionRoundsPage: { nodes: { quarter: string }[] } }>(
    `query Quarters { inspectionRoundsPage(page: 1, perPage: 100, sort: { field: "quarter", order: DESC }) { nodes { quarter } } }`,
  );
  return data.inspectionRoundsPage.nodes.map((n) => n.quarter);
}

export async function findingsOf(quarter: string): Promise<{ website: Finding[]; newMedia: Finding[] }> {
  const data = await gql<{ websiteFindingsPage: { nodes: Finding[] }; newMediaFindingsPage: { nodes: Finding[] } }>(
    `query Findings($filter: WebsiteFindingFilter, $nmFilter: NewMediaFindingFilter) {
      websiteFindingsPage(page: 1, perPage: 100, filter: $filter) { nodes { id siteName description rectified organization { id name } } }
      newMediaFindingsPage(page: 1, perPage: 100, filter: $nmFilter) { nodes { id account description rectified organization { id name } } }
    }`,
    { filter: { quarter }, nmFilter: { quarter } },
  );
  return { website: data.websiteFindingsPage.nodes, newMedia: data.newMediaFindingsPage.nodes };
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
