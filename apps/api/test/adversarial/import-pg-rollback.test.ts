// The imports write their rows through the transaction's own node-postgres connection
// (transactionConnection), batch by batch. When the database refuses a row late in a large file
// (after many batches were already sent), everything goes back: the rows of the earlier batches,
// the entries or findings deleted at the start, the version bump and the audit entry; and the
// connection goes back to the pool usable (the next import succeeds). The rows written on the
// driver's path carry what Prisma's path wrote: finding keys and the round's tally.
import pg from 'pg';
import pino from 'pino';
import { addDays, findingKeys, todayInShanghai } from '@gazette/domain';
import { transactionConnection } from '@gazette/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GazetteContext } from '../../src/context.ts';
import { importRateTableVersionCsv } from '../../src/services/rates/import-rate-table-version-csv.ts';
import { INSERT_BATCH_ROWS, insertEntries } from '../../src/services/rates/insert-entries.ts';
import { importInspectionAnnexes } from '../../src/services/inspections/import-inspection-annexes.ts';
import { INSERT_BATCH_ROWS as ANNEX_BATCH_ROWS } from '../../src/inspection-annexes/import.ts';
import { withTransactionRetry } from '../../src/platform/transactions.ts';
import { createApi, type Api } from '../helpers.ts';

let api: Api;
let ctx: GazetteContext;

beforeAll(async () => {
  api = await createApi();
  await api.tokenFor('ADMIN');
  const user = await api.db.prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
  ctx = {
    // Wrapped as the API wraps its client: the connection is still found through the proxy.
    prisma: withTransactionRetry(api.db.prisma),
    logger: pino({ level: 'silent' }),
    requestId: 'import-pg-rollback-test',
    viewer: { kind: 'user', userId: user.id, email: user.email, role: 'ADMIN', sessionId: 'test' },
    actorLabel: user.email,
    cache: new Map(),
  };
}, 60_000);
afterAll(async () => {
  await api?.close();
});

/** Makes the database refuse any row of `table` whose `column` equals `value` (a row trigger). */
async function refuseRow(table: string, column: string, value: string) {
  await api.db.prisma
    .$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_refuse_row() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test: row refused'; END $$`);
  await api.db.prisma.$executeRawUnsafe(
    `CREATE TRIGGER test_refuse_row BEFORE INSERT ON "${table}" FOR EACH ROW
     WHEN (NEW."${column}" = '${value.replace(/'/g, "''")}') EXECUTE FUNCTION test_refuse_row()`,
  );
  return () => api.db.prisma.$executeRawUnsafe(`DROP TRIGGER test_refuse_row ON "${table}"`);
}

/** Audit entries of `entityId` (every action: a refused import must leave none of them). */
const auditCount = (entityId: string, action?: string) =>
  api.db.prisma.auditEntry.count({ where: { entityId, ...(action && { action }) } });

