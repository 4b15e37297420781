// The scaled dataset of issue 9: ten years of history on top of the seed, written by PostgreSQL
// itself (INSERT … SELECT generate_series) in one transaction, so it takes seconds.
import type pg from 'pg';
import { findingKeys } from '@gazette/domain';

export interface Scale {
  organizations: number; // in all, the seed's included
  quarters: number; // in all, the seed's 2024Q4 included
  findings: number; // website + new-media findings added
  cases: number;
  medicalVersions: number; // published versions of the medical table in all
  auditEntries: number;
}

export const FULL_SCALE: Scale = {
  organizations: 300,
  quarters: 40,
  findings: 100_000,
  cases: 10_000,
  medicalVersions: 200,
  auditEntries: 50_000,
};

export const QUICK_SCALE: Scale = {
  organizations: 100,
  quarters: 12,
  findings: 10_000,
  cases: 1_000,
  medicalVersions: 20,
  auditEntries: 5_000,
};

/** Rows the seed-size database holds in each private list: a full first page (25) and more. */
export const FIRST_PAGE_ROWS = 30;

/**
 * The seed leaves the signed-in lists short (one case, a couple of audit entries), so their
 * seed-size reading would time a 1-row answer against the scale's full page of 25: the growth of
 * the answer, not of the history. Both databases get the same full first page before anything
 * else (the scaled one then adds its history), so scale vs seed compares the same answer.
 */
export async function fillFirstPages(client: pg.ClientBase): Promise<void> {
  await client.query(
    `INSERT INTO "DiscretionCase" (id, "caseName", "subjectName", trigger, "filedOn", state, "policyId", "conditionsMet", exclusions, "updatedAt")
     SELECT gen_random_uuid()::text, '基准测试首页案件' || i, '基准测试首页主体' || i,
       (enum_range(NULL::"CaseTrigger"))[1 + i % 4], date '2024-12-01' + i,
       (enum_range(NULL::"CaseState"))[1 + i % 7],
       (SELECT id FROM "Policy" WHERE "docNo" LIKE '泸市监规发%' LIMIT 1), '{}', '{}', now()
     FROM generate_series(1, greatest($1::int - (SELECT count(*) FROM "DiscretionCase")::int, 0)) i`,
    [FIRST_PAGE_ROWS],
  );
  await client.query(
    `INSERT INTO "AuditEntry" (at, "actorLabel", action, entity, "entityId", before, after)
     SELECT now() - i * interval '1 hour', 'admin@localhost', 'rateEntry.update', 'RateEntry', md5(i::text),
       jsonb_build_object('amount', i), jsonb_build_object('amount', i + 1)
     FROM generate_series(1, greatest($1::int - (SELECT count(*) FROM "AuditEntry")::int, 0)) i`,
    [FIRST_PAGE_ROWS],
  );
}

/**
 * VACUUM (ANALYZE) the database, then wait (60 s at most) until no autovacuum worker runs; returns
 * the seconds spent waiting. A bulk write sets autovacuum off on its own
 * (autovacuum_vacuum_insert_threshold) within a minute, and on a two-core machine the worker
 * takes CPU from whatever is measured next.
 */
