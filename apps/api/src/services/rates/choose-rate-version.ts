// Which version of a table answers a date, chosen in SQL: the latest published version started on
// or before `asOf` and the earliest one (for a date before any), with their documents, in one
// statement however long the history is. The domain then decides whether it is in force; only
// when it is not (a date past the end, or overlapping data) are all ranges read, to say why.
import {
  rateTableFromRows,
  versionInForce,
  type PlainDate,
  type RateTable,
  type RateVersion,
} from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { tableRanges } from './table-ranges.ts';

export interface RateVersionChoice {
  /** The table with the published versions looked at (ranges only, no entries). */
  table: RateTable;
  /** The published version in force on asOf, or null. */
  inForce: RateVersion | null;
  /** In force, else the latest that started before asOf, else the first: tells old codes from unknown ones. */
  nearest: RateVersion | null;
}

interface Row {
  id: string;
  key: string;
  kind: RateTable['kind'];
  name: string;
  dimensions: unknown;
  tDocNo: string;
  tFrom: string;
  tExpires: string | null;
  tTrial: boolean | null;
  tRepealedOn: string | null;
  tRepealedBy: string | null;
  vId: string | null;
  vLabel: string | null;
  vFrom: string | null;
  vTo: string | null;
  vNote: string | null;
  vBasedOn: string | null;
  pDocNo: string | null;
  pFrom: string | null;
  pExpires: string | null;
  pTrial: boolean | null;
  pRepealedOn: string | null;
  pRepealedBy: string | null;
}

const VERSION_COLUMNS = `v.id, v.label, v."effectiveFrom", v."effectiveTo", v.note, v."basedOnId", v."policyId"`;

const sql = (column: 'key' | 'id') => `
WITH t AS (SELECT id, key, kind::text AS kind, name, dimensions, "policyId" FROM "RateTable" WHERE "${column}" = $1),
c AS (
  (SELECT ${VERSION_COLUMNS}, 0 AS ord FROM "RateTableVersion" v JOIN t ON v."tableId" = t.id
    WHERE v.status = 'PUBLISHED' AND v."effectiveFrom" <= $2::date ORDER BY v."effectiveFrom" DESC, v."createdAt" DESC LIMIT 1)
  UNION ALL
  (SELECT ${VERSION_COLUMNS}, 1 AS ord FROM "RateTableVersion" v JOIN t ON v."tableId" = t.id
    WHERE v.status = 'PUBLISHED' ORDER BY v."effectiveFrom" ASC, v."createdAt" ASC LIMIT 1)
)
SELECT t.id, t.key, t.kind, t.name, t.dimensions,
  tp."docNo" AS "tDocNo", tp."effectiveFrom"::text AS "tFrom", tp."expiresOn"::text AS "tExpires", tp."isTrial" AS "tTrial",
  tp."repealedOn"::text AS "tRepealedOn", tr."docNo" AS "tRepealedBy",
  c.id AS "vId", c.label AS "vLabel", c."effectiveFrom"::text AS "vFrom", c."effectiveTo"::text AS "vTo", c.note AS "vNote", c."basedOnId" AS "vBasedOn",
  vp."docNo" AS "pDocNo", vp."effectiveFrom"::text AS "pFrom", vp."expiresOn"::text AS "pExpires", vp."isTrial" AS "pTrial",
  vp."repealedOn"::text AS "pRepealedOn", vr."docNo" AS "pRepealedBy"
FROM t JOIN "Policy" tp ON tp.id = t."policyId" LEFT JOIN "Policy" tr ON tr.id = tp."repealedById"
LEFT JOIN c ON true LEFT JOIN "Policy" vp ON vp.id = c."policyId" LEFT JOIN "Policy" vr ON vr.id = vp."repealedById"
ORDER BY c.ord`;

const policyOf = (
  docNo: string,
  from: string,
  expires: string | null,
  trial: boolean | null,
  repealedOn: string | null,
  repealedBy: string | null,
) => ({
  docNo,
  effectiveFrom: from,
  expiresOn: expires,
  isTrial: trial,
  repealedOn,
  repealedBy: repealedBy ? { docNo: repealedBy } : null,
});

async function choose(
  ctx: Pick<GazetteContext, 'prisma'>,
  ref: { key: string } | { id: string },
  asOf: PlainDate,
): Promise<RateVersionChoice | null> {
  const [column, value] = 'key' in ref ? (['key', ref.key] as const) : (['id', ref.id] as const);
  const rows = await ctx.prisma.$queryRawUnsafe<Row[]>(sql(column), value, asOf);
  const first = rows[0];
  if (!first) return null;
  const versions = rows
    .filter((r, i) => r.vId !== null && rows.findIndex((o) => o.vId === r.vId) === i)
    .map((r) => ({
      id: r.vId!,
      label: r.vLabel,
      effectiveFrom: r.vFrom!,
      effectiveTo: r.vTo,
      status: 'PUBLISHED' as const,
      note: r.vNote,
      basedOnId: r.vBasedOn,
      policy: r.pDocNo
        ? policyOf(r.pDocNo, r.pFrom!, r.pExpires, r.pTrial, r.pRepealedOn, r.pRepealedBy)
        : null,
    }));
  const policy = policyOf(
    first.tDocNo,
    first.tFrom,
    first.tExpires,
    first.tTrial,
    first.tRepealedOn,
    first.tRepealedBy,
  );
  let table = rateTableFromRows(first, policy, versions);
  const latestStarted = rows.find((r) => r.vId !== null && r.vFrom! <= asOf)?.vId ?? null;
  let inForce = versionInForce(table, asOf);
  if (latestStarted && inForce?.id !== latestStarted) {
    // Past the end of the latest version, or ranges that overlap: read every range to be exact.
    table = (await tableRanges(ctx.prisma, { id: first.id }))!;
    inForce = versionInForce(table, asOf);
  }
  const byStart = [...table.versions].sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
  );
  const nearest =
    inForce ?? [...byStart].reverse().find((v) => v.effectiveFrom <= asOf) ?? byStart[0] ?? null;
  return { table, inForce, nearest };
}

/** The choice for a table (by key or id) on `asOf`, made once per request. */
export function chooseRateVersion(
  ctx: Pick<GazetteContext, 'prisma' | 'cache'>,
  ref: { key: string } | { id: string },
  asOf: PlainDate,
): Promise<RateVersionChoice | null> {
  const cacheKey = `rateVersionChoice:${'key' in ref ? `key:${ref.key}` : `id:${ref.id}`}:${asOf}`;
  let known = ctx.cache.get(cacheKey) as Promise<RateVersionChoice | null> | undefined;
  if (!known) {
    known = choose(ctx, ref, asOf);
    ctx.cache.set(cacheKey, known);
  }
  return known;
}
