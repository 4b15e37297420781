// Bulk rows through a transaction's own node-postgres connection (transactionConnection): one
// `INSERT … SELECT … FROM unnest(one array per column)` per batch. No per-row work in Prisma's
// query compiler (which runs on the main thread), no parameters kept by Prisma after the
// statement, one statement per batch whatever its size, and the event loop given back between
// batches. Every identifier is quoted and every value is a parameter; each statement only writes
// inside the transaction it was opened in (TRANSACTION_GUARD).
import { setImmediate as turn } from 'node:timers/promises';
import type * as Enums from '../generated/client/enums.ts';
import { transactionClosed, TRANSACTION_GUARD, type TransactionConnection } from './client.ts';
import { uuid7 } from './uuid7.ts';

/**
 * The built-in PostgreSQL types a column can be sent as (an array of them, `$n::<type>[]`), with
 * what a row gives for each. node-postgres writes the arrays; the builder converts what it would
 * write ambiguously (JSON, exact decimals, dates).
 */
export interface BulkValues {
  text: string;
  int4: number;
  int8: number | bigint | string;
  float8: number;
  /** Exact decimal text, or a Decimal (decimal.js / Prisma.Decimal), sent as its fixed notation. */
  numeric: string | { toFixed(): string };
  bool: boolean;
  /** A plain date `YYYY-MM-DD`; a Date is sent as its UTC date (as Prisma stores `@db.Date`). */
  date: string | Date;
  /** A Date is sent in ISO 8601 (UTC), whatever the process's time zone. */
  timestamptz: string | Date;
  uuid: string;
  /** Any JSON value, stringified by the builder; null or undefined is SQL NULL. */
  jsonb: unknown;
}

export type BulkBuiltinType = keyof BulkValues;

/** An enum of the Prisma schema, by its PostgreSQL type name (sent as `$n::"<Enum>"[]`). */
export interface BulkEnumType {
  enum: keyof typeof Enums;
}

export type BulkType = BulkBuiltinType | BulkEnumType;

type Nullable<V> = V | null | undefined;

/** A column whose value each row gives: one array parameter per column and batch. */
export type BulkRowColumn<T> =
  | {
      [K in BulkBuiltinType]: { name: string; type: K; value: (row: T) => Nullable<BulkValues[K]> };
    }[BulkBuiltinType]
  | { name: string; type: BulkEnumType; value: (row: T) => Nullable<string> };

/** A column with one value for every row of the call: one scalar parameter. */
export type BulkConstantColumn =
  | {
      [K in BulkBuiltinType]: { name: string; type: K; constant: Nullable<BulkValues[K]> };
    }[BulkBuiltinType]
  | { name: string; type: BulkEnumType; constant: Nullable<string> };

/**
 * A column filled for each row: `uuid`, a new time-ordered UUID (version 7, uuid7.ts) as text,
 * made here and sent with the batch (a Prisma String id with `@default(uuid())`, which the
 * database itself does not default; time-ordered ids keep a bulk write at the right edge of the
 * primary key and of each `(column, id)` index); `now`, the transaction's time (Prisma's
 * `@updatedAt`), given by the database.
 */
export interface BulkGeneratedColumn {
  name: string;
  generated: 'uuid' | 'now';
}

export type BulkColumn<T> = BulkRowColumn<T> | BulkConstantColumn | BulkGeneratedColumn;

export interface BulkInsertSpec<T> {
  /** The table, one identifier (quoted as given: `"RateEntry"`). */
  table: string;
  /** The columns written, in order; at least one of them given by the rows. */
  columns: readonly BulkColumn<T>[];
  /** Rows per statement: small enough that building a batch's arrays holds the event loop briefly. */
  batchRows: number;
}

/** `name` as a PostgreSQL identifier: double-quoted, inner double quotes doubled. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.includes('\0'))
    throw new Error(`bulkInsert: invalid identifier ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

const BUILTIN: ReadonlySet<string> = new Set<BulkBuiltinType>([
  'text',
  'int4',
  'int8',
  'float8',
  'numeric',
  'bool',
  'date',
  'timestamptz',
  'uuid',
  'jsonb',
]);

function sqlType(type: BulkType): string {
  if (typeof type === 'string') {
    if (!BUILTIN.has(type)) throw new Error(`bulkInsert: unsupported column type ${type}`);
    return type;
  }
  return quoteIdentifier(type.enum);
}

type Send = (value: unknown) => unknown;

const nullish = (v: unknown) => v === null || v === undefined;

/** What node-postgres is handed for a value of `type`, where its own writing would be wrong. */
const SEND: Partial<Record<BulkBuiltinType, Send>> = {
  jsonb: (v) => (nullish(v) ? null : JSON.stringify(v)),
  // A Decimal in fixed notation (never rounded); text as it is.
  numeric: (v) =>
    typeof v === 'object' && v !== null ? (v as { toFixed(): string }).toFixed() : (v ?? null),
  date: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null)),
  timestamptz: (v) => (v instanceof Date ? v.toISOString() : (v ?? null)),
};
const asIs: Send = (v) => v ?? null;
const sendOf = (type: BulkType): Send => (typeof type === 'string' && SEND[type]) || asIs;

