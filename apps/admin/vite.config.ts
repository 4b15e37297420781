import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every text asset of the build (the API serves them by
 * Accept-Encoding), and prints what a cold visit to the login page downloads: the entry script and
 * the chunks index.html preloads, gzipped.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'gazette-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of files(outDir)) {
        if (!COMPRESSIBLE.test(file) || statSync(file).size < 1024) continue; // tiny files gain nothing
        const body = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        );
      }
      const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
      const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map(
        (m) => m[1]!,
      );
      const size = (ext: string) =>
        initial.reduce((sum, f) => {
          const file = path.join(outDir, f);
          return (
            sum + (existsSync(`${file}${ext}`) ? statSync(`${file}${ext}`) : statSync(file)).size
          );
        }, 0);
      const report = `initial JS (index.html's script and preloads): ${initial.length} files, ${(size('.gz') / 1024).toFixed(0)} KB gzip, ${(size('.br') / 1024).toFixed(0)} KB brotli, ${(size('') / 1024).toFixed(0)} KB raw`;
      console.log(`[gazette] ${report}`);
    },
  };
}

// The dashboard talks only to /graphql on its own origin; in dev Vite forwards it to the API.
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    proxy: {
      '/graphql': { target: process.env.API_URL ?? 'http://127.0.0.1:4000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the dashboard: their own long-cached chunks. echarts
        // is used by one page only, so it stays out of what the login page loads.
        codeSplitting: {
          groups: [
            {
              name: 'vendor-react',
              test: /node_modules[\\/](?:react|react-dom|scheduler)[\\/]/,
              priority: 30,
            },
            {
              name: 'vendor-echarts',
              test: /node_modules[\\/](?:echarts|zrender)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
});
