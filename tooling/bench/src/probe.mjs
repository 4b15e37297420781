// Preloaded into the API process by `pnpm bench` only (NODE_OPTIONS=--import …/probe.mjs); never
// part of a normal start. It counts the SQL statements the API sends through `pg` (every copy of
// `pg` the API, @gazette/db and Prisma's adapter resolve), samples the event-loop delay and the
// RSS, and answers GET /stats and POST /reset on 127.0.0.1:BENCH_PROBE_PORT.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const port = Number(process.env.BENCH_PROBE_PORT);
// Not in worker threads (tsx's module-loader thread runs NODE_OPTIONS' --import too).
if (port && isMainThread) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const patched = new Set();
  let statements = 0;
  const patch = (fromFile) => {
    try {
      const require = createRequire(fromFile);
      const pg = require('pg');
      const proto = pg.Client?.prototype;
      if (!proto || patched.has(proto)) return;
      patched.add(proto);
      const original = proto.query;
      proto.query = function countedQuery(...args) {
        statements++;
        return original.apply(this, args);
      };
    } catch {
      // that package is not installed here
    }
  };
  patch(path.join(root, 'apps/api/package.json'));
  patch(path.join(root, 'prisma/package.json'));
  try {
    const adapter = createRequire(path.join(root, 'prisma/package.json')).resolve(
      '@prisma/adapter-pg',
    );
    patch(adapter);
  } catch {
    // no adapter
  }

  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let rssPeak = process.memoryUsage.rss();
  // What the RSS is made of at its peak (V8's heap, buffers outside it): where memory goes.
  let atPeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > rssPeak) {
      rssPeak = rss;
      atPeak = process.memoryUsage();
    }
  }, 20);
  sampler.unref();

  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/reset') {
      delay.reset();
      rssPeak = process.memoryUsage.rss();
      atPeak = process.memoryUsage();
    }
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        statements,
        pgCopies: patched.size,
        rss: process.memoryUsage.rss(),
        rssPeak,
        heapTotalAtPeak: atPeak.heapTotal,
        heapUsedAtPeak: atPeak.heapUsed,
        externalAtPeak: atPeak.external,
        eventLoopDelay: {
          p50: ms(delay.percentile(50)),
          p99: ms(delay.percentile(99)),
          max: ms(delay.max),
        },
      }),
    );
  });
  server.listen(port, '127.0.0.1');
  server.unref();
}
