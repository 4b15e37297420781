// A short-lived, in-process memory of who a bearer secret is (issue 9: "one statement, or a
// short-lived cache, to authenticate"). It saves the session or token statement on a signed-in
// caller's repeated requests, and never answers for longer than the statement would have:
//
// - any mutation that ends in this process empties it before its response (yoga.ts), so a
//   sign-out, a deactivation, a role or password change or a token revocation holds on the very
//   next request to this instance;
// - a trigger on "Session", "User" and "ApiToken" (migration 20261203080000_auth_notify) sends
//   NOTIFY gazette_auth on every change that could change an answer, from any instance, job or psql,
//   and every instance's listener empties its memory when it arrives (milliseconds after the commit);
// - while that listener is not connected the memory is neither read nor written (`active`);
// - a remembered answer lives TTL_MS at most, and never past its session's expiry;
// - an answer read while the memory was emptied is not stored (generations, as the response cache).
//
// Keys are the SHA-256 of the secret (never the secret). Anonymous answers are not remembered: an
// unknown secret always costs its statement, so a forged one cannot crowd out real ones.
import type { Viewer } from '../context.ts';

export const VIEWER_CACHE_TTL_MS = 15_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  viewer: Viewer;
  /** Date.now() past which the entry is not used. */
  until: number;
}

export interface ViewerCache {
  /** The remembered viewer of a secret's hash, if still good. */
  get(tokenHash: string): Viewer | undefined;
  /** Call before reading the database; pass the result to set(). */
  begin(): number;
  /** Remembers a signed-in viewer read since begin() returned `generation`, unless emptied since. */
  set(tokenHash: string, viewer: Viewer, generation: number, expiresAt?: Date): void;
  /** Forgets everything (a write, a notification, the listener lost). */
  clear(): void;
  /** Read and written only while true (the invalidation listener is connected). */
  active: boolean;
  readonly size: number;
}

export function createViewerCache(
  options: { ttlMs?: number; now?: () => number } = {},
): ViewerCache {
  const ttl = options.ttlMs ?? VIEWER_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  let entries = new Map<string, Entry>();
  let generation = 0;
  let active = false;
  const clear = () => {
    generation++;
    if (entries.size) entries = new Map();
  };
  return {
    get(tokenHash) {
      if (!active) return undefined;
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      if (now() >= entry.until) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry.viewer;
    },
    begin: () => generation,
    set(tokenHash, viewer, at, expiresAt) {
      if (!active || at !== generation || viewer.kind === 'anonymous') return;
      const until = Math.min(now() + ttl, expiresAt ? expiresAt.getTime() : Infinity);
      if (until <= now()) return;
      if (entries.size >= MAX_ENTRIES) entries = new Map();
      entries.set(tokenHash, { viewer, until });
    },
    clear,
    get active() {
      return active;
    },
    set active(value: boolean) {
      if (value !== active) clear();
      active = value;
    },
    get size() {
      return entries.size;
    },
  };
}
