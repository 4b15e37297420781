// The work list's reads (typed documents): one request per section, so one that fails says so
// without hiding the others.
import { request } from '../graphql/client.ts';
import { graphql, type ResultOf } from '../graphql/graphql.ts';

const PolicyFields = graphql(`
  fragment WorkPolicyFields on Policy {
    id
    docNo
    title
    expiresOn
    daysLeft(asOf: $asOf)
    rateTables {
      id
      name
    }
  }
`);
const Expiring = graphql(
  `
    query WorkExpiring($asOf: Date!, $within: Int!) {
      expiringPolicies(asOf: $asOf, withinDays: $within) {
        ...WorkPolicyFields
      }
    }
  `,
  [PolicyFields],
);
const Expired = graphql(
  `
    query WorkExpired($asOf: Date!) {
      policies(
        first: 50
        filter: { status: EXPIRED, asOf: $asOf }
        sort: { field: EXPIRES_ON, direction: DESC }
      ) {
        edges {
          node {
            ...WorkPolicyFields
          }
        }
      }
    }
  `,
  [PolicyFields],
);
const Tables = graphql(`
  query WorkTables($asOf: Date!) {
    rateTables(first: 40) {
      edges {
        node {
          id
          name
          versionInForce(asOf: $asOf) {
            id
          }
          versions(status: PUBLISHED, direction: DESC, first: 1) {
            edges {
              node {
                effectiveTo
              }
            }
          }
          policy {
            id
            docNo
            title
          }
        }
      }
    }
  }
`);
const Drafts = graphql(`
  query WorkDrafts {
    rateTableVersionsPage(
      perPage: 100
      filter: { status: DRAFT }
      sort: { field: "effectiveFrom", order: ASC }
    ) {
      nodes {
        id
        label
        effectiveFrom
        table {
          id
          name
        }
      }
    }
  }
`);
const Cases = graphql(`
  query WorkCases {
    casesPage(
      perPage: 100
      filter: { state: [UNDER_REVIEW] }
      sort: { field: "reviewDeadline", order: ASC }
    ) {
      nodes {
        id
        caseName
        subjectName
        state
        reviewDeadline
        overdue
      }
    }
  }
`);
const Quarter = graphql(`
  query WorkQuarter {
    inspectionRounds(first: 1, direction: DESC) {
      edges {
        node {
          quarter
        }
      }
    }
  }
`);
const Findings = graphql(`
  query WorkFindings($q: String!) {
    websiteFindingsPage(
      perPage: 100
      filter: { quarter: $q }
      sort: { field: "siteSeq", order: ASC }
    ) {
      nodes {
        id
        siteName
        description
        rectified
        organization {
          name
        }
      }
    }
    newMediaFindingsPage(
      perPage: 100
      filter: { quarter: $q }
      sort: { field: "seq", order: ASC }
    ) {
      nodes {
        id
        account
        description
        rectified
        organization {
          name
        }
      }
    }
  }
`);

export type WorkPolicy = ResultOf<typeof PolicyFields>;
export type WorkTable = ResultOf<typeof Tables>['rateTables']['edges'][number]['node'];
export type WorkRateTable = Pick<WorkTable, 'id' | 'name' | 'versionInForce' | 'versions'>;
export type WorkDraft = ResultOf<typeof Drafts>['rateTableVersionsPage']['nodes'][number];
export type WorkCase = ResultOf<typeof Cases>['casesPage']['nodes'][number];
type FindingsResult = ResultOf<typeof Findings>;
type WebsiteNode = FindingsResult['websiteFindingsPage']['nodes'][number];
type NewMediaNode = FindingsResult['newMediaFindingsPage']['nodes'][number];
/** A website or new-media finding under one name (its site or account). */
export type WorkFinding =
  | (Omit<WebsiteNode, 'siteName'> & { name: string; kind: 'websiteFindings' })
  | (Omit<NewMediaNode, 'account'> & { name: string; kind: 'newMediaFindings' });

export const worklistMethods = {
  // Three requests: together they would pass the API's query cost limit.
  async policyWork(
    asOf: string,
    withinDays: number,
  ): Promise<{ expiring: WorkPolicy[]; expired: WorkPolicy[]; tables: WorkTable[] }> {
    const [expiring, expired, tables] = await Promise.all([
      request(Expiring, { asOf, within: withinDays }),
      request(Expired, { asOf }),
      request(Tables, { asOf }),
    ]);
    return {
      expiring: expiring.expiringPolicies,
      expired: expired.policies.edges.map((e) => e.node),
      tables: tables.rateTables.edges.map((e) => e.node),
    };
  },
  async draftWork(): Promise<WorkDraft[]> {
    return (await request(Drafts)).rateTableVersionsPage.nodes;
  },
  async caseWork(): Promise<WorkCase[]> {
    return (await request(Cases)).casesPage.nodes;
  },
  /** The newest inspected quarter's findings not known to be rectified (未整改 or 未知). */
  async findingWork(): Promise<{ quarter: string | null; findings: WorkFinding[] }> {
    const rounds = await request(Quarter);
    const quarter = rounds.inspectionRounds.edges[0]?.node.quarter ?? null;
    if (!quarter) return { quarter, findings: [] };
    const data = await request(Findings, { q: quarter });
    const findings: WorkFinding[] = [
      ...data.websiteFindingsPage.nodes.map(({ siteName, ...f }) => ({
        ...f,
        name: siteName,
        kind: 'websiteFindings' as const,
      })),
      ...data.newMediaFindingsPage.nodes.map(({ account, ...f }) => ({
        ...f,
        name: account,
        kind: 'newMediaFindings' as const,
      })),
    ].filter((f) => f.rectified !== true);
    return { quarter, findings };
  },
};
