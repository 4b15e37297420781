// 导入公报: importGazetteIssue reads an issue's text into a draft, applyGazetteImport writes it
// (administrators only; apps/api/src/schema/gazette-imports.ts). Custom dataProvider methods over
// typed documents: the types below are inferred from apps/api/schema.graphql, never hand-copied.
import { GraphQLRequestError, request } from '../graphql/client.ts';
import { graphql, type ResultOf } from '../graphql/graphql.ts';

const ImportFields = graphql(`
  fragment GazetteImportFields on GazetteImport {
    id
    status
    issueLabel
    createdAt
    appliedAt
    text
    inspectionQuarters
    documents {
      docNo
      title
      category
      issuers
      signedOn
      effectiveFrom
      expiresOn
      isTrial
      page
      lineFrom
      lineTo
      articleCount
      repeals
      change
      fields {
        field
        before
        after
      }
      textDiff {
        op
        text
      }
    }
    tables {
      kind
      docNo
      name
      tableKey
      action
      effectiveFrom
      entryCount
      lineFrom
      lineTo
      changes {
        key
        name
        field
        before
        after
      }
    }
    notes {
      line
      code
      message
    }
    problems {
      line
      code
      message
    }
  }
`);

const ImportIssue = graphql(
  `
    mutation ImportGazetteIssue($text: String!) {
      importGazetteIssue(text: $text) {
        ...GazetteImportFields
      }
    }
  `,
  [ImportFields],
);
const ApplyImport = graphql(
  `
    mutation ApplyGazetteImport($id: ID!) {
      applyGazetteImport(id: $id) {
        ...GazetteImportFields
      }
    }
  `,
  [ImportFields],
);
const GetImport = graphql(
  `
    query GazetteImport($id: ID!) {
      gazetteImport(id: $id) {
        ...GazetteImportFields
      }
    }
  `,
  [ImportFields],
);
const RecentImports = graphql(`
  query GazetteImports($first: Int) {
    gazetteImports(first: $first) {
      edges {
        node {
          id
          status
          issueLabel
          createdAt
          appliedAt
          problems {
            line
          }
        }
      }
    }
  }
`);

export type GazetteImport = ResultOf<typeof ImportFields>;
export type ImportDocument = GazetteImport['documents'][number];
export type ImportTable = GazetteImport['tables'][number];
export type RateChange = ImportTable['changes'][number];
export type ImportProblem = GazetteImport['problems'][number];
export type ImportStatus = GazetteImport['status'];
export type DocumentChange = ImportDocument['change'];
export type TableAction = ImportTable['action'];

type RecentNode = ResultOf<typeof RecentImports>['gazetteImports']['edges'][number]['node'];
/** One row of the recent imports (no text, no reading). */
export type GazetteImportSummary = Omit<RecentNode, 'problems'> & { problemCount: number };

export const gazetteImportMethods = {
  async importGazetteIssue(text: string): Promise<GazetteImport> {
    return (await request(ImportIssue, { text })).importGazetteIssue;
  },
  async applyGazetteImport(id: string): Promise<GazetteImport> {
    return (await request(ApplyImport, { id })).applyGazetteImport;
  },
  async getGazetteImport(id: string): Promise<GazetteImport | null> {
    return (await request(GetImport, { id })).gazetteImport ?? null;
  },
  async recentGazetteImports(first = 20): Promise<GazetteImportSummary[]> {
    const data = await request(RecentImports, { first });
    return data.gazetteImports.edges.map(({ node: { problems, ...rest } }) => ({
      ...rest,
      problemCount: problems.length,
    }));
  },
};

/** The problems an apply was refused for (BAD_USER_INPUT carries them), if it says. */
export function refusedProblems(error: unknown): ImportProblem[] | null {
  if (!(error instanceof GraphQLRequestError)) return null;
  const ext = error.extensions as { problems?: unknown; details?: { problems?: unknown } };
  const found = ext.problems ?? ext.details?.problems;
  return Array.isArray(found) ? (found as ImportProblem[]) : null;
}
