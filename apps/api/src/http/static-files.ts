import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Gazette</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto">
<h1>Gazette</h1>
<p>管理控制台尚未构建。请运行 <code>pnpm --filter @gazette/admin build</code>,或用 <code>pnpm start</code> 启动(会自动构建)。GraphQL 接口在 <a href="/graphql">/graphql</a>。</p>
<p>The dashboard has not been built. Run <code>pnpm --filter @gazette/admin build</code>, or start with <code>pnpm start</code> (which builds it). The GraphQL API is at <a href="/graphql">/graphql</a>.</p>
</body></html>
`;

/**
 * The dashboard's security headers: scripts only from this origin (Vite emits no inline script),
 * styles inline as MUI's emotion writes them, API calls to this origin, never framed.
 */
export const DASHBOARD_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

/** The encodings a request accepts with q > 0 (`*` included), lower-cased. */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q === undefined || Number.parseFloat(q.slice(2)) > 0) accepted.add(name);
  }
  return accepted;
}

/** The build writes `<file>.br` and `<file>.gz` beside each text asset; brotli first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

function send(res: ServerResponse, req: IncomingMessage, file: string, cache: string): void {
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  let body = file;
  let encoding: string | undefined;
  let hasVariants = false;
  for (const variant of PRECOMPRESSED) {
    if (!existsSync(file + variant.suffix)) continue;
    hasVariants = true;
    if (!encoding && (accepted.has(variant.encoding) || accepted.has('*'))) {
      body = file + variant.suffix;
      encoding = variant.encoding;
    }
  }
  res.writeHead(200, {
    ...DASHBOARD_HEADERS,
    'content-type': type,
    'content-length': statSync(body).size,
    'cache-control': cache,
    ...(encoding ? { 'content-encoding': encoding } : {}),
    // Caches keep one copy per encoding of a file that has them.
    ...(hasVariants ? { vary: 'accept-encoding' } : {}),
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(body).pipe(res);
}

/**
 * Serves the built dashboard (`apps/admin/dist`): files as they are, any other GET for a page
 * falls back to index.html (the dashboard routes on the client). Without a build, a page that
 * says how to build it.
 */
export function createStaticHandler(distDir: string) {
  const root = path.resolve(distDir);
  return (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const index = path.join(root, 'index.html');
    if (!existsSync(index)) {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : NOT_BUILT);
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.join(root, path.normalize(decoded));
    const inside = file === root || file.startsWith(root + path.sep);
    if (inside && file !== root && existsSync(file) && statSync(file).isFile()) {
      // Vite fingerprints everything under assets/, so those never change.
      const immutable = file.startsWith(path.join(root, 'assets') + path.sep);
      send(res, req, file, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return;
    }
    if (path.extname(decoded) && !decoded.endsWith('.html')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    send(res, req, index, 'no-cache');
  };
}
