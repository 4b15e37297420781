// Bytes of an uploaded CSV arriving in chunks, decoded as they arrive (the streaming import): the
// same encodings as decodeCsvBytes, decided from the first bytes instead of from the whole file.
//
//   - A BOM decides at once: EF BB BF UTF-8 (dropped), FF FE UTF-16LE, FE FF UTF-16BE.
//   - Otherwise ASCII is passed on as it comes (it reads the same in UTF-8 and GB18030), and the
//     decision waits for the first non-ASCII byte: the next SNIFF_BYTES from there (or the rest of
//     the file, if shorter) are UTF-8 → UTF-8, else GB18030. GBK Chinese is practically never
//     valid UTF-8 over more than a few characters, so the window decides as the whole file would.
//   - UTF-8 that turns invalid further on (a file pasted together from a UTF-8 and a GBK part) is
//     refused with CsvEncodingError naming the line: the text before it was already handed on, and
//     re-reading it as GB18030 would need the whole file held; whole-file decoding would have read
//     such a file as GB18030 mojibake or refused it too. The caller's writes are undone (one
//     transaction), so refusing costs nothing but a re-save as "CSV UTF-8".
//   - GB18030 text holding U+FFFD (bytes it cannot map) is refused, as decodeCsvBytes does.
import iconv from 'iconv-lite';
import { CsvEncodingError, type CsvEncoding } from './decode.ts';

/** Bytes after the first non-ASCII byte looked at before choosing UTF-8 or GB18030. */
export const SNIFF_BYTES = 64 * 1024;

const NOT_TEXT =
  '无法识别文件编码:既不是 UTF-8,也不是 GBK/GB18030。请在 Excel 或 WPS 中另存为“CSV UTF-8”后再导入';

interface Decoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

function textDecoder(label: 'utf-8' | 'utf-16le' | 'utf-16be', fatal: boolean): Decoder {
  const d = new TextDecoder(label, { fatal });
  return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
}

function gb18030Decoder(): Decoder {
  const d = iconv.getDecoder('gb18030');
  return {
    write: (b) => d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
    end: () => d.end() ?? '',
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  return parts.length === 1 ? parts[0]! : new Uint8Array(Buffer.concat(parts));
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

export interface CsvStreamDecoding {
  /** Set once decided ('UTF-8' for a file of ASCII only). */
  encoding: CsvEncoding | null;
}

/**
 * The text of a CSV arriving as byte chunks, in chunks as they are decoded (see the file's head
 * for how the encoding is chosen). Throws CsvEncodingError for a file that is not one of them.
 * `decoding.encoding` tells which was chosen.
 */
export async function* decodeCsvStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  decoding: CsvStreamDecoding = { encoding: null },
  sniffBytes = SNIFF_BYTES,
): AsyncGenerator<string> {
  let decoder: Decoder | null = null;
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  // Undecided: whether a non-ASCII byte was seen (then everything from it is held).
  let sniffing = false;
  let lines = 1;
  const counted = (text: string) => {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
    return text;
  };
  const check = (text: string) => {
    if (decoding.encoding === 'GB18030' && text.includes('\uFFFD'))
      throw new CsvEncodingError(NOT_TEXT);
    return counted(text);
  };
  const write = (bytes: Uint8Array): string => {
    try {
      return check(decoder!.write(bytes));
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      // The line of the first bad byte: the chunk read leniently up to its first U+FFFD.
      const lenient = new TextDecoder('utf-8').decode(bytes);
      const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
      throw new CsvEncodingError(
        `第 ${lines + before.split('\n').length - 1} 行出现了不是 UTF-8 的字节,而文件前面是 UTF-8:文件混用了编码。请在 Excel 或 WPS 中另存为“CSV UTF-8”后再导入`,
      );
    }
  };
  /** Chooses from the held bytes (all of them when `last`), returning their text. */
  const decide = (last: boolean): string => {
    const bytes = concat(held);
    held = [];
    heldBytes = 0;
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      decoding.encoding = 'UTF-16LE';
      decoder = textDecoder('utf-16le', false);
      return write(bytes.subarray(2));
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      decoding.encoding = 'UTF-16BE';
      decoder = textDecoder('utf-16be', false);
      return write(bytes.subarray(2));
    }
    const utf8 = textDecoder('utf-8', true);
    try {
      // Streaming: a sequence cut at the end of the window waits for its next bytes.
      const text = utf8.write(bytes) + (last ? utf8.end() : '');
      decoding.encoding = 'UTF-8';
      decoder = utf8;
      return counted(text);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
    decoding.encoding = 'GB18030';
    decoder = gb18030Decoder();
    return write(bytes) + (last ? check(decoder.end()) : '');
  };

  let first = true;
  for await (const chunk of source) {
    if (chunk.length === 0) continue;
    if (decoder) {
      const text = write(chunk);
      if (text) yield text;
      continue;
    }
    if (first) {
      // A BOM (2–3 bytes) is looked at whole: hold the very first bytes until there are 3.
      held.push(chunk);
      heldBytes += chunk.length;
      if (heldBytes < 3) continue;
      first = false;
      const head = concat(held);
      const bom =
        (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) ||
        (head[0] === 0xff && head[1] === 0xfe) ||
        (head[0] === 0xfe && head[1] === 0xff);
      if (bom) {
        const text = decide(false);
        if (text) yield text;
        continue;
      }
      held = [];
      heldBytes = 0;
      const text = passAscii(head);
      if (text) yield text;
      continue;
    }
    const text = passAscii(chunk);
    if (text) yield text;
  }
  // The end: decide from what is held (a short or ASCII-only file), then flush the decoder.
  if (!decoder && (held.length > 0 || sniffing)) {
    const text = decide(true);
    if (text) yield text;
    return;
  }
  if (decoder) {
    const text = check((decoder as Decoder).end());
    if (text) yield text;
  } else {
    decoding.encoding ??= 'UTF-8';
  }

  /** Passes ASCII on undecided; from the first non-ASCII byte holds the bytes until a decision. */
  function passAscii(bytes: Uint8Array): string {
    if (sniffing) {
      held.push(bytes);
      heldBytes += bytes.length;
      return heldBytes >= sniffBytes ? decide(false) : '';
    }
    const at = firstNonAscii(bytes);
    if (at < 0)
      return counted(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'));
    sniffing = true;
    const ascii = bytes.subarray(0, at);
    const text = counted(
      Buffer.from(ascii.buffer, ascii.byteOffset, ascii.length).toString('latin1'),
    );
    held.push(bytes.subarray(at));
    heldBytes += bytes.length - at;
    return text + (heldBytes >= sniffBytes ? decide(false) : '');
  }
}
