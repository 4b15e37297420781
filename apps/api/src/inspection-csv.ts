// The first CSV form of a quarter's annexes 1 and 2 (English headers: siteSeq, siteName …), kept
// for importInspectionAnnexesCsv and inspectionAnnexCsv. Reading is done by inspection-annexes/,
// which accepts these headers as well as the printed Chinese ones.
import {
  parseAnnex,
  type AnnexRowError,
  type NewMediaRow,
  type WebsiteRow,
} from './inspection-annexes/annexes.ts';
import { stringifyCsv } from '@gazette/csv';
import { readCsv } from './inspection-annexes/table.ts';
import type { BodyResolver } from './services/organizations/resolve-body.ts';

export type { NewMediaRow, WebsiteRow };
export type Annex = 'WEBSITE' | 'NEW_MEDIA';
export type AnnexCsvError = AnnexRowError;

export const WEBSITE_COLUMNS = [
  'siteSeq',
  'siteName',
  'description',
  'rectified',
  'organization',
] as const;
export const NEW_MEDIA_COLUMNS = [
  'seq',
  'account',
  'owner',
  'platform',
  'description',
  'rectified',
] as const;

export function parseWebsiteAnnexCsv(
  text: string,
  errors: AnnexCsvError[],
  resolve: BodyResolver,
): WebsiteRow[] {
  return parseAnnex('WEBSITE', readCsv(text), resolve, errors);
}

export function parseNewMediaAnnexCsv(
  text: string,
  errors: AnnexCsvError[],
  resolve: BodyResolver,
): NewMediaRow[] {
  return parseAnnex('NEW_MEDIA', readCsv(text), resolve, errors);
}

/** Rows under a header as CSV text (CRLF, formula-like text neutralised); no BOM. */
export function toCsv(header: readonly string[], rows: (string | number | boolean)[][]): string {
  return stringifyCsv([header, ...rows]);
}
