// The text of a rate CSV sent as a GraphQL multipart upload: refused past the size limit before it
// is read, UTF-8 (a BOM is ignored) or GB18030 as Excel saves it.
import { badInput, DomainError } from '@gazette/domain';
import { decodeCsvBytes, UnreadableFile } from '../../inspection-annexes/table.ts';
import type { UploadedFile } from '../../inspection-annexes/import.ts';

/** Largest rate CSV upload, in bytes (a 100k-row medical price table is about 4 MiB). */
export const MAX_RATE_CSV_FILE_BYTES = 32 * 1024 * 1024;

export async function readRateCsvFile(file: UploadedFile, field = 'file'): Promise<string> {
  if (file.size > MAX_RATE_CSV_FILE_BYTES) {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `文件过大(${file.size} 字节,上限 ${MAX_RATE_CSV_FILE_BYTES} 字节)`,
      { field },
    );
  }
  try {
    return decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    // Neither UTF-8 nor GB18030 (or UTF-16 without its BOM): the sender's file, not a fault here.
    if (error instanceof UnreadableFile) throw badInput(field, error.message);
    throw error;
  }
}
