import { parseDocNo } from './parse-doc-no.ts';
import type { PolicyCategory } from './types.ts';

const CITY_GOVERNMENT = '泸州市人民政府';
const CITY_GOVERNMENT_OFFICE = '泸州市人民政府办公室';

function fromPrefix(prefix: string): PolicyCategory | null {
  // 目录 of 2024年第12期: 泸市府办发 and 泸市府室发 are listed under 市政府办公室文件.
  if (prefix.startsWith('泸市府办') || prefix.startsWith('泸市府室')) return 'GOVERNMENT_OFFICE';
  // 目录: 泸市府规, 泸市府发, 泸市府函 are listed under 市政府文件.
  if (prefix.startsWith('泸市府')) return 'MUNICIPAL_GOVERNMENT';
  // 目录: 泸市自然资规函, 泸市监规发, 泸市医保规 (city departments) are listed under 部门文件.
  if (prefix.startsWith('泸市')) return 'DEPARTMENT';
  return null;
}

function fromIssuers(issuers: readonly string[]): PolicyCategory | null {
  const names = issuers.map((n) => n.replace(/\s+/gu, '')).filter((n) => n.length > 0);
  if (names.length === 0) return null;
  if (names.includes(CITY_GOVERNMENT_OFFICE) || names.includes('市政府办公室')) {
    return 'GOVERNMENT_OFFICE';
  }
  if (names.includes(CITY_GOVERNMENT) || names.includes('市政府')) return 'MUNICIPAL_GOVERNMENT';
  return 'DEPARTMENT';
}

/**
 * The gazette's section for a document: 市政府文件, 市政府办公室文件 or 部门文件.
 * The document number decides when it is a city number (泸市…); otherwise the issuers do.
 * Returns null when neither decides (e.g. a provincial number without issuers), so a reader
 * can report it instead of guessing.
 */
export function classifyCategory(input: {
  docNo?: string | null;
  issuers?: readonly string[] | null;
}): PolicyCategory | null {
  const parsed = input.docNo ? parseDocNo(input.docNo) : null;
  const byPrefix = parsed ? fromPrefix(parsed.prefix) : null;
  return byPrefix ?? fromIssuers(input.issuers ?? []);
}