interface Plan<T> {
  sql: string;
  constants: unknown[];
  rowColumns: { value: (row: T) => unknown; send: Send }[];
}

/** The statement for `spec` and the parameters it takes, in order (the txid last). */
export function bulkInsertPlan<T>(spec: BulkInsertSpec<T>): Plan<T> {
  if (!Number.isSafeInteger(spec.batchRows) || spec.batchRows < 1)
    throw new Error(`bulkInsert: batchRows must be a positive integer, not ${spec.batchRows}`);
  // Parameters: the constants first, then one array per row column, then the txid.
  const constantCount = spec.columns.filter((c) => 'constant' in c).length;
  const names: string[] = [];
  const selected: string[] = [];
  const arrays: string[] = [];
  const constants: unknown[] = [];
  const rowColumns: Plan<T>['rowColumns'] = [];
  for (const column of spec.columns) {
    names.push(quoteIdentifier(column.name));
    if ('generated' in column && column.generated === 'now') {
      selected.push('now()');
    } else if ('constant' in column) {
      constants.push(sendOf(column.type)(column.constant));
      selected.push(`$${constants.length}::${sqlType(column.type)}`);
    } else {
      // A generated id is a text column whose value is made here for each row.
      const [value, type]: [(row: T) => unknown, BulkType] =
        'generated' in column
          ? [() => uuid7(), 'text']
          : [column.value as (row: T) => unknown, column.type];
      selected.push(`r.c${rowColumns.length}`);
      rowColumns.push({ value, send: sendOf(type) });
      arrays.push(`$${constantCount + rowColumns.length}::${sqlType(type)}[]`);
    }
  }
  if (!spec.columns.some((c) => 'value' in c))
    throw new Error(`bulkInsert: ${spec.table} needs at least one column given by the rows`);
  const sql = `INSERT INTO ${quoteIdentifier(spec.table)} (${names.join(', ')})
SELECT ${selected.join(', ')}
FROM unnest(${arrays.join(', ')}) AS r(${rowColumns.map((_, i) => `c${i}`).join(', ')})
WHERE ${TRANSACTION_GUARD(constantCount + rowColumns.length + 1)}`;
  return { sql, constants, rowColumns };
}

/**
 * Inserts `rows` into `spec.table` on `db` (a transaction's own connection, see
 * transactionConnection), one statement per `spec.batchRows` rows, yielding to the event loop
 * after each. `prepare`, when given, maps each batch to what the columns read (a value computed
 * once per row for several columns). Returns the rows written; throws transactionClosed() when a
 * statement ran outside the transaction (it wrote nothing), and the database's error as it is.
 */
export function bulkInsert<S, T>(
  db: TransactionConnection,
  spec: BulkInsertSpec<T> & { prepare: (batch: readonly S[]) => readonly T[] },
  rows: readonly S[],
): Promise<number>;
export function bulkInsert<T>(
  db: TransactionConnection,
  spec: BulkInsertSpec<T>,
  rows: readonly T[],
): Promise<number>;
export async function bulkInsert(
  db: TransactionConnection,
  spec: BulkInsertSpec<unknown> & { prepare?: (batch: readonly unknown[]) => readonly unknown[] },
  rows: readonly unknown[],
): Promise<number> {
  const { sql, constants, rowColumns } = bulkInsertPlan(spec);
  const { prepare } = spec;
  /** The parameters of the batch starting at `at`, each column's array as its literal text. */
  const build = (at: number) => {
    const end = Math.min(rows.length, at + spec.batchRows);
    const n = end - at;
    const batch = prepare ? prepare(rows.slice(at, end)) : rows;
    const from = prepare ? 0 : at;
    if (prepare && batch.length !== n)
      throw new Error(`bulkInsert: prepare returned ${batch.length} rows for ${n}`);
    const params: unknown[] = [...constants];
    for (const { value, send } of rowColumns) {
      const array = new Array<unknown>(n);
      for (let i = 0; i < n; i++) array[i] = send(value(batch[from + i]));
      params.push(arrayLiteral(array));
    }
    params.push(db.txid);
    return { params, n };
  };
  let written = 0;
  let next = rows.length > 0 ? build(0) : null;
  while (next) {
    const { params, n } = next;
    // Sent now (node-postgres writes it to the socket at once); the next batch is built while
    // PostgreSQL runs this one, so the two overlap instead of taking turns.
    const running = db.query(sql, params);
    try {
      next = written + n < rows.length ? build(written + n) : null;
    } catch (error) {
      await running.catch(() => undefined);
      throw error;
    }
    const result = await running;
    if (result.rowCount !== n) throw transactionClosed();
    written += n;
    await turn();
  }
  return written;
}

/**
 * A column's values as a PostgreSQL array literal, exactly as node-postgres would write the array
 * (every element quoted and escaped, NULL for null): built with the batch, off the send.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    out +=
      v === null || v === undefined
        ? 'NULL'
        : `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  }
  return `${out}}`;
}
