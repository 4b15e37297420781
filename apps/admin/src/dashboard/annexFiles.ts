// Annex files in the browser: a chosen file read as the API's AnnexFileInput (CSV text, XLSX in
// base64), and an exported file (inspectionAnnexFile) turned back into bytes to save.
import type { AnnexFile, AnnexFileInput, AnnexFormat } from '../dataProvider/compliance.ts';

/** XLSX by its name, else by its first bytes (a ZIP starts with PK); anything else is read as CSV. */
export function formatOf(fileName: string, bytes: Uint8Array): AnnexFormat {
  if (/\.xlsx$/iu.test(fileName)) return 'XLSX';
  if (/\.csv$/iu.test(fileName)) return 'CSV';
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? 'XLSX' : 'CSV';
}

/** CSV bytes as text: UTF-8 (BOM dropped), else GB18030, which Excel writes on a Chinese Windows. */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/u, '');
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64.replace(/^data:[^,]*,/u, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The API's input for one chosen file. */
export function annexInput(fileName: string, bytes: Uint8Array): AnnexFileInput {
  const format = formatOf(fileName, bytes);
  return { format, fileName, content: format === 'XLSX' ? toBase64(bytes) : decodeCsv(bytes) };
}

/** An exported annex as a Blob to save: CSV as its text (the BOM included), XLSX from base64. */
export function annexBlob(file: AnnexFile, format: AnnexFormat): Blob {
  return format === 'XLSX'
    ? new Blob([fromBase64(file.content) as BlobPart], { type: file.mimeType })
    : new Blob([file.content], { type: file.mimeType });
}
