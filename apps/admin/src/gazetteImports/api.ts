// 导入公报: importGazetteIssue reads an issue's text into a draft, applyGazetteImport writes it
// (administrators only; apps/api/src/schema/gazette-imports.ts).
import { GraphQLRequestError, gql } from '../graphql/client.ts';

export type DocumentChange = 'NEW' | 'UNCHANGED' | 'CHANGED';
export type TableAction = 'NEW_TABLE' | 'NEW_VERSION' | 'UNCHANGED';
export type ImportStatus = 'DRAFT' | 'APPLIED' | 'DISCARDED';

export interface ImportProblem {
  line: number;
  code: string;
  message: string;
}

export interface ImportDocument {
  docNo: string;
  title: string;
  category: string;
  issuers: string[];
  signedOn: string;
  effectiveFrom: string;
  expiresOn: string | null;
  isTrial: boolean;
  page: number | null;
  lineFrom: number;
  lineTo: number;
  articleCount: number;
  repeals: string[];
  change: DocumentChange;
  fields: { field: string; before: string | null; after: string | null }[];
  textDiff: { op: string; text: string }[];
}

export interface RateChange {
  key: string;
  name: string | null;
  field: string;
  before: string | null;
  after: string | null;
}

export interface ImportTable {
  kind: string;
  docNo: string;
  name: string;
  tableKey: string;
  action: TableAction;
  effectiveFrom: string;
  entryCount: number;
  lineFrom: number;
  lineTo: number;
  changes: RateChange[];
}

export interface GazetteImport {
  id: string;
  status: ImportStatus;
  issueLabel: string | null;
  createdAt: string;
  appliedAt: string | null;
  text: string;
  documents: ImportDocument[];
  tables: ImportTable[];
  inspectionQuarters: string[];
  notes: ImportProblem[];
  problems: ImportProblem[];
}

/** One row of the recent imports (no text, no reading). */
export interface GazetteImportSummary {
  id: string;
  status: ImportStatus;
  issueLabel: string | null;
  createdAt: string;
  appliedAt: string | null;
  problemCount: number;
}

const FIELDS = `id status issueLabel createdAt appliedAt text inspectionQuarters
  documents {
    docNo title category issuers signedOn effectiveFrom expiresOn isTrial page lineFrom lineTo articleCount repeals change
    fields { field before after } textDiff { op text }
  }
  tables { kind docNo name tableKey action effectiveFrom entryCount lineFrom lineTo changes { key name field before after } }
  notes { line code message }
  problems { line code message }`;

export async function importIssue(text: string): Promise<GazetteImport> {
  const data = await gql<{ importGazetteIssue: GazetteImport }>(
    `mutation ImportGazetteIssue($text: String!) { importGazetteIssue(text: $text) { ${FIELDS} } }`,
    { text },
  );
  return data.importGazetteIssue;
}

export async function applyImport(id: string): Promise<GazetteImport> {
  const data = await gql<{ applyGazetteImport: GazetteImport }>(
    `mutation ApplyGazetteImport($id: ID!) { applyGazetteImport(id: $id) { ${FIELDS} } }`,
    { id },
  );
  return data.applyGazetteImport;
}

export async function getImport(id: string): Promise<GazetteImport | null> {
  const data = await gql<{ gazetteImport: GazetteImport | null }>(`query GazetteImport($id: ID!) { gazetteImport(id: $id) { ${FIELDS} } }`, { id });
  return data.gazetteImport;
}

export async function recentImports(first = 20): Promise<GazetteImportSummary[]> {
  const data = await gql<{ gazetteImports: { edges: { node: Omit<GazetteImportSummary, 'problemCount'> & { problems: unknown[] } }[] } }>(
    `query GazetteImports($first: Int) { gazetteImports(first: $first) { edges { node { id status issueLabel createdAt appliedAt problems { line } } } } }`,
    { first },
  );
  return data.gazetteImports.edges.map(({ node: { problems, ...rest } }) => ({ ...rest, problemCount: problems.length }));
}

/** The problems an apply was refused for (BAD_USER_INPUT carries them), if it says. */
export function refusedProblems(error: unknown): ImportProblem[] | null {
  if (!(error instanceof GraphQLRequestError)) return null;
  const ext = error.extensions as { problems?: unknown; details?: { problems?: unknown } };
  const found = ext.problems ?? ext.details?.problems;
  return Array.isArray(found) ? (found as ImportProblem[]) : null;
}
