// Time-ordered ids (UUID version 7, RFC 9562 §5.7) for rows written in bulk (bulk-insert.ts).
//
// A random (version 4) id lands on a random page of every index that holds it: the primary key
// and each `(column, id)` sort index. A 100k-row import into a table of 100k+ rows then touches
// (and splits) pages all over each of them. A version 7 id starts with the time in milliseconds, so
// a batch's ids follow the ones before them: the primary key grows at its right edge, and within
// one value of a sort column (a site, `rectified = false`, one `updatedAt`) new rows go after the
// old ones. Measured on WebsiteFinding at the bench's scale (70k rows, 100k inserted, one index
// beside the primary key): each `(column, id)` index cost 0.8–0.9 s per 100k rows with random ids
// and 0.4–0.5 s with these.
//
// Layout (hex): tttttttt-tttt-7ccc-vrrr-rrrrrrrrrrrr. t: Unix time in ms (48 bits); 7: version;
// c: a 12-bit counter (RFC 9562 §6.2 method 1), started at a random value below 2048 each new
// millisecond and incremented within it, so ids of one process increase strictly (the time is
// moved on by a millisecond when the counter runs out or the clock goes back); v: variant 10xx;
// r: 62 random bits (two of them in v). Text ids compare in the same order (fixed width, lower-case
// hex). The time an id was made can be read from it; these ids name public records only.
import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 8 KiB at a time: 8 per id, 2 more to start a millisecond's counter. */
const pool = Buffer.alloc(8192);
let poolAt = pool.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The offset in `pool` of `n` fresh random bytes. */
function take(n: number): number {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const at = poolAt;
  poolAt += n;
  return at;
}

let lastMs = -1;
let counter = 0;

/** A new UUIDv7 as lower-case text, greater than every id this process made before. */
export function uuid7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    const at = take(2);
    counter = ((pool[at]! << 8) | pool[at + 1]!) & 0x7ff;
  } else if (++counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  const ms = lastMs;
  const high = Math.floor(ms / 0x1000000); // the top 24 bits of the 48
  const low = ms % 0x1000000;
  const r = take(8);
  return (
    HEX[(high >>> 16) & 0xff]! +
    HEX[(high >>> 8) & 0xff]! +
    HEX[high & 0xff]! +
    HEX[(low >>> 16) & 0xff]! +
    '-' +
    HEX[(low >>> 8) & 0xff]! +
    HEX[low & 0xff]! +
    '-' +
    HEX[0x70 | (counter >>> 8)]! +
    HEX[counter & 0xff]! +
    '-' +
    HEX[0x80 | (pool[r]! & 0x3f)]! +
    HEX[pool[r + 1]!]! +
    '-' +
    HEX[pool[r + 2]!]! +
    HEX[pool[r + 3]!]! +
    HEX[pool[r + 4]!]! +
    HEX[pool[r + 5]!]! +
    HEX[pool[r + 6]!]! +
    HEX[pool[r + 7]!]!
  );
}

/**
 * The same kind of id made by PostgreSQL for rows copied inside the database (INSERT … SELECT): the
 * statement's clock in ms over a random version 4 UUID, version bits set to 7. Ordered by time
 * across statements, random within one millisecond (no counter: SQL has none to share).
 */
export const UUID7_SQL = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid::text`;
