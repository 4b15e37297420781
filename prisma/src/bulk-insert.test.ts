import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  arrayLiteral,
  bulkInsert,
  bulkInsertPlan,
  quoteIdentifier,
  type BulkColumn,
} from './bulk-insert.ts';
import { transactionConnection, type TransactionConnection } from './client.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';
import { UUID7_SQL } from './uuid7.ts';

// Odd on purpose: a quote, a comma, spaces, upper case, a keyword, what would end the statement.
const TABLE = 'Bulk "odd" table';
const NAME = 'Name "quoted", with comma';
const EVIL = 'x"); DROP TABLE "Organization"; --';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.$executeRawUnsafe(`CREATE TABLE ${quoteIdentifier(TABLE)} (
    "id" text PRIMARY KEY,
    ${quoteIdentifier(NAME)} text,
    "select" int4 NOT NULL,
    ${quoteIdentifier(EVIL)} text,
    "amount" numeric,
    "flag" bool,
    "day" date,
    "kind" "DataGapKind",
    "doc" jsonb,
    "big" int8,
    "at" timestamptz,
    "tenant" text NOT NULL,
    "createdAt" timestamptz NOT NULL
  )`);
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

interface Row {
  name: string | null;
  position: number;
  evil?: string | null;
  amount?: string | Decimal | null;
  flag?: boolean | null;
  day?: string | Date | null;
  kind?: string | null;
  doc?: unknown;
  big?: bigint | null;
  at?: Date | null;
}

const columns = (tenant: string): BulkColumn<Row>[] => [
  { name: 'id', generated: 'uuid' },
  { name: NAME, type: 'text', value: (r) => r.name },
  { name: 'select', type: 'int4', value: (r) => r.position },
  { name: EVIL, type: 'text', value: (r) => r.evil },
  { name: 'amount', type: 'numeric', value: (r) => r.amount },
  { name: 'flag', type: 'bool', value: (r) => r.flag },
  { name: 'day', type: 'date', value: (r) => r.day },
  { name: 'kind', type: { enum: 'DataGapKind' }, value: (r) => r.kind },
  { name: 'doc', type: 'jsonb', value: (r) => r.doc },
  { name: 'big', type: 'int8', value: (r) => r.big },
  { name: 'at', type: 'timestamptz', value: (r) => r.at },
  { name: 'tenant', type: 'text', constant: tenant },
  { name: 'createdAt', generated: 'now' },
];

/** A transaction's connection that counts the statements sent on it. */
function counted(connection: TransactionConnection) {
  const sent: string[] = [];
  const query = ((text: string, values: unknown[]) => {
    sent.push(text);
    return connection.query(text, values);
  }) as TransactionConnection['query'];
  return { connection: { query, txid: connection.txid }, sent };
}

/** Runs `write` in a Prisma transaction on its own connection; returns what write returned. */
function inTransaction<R>(write: (connection: TransactionConnection) => Promise<R>) {
  return db.prisma.$transaction(async (tx) => write(await transactionConnection(db.prisma, tx)), {
    timeout: 30_000,
  });
}

type Stored = Record<string, string | number | boolean | null | object>;

async function stored(tenant: string): Promise<Stored[]> {
  return db.prisma.$queryRawUnsafe<Stored[]>(
    `SELECT ${quoteIdentifier(NAME)} AS name, "select" AS position, ${quoteIdentifier(EVIL)} AS evil,
       "amount"::text AS amount, "flag", "day"::text AS day, "kind"::text AS kind, "doc",
       "big"::text AS big, "at", length("id") AS "idLength", "createdAt" > now() - interval '1 minute' AS "createdNow"
     FROM ${quoteIdentifier(TABLE)} WHERE "tenant" = $1 ORDER BY "select"`,
    tenant,
  );
}

