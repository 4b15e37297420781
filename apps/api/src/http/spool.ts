// A request body written to a temporary file as it arrives, before any transaction opens: a slow
// or stalled client then holds no database lock while it uploads, the import reads the file at
// disk speed inside its transaction, a retried transaction (deadlock, serialization) reads it
// again from the start, and the body's digest binds an Idempotency-Key to the bytes sent.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface SpooledBody {
  /** The bytes, from the start, as often as asked. */
  body: AsyncIterable<Uint8Array>;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  bytes: number;
  /** Removes the file; safe to call more than once. */
  remove(): Promise<void>;
}

/** Writes `source` (already limited as it arrives) to a temporary file; the file is removed on failure. */
export async function spoolBody(source: AsyncIterable<Uint8Array>): Promise<SpooledBody> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-import-'));
  const file = path.join(dir, 'body');
  const remove = () => rm(dir, { recursive: true, force: true });
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          bytes += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(file, { mode: 0o600 }),
    );
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    body: { [Symbol.asyncIterator]: () => createReadStream(file)[Symbol.asyncIterator]() },
    sha256: hash.digest('hex'),
    bytes,
    remove,
  };
}
