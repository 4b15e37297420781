// Long parses written as generators that `yield` once per row: run to the end at once (small
// inputs, synchronous callers), or with the event loop given back every few milliseconds, so a
// 100k-row import never holds other requests (health checks, reads) for long.
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

export type Steps<T> = Generator<void, T, void>;

/** Runs a generator to its end without pausing. */
export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Time a run may hold the event loop before it lets other work in. */
const SLICE_MS = 10;

/** Runs a generator to its end, letting other work run every SLICE_MS. */
export async function runYielding<T>(steps: Steps<T>): Promise<T> {
  let since = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - since >= SLICE_MS) {
      await nextTurn();
      since = performance.now();
    }
  }
}
