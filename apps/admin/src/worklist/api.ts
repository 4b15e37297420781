// The work list's reads: one request per section, so one that fails says so without hiding the others.
import { gql } from '../graphql/client.ts';

export interface WorkRateTable {
  id: string;
  name: string;
  versionInForce: { id: string } | null;
  /** The newest published version (by effectiveFrom). */
  versions: { edges: { node: { effectiveTo: string | null } }[] };
}

export interface WorkPolicy {
  id: string;
  docNo: string;
  title: string;
  expiresOn: string | null;
  daysLeft: number | null;
  rateTables: { id: string; name: string }[];
}

export interface WorkTable extends WorkRateTable {
  policy: { id: string; docNo: string; title: string };
}

const TABLE = `id name versionInForce(asOf: $asOf) { id } versions(status: PUBLISHED, direction: DESC, first: 1) { edges { node { effectiveTo } } }
  policy { id docNo title }`;
const POLICY = `id docNo title expiresOn daysLeft(asOf: $asOf) rateTables { id name }`;

// Three requests: together they would pass the API's query cost limit.
export async function policyWork(asOf: string, withinDays: number) {
  const [expiring, expired, tables] = await Promise.all([
    gql<{ expiringPolicies: WorkPolicy[] }>(
      `query WorkExpiring($asOf: Date!, $within: Int!) { expiringPolicies(asOf: $asOf, withinDays: $within) { ${POLICY} } }`,
      { asOf, within: withinDays },
    ),
    gql<{ policies: { edges: { node: WorkPolicy }[] } }>(
      `query WorkExpired($asOf: Date!) { policies(first: 50, filter: { status: EXPIRED, asOf: $asOf }, sort: { field: EXPIRES_ON, direction: DESC }) { edges { node { ${POLICY} } } } }`,
      { asOf },
    ),
    gql<{ rateTables: { edges: { node: WorkTable }[] } }>(`query WorkTables($asOf: Date!) { rateTables(first: 40) { edges { node { ${TABLE} } } } }`, { asOf }),
  ]);
  return {
    expiring: expiring.expiringPolicies,
    expired: expired.policies.edges.map((e) => e.node),
    tables: tables.rateTables.edges.map((e) => e.node),
  };
}

export interface WorkDraft {
  id: string;
  label: string | null;
  effectiveFrom: string;
  table: { id: string; name: string };
}

export async function draftWork(): Promise<WorkDraft[]> {
  const data = await gql<{ rateTableVersionsPage: { nodes: WorkDraft[] } }>(
    `query WorkDrafts { rateTableVersionsPage(perPage: 100, filter: { status: DRAFT }, sort: { field: "effectiveFrom", order: ASC }) { nodes { id label effectiveFrom table { id name } } } }`,
  );
  return data.rateTableVersionsPage.nodes;
}

export interface WorkCase {
  id: string;
  caseName: string;
  subjectName: string;
  state: string;
  reviewDeadline: string | null;
  overdue: boolean;
}

export async function caseWork(): Promise<WorkCase[]> {
  const data = await gql<{ casesPage: { nodes: WorkCase[] } }>(
    `query WorkCases { casesPage(perPage: 100, filter: { state: [UNDER_REVIEW] }, sort: { field: "reviewDeadline", order: ASC }) { nodes { id caseName subjectName state reviewDeadline overdue } } }`,
  );
  return data.casesPage.nodes;
}

export interface WorkFinding {
  id: string;
  name: string;
  description: string;
  rectified: boolean | null;
  organization: { name: string };
  kind: 'websiteFindings' | 'newMediaFindings';
}

/** The newest inspected quarter's findings not known to be rectified (未整改 or 未知). */
export async function findingWork(): Promise<{ quarter: string | null; findings: WorkFinding[] }> {
  const rounds = await gql<{ inspectionRounds: { edges: { node: { quarter: string } }[] } }>(
    `query WorkQuarter { inspectionRounds(first: 1, direction: DESC) { edges { node { quarter } } } }`,
  );
  const quarter = rounds.inspectionRounds.edges[0]?.node.quarter ?? null;
  if (!quarter) return { quarter, findings: [] };
  const data = await gql<{
    websiteFindingsPage: { nodes: (Omit<WorkFinding, 'name' | 'kind'> & { siteName: string })[] };
    newMediaFindingsPage: { nodes: (Omit<WorkFinding, 'name' | 'kind'> & { account: string })[] };
  }>(
    `query WorkFindings($q: String!) {
      websiteFindingsPage(perPage: 100, filter: { quarter: $q }, sort: { field: "siteSeq", order: ASC }) { nodes { id siteName description rectified organization { name } } }
      newMediaFindingsPage(perPage: 100, filter: { quarter: $q }, sort: { field: "seq", order: ASC }) { nodes { id account description rectified organization { name } } }
    }`,
    { q: quarter },
  );
  const findings: WorkFinding[] = [
    ...data.websiteFindingsPage.nodes.map(({ siteName, ...f }) => ({ ...f, name: siteName, kind: 'websiteFindings' as const })),
    ...data.newMediaFindingsPage.nodes.map(({ account, ...f }) => ({ ...f, name: account, kind: 'newMediaFindings' as const })),
  ].filter((f) => f.rectified !== true);
  return { quarter, findings };
}
