// 合规: a quarter's summary, findings, repeat findings and inspection round (with its 通报's
// headline figures), and the annex files. Typed documents over apps/api/schema.graphql.
import { request } from '../graphql/client.ts';
import { fetchExport, type ExportedFile } from './exports.ts';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql.ts';

// The contract's ComplianceSummary operation, unchanged.
const Summary = graphql(`
  query ComplianceSummary($quarter: String!) {
    complianceSummary(quarter: $quarter) {
      quarter
      websitesChecked
      websitesWithIssues
      websiteIssues
      websiteIssuesRectified
      newMediaAccountsChecked
      newMediaAccountsWithIssues
      messagesReceived
      messagesClosed
      baseDataMissing {
        name
      }
      processDataMissing {
        name
      }
    }
  }
`);
const Quarters = graphql(`
  query Quarters {
    inspectionRounds(first: 100, direction: DESC) {
      edges {
        node {
          quarter
        }
      }
    }
  }
`);
const Findings = graphql(`
  query Findings($w: WebsiteFindingPageFilter, $n: NewMediaFindingPageFilter) {
    websiteFindingsPage(page: 1, perPage: 100, filter: $w) {
      nodes {
        id
        siteName
        description
        rectified
        organization {
          id
          name
        }
      }
    }
    newMediaFindingsPage(page: 1, perPage: 100, filter: $n) {
      nodes {
        id
        account
        description
        rectified
        organization {
          id
          name
        }
      }
    }
  }
`);
// A page of the runs that include a quarter, by keyset cursor: each page costs the same however
// long the history (the unpaged repeatFindings sends every run of the quarter at once). The
// quarter's total is asked for with the first page only.
const RepeatRuns = graphql(`
  query RepeatRuns($quarter: String!, $first: Int!, $after: String, $withTotal: Boolean!) {
    repeatFindingRuns(quarter: $quarter, first: $first, after: $after) {
      totalCount @include(if: $withTotal)
      edges {
        cursor
        node {
          channel
          subject
          issue
          quarters
          organization {
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const RoundFields = graphql(`
  fragment InspectionRoundFields on InspectionRound {
    id
    quarter
    version
    windowStart
    windowEnd
    cityPortalsChecked
    districtPortalsChecked
    departmentSitesChecked
    newMediaAccountsChecked
    newMediaDistricts
    newMediaParks
    newMediaDepartments
    messagesReceived
    messagesClosed
    messagesOverdue
    policy {
      id
      docNo
      title
    }
  }
`);
const Round = graphql(
  `
    query Round($quarter: String!) {
      inspectionRound(quarter: $quarter) {
        ...InspectionRoundFields
      }
    }
  `,
  [RoundFields],
);
const CreateRound = graphql(
  `
    mutation CreateRound($input: InspectionRoundInput!) {
      createInspectionRound(input: $input) {
        ...InspectionRoundFields
      }
    }
  `,
  [RoundFields],
);
const UpdateRound = graphql(
  `
    mutation UpdateRound($id: ID!, $version: Int!, $input: InspectionRoundPatch!) {
      updateInspectionRound(id: $id, version: $version, input: $input) {
        ...InspectionRoundFields
      }
    }
  `,
  [RoundFields],
);
const PolicyChoices = graphql(`
  query PolicyChoices($filter: PolicyPageFilter) {
    policiesPage(page: 1, perPage: 20, filter: $filter, sort: { field: "signedOn", order: DESC }) {
      nodes {
        id
        docNo
        title
      }
    }
  }
`);
const ImportAnnexes = graphql(`
  mutation ImportAnnexes($quarter: String!, $version: Int!, $annexes: InspectionAnnexFilesInput!) {
    importInspectionAnnexes(quarter: $quarter, version: $version, annexes: $annexes) {
      id
      version
    }
  }
`);
const AnnexFileQuery = graphql(`
  query AnnexFile($quarter: String!, $annex: InspectionAnnex!, $format: AnnexFileFormat!) {
    inspectionAnnexFile(quarter: $quarter, annex: $annex, format: $format) {
      fileName
      mimeType
      content
    }
  }
`);

export type ComplianceSummary = NonNullable<ResultOf<typeof Summary>['complianceSummary']>;
type FindingsResult = ResultOf<typeof Findings>;
export type WebsiteFinding = FindingsResult['websiteFindingsPage']['nodes'][number];
export type NewMediaFinding = FindingsResult['newMediaFindingsPage']['nodes'][number];
type RepeatEdge = ResultOf<typeof RepeatRuns>['repeatFindingRuns']['edges'][number];
export type ApiRepeatFinding = RepeatEdge['node'] & { cursor: string };
/**
 * One page of repeat findings; `after` is the cursor to pass for the next, null at the end;
 * `total` the quarter's runs, given with the first page only (null on the others).
 */
export interface RepeatFindingPage {
  runs: ApiRepeatFinding[];
  after: string | null;
  total: number | null;
}
type RoundResult = ResultOf<typeof RoundFields>;
export type InspectionRound = RoundResult & { policyId: string | null };
export type PolicyChoice = ResultOf<typeof PolicyChoices>['policiesPage']['nodes'][number];

/** The headline figures a 通报 prints for a quarter (InspectionRoundInput). */
export const ROUND_COUNTS = [
  'cityPortalsChecked',
  'districtPortalsChecked',
  'departmentSitesChecked',
  'newMediaAccountsChecked',
  'newMediaDistricts',
  'newMediaParks',
  'newMediaDepartments',
  'messagesReceived',
  'messagesClosed',
  'messagesOverdue',
] as const satisfies readonly (keyof RoundResult &
  keyof VariablesOf<typeof CreateRound>['input'])[];
export type RoundCount = (typeof ROUND_COUNTS)[number];
export type RoundFigures = Record<RoundCount, number> & {
  windowStart: string;
  windowEnd: string;
  policyId: string | null;
};
export type NewRoundInput = VariablesOf<typeof CreateRound>['input'];
export type RoundPatch = VariablesOf<typeof UpdateRound>['input'];

/** The four annexes of a 通报, as importInspectionAnnexes and inspectionAnnexFile name them. */
export const ANNEXES = [
  { key: 'website', annex: 'WEBSITE' },
  { key: 'newMedia', annex: 'NEW_MEDIA' },
  { key: 'dataCollection', annex: 'DATA_COLLECTION' },
  { key: 'adoption', annex: 'ADOPTION' },
] as const satisfies readonly {
  key: keyof VariablesOf<typeof ImportAnnexes>['annexes'];
  annex: VariablesOf<typeof AnnexFileQuery>['annex'];
}[];
export type AnnexKey = (typeof ANNEXES)[number]['key'];
export type AnnexName = (typeof ANNEXES)[number]['annex'];
export type AnnexFormat = VariablesOf<typeof AnnexFileQuery>['format'];
/** CSV text, or the XLSX bytes in base64. */
export type AnnexFileInput = { format: AnnexFormat; content: string; fileName: string };
export type AnnexFile = ResultOf<typeof AnnexFileQuery>['inspectionAnnexFile'];

/** One bad row of an import, as the server reports it in extensions.rows (not in the schema). */
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

function withPolicyId(r: RoundResult): InspectionRound {
  return { ...r, policyId: r.policy?.id ?? null };
}

export const complianceMethods = {
  /** A quarter's summary; null when that quarter has no inspection. A failed request throws. */
  async complianceSummary(quarter: string): Promise<ComplianceSummary | null> {
    return (await request(Summary, { quarter })).complianceSummary ?? null;
  },
  async inspectedQuarters(): Promise<string[]> {
    return (await request(Quarters)).inspectionRounds.edges.map((e) => e.node.quarter);
  },
  async quarterFindings(
    quarter: string,
  ): Promise<{ website: WebsiteFinding[]; newMedia: NewMediaFinding[] }> {
    const data = await request(Findings, { w: { quarter }, n: { quarter } });
    return { website: data.websiteFindingsPage.nodes, newMedia: data.newMediaFindingsPage.nodes };
  },
  /**
   * A page of the findings repeated across consecutive quarters, as the API judges them, that
   * include `quarter`, in the API's order; `after` is the previous page's. Each page costs the API
   * the same whatever the history's length.
   */
  async repeatFindingRuns(
    quarter: string,
    first: number,
    after: string | null = null,
  ): Promise<RepeatFindingPage> {
    const { edges, pageInfo, totalCount } = (
      await request(RepeatRuns, { quarter, first, after, withTotal: after === null })
    ).repeatFindingRuns;
    return {
      runs: edges.map((e) => ({ ...e.node, cursor: e.cursor })),
      after: pageInfo.hasNextPage ? (pageInfo.endCursor ?? null) : null,
      total: totalCount ?? null,
    };
  },
  async inspectionRound(quarter: string): Promise<InspectionRound | null> {
    const found = (await request(Round, { quarter })).inspectionRound;
    return found ? withPolicyId(found) : null;
  },
  /** A new quarter with its 通报's headline figures; impossible figures are BAD_USER_INPUT naming the field. */
  async createInspectionRound(input: NewRoundInput): Promise<InspectionRound> {
    return withPolicyId((await request(CreateRound, { input })).createInspectionRound);
  },
  /** Corrects a quarter's figures; a stale version is CONFLICT. */
  async updateInspectionRound(
    id: string,
    version: number,
    input: RoundPatch,
  ): Promise<InspectionRound> {
    return withPolicyId((await request(UpdateRound, { id, version, input })).updateInspectionRound);
  },
  /** Policies whose title or document number contains `q`, for choosing a quarter's 通报. */
  async policyChoices(q: string): Promise<PolicyChoice[]> {
    return (await request(PolicyChoices, { filter: q.trim() ? { q: q.trim() } : {} })).policiesPage
      .nodes;
  },
  /** Replaces the quarter's records of each annex given, all or nothing; returns the new version. */
  async importInspectionAnnexes(
    quarter: string,
    version: number,
    annexes: Partial<Record<AnnexKey, AnnexFileInput>>,
  ): Promise<number> {
    return (await request(ImportAnnexes, { quarter, version, annexes })).importInspectionAnnexes
      .version;
  },
  /**
   * A quarter's annex as CSV with the printed Chinese headers, streamed by
   * GET /exports/inspection-annex-files/… (the same file inspectionAnnexFile gives).
   */
  async inspectionAnnexCsv(quarter: string, annex: AnnexName): Promise<ExportedFile> {
    return fetchExport(
      `/exports/inspection-annex-files/${encodeURIComponent(quarter)}/${annex}.csv`,
      `${quarter}-${annex}.csv`,
    );
  },
  /** A quarter's annex (or its empty template) with the printed Chinese headers. */
  async inspectionAnnexFile(
    quarter: string,
    annex: AnnexName,
    format: AnnexFormat,
  ): Promise<AnnexFile> {
    return (await request(AnnexFileQuery, { quarter, annex, format })).inspectionAnnexFile;
  },
};