describe('transactionConnection', () => {
  it('is the connection of the transaction itself', async () => {
    const seen = await ctx.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL application_name = 'import-pg-rollback-probe'`);
      const db = await transactionConnection(ctx.prisma, tx);
      const { rows } = await db.query(`SELECT current_setting('application_name') AS name`);
      return rows[0] as { name: string };
    });
    expect(seen.name).toBe('import-pg-rollback-probe');
  });

  it('writes nothing once its transaction is over (closed by Prisma, e.g. a timeout)', async () => {
    const table = await api.db.prisma.rateTable.findUniqueOrThrow({
      where: { key: 'medical-service-prices' },
    });
    const draft = await api.db.prisma.rateTableVersion.create({
      data: {
        tableId: table.id,
        effectiveFrom: new Date(`${addDays(todayInShanghai(), 120)}T00:00:00Z`),
        status: 'DRAFT',
      },
    });
    // The connection outlives its transaction, as when Prisma ends one on a timeout.
    const db = await ctx.prisma.$transaction((tx) => transactionConnection(ctx.prisma, tx));
    const entry = {
      key: '1|TERTIARY_A',
      dimensions: { code: '1', grade: 'TERTIARY_A' },
      code: '1',
      name: 'x',
      unit: null,
      amount: null,
      rate: null,
      baseKey: null,
      attributes: {},
      position: 0,
    } as unknown as Parameters<typeof insertEntries>[2][number];
    await expect(insertEntries(db, draft.id, [entry], null)).rejects.toThrow(
      /Transaction already closed/,
    );
    expect(await api.db.prisma.rateEntry.count({ where: { versionId: draft.id } })).toBe(0);
  });
});

describe('a rate CSV refused by the database in its last batch', () => {
  const ROWS = 30_000;
  const csv = (rows: number, name: string) => {
    const lines = ['code,grade,name,unit,amount'];
    for (let i = 0; i < rows; i++) lines.push(`${700_000_000 + i},TERTIARY_A,${name} ${i},次,1.5`);
    return lines.join('\n');
  };

  it('leaves the version as it was, then imports once the row is accepted', async () => {
    const table = await api.db.prisma.rateTable.findUniqueOrThrow({
      where: { key: 'medical-service-prices' },
    });
    const draft = await api.db.prisma.rateTableVersion.create({
      data: {
        tableId: table.id,
        effectiveFrom: new Date(`${addDays(todayInShanghai(), 90)}T00:00:00Z`),
        status: 'DRAFT',
        label: '回滚草稿',
      },
    });
    const version = async () =>
      (await api.db.prisma.rateTableVersion.findUniqueOrThrow({ where: { id: draft.id } })).version;
    const entries = () =>
      api.db.prisma.rateEntry.findMany({
        where: { versionId: draft.id },
        select: { name: true },
        orderBy: { position: 'asc' },
      });
    expect(await importRateTableVersionCsv(ctx, draft.id, await version(), csv(3, '旧'))).toBe(3);
    const before = {
      version: await version(),
      audit: await auditCount(draft.id),
      imports: await auditCount(draft.id, 'rateTableVersion.importCsv'),
    };

    const allow = await refuseRow('RateEntry', 'key', `${700_000_000 + ROWS - 1}|TERTIARY_A`);
    try {
      await expect(
        importRateTableVersionCsv(ctx, draft.id, before.version, csv(ROWS, '新')),
      ).rejects.toThrow();
    } finally {
      await allow();
    }
    expect(await entries()).toEqual([{ name: '旧 0' }, { name: '旧 1' }, { name: '旧 2' }]);
    expect(await version()).toBe(before.version);
    expect(await auditCount(draft.id)).toBe(before.audit);

    expect(await importRateTableVersionCsv(ctx, draft.id, before.version, csv(ROWS, '新'))).toBe(
      ROWS,
    );
    expect(await api.db.prisma.rateEntry.count({ where: { versionId: draft.id } })).toBe(ROWS);
    expect(await version()).toBe(before.version + 1);
    expect(await auditCount(draft.id, 'rateTableVersion.importCsv')).toBe(before.imports + 1);
  }, 120_000);
});

describe('an annex refused by the database in its last batch', () => {
  const QUARTER = '2024Q4';
  const ROWS = 12_000;
  let bodies: string[];
  const websiteCsv = (rows: number) => {
    const lines = ['序号,检查网站,存在问题,是否整改完成,所属单位'];
    for (let i = 0; i < rows; i++) {
      const seq = (i % 999) + 1;
      lines.push(
        `${seq},回滚网站${seq},"《栏目${i % 5}》超期未更新 ${i}",${i % 2 ? '是' : '否'},${bodies[seq % bodies.length]}`,
      );
    }
    return lines.join('\r\n');
  };
  const run = (version: number, csv: string) =>
    importInspectionAnnexes(ctx, {
      quarter: QUARTER,
      version,
      uploads: { WEBSITE: { format: 'CSV', file: new File([csv], '附件1.csv') } },
      field: () => 'annexes.website',
      action: 'inspectionRound.importAnnexes',
    });

  it('leaves the round as it was, then imports with keys and tallies once accepted', async () => {
    bodies = (
      await api.db.prisma.organization.findMany({
        where: { type: 'DEPARTMENT' },
        select: { name: true },
        take: 10,
      })
    ).map((o) => o.name);
    const round = () =>
      api.db.prisma.inspectionRound.findUniqueOrThrow({ where: { quarter: QUARTER } });
    const findings = async () =>
      api.db.prisma.websiteFinding.findMany({
        where: { roundId: (await round()).id },
        select: { id: true },
        orderBy: { id: 'asc' },
      });
    const tally = async () =>
      api.db.prisma.$queryRaw<
        { websiteIssues: number; websitesWithIssues: number; websiteIssuesRectified: number }[]
      >`
        SELECT "websiteIssues", "websitesWithIssues", "websiteIssuesRectified" FROM "InspectionRoundTally"
        WHERE "roundId" = ${(await round()).id}`;
    const before = {
      round: await round(),
      findings: await findings(),
      tally: await tally(),
    };
    const audit = await auditCount(before.round.id);
    const imports = await auditCount(before.round.id, 'inspectionRound.importAnnexes');

    const allow = await refuseRow(
      'WebsiteFinding',
      'description',
      `《栏目${(ROWS - 1) % 5}》超期未更新 ${ROWS - 1}`,
    );
    try {
      await expect(run(before.round.version, websiteCsv(ROWS))).rejects.toThrow();
    } finally {
      await allow();
    }
    expect(await findings()).toEqual(before.findings);
    expect((await round()).version).toBe(before.round.version);
    expect(await tally()).toEqual(before.tally);
    expect(await auditCount(before.round.id)).toBe(audit);

    await run(before.round.version, websiteCsv(ROWS));
    expect((await round()).version).toBe(before.round.version + 1);
    expect(await auditCount(before.round.id, 'inspectionRound.importAnnexes')).toBe(imports + 1);
    expect(await tally()).toEqual([
      { websiteIssues: ROWS, websitesWithIssues: 999, websiteIssuesRectified: ROWS / 2 },
    ]);
    const last = await api.db.prisma.websiteFinding.findFirstOrThrow({
      where: {
        roundId: before.round.id,
        description: `《栏目${(ROWS - 1) % 5}》超期未更新 ${ROWS - 1}`,
      },
    });
    expect(last).toMatchObject(findingKeys({ channel: 'WEBSITE', description: last.description }));
    expect(last.subjectKey).toBe('《栏目4》');
  }, 120_000);
});

describe('the bulk rows of an import', () => {
  /** The INSERTs into `table` sent on any pg connection while `run` runs. */
  async function insertsInto(table: string, run: () => Promise<unknown>) {
    const query = vi.spyOn(pg.Client.prototype, 'query');
    try {
      await run();
      return query.mock.calls.filter(
        ([text]) => typeof text === 'string' && text.startsWith(`INSERT INTO "${table}" `),
      ).length;
    } finally {
      query.mockRestore();
    }
  }

  it('are one INSERT per batch of rate entries, amounts exact', async () => {
    const ROWS = 2 * INSERT_BATCH_ROWS + 1;
    const table = await api.db.prisma.rateTable.findUniqueOrThrow({
      where: { key: 'medical-service-prices' },
    });
    const draft = await api.db.prisma.rateTableVersion.create({
      data: {
        tableId: table.id,
        effectiveFrom: new Date(`${addDays(todayInShanghai(), 150)}T00:00:00Z`),
        status: 'DRAFT',
      },
    });
    const lines = ['code,grade,name,unit,amount'];
    for (let i = 0; i < ROWS; i++)
      lines.push(`${800_000_000 + i},TERTIARY_A,批量 ${i},次,${1_234_567_000 + i}.0001`);
    const inserts = await insertsInto('RateEntry', async () => {
      expect(await importRateTableVersionCsv(ctx, draft.id, draft.version, lines.join('\n'))).toBe(
        ROWS,
      );
    });
    expect(inserts).toBe(3);
    const last = await api.db.prisma.rateEntry.findFirstOrThrow({
      where: { versionId: draft.id, position: ROWS - 1 },
    });
    expect([last.name, last.amount?.toString()]).toEqual([
      `批量 ${ROWS - 1}`,
      `${1_234_567_000 + ROWS - 1}.0001`,
    ]);
  }, 60_000);

  it('are one INSERT per batch of annex rows', async () => {
    const ROWS = ANNEX_BATCH_ROWS + 1;
    const body = await api.db.prisma.organization.findFirstOrThrow({
      where: { type: 'DEPARTMENT' },
      select: { name: true },
    });
    const lines = ['序号,检查网站,存在问题,是否整改完成,所属单位'];
    for (let i = 0; i < ROWS; i++) lines.push(`1,批量网站,"首页链接失效 ${i}",否,${body.name}`);
    const round = await api.db.prisma.inspectionRound.findUniqueOrThrow({
      where: { quarter: '2024Q4' },
    });
    const inserts = await insertsInto('WebsiteFinding', () =>
      importInspectionAnnexes(ctx, {
        quarter: round.quarter,
        version: round.version,
        uploads: {
          WEBSITE: { format: 'CSV', file: new File([lines.join('\r\n')], '附件1.csv') },
        },
        field: () => 'annexes.website',
        action: 'inspectionRound.importAnnexes',
      }),
    );
    expect(inserts).toBe(2);
    expect(await api.db.prisma.websiteFinding.count({ where: { roundId: round.id } })).toBe(ROWS);
  }, 60_000);
});
