// Public API of @gazette/gazette.
export * from './seed-types.ts';
export { readGazetteIssue } from './read-gazette-issue.ts';
export type { GazetteIssueReading, GazetteTable, TableOf } from './read-gazette-issue.ts';
export type { GazetteDocument } from './read-documents.ts';
export type { GazetteArticle } from './read-articles.ts';
export type { GazetteRepeal } from './read-repeals.ts';