export async function vacuumSettled(client: pg.ClientBase): Promise<number> {
  await client.query('VACUUM (ANALYZE)');
  const started = performance.now();
  for (let i = 0; i < 60; i++) {
    const busy = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`,
    );
    if (Number(busy.rows[0]!.n) === 0) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return (performance.now() - started) / 1000;
}

/** Builds the history; returns the row counts it reached. */
export async function buildScaledData(
  client: pg.ClientBase,
  scale: Scale,
): Promise<Record<string, number>> {
  await client.query('BEGIN');
  try {
    // Organisations: departments named like the real ones, a third of them with an alias.
    await client.query(
      `INSERT INTO "Organization" (id, name, "shortName", type, "updatedAt")
       SELECT gen_random_uuid()::text, '泸州市基准测试局' || i, '市基准测试局' || i, 'DEPARTMENT', now()
       FROM generate_series(1, greatest($1::int - (SELECT count(*) FROM "Organization")::int, 0)) i`,
      [scale.organizations],
    );
    await client.query(
      `INSERT INTO "OrganizationAlias" (id, "organizationId", alias)
       SELECT gen_random_uuid()::text, id, '基准别名' || substr(md5(id), 1, 12) FROM "Organization"
       WHERE name LIKE '泸州市基准测试局%' AND right(name, 1) IN ('0', '3', '6')`,
    );

    // Quarters before the seed's: 2024Q3, 2024Q2, … back to `quarters - 1` rounds.
    await client.query(
      `INSERT INTO "InspectionRound" (id, quarter, "windowStart", "windowEnd", "cityPortalsChecked", "districtPortalsChecked",
         "departmentSitesChecked", "newMediaAccountsChecked", "newMediaDistricts", "newMediaParks", "newMediaDepartments",
         "messagesReceived", "messagesClosed", "updatedAt")
       SELECT gen_random_uuid()::text, to_char(d, 'YYYY') || 'Q' || extract(quarter FROM d), d, d + interval '3 months' - interval '1 day',
         1, 7, 40, 120, 7, 5, 40, 300, 290, now()
       FROM (SELECT date '2024-07-01' - make_interval(months => 3 * i) AS d FROM generate_series(0, $1::int - 2) i) q
       ON CONFLICT (quarter) DO NOTHING`,
      [scale.quarters],
    );
    const history = `(SELECT id, row_number() OVER (ORDER BY quarter) - 1 AS n, count(*) OVER () AS total FROM "InspectionRound" WHERE quarter <> '2024Q4')`;
    const orgs = `(SELECT id, row_number() OVER (ORDER BY name) - 1 AS n, count(*) OVER () AS total FROM "Organization")`;

    // Findings: 70% website, 30% new media, spread evenly over the history; descriptions drawn
    // from a small set so the same body repeats the same problem across quarters.
    // Their repeat-finding keys come from the domain's findingKeys, as the API writes them.
    const website = Math.round(scale.findings * 0.7);
    const newMedia = scale.findings - website;
    const texts = [
      '《部门信箱》超期未更新',
      '栏目长期未更新',
      '链接无法打开',
      '错别字',
      '信息发布不规范',
    ];
    const keys = texts.map((description) => findingKeys({ channel: 'WEBSITE', description }));
    await client.query(
      `WITH r AS ${history}, o AS ${orgs}
       INSERT INTO "WebsiteFinding" (id, "roundId", "organizationId", "siteSeq", "siteName", position, description, "subjectKey", "issueKey", rectified, "updatedAt")
       SELECT gen_random_uuid()::text, r.id, o.id, 1 + (i / r.total) % 100000, '基准测试网站' || (i % o.total), (i / r.total) / 100000,
         ($2::text[])[1 + i % 5], ($3::text[])[1 + i % 5], ($4::text[])[1 + i % 5], i % 3 = 0, now()
       FROM generate_series(0, $1::int - 1) i
       JOIN r ON r.n = i % r.total
       JOIN o ON o.n = (i / 7) % o.total`,
      [website, texts, keys.map((k) => k.subjectKey), keys.map((k) => k.issueKey)],
    );
    // Accounts are a prefix and a number: the prefix's key followed by the number is the account's.
    const account = '基准测试公众号';
    const issues = ['长期未更新', '内容不规范', '互动回应不及时'];
    const mediaKeys = issues.map((description) =>
      findingKeys({ channel: 'NEW_MEDIA', account, description }),
    );
    await client.query(
      `WITH r AS ${history}, o AS ${orgs}
       INSERT INTO "NewMediaFinding" (id, "roundId", "organizationId", seq, account, platform, description, "subjectKey", "issueKey", rectified, "updatedAt")
       SELECT gen_random_uuid()::text, r.id, o.id, 1 + i / r.total, $2 || (i % o.total), (ARRAY['微信', '微博', '抖音'])[1 + i % 3],
         ($3::text[])[1 + i % 3], $4 || (i % o.total), ($5::text[])[1 + i % 3], CASE WHEN i % 4 = 0 THEN NULL ELSE i % 2 = 0 END, now()
       FROM generate_series(0, $1::int - 1) i
       JOIN r ON r.n = i % r.total
       JOIN o ON o.n = (i / 5) % o.total`,
      [newMedia, account, issues, mediaKeys[0]!.subjectKey, mediaKeys.map((k) => k.issueKey)],
    );
    await client.query(
      `WITH r AS ${history}, o AS ${orgs}
       INSERT INTO "DataCollectionGap" (id, "roundId", "organizationId", kind, "dataYear", position)
       SELECT gen_random_uuid()::text, r.id, o.id, (ARRAY['BASE', 'PROCESS'])[1 + k]::"DataGapKind", 2020, j
       FROM r CROSS JOIN generate_series(0, 9) j CROSS JOIN generate_series(0, 1) k
       JOIN o ON o.n = (r.n * 13 + j * 3 + k) % o.total
       ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `WITH r AS ${history}, o AS ${orgs}
       INSERT INTO "InformationAdoption" (id, "roundId", "organizationId", rating, position)
       SELECT gen_random_uuid()::text, r.id, o.id, (ARRAY['GOOD', 'ZERO'])[1 + j % 2]::"AdoptionRating", j
       FROM r CROSS JOIN generate_series(0, 9) j JOIN o ON o.n = (r.n * 7 + j * 11) % o.total
       ON CONFLICT DO NOTHING`,
    );

    // Cases under the discretion-review document, filed over ten years.
    await client.query(
      `INSERT INTO "DiscretionCase" (id, "caseName", "subjectName", trigger, "filedOn", state, "policyId", "conditionsMet", exclusions, "updatedAt")
       SELECT gen_random_uuid()::text, '基准测试案件' || i, '基准测试主体' || (i % 997),
         (enum_range(NULL::"CaseTrigger"))[1 + i % 4], date '2015-01-01' + (i % 3650),
         (enum_range(NULL::"CaseState"))[1 + i % 7],
         (SELECT id FROM "Policy" WHERE "docNo" LIKE '泸市监规发%' LIMIT 1), '{}', '{}', now()
       FROM generate_series(1, $1::int) i`,
      [scale.cases],
    );

    // Medical rate-table history: older published versions, each a full copy of the seed's
    // entries, one after another up to the day before the seed's version starts.
    await client.query(
      `WITH t AS (SELECT id FROM "RateTable" WHERE key = 'medical-service-prices'),
       base AS (SELECT v.id, v."effectiveFrom" FROM "RateTableVersion" v WHERE v."tableId" = (SELECT id FROM t) ORDER BY v."effectiveFrom" LIMIT 1),
       added AS (
         INSERT INTO "RateTableVersion" (id, "tableId", label, "effectiveFrom", "effectiveTo", status, "publishedAt", "updatedAt")
         SELECT gen_random_uuid()::text, (SELECT id FROM t), '基准历史版本' || i,
           (SELECT "effectiveFrom" FROM base) - 20 * (i + 1), (SELECT "effectiveFrom" FROM base) - 20 * i - 1, 'PUBLISHED', now(), now()
         FROM generate_series(1, $1::int - 1) i
         RETURNING id)
       INSERT INTO "RateEntry" (id, "versionId", key, dimensions, code, name, unit, amount, rate, "baseKey", attributes, position, "updatedAt")
       SELECT gen_random_uuid()::text, added.id, e.key, e.dimensions, e.code, e.name, e.unit, e.amount, e.rate, e."baseKey", e.attributes, e.position, now()
       FROM added CROSS JOIN "RateEntry" e WHERE e."versionId" = (SELECT id FROM base)`,
      [scale.medicalVersions],
    );

    await client.query(
      `INSERT INTO "AuditEntry" (at, "actorLabel", action, entity, "entityId", before, after)
       SELECT timestamp '2015-01-01' + i * interval '90 minutes', 'admin@localhost', 'rateEntry.update', 'RateEntry', md5(i::text),
         jsonb_build_object('amount', i % 1000), jsonb_build_object('amount', i % 1000 + 1)
       FROM generate_series(1, $1::int) i`,
      [scale.auditEntries],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  // VACUUM as well as ANALYZE: after this many inserts autovacuum would otherwise start on its own
  // (autovacuum_vacuum_insert_threshold) while the scale-size requests are being measured, taking
  // CPU from the API and the raw server on a two-core machine; then wait until no worker runs.
  await vacuumSettled(client);
  const counts: Record<string, number> = {};
  for (const table of [
    'Organization',
    'InspectionRound',
    'WebsiteFinding',
    'NewMediaFinding',
    'DiscretionCase',
    'RateTableVersion',
    'RateEntry',
    'AuditEntry',
  ]) {
    const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(r.rows[0]!.n);
  }
  return counts;
}
