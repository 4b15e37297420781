// A 100k-row annex import: it lands whole in one transaction, a bad row anywhere lands nothing,
// and the event loop stays responsive throughout (p99 delay sampled while it runs).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GazetteContext } from '../../src/context.ts';
import { importInspectionAnnexes } from '../../src/services/inspections/import-inspection-annexes.ts';
import { createApi, type Api } from '../helpers.ts';

let api: Api;
let ctx: GazetteContext;
let bodies: string[];

const ROWS = 100_000;
const QUARTER = '2024Q4';

/** 附件1 with ROWS rows: 10,000 sites (序号 1–9999 and one more row per site at the end) of 10 findings each. */
function websiteCsv(bad?: { at: number }) {
  const lines = ['序号,检查网站,存在问题,是否整改完成,所属单位'];
  for (let i = 0; i < ROWS; i++) {
    const seq = (i % 9999) + 1;
    const rectified = bad && i === bad.at ? '大概吧' : i % 3 ? '是' : '否';
    lines.push(
      `${seq},测试网站${seq},"《栏目${i % 7}》超期未更新 ${i}",${rectified},${bodies[seq % bodies.length]}`,
    );
  }
  return lines.join('\r\n');
}

async function timed<T>(run: () => Promise<T>) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  try {
    const result = await run();
    return { result, ms: performance.now() - started, p99: delay.percentile(99) / 1e6 };
  } catch (error) {
    return { error, ms: performance.now() - started, p99: delay.percentile(99) / 1e6 };
  } finally {
    delay.disable();
  }
}

beforeAll(async () => {
  api = await createApi();
  await api.tokenFor('ADMIN');
  const admin = await api.db.prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
  ctx = {
    prisma: api.db.prisma,
    logger: pino({ level: 'silent' }),
    requestId: 'annex-import-test',
    viewer: {
      kind: 'user',
      userId: admin.id,
      email: admin.email,
      role: 'ADMIN',
      sessionId: 'test',
    },
    actorLabel: admin.email,
    cache: new Map(),
  };
  bodies = (
    await api.db.prisma.organization.findMany({
      where: { type: 'DEPARTMENT' },
      select: { name: true },
      take: 20,
    })
  ).map((o) => o.name);
}, 60_000);
afterAll(async () => {
  await api?.close();
});

const version = async () =>
  (await api.db.prisma.inspectionRound.findUniqueOrThrow({ where: { quarter: QUARTER } })).version;
const uploads = (csv: string) => ({
  WEBSITE: { format: 'CSV' as const, file: new File([csv], '附件1.csv') },
});
const field = () => 'annexes.website';

describe('a 100k-row annex import', () => {
  it('refuses a bad row near the end and writes nothing, the event loop free all along', async () => {
    const before = await api.db.prisma.websiteFinding.count({
      where: { round: { quarter: QUARTER } },
    });
    const v = await version();
    const run = await timed(() =>
      importInspectionAnnexes(ctx, {
        quarter: QUARTER,
        version: v,
        uploads: uploads(websiteCsv({ at: ROWS - 5 })),
        field,
        action: 'inspectionRound.importAnnexes',
      }),
    );
    expect(run.error).toMatchObject({ code: 'BAD_USER_INPUT' });
    const rows = (run.error as { details: { rows: { line: number; column: string }[] } }).details
      .rows;
    expect(rows).toEqual([expect.objectContaining({ line: ROWS - 5 + 2, column: '是否整改完成' })]);
    expect(
      await api.db.prisma.websiteFinding.count({ where: { round: { quarter: QUARTER } } }),
    ).toBe(before);
    expect(await version()).toBe(v);
    expect(run.p99).toBeLessThan(200);
  }, 120_000);

  it('writes every row in one transaction with its audit entry, the event loop free all along', async () => {
    const v = await version();
    const run = await timed(() =>
      importInspectionAnnexes(ctx, {
        quarter: QUARTER,
        version: v,
        uploads: uploads(websiteCsv()),
        field,
        action: 'inspectionRound.importAnnexes',
      }),
    );
    expect(run.error).toBeUndefined();
    console.info(
      `100k-row annex import: ${Math.round(run.ms)} ms, event-loop delay p99 ${run.p99.toFixed(1)} ms`,
    );
    const round = await api.db.prisma.inspectionRound.findUniqueOrThrow({
      where: { quarter: QUARTER },
    });
    expect(round.version).toBe(v + 1);
    expect(await api.db.prisma.websiteFinding.count({ where: { roundId: round.id } })).toBe(ROWS);
    // Sites continue across rows: the 11th row of 序号 1 is its position 10.
    const last = await api.db.prisma.websiteFinding.findFirstOrThrow({
      where: { roundId: round.id, siteSeq: 1, position: 10 },
      include: { organization: true },
    });
    expect(last).toMatchObject({
      siteName: '测试网站1',
      description: `《栏目${99_990 % 7}》超期未更新 99990`,
      rectified: false,
      organization: { name: bodies[1] },
    });
    const audit = await api.db.prisma.auditEntry.findFirstOrThrow({
      where: {
        entity: 'InspectionRound',
        entityId: round.id,
        action: 'inspectionRound.importAnnexes',
      },
      orderBy: { id: 'desc' },
    });
    expect(audit.after).toMatchObject({ websiteFindings: ROWS, formats: { WEBSITE: 'CSV' } });
    expect(run.p99).toBeLessThan(200);
  }, 120_000);

  it('takes a CSV of 20,000 rows as a GraphQL multipart upload, the event loop free all along', async () => {
    const v = await version();
    const csv = websiteCsv().split('\r\n').slice(0, 20_001).join('\r\n');
    const form = new FormData();
    const IMPORT =
      'mutation($q: String!, $v: Int!, $a: InspectionAnnexFilesInput!) { importInspectionAnnexes(quarter: $q, version: $v, annexes: $a) { version rectificationProgress { websiteTotal } } }';
    form.set(
      'operations',
      JSON.stringify({
        query: IMPORT,
        variables: { q: QUARTER, v, a: { website: { format: 'CSV', file: null } } },
      }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.a.website.file'] }));
    form.set('0', new File([csv], '附件1.csv', { type: 'text/csv' }));
    const token = await api.tokenFor('ADMIN');
    const run = await timed(async () =>
      (
        await api.post(form, { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' })
      ).json(),
    );
    expect(run.error).toBeUndefined();
    expect(run.result).toEqual({
      data: {
        importInspectionAnnexes: {
          version: v + 1,
          rectificationProgress: { websiteTotal: 20_000 },
        },
      },
    });
    expect(run.p99).toBeLessThan(200);
  }, 120_000);
});
