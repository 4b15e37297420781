// `pnpm --filter @gazette/api build`: the server as one ES module, dist/server.mjs, so production
// starts plain JavaScript instead of compiling TypeScript with tsx on every start.
// The API's own code and the workspace packages (@gazette/*, TypeScript sources) are bundled;
// every other package stays an import of the file it resolves to here (node_modules is not
// copied). Each bundled module keeps its own import.meta.url, so paths computed from it (the
// migrations, the seed's issues, Prisma's generated client, the dashboard) stay where they are.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = path.join(API_DIR, 'src/server.ts');
const OUT_DIR = path.join(API_DIR, 'dist');

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
  logLevel: 'warning',
  plugins: [workspaceOnly],
});
console.log(
  `built ${path.relative(API_DIR, path.join(OUT_DIR, 'server.mjs'))} in ${Date.now() - started} ms`,
);