describe('bulkInsert', () => {
  it('writes every type as sent, nulls as NULL, numerics exactly, odd names quoted', async () => {
    const rows: Row[] = [
      {
        name: 'a',
        position: 0,
        evil: `'); DELETE FROM "Organization"; --`,
        amount: '12345678901234567890.123456789012345678901',
        flag: true,
        day: '2024-02-29',
        kind: 'PROCESS',
        doc: { 中文: ['x', 1, null], quote: 'a"b\\c' },
        big: 9007199254740993n,
        at: new Date('2024-03-01T16:30:00.123Z'),
      },
      {
        name: 'b',
        position: 1,
        amount: new Decimal('0.1').plus('0.2'),
        flag: false,
        // 23:30 UTC: the UTC date, whatever the process's time zone.
        day: new Date('2024-03-01T23:30:00Z'),
        kind: 'BASE',
        doc: 'a string',
      },
      { name: null, position: 2, amount: new Decimal('1e-20'), doc: null },
      { name: '{"x":1}', position: 3, evil: null, doc: [] },
    ];
    const written = await inTransaction((c) =>
      bulkInsert(c, { table: TABLE, batchRows: 10, columns: columns('types') }, rows),
    );
    expect(written).toBe(4);
    const back = await stored('types');
    expect(back).toEqual([
      {
        name: 'a',
        position: 0,
        evil: `'); DELETE FROM "Organization"; --`,
        amount: '12345678901234567890.123456789012345678901',
        flag: true,
        day: '2024-02-29',
        kind: 'PROCESS',
        doc: { 中文: ['x', 1, null], quote: 'a"b\\c' },
        big: '9007199254740993',
        at: new Date('2024-03-01T16:30:00.123Z'),
        idLength: 36,
        createdNow: true,
      },
      {
        name: 'b',
        position: 1,
        evil: null,
        amount: '0.3',
        flag: false,
        day: '2024-03-01',
        kind: 'BASE',
        doc: 'a string',
        big: null,
        at: null,
        idLength: 36,
        createdNow: true,
      },
      {
        name: null,
        position: 2,
        evil: null,
        amount: '0.00000000000000000001',
        flag: null,
        day: null,
        kind: null,
        doc: null,
        big: null,
        at: null,
        idLength: 36,
        createdNow: true,
      },
      {
        name: '{"x":1}',
        position: 3,
        evil: null,
        amount: null,
        flag: null,
        day: null,
        kind: null,
        doc: [],
        big: null,
        at: null,
        idLength: 36,
        createdNow: true,
      },
    ]);
    // A JSON null is SQL NULL, not the JSON value null.
    const nulls = await db.prisma.$queryRawUnsafe<{ nulls: number }[]>(
      `SELECT count(*)::int AS nulls FROM ${quoteIdentifier(TABLE)} WHERE "tenant" = 'types' AND "doc" IS NULL`,
    );
    expect(nulls).toEqual([{ nulls: 1 }]);
    // Names and values that would end the statement were only names and values.
    expect(
      await db.prisma.$queryRaw<
        { t: boolean }[]
      >`SELECT to_regclass('"Organization"') IS NOT NULL AS t`,
    ).toEqual([{ t: true }]);
  });

  it('sends one statement per batch, in order, values only as parameters', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ name: `n${i}`, position: i }));
    const { connection, sent, written } = await inTransaction(async (c) => {
      const probe = counted(c);
      const written = await bulkInsert(
        probe.connection,
        { table: TABLE, batchRows: 3, columns: columns('batches') },
        rows,
      );
      return { ...probe, written };
    });
    expect(written).toBe(7);
    expect(sent).toHaveLength(3);
    expect(new Set(sent).size).toBe(1);
    expect(sent[0]).not.toContain('batches');
    expect(sent[0]).not.toContain('n0');
    expect(sent[0]).toMatch(/WHERE txid_current\(\) = \$13::bigint$/u);
    expect(connection.txid).toMatch(/^\d+$/u);
    const back = await stored('batches');
    expect(back.map((r) => [r.name, r.position])).toEqual(rows.map((r) => [r.name, r.position]));

    const none = await inTransaction(async (c) => {
      const probe = counted(c);
      await bulkInsert(probe.connection, { table: TABLE, batchRows: 3, columns: columns('x') }, []);
      return probe.sent;
    });
    expect(none).toEqual([]);
  });

  it('builds the next batch while the database runs the one just sent', async () => {
    const events: string[] = [];
    const written = await inTransaction(async (c) => {
      const connection: TransactionConnection = {
        txid: c.txid,
        query: ((text: string, values: unknown[]) => {
          events.push('sent');
          const running = c.query(text, values) as unknown as Promise<pg.QueryResult>;
          return running.then((r) => (events.push('done'), r));
        }) as unknown as TransactionConnection['query'],
      };
      return bulkInsert(
        connection,
        {
          table: TABLE,
          batchRows: 2,
          prepare: (batch: readonly number[]) => {
            events.push(`built ${batch.join(',')}`);
            return batch.map((n) => ({ name: `o${n}`, position: n }));
          },
          columns: columns('overlap'),
        },
        [1, 2, 3, 4, 5],
      );
    });
    expect(written).toBe(5);
    expect(events).toEqual([
      'built 1,2',
      'sent',
      'built 3,4', // before the first statement's answer
      'done',
      'sent',
      'built 5',
      'done',
      'sent',
      'done',
    ]);
    expect((await stored('overlap')).map((r) => r.name)).toEqual(['o1', 'o2', 'o3', 'o4', 'o5']);
  });

  it('lets a statement in flight finish before passing on an error of the next batch', async () => {
    let settled = false;
    const error = await inTransaction(async (c) => {
      const connection: TransactionConnection = {
        txid: c.txid,
        query: ((text: string, values: unknown[]) =>
          (c.query(text, values) as unknown as Promise<pg.QueryResult>).then((r) => {
            settled = true;
            return r;
          })) as unknown as TransactionConnection['query'],
      };
      return bulkInsert(
        connection,
        {
          table: TABLE,
          batchRows: 1,
          prepare: (batch: readonly number[]) => {
            if (batch[0] === 2) throw new Error('bad row 2');
            return batch.map((n) => ({ name: `e${n}`, position: n }));
          },
          columns: columns('in-flight'),
        },
        [1, 2],
      ).catch((e: unknown) => e);
    });
    expect((error as Error).message).toBe('bad row 2');
    expect(settled).toBe(true); // the connection is idle again when the error arrives
  });

  it('maps each batch once with prepare, the columns reading what it made', async () => {
    const seen: number[] = [];
    const written = await inTransaction((c) =>
      bulkInsert(
        c,
        {
          table: TABLE,
          batchRows: 2,
          prepare: (batch: readonly number[]) => {
            seen.push(batch.length);
            return batch.map((n) => ({ name: `p${n * n}`, position: n }));
          },
          columns: columns('prepared'),
        },
        [1, 2, 3, 4, 5],
      ),
    );
    expect(written).toBe(5);
    expect(seen).toEqual([2, 2, 1]);
    expect((await stored('prepared')).map((r) => r.name)).toEqual(['p1', 'p4', 'p9', 'p16', 'p25']);
  });

  it('passes the database error on and the transaction writes nothing', async () => {
    const rows: Row[] = [
      { name: 'ok', position: 0, kind: 'BASE' },
      { name: 'bad', position: 1, kind: 'NOT_A_KIND' },
    ];
    await expect(
      inTransaction(async (c) => {
        await bulkInsert(c, { table: TABLE, batchRows: 1, columns: columns('refused') }, rows);
      }),
    ).rejects.toThrow(/invalid input value for enum "DataGapKind": "NOT_A_KIND"/u);
    expect(await stored('refused')).toEqual([]);
  });

  it('writes nothing and throws once its transaction is over', async () => {
    const outlived = await inTransaction(async (c) => c);
    await expect(
      bulkInsert(outlived, { table: TABLE, batchRows: 5, columns: columns('closed') }, [
        { name: 'late', position: 0 },
      ]),
    ).rejects.toThrow(/Transaction already closed/u);
    expect(await stored('closed')).toEqual([]);
  });

  it('writes nothing on a connection whose transaction is not the one it was given (the guard)', async () => {
    await expect(
      inTransaction(async (c) => {
        const other = { query: c.query, txid: String(BigInt(c.txid) + 1000n) };
        await bulkInsert(other, { table: TABLE, batchRows: 5, columns: columns('guard') }, [
          { name: 'elsewhere', position: 0 },
        ]);
      }),
    ).rejects.toThrow(/Transaction already closed/u);
    expect(await stored('guard')).toEqual([]);
  });

  it('gives the event loop back after each batch', async () => {
    // A connection answering at once: only the builder's own yield lets a macrotask in.
    let ticks = 0;
    let stop = false;
    const tick = () => {
      ticks++;
      if (!stop) setImmediate(tick);
    };
    setImmediate(tick);
    const seen: number[] = [];
    const instant: TransactionConnection = {
      txid: '1',
      query: ((_: string, values: unknown[]) => {
        seen.push(ticks);
        // The column's array literal, {"1","2"}: one element per row.
        return Promise.resolve({ rowCount: (values[0] as string).split(',').length });
      }) as unknown as TransactionConnection['query'],
    };
    const spec = {
      table: 't',
      batchRows: 2,
      columns: [{ name: 'v', type: 'int4', value: (n: number) => n }] as const,
    };
    await bulkInsert(instant, spec, [1, 2, 3, 4, 5, 6]);
    stop = true;
    expect(seen).toHaveLength(3);
    expect(seen[1]!).toBeGreaterThan(seen[0]!);
    expect(seen[2]!).toBeGreaterThan(seen[1]!);
  });

  it('writes array literals as node-postgres does', () => {
    const samples: unknown[][] = [
      [],
      ['plain', '', null, undefined, 'a,b', '{x}', 'q"uote', 'back\\slash', '\\"', '泸州 NULL'],
      [1, -2.5, 0, 12345678901234567890n, true, false],
      ['2024-12-31', '{"k":"v \\"x\\""}'],
    ];
    const { prepareValue } = (pg as unknown as { utils: { prepareValue(v: unknown): unknown } })
      .utils;
    for (const values of samples) expect(arrayLiteral(values)).toBe(prepareValue(values));
  });

  it('refuses a spec it cannot write', () => {
    const v = { name: 'v', type: 'int4', value: (n: number) => n } as const;
    expect(() => bulkInsertPlan({ table: 't', batchRows: 0, columns: [v] })).toThrow(/batchRows/u);
    expect(() =>
      bulkInsertPlan({ table: 't', batchRows: 1, columns: [{ name: 'id', generated: 'uuid' }] }),
    ).toThrow(/at least one column given by the rows/u);
    expect(() =>
      bulkInsertPlan({
        table: 't',
        batchRows: 1,
        // @ts-expect-error: not a type the builder sends
        columns: [{ name: 'v', type: 'int4); DROP TABLE x; --', value: (n: number) => n }],
      }),
    ).toThrow(/unsupported column type/u);
    expect(() => bulkInsertPlan({ table: '', batchRows: 1, columns: [v] })).toThrow(/identifier/u);
    // @ts-expect-error: an int4 column's value is a number
    const wrong: BulkColumn<number> = {
      name: 'v',
      type: 'int4',
      value: (n: number) => String(n),
    };
    expect(wrong.name).toBe('v');
  });

  it('names each column once, the txid last, and quotes the enum type', () => {
    const plan = bulkInsertPlan<Row>({ table: TABLE, batchRows: 1, columns: columns('t') });
    expect(plan.sql).toContain(
      `INSERT INTO "Bulk ""odd"" table" ("id", "Name ""quoted"", with comma"`,
    );
    expect(plan.sql).toContain(`"x""); DROP TABLE ""Organization""; --"`);
    expect(plan.sql).toContain('SELECT r.c0, r.c1');
    expect(plan.sql).toContain('unnest($2::text[], $3::text[]');
    expect(plan.sql).toContain('$9::"DataGapKind"[]');
    expect(plan.sql).toContain('$1::text, now()');
    expect(plan.constants).toEqual(['t']);
    expect(plan.rowColumns).toHaveLength(11); // the ids are made here and sent with the rows
  });

  it('UUID7_SQL: the database makes the same kind of id for rows it copies itself', async () => {
    const [row] = await db.prisma.$queryRawUnsafe<{ a: string; b: string }[]>(
      `SELECT ${UUID7_SQL} AS a, ${UUID7_SQL} AS b`,
    );
    for (const id of [row!.a, row!.b]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const ms = Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
      expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
    }
    expect(row!.a).not.toBe(row!.b);
  });

  it('gives each row a time-ordered UUIDv7 id, increasing across batches', async () => {
    const rows: Row[] = Array.from({ length: 25 }, (_, i) => ({ name: `n${i}`, position: i }));
    await inTransaction((c) =>
      bulkInsert(c, { table: TABLE, batchRows: 10, columns: columns('v7') }, rows),
    );
    const ids = (
      await db.prisma.$queryRawUnsafe<{ id: string }[]>(
        `SELECT "id" FROM ${quoteIdentifier(TABLE)} WHERE "tenant" = 'v7' ORDER BY "select"`,
      )
    ).map((r) => r.id);
    expect(ids).toHaveLength(25);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    const ms = Number.parseInt(ids[0]!.slice(0, 8) + ids[0]!.slice(9, 13), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
  });
});
