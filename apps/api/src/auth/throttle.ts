/**
 * Login throttling against password guessing: failures are counted per email and per client
 * address inside a sliding window; past the limit the key is locked for `lockMs`. A success
 * clears the email's counter (not the address's, so one good account cannot launder guesses).
 * In memory: one server process serves the API, and a restart only forgives recent failures.
 */
export interface ThrottleOptions {
  maxPerEmail: number;
  maxPerAddress: number;
  windowMs: number;
  lockMs: number;
  now?: () => number;
}

interface Bucket {
  failures: number[];
  lockedUntil: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  maxPerEmail: 5,
  maxPerAddress: 20,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export class LoginThrottle {
  private readonly buckets = new Map<string, Bucket>();
  private readonly opts: ThrottleOptions;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.opts = { ...DEFAULT_THROTTLE, ...options };
  }

  private now() {
    return (this.opts.now ?? Date.now)();
  }

  private keys(email: string, address: string) {
    return [
      { key: `e:${email.trim().toLowerCase()}`, max: this.opts.maxPerEmail },
      { key: `a:${address}`, max: this.opts.maxPerAddress },
    ];
  }

  /** Milliseconds until the caller may try again; 0 when not locked. */
  lockedFor(email: string, address: string): number {
    const now = this.now();
    let wait = 0;
    for (const { key } of this.keys(email, address)) {
      const bucket = this.buckets.get(key);
      if (bucket && bucket.lockedUntil > now) wait = Math.max(wait, bucket.lockedUntil - now);
    }
    return wait;
  }

  recordFailure(email: string, address: string): void {
    const now = this.now();
    for (const { key, max } of this.keys(email, address)) {
      const bucket = this.buckets.get(key) ?? { failures: [], lockedUntil: 0 };
      bucket.failures = bucket.failures.filter((t) => now - t < this.opts.windowMs);
      bucket.failures.push(now);
      if (bucket.failures.length >= max) {
        bucket.lockedUntil = now + this.opts.lockMs;
        bucket.failures = [];
      }
      this.buckets.set(key, bucket);
    }
    this.prune(now);
  }

  recordSuccess(email: string): void {
    this.buckets.delete(`e:${email.trim().toLowerCase()}`);
  }

  /** Keep memory bounded when someone sprays many emails. */
  private prune(now: number) {
    if (this.buckets.size < 10_000) return;
    for (const [key, bucket] of this.buckets) {
      const stale =
        bucket.lockedUntil <= now && bucket.failures.every((t) => now - t >= this.opts.windowMs);
      if (stale) this.buckets.delete(key);
    }
  }
}

/** The process-wide throttle used by the `login` mutation. */
export const loginThrottle = new LoginThrottle();
