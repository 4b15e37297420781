import { badInput } from '../shared/errors.ts';

/** A parsed document number such as 泸市府规〔2024〕4号. */
export interface DocNo {
  /** Issuer prefix, e.g. 泸市府规. */
  prefix: string;
  year: number;
  serial: number;
  /** Normalised form with 〔〕 and no spaces. */
  docNo: string;
}

// The gazette prints the year brackets as 〔〕, [] or ［］ (and OCR adds spaces anywhere).
const DOC_NO = /^(\S+?)[〔[［(（](\d{4})[〕\]］)）](\d+)号$/u;

export function parseDocNo(input: string): DocNo | null {
  const compact = input.replace(/\s+/gu, '');
  const m = DOC_NO.exec(compact);
  if (!m) return null;
  const prefix = m[1]!;
  const year = Number(m[2]);
  const serial = Number(m[3]);
  return { prefix, year, serial, docNo: `${prefix}〔${year}〕${serial}号` };
}

/** Normalised document number; throws BAD_USER_INPUT naming `field` when it is not one. */
export function normalizeDocNo(input: string, field = 'docNo'): string {
  const parsed = parseDocNo(input);
  if (!parsed) throw badInput(field, `${field} 不是有效的文号:${input}`);
  return parsed.docNo;
}
