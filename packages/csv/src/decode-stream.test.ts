import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvEncodingError } from './decode.ts';
import { decodeCsvBytes, decodeCsvStream, type CsvStreamDecoding } from './node.ts';

/** The bytes cut into chunks of `size` (cutting multi-byte characters anywhere). */
function* chunks(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function decode(bytes: Uint8Array, size: number, sniff?: number) {
  const decoding: CsvStreamDecoding = { encoding: null };
  let text = '';
  for await (const t of decodeCsvStream(chunks(bytes, size), decoding, sniff)) text += t;
  return { text, encoding: decoding.encoding };
}

const TEXT = `编码,名称,金额\r\n${Array.from({ length: 200 }, (_, i) => `${i},项目${i}·检查,${i}.5`).join('\r\n')}\r\n`;
const ASCII_HEAD = `code,grade,name\r\n${'1,TERTIARY_A,x\r\n'.repeat(50)}`;

describe('decodeCsvStream', () => {
  it('decodes as decodeCsvBytes does, whatever the chunk size (UTF-8, BOM, GBK, UTF-16)', async () => {
    const files = [
      new TextEncoder().encode(TEXT),
      new TextEncoder().encode(`\uFEFF${TEXT}`),
      new Uint8Array(iconv.encode(TEXT, 'gb18030')),
      new Uint8Array(iconv.encode(`${ASCII_HEAD}1,三甲,检查\r\n`, 'gbk')),
      new Uint8Array([0xff, 0xfe, ...iconv.encode(TEXT, 'utf16le')]),
      new TextEncoder().encode('a,b\r\n1,2\r\n'),
      new TextEncoder().encode('三'),
    ];
    for (const bytes of files) {
      const whole = decodeCsvBytes(bytes);
      for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
        for (const sniff of [16, 64 * 1024]) {
          expect(await decode(bytes, size, sniff)).toEqual(whole);
        }
      }
    }
  });

  it('hands text on before the end of the file (no whole-file buffering)', async () => {
    const bytes = new TextEncoder().encode(TEXT.repeat(50));
    let handedBeforeEnd = false;
    let done = false;
    async function* source() {
      for (const c of chunks(bytes, 4096)) yield c;
      done = true;
    }
    for await (const t of decodeCsvStream(source(), undefined, 1024)) {
      if (!done && t.length > 0) handedBeforeEnd = true;
    }
    expect(handedBeforeEnd).toBe(true);
  });

  it('refuses UTF-8 that turns into GBK further on, naming the line', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(TEXT),
      ...iconv.encode('9,三甲,1\r\n', 'gbk'),
    ]);
    await expect(decode(bytes, 1000, 64)).rejects.toThrow(CsvEncodingError);
    await expect(decode(bytes, 1000, 64)).rejects.toThrow(/第 202 行出现了不是 UTF-8/u);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', async () => {
    await expect(decode(new Uint8Array([0x61, 0x81, 0x20, 0x62]), 1)).rejects.toThrow(
      /UTF-8.*GB18030/u,
    );
  });
});
