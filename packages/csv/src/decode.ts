// Bytes of an uploaded CSV to text. Excel saves "CSV UTF-8" with a BOM, plain "CSV" on a Chinese
// Windows in GBK (GB18030 is its superset), "Unicode text" in UTF-16 with a BOM.

export type CsvEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

/** A file that is neither UTF-8, UTF-16 with a BOM nor GB18030 text. */
export class CsvEncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvEncodingError';
  }
}

/** Decodes GB18030 bytes; the server passes iconv-lite's, a browser its own TextDecoder's. */
export type LegacyDecoder = (bytes: Uint8Array) => string;

/** Decodes with the TextDecoder of a browser or of a Node.js with full ICU. */
export const textDecoderGb18030: LegacyDecoder = (bytes) =>
  new TextDecoder('gb18030').decode(bytes);

/**
 * The text of a CSV file: UTF-8 (BOM dropped), UTF-16 with a BOM, else GB18030. A file that
 * is none of these is refused, naming what was tried, rather than read as mojibake.
 */
export function decodeCsvBytesWith(bytes: Uint8Array, legacy: LegacyDecoder): DecodedCsv {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    // ignoreBOM: false (the default) drops a leading BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // not UTF-8: try the legacy Chinese encoding below
  }
  const text = legacy(bytes);
  // GB18030 maps nearly every byte sequence; a replacement character means it did not.
  if (text.includes('\uFFFD')) {
    throw new CsvEncodingError(
      '无法识别文件编码:既不是 UTF-8,也不是 GBK/GB18030。请在 Excel 或 WPS 中另存为“CSV UTF-8”后再导入',
    );
  }
  return { text, encoding: 'GB18030' };
}
