import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { spoolBody } from './spool.ts';

async function text(body: AsyncIterable<Uint8Array>) {
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString('utf8');
}

describe('spoolBody', () => {
  it('keeps the bytes, readable again from the start, with their digest, until removed', async () => {
    async function* source() {
      yield Buffer.from('编码,名称\r\n');
      yield Buffer.from('1,一\r\n');
    }
    const spooled = await spoolBody(source());
    expect(spooled.bytes).toBe(Buffer.byteLength('编码,名称\r\n1,一\r\n'));
    expect(spooled.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await text(spooled.body)).toBe('编码,名称\r\n1,一\r\n');
    expect(await text(spooled.body)).toBe('编码,名称\r\n1,一\r\n'); // a retried transaction
    const again = await spoolBody(source());
    expect(again.sha256).toBe(spooled.sha256);
    await spooled.remove();
    await again.remove();
    await expect(text(spooled.body)).rejects.toThrow(/ENOENT/);
  });

  it('removes what it wrote when the source fails (e.g. over the size limit)', async () => {
    const ours = async () =>
      (await readdir(tmpdir())).filter((n) => n.startsWith('gazette-import-')).sort();
    const before = await ours();
    async function* failing() {
      yield Buffer.from('a,b\r\n');
      throw new Error('too large');
    }
    await expect(spoolBody(failing())).rejects.toThrow('too large');
    expect(await ours()).toEqual(before);
  });
});
