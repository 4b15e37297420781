// `pnpm --filter @gazette/api build`: the server as one ES module, dist/server.mjs, so production
// starts plain JavaScript instead of compiling TypeScript with tsx on every start.
// The API's own code and the workspace packages (@gazette/*, TypeScript sources) are bundled;
// every other package stays an import of the file it resolves to here (node_modules is not
// copied). Each bundled module keeps its own import.meta.url, so paths computed from it (the
// migrations, the seed's issues, Prisma's generated client, the dashboard) stay where they are.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = path.join(API_DIR, 'src/server.ts');
// --outdir=<dir> (test/build.test.ts): anywhere but dist/, which a running server may be using.
const OUT_DIR = path.resolve(
  process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ??
    path.join(API_DIR, 'dist'),
);
const WASM_FILE = path.join(OUT_DIR, 'query-compiler.wasm');

// Prisma's generated client loads its query compiler from a module that holds the wasm as one
// base64 string (2.2 MB) and decodes it: that module's source and its string stay in the heap for
// the life of the process (≈4.5 MB). The built server reads the same bytes from a .wasm file
// written here instead. The generated loader is matched exactly; if Prisma changes it, the build
// fails rather than silently keeping the base64 copy.
const WASM_LOADER =
  /const \{ wasm \} = await import\("(@prisma\/client\/runtime\/[^"]+\.wasm-base64\.mjs)"\)\s*\n\s*return await decodeBase64AsWasm\(wasm\)/;

/** @param {string} contents @param {string} file */
async function wasmFromFile(contents, file) {
  const match = WASM_LOADER.exec(contents);
  if (!match) throw new Error(`${file}: Prisma's query compiler loader was not found`);
  const base64Module = createRequire(file).resolve(match[1]);
  const { wasm } = await import(pathToFileURL(base64Module).href);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(WASM_FILE, Buffer.from(wasm, 'base64'));
  const load =
    `const { readFile } = await import('node:fs/promises')\n` +
    `    return new WebAssembly.Module(await readFile(new URL(${JSON.stringify(pathToFileURL(WASM_FILE).href)})))`;
  return contents.replace(WASM_LOADER, () => load);
}

/** @type {import('esbuild').Plugin} */
const workspaceOnly = {
  name: 'workspace-only',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.resolving || args.path.startsWith('@gazette/')) return undefined;
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length) return { errors: resolved.errors };
      // A built-in without the node: prefix resolves to itself.
      if (!path.isAbsolute(resolved.path)) return { path: args.path, external: true };
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      if (args.path !== ENTRY)
        contents = contents.replaceAll(
          'import.meta.url',
          JSON.stringify(pathToFileURL(args.path).href),
        );
      if (args.path.endsWith(path.join('generated', 'client', 'internal', 'class.ts')))
        contents = await wasmFromFile(contents, args.path);
      return { contents, loader: 'ts' };
    });
  },
};

rmSync(OUT_DIR, { recursive: true, force: true });
const started = Date.now();
await build({
  entryPoints: [ENTRY],
  outfile: path.join(OUT_DIR, 'server.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  // Stack traces still name src/*.ts lines; the sources themselves are not in the map. With
  // --enable-source-maps Node parses the map at start and keeps it: with the sources it held
  // ≈12 MB more.
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [workspaceOnly],
});

// One character outside Latin-1 anywhere in a script makes V8 hold the whole source as UTF-16:
// twice its size, for the life of the process. esbuild escapes strings and identifiers
// (charset: 'ascii') but leaves regular expression literals, String.raw templates and comments
// as written, and the gazette readers' patterns are Chinese. Each remaining non-ASCII UTF-16
// unit becomes \uXXXX: the same pattern to the regular expression engine (a surrogate pair
// too, with the u flag), the same cooked template string; only a literal's `.source` and a
// String.raw text now show the escape (String.raw is used only to build RegExp sources here).
// Source map columns after an escape on those lines are off by its length.
const SERVER_FILE = path.join(OUT_DIR, 'server.mjs');
const bundled = readFileSync(SERVER_FILE, 'utf8');
writeFileSync(
  SERVER_FILE,
  // An odd run of backslashes before the character escapes it (`\、`, an identity escape): the
  // \uXXXX form replaces that escape rather than following it.
  bundled.replace(
    /(\\*)([^\x00-\x7f])/g,
    (_, slashes, c) =>
      `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  ),
);
console.log(
  `built ${path.relative(API_DIR, path.join(OUT_DIR, 'server.mjs'))} in ${Date.now() - started} ms`,
);
