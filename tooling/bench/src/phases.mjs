// Preloaded into the API by `warm-probe.ts --phases` only (node --import …/phases.mjs); never part
// of a normal start. Splits each /graphql request's server-side time at its SQL statements:
//   pre  — from node's `request` event to the first statement handed to pg,
//   db   — from there to the last statement's reply (PostgreSQL and whatever ran meanwhile),
//   post — from that reply to the response's `finish` (execution's completion, serialising, the write),
// grouped by the request's x-bench-label header, and writes them to BENCH_PHASES_FILE (JSON) when
// the process exits. Every copy of `pg` the API, @gazette/db and Prisma's adapter resolve is
// wrapped, as probe.mjs counts statements.
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_PHASES_FILE;
if (file && isMainThread) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  /** @type {Record<string, Array<[number, number, number, number]>>} label → [pre, db, post, statements] */
  const byLabel = {};
  let current = null; // requests are sequential in the probe: the one in flight
  const now = () => performance.now();
  const wrapped = new Set();
  const wrap = (fromFile) => {
    let pg;
    try {
      pg = createRequire(fromFile)('pg');
    } catch {
      return; // not installed there
    }
    const proto = pg.Client?.prototype;
    if (!proto || wrapped.has(proto)) return;
    wrapped.add(proto);
    const query = proto.query;
    proto.query = function phasedQuery(...args) {
      const r = current;
      if (r) {
        r.first ??= now();
        r.statements++;
        const replied = () => (r.last = now());
        const last = args.length - 1;
        if (typeof args[last] === 'function') {
          const callback = args[last];
          args[last] = function (...results) {
            replied();
            return callback.apply(this, results);
          };
        } else if (args[0] && typeof args[0].callback === 'function') {
          const callback = args[0].callback;
          args[0].callback = function (...results) {
            replied();
            return callback.apply(this, results);
          };
        }
        const result = query.apply(this, args);
        if (result && typeof result.then === 'function') result.then(replied, replied);
        return result;
      }
      return query.apply(this, args);
    };
  };
  wrap(path.join(root, 'apps/api/package.json'));
  wrap(path.join(root, 'prisma/package.json'));
  try {
    wrap(createRequire(path.join(root, 'prisma/package.json')).resolve('@prisma/adapter-pg'));
  } catch {
    // no adapter
  }
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function phasedEmit(event, req, res) {
    if (event === 'request' && req.url?.startsWith('/graphql')) {
      const label = String(req.headers['x-bench-label'] ?? 'unlabelled');
      const r = { start: now(), first: undefined, last: undefined, statements: 0 };
      current = r;
      res.once('finish', () => {
        const end = now();
        const first = r.first ?? end;
        const last = r.last ?? first;
        (byLabel[label] ??= []).push([first - r.start, last - first, end - last, r.statements]);
        if (current === r) current = null;
      });
    }
    return emit.apply(this, arguments);
  };
  process.on('exit', () => writeFileSync(file, JSON.stringify(byLabel)));
}
