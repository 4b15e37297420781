// The built server (scripts/build.mjs, what `pnpm start` and the bench run) keeps less resident
// than the sources would: Prisma's query compiler comes from a .wasm file rather than a module
// holding it as base64 text, the source map names lines without carrying the sources, and the
// bundle is ASCII.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(path.join(os.tmpdir(), 'gazette-api-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('scripts/build.mjs', () => {
  it('loads the query compiler from a .wasm file, writes ASCII and a map without sources', () => {
    execFileSync(process.execPath, ['scripts/build.mjs', `--outdir=${out}`], {
      cwd: API_DIR,
      stdio: 'pipe',
    });
    const server = readFileSync(path.join(out, 'server.mjs'), 'utf8');
    expect(server).not.toMatch(/wasm-base64/);
    // ASCII only, so V8 holds the source as one byte per character; the Chinese patterns are
    // still there, escaped.
    expect(server).not.toMatch(/[^\x00-\x7f]/);
    expect(server).toMatch(/\/[^/\n]*\\u[0-9a-f]{4}[^/\n]*\/[dgimsy]*u[dgimsy]*[.;,)]/);
    const wasmUrl = /new WebAssembly\.Module\(await readFile\(new URL\("([^"]+)"\)\)\)/.exec(
      server,
    );
    expect(wasmUrl?.[1]).toBe(
      `file://${path.join(out, 'query-compiler.wasm').split(path.sep).join('/')}`,
    );
    expect(WebAssembly.validate(readFileSync(path.join(out, 'query-compiler.wasm')))).toBe(true);

    const map = JSON.parse(readFileSync(path.join(out, 'server.mjs.map'), 'utf8')) as {
      sources: string[];
      sourcesContent?: unknown;
    };
    expect(map.sources.some((s) => s.endsWith('src/server.ts'))).toBe(true);
    expect(map.sourcesContent).toBeUndefined();
  }, 60_000);
});
