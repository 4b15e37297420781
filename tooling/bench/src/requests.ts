// The requests `pnpm bench` measures: every read of the public contract (operations.graphql and
// next.graphql, with the variables the contract tests use) and the first page of every list the
// dashboard shows. Each has the same answer written as ONE hand-written SQL statement that builds
// the JSON in PostgreSQL; the bare node:http server (raw-server.ts) runs it and sends the text.
// The raw side is a floor, not a second implementation: calculators fetch the rows the quote
// needs and leave the arithmetic out, and organisation names match exactly (no alias folding).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const OPERATIONS = readFileSync(
  path.join(ROOT, 'apps/api/contract/operations.graphql'),
  'utf8',
);
export const NEXT_OPERATIONS = readFileSync(
  path.join(ROOT, 'apps/api/contract/next.graphql'),
  'utf8',
);

/** Values found in the database at run time (ids the contract variables cannot spell). */
export interface Found {
  caseId: string; // the GraphQL id of a case the bench opened
  caseDbId: string;
  medicalVersionId: string; // the published medical version in force on 2025-01-01
}

export interface BenchRequest {
  name: string;
  kind: 'contract' | 'list';
  /** A document and, for contract files, the operation name in it. */
  document: string;
  operationName?: string;
  variables: (found: Found) => Record<string, unknown>;
  /** Sent with the administrator's token (dashboard lists and authenticated reads). */
  auth?: boolean;
  /**
   * Measured and shown but not held to the targets, with the reason: a whole list asked for on
   * purpose (neither a contract read nor a first page), whose answer grows with the history.
   */
  informational?: string;
  /**
   * The API forgets its personal answers (NOTIFY gazette_private) before each timed call, untimed:
   * the read as it runs when it is not kept (the first after a write to cases or the log).
   */
  forget?: boolean;
  sql: string;
  params: (found: Found) => unknown[];
}

const POLICY_STATUS = (p: string, asOf: string) => `CASE
  WHEN ${p}."repealedOn" IS NOT NULL AND ${p}."repealedOn" <= ${asOf} THEN 'REPEALED'
  WHEN ${asOf} < ${p}."effectiveFrom" THEN 'NOT_YET_EFFECTIVE'
  WHEN ${p}."expiresOn" IS NOT NULL AND ${asOf} > ${p}."expiresOn" THEN 'EXPIRED'
  ELSE 'IN_FORCE' END`;

/** The published version of a table in force on a date. */
const VERSION_IN_FORCE = (tableKey: string, asOf: string) => `(SELECT v.id FROM "RateTableVersion" v
  JOIN "RateTable" t ON t.id = v."tableId" AND t.key = '${tableKey}'
  WHERE v.status = 'PUBLISHED' AND v."effectiveFrom" <= ${asOf} AND (v."effectiveTo" IS NULL OR v."effectiveTo" >= ${asOf})
  ORDER BY v."effectiveFrom" DESC LIMIT 1)`;

const page = (
  from: string,
  where: string,
  order: string,
  fields: string,
  perPage = 25,
) => `SELECT json_build_object(
  'total', (SELECT count(*) FROM ${from} WHERE ${where}),
  'nodes', (SELECT coalesce(json_agg(x), '[]') FROM (SELECT ${fields} FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ${perPage}) x))`;

const ROUND_FIGURES = `json_build_object(
  'quarter', r.quarter,
  'websitesChecked', r."cityPortalsChecked" + r."districtPortalsChecked" + r."departmentSitesChecked",
  'websitesWithIssues', (SELECT count(DISTINCT w."siteSeq") FROM "WebsiteFinding" w WHERE w."roundId" = r.id),
  'websiteIssues', (SELECT count(*) FROM "WebsiteFinding" w WHERE w."roundId" = r.id),
  'websiteIssuesRectified', (SELECT count(*) FROM "WebsiteFinding" w WHERE w."roundId" = r.id AND w.rectified),
  'newMediaAccountsChecked', r."newMediaAccountsChecked",
  'newMediaAccountsWithIssues', (SELECT count(DISTINCT n.account) FROM "NewMediaFinding" n WHERE n."roundId" = r.id),
  'messagesReceived', r."messagesReceived",
  'messagesClosed', r."messagesClosed",
  'baseDataMissing', (SELECT coalesce(json_agg(json_build_object('name', o.name) ORDER BY g.position), '[]')
     FROM "DataCollectionGap" g JOIN "Organization" o ON o.id = g."organizationId" WHERE g."roundId" = r.id AND g.kind = 'BASE'),
  'processDataMissing', (SELECT coalesce(json_agg(json_build_object('name', o.name) ORDER BY g.position), '[]')
     FROM "DataCollectionGap" g JOIN "Organization" o ON o.id = g."organizationId" WHERE g."roundId" = r.id AND g.kind = 'PROCESS'))`;

const none = () => [];

export const REQUESTS: BenchRequest[] = [
  // ------------------------------------------------------------ contract reads
  {
    name: 'Policy',
    kind: 'contract',
    document: OPERATIONS,
    operationName: 'Policy',
    variables: () => ({ docNo: '泸市府规〔2024〕4号', asOf: '2025-01-06' }),
    sql: `SELECT json_build_object('policy', (SELECT json_build_object('id', p.id, 'docNo', p."docNo", 'title', p.title, 'category', p.category,
      'issuers', (SELECT coalesce(json_agg(json_build_object('name', o.name) ORDER BY pi.position), '[]')
         FROM "PolicyIssuer" pi JOIN "Organization" o ON o.id = pi."organizationId" WHERE pi."policyId" = p.id),
      'signedOn', p."signedOn", 'effectiveFrom', p."effectiveFrom", 'expiresOn', p."expiresOn", 'isTrial', p."isTrial",
      'status', ${POLICY_STATUS('p', '$2::date')}) FROM "Policy" p WHERE p."docNo" = $1))`,
    params: () => ['泸市府规〔2024〕4号', '2025-01-06'],
  },
  {
    name: 'Policies (first 25)',
    kind: 'contract',
    document: OPERATIONS,
    operationName: 'Policies',
    variables: () => ({ first: 25 }),
    sql: `SELECT json_build_object('policies', json_build_object('totalCount', (SELECT count(*) FROM "Policy"),
      'edges', (SELECT coalesce(json_agg(json_build_object('cursor', x.id, 'node', x)), '[]') FROM
        (SELECT id, "docNo", title, "effectiveFrom", "expiresOn" FROM "Policy" ORDER BY "signedOn" DESC, id LIMIT 26) x)))`,
    params: none,
  },
  {
    name: 'MedicalServicePrice',
    kind: 'contract',
    document: OPERATIONS,
    operationName: 'MedicalServicePrice',
    variables: () => ({ code: '311201069', grade: 'TERTIARY_A', asOf: '2025-01-01' }),
    sql: `SELECT json_build_object('medicalServicePrice', (SELECT json_build_object('code', e.code, 'name', e.name, 'unit', e.unit,
      'amount', e.amount, 'surchargeRate', e.rate, 'policy', json_build_object('docNo', p."docNo"))
      FROM "RateEntry" e JOIN "RateTableVersion" v ON v.id = e."versionId" JOIN "RateTable" t ON t.id = v."tableId"
      JOIN "Policy" p ON p.id = coalesce(v."policyId", t."policyId")
      WHERE e."versionId" = ${VERSION_IN_FORCE('medical-service-prices', '$3::date')} AND e.key = $1 || '|' || $2))`,
    params: () => ['311201069', 'TERTIARY_A', '2025-01-01'],
  },
  {
    name: 'MedicalServiceQuote',
    kind: 'contract',
    document: OPERATIONS,
    operationName: 'MedicalServiceQuote',
    variables: () => ({
      input: {
        grade: 'TERTIARY_A',
        asOf: '2025-01-01',
        items: [
          { code: '311201079', quantity: 11 },
          { code: '311201069', quantity: 1 },
        ],
      },
    }),
    sql: `SELECT json_build_object('medicalServiceQuote', json_build_object('lines', (SELECT coalesce(json_agg(json_build_object(
      'code', e.code, 'amount', e.amount, 'rate', e.rate, 'baseKey', e."baseKey", 'attributes', e.attributes)), '[]')
      FROM "RateEntry" e WHERE e."versionId" = ${VERSION_IN_FORCE('medical-service-prices', '$2::date')}
      AND e.key = ANY (SELECT c || '|' || $1 FROM unnest($3::text[]) c))))`,
    params: () => ['TERTIARY_A', '2025-01-01', ['311201079', '311201069']],
  },
  {
    name: 'LandTransferFeeQuote',
    kind: 'contract',
    document: OPERATIONS,
    operationName: 'LandTransferFeeQuote',
    variables: () => ({
      input: {
        asOf: '2025-03-01',
        landUse: 'COMMERCIAL',
        grade: 1,
        streetFrontGroundFloor: true,
        floorArea: '100',
        termCoefficient: '0.8',
      },
    }),
    sql: `SELECT json_build_object('landTransferFeeQuote', (SELECT json_agg(json_build_object('key', e.key, 'amount', e.amount, 'rate', e.rate, 'attributes', e.attributes))
      FROM "RateEntry" e WHERE e."versionId" = ${VERSION_IN_FORCE('land-transfer-fee-standards', '$1::date')}), 'policy',
      (SELECT json_build_object('docNo', p."docNo") FROM "RateTable" t JOIN "Policy" p ON p.id = t."policyId" WHERE t.key = 'land-transfer-fee-standards'))`,
    params: () => ['2025-03-01'],
  },
  {
    name: 'RehabAssistanceCheck',
    kind: 'contract',
    document: OPERATIONS,
    operationName: 'RehabAssistanceCheck',
    variables: () => ({
      input: {
        birthDate: '2015-03-01',
        applicationDate: '2025-03-01',
        luzhouHukou: true,
        service: 'SURGERY',
        requestedAmount: '35000',
      },
    }),
    sql: `SELECT json_build_object('rehabAssistanceCheck', (SELECT json_agg(json_build_object('key', e.key, 'amount', e.amount, 'attributes', e.attributes))
      FROM "RateEntry" e WHERE e."versionId" = ${VERSION_IN_FORCE('child-rehab-assistance-standards', '$1::date')} AND e.dimensions->>'service' = $2))`,
    params: () => ['2025-03-01', 'SURGERY'],
  },
  {
    name: 'ComplianceSummary',
    kind: 'contract',
    document: OPERATIONS,
    operationName: 'ComplianceSummary',
    variables: () => ({ quarter: '2024Q4' }),
    sql: `SELECT json_build_object('complianceSummary', (SELECT ${ROUND_FIGURES} FROM "InspectionRound" r WHERE r.quarter = $1))`,
    params: () => ['2024Q4'],
  },
  {
    name: 'OrganizationCompliance',
    kind: 'contract',
    document: OPERATIONS,
    operationName: 'OrganizationCompliance',
    variables: () => ({ name: '市教育和体育局', quarter: '2024Q4' }),
    sql: `WITH o AS (SELECT o.id, o.name FROM "Organization" o WHERE o.name = $1 OR o."shortName" = $1
        OR EXISTS (SELECT 1 FROM "OrganizationAlias" a WHERE a."organizationId" = o.id AND a.alias = $1) LIMIT 1),
      r AS (SELECT id FROM "InspectionRound" WHERE quarter = $2)
      SELECT json_build_object('organization', (SELECT json_build_object('name', o.name, 'compliance', (SELECT json_build_object(
        'websiteIssues', (SELECT coalesce(json_agg(json_build_object('description', w.description, 'rectified', w.rectified) ORDER BY w."siteSeq", w.position), '[]')
           FROM "WebsiteFinding" w WHERE w."organizationId" = o.id AND w."roundId" = r.id),
        'newMediaIssues', (SELECT coalesce(json_agg(json_build_object('account', n.account, 'description', n.description) ORDER BY n.seq), '[]')
           FROM "NewMediaFinding" n WHERE n."organizationId" = o.id AND n."roundId" = r.id),
        'baseDataMissing', EXISTS (SELECT 1 FROM "DataCollectionGap" g WHERE g."organizationId" = o.id AND g."roundId" = r.id AND g.kind = 'BASE'),
        'processDataMissing', EXISTS (SELECT 1 FROM "DataCollectionGap" g WHERE g."organizationId" = o.id AND g."roundId" = r.id AND g.kind = 'PROCESS'))
        FROM r)) FROM o))`,
    params: () => ['市教育和体育局', '2024Q4'],
  },
  {
    name: 'Case',
    kind: 'contract',
    document: OPERATIONS,
    operationName: 'Case',
    auth: true,
    variables: (f) => ({ id: f.caseId }),
    sql: `SELECT json_build_object('case', (SELECT json_build_object('id', c.id, 'state', c.state, 'reviewDeadline', c."reviewDeadline",
      'notices', (SELECT coalesce(json_agg(json_build_object('kind', n.kind, 'number', n.number, 'issuedOn', n."issuedOn") ORDER BY n.position), '[]')
        FROM "Notice" n WHERE n."caseId" = c.id)) FROM "DiscretionCase" c WHERE c.id = $1))`,
    params: (f) => [f.caseDbId],
  },
  {
    name: 'PolicyText',
    kind: 'contract',
    document: NEXT_OPERATIONS,
    operationName: 'PolicyText',
    variables: () => ({ docNo: '泸市医保规〔2024〕4号', asOf: '2025-01-01' }),
    sql: `SELECT json_build_object('policy', (SELECT json_build_object('docNo', p."docNo", 'status', ${POLICY_STATUS('p', '$2::date')},
      'source', json_build_object('issueLabel', p."issueLabel", 'page', p.page),
      'repealedBy', (SELECT json_build_object('docNo', q."docNo") FROM "Policy" q WHERE q.id = p."repealedById"),
      'articles', (SELECT coalesce(json_agg(json_build_object('number', a.number, 'text', a.text) ORDER BY a.position), '[]')
        FROM "PolicyArticle" a WHERE a."policyId" = p.id)) FROM "Policy" p WHERE p."docNo" = $1))`,
    params: () => ['泸市医保规〔2024〕4号', '2025-01-01'],
  },
  {
    name: 'Expiring',
    kind: 'contract',
    document: NEXT_OPERATIONS,
    operationName: 'Expiring',
    variables: () => ({ asOf: '2026-12-02', withinDays: 30 }),
    sql: `SELECT json_build_object('expiringPolicies', (SELECT coalesce(json_agg(json_build_object('docNo', p."docNo", 'title', p.title,
      'expiresOn', p."expiresOn", 'daysLeft', p."expiresOn" - $1::date, 'isTrial', p."isTrial") ORDER BY p."expiresOn", p."docNo"), '[]')
      FROM "Policy" p WHERE p."expiresOn" BETWEEN $1::date AND $1::date + $2::int AND p."repealedById" IS NULL))`,
    params: () => ['2026-12-02', 30],
  },
  {
    name: 'Changes (first 50)',
    kind: 'contract',
    document: NEXT_OPERATIONS,
    operationName: 'Changes',
    variables: () => ({ first: 50 }),
    sql: `SELECT json_build_object('changes', json_build_object('edges', (SELECT coalesce(json_agg(json_build_object('cursor', x.id::text,
      'node', json_build_object('at', x.at, 'kind', x.kind, 'docNo', x."docNo", 'quarter', x.quarter)) ORDER BY x.id), '[]')
      FROM (SELECT * FROM "ChangeEvent" ORDER BY id LIMIT 51) x)))`,
    params: none,
  },
  // ------------------------------------------------------------ dashboard lists, first page
  {
    name: 'policiesPage',
    kind: 'list',
    auth: true,
    document: `query { policiesPage(perPage: 25) { total nodes { id docNo title category signedOn effectiveFrom expiresOn } } }`,
    variables: () => ({}),
    sql: page(
      '"Policy"',
      'true',
      '"signedOn", id',
      'id, "docNo", title, category, "signedOn", "effectiveFrom", "expiresOn"',
    ),
    params: none,
  },
  {
    name: 'organizationsPage',
    kind: 'list',
    auth: true,
    document: `query { organizationsPage(perPage: 25) { total nodes { id name shortName type } } }`,
    variables: () => ({}),
    sql: page('"Organization"', 'true', 'name, id', 'id, name, "shortName", type'),
    params: none,
  },
  {
    name: 'rateTableVersionsPage',
    kind: 'list',
    auth: true,
    document: `query { rateTableVersionsPage(perPage: 25) { total nodes { id label effectiveFrom effectiveTo status } } }`,
    variables: () => ({}),
    sql: page(
      '"RateTableVersion"',
      'true',
      '"effectiveFrom", id',
      'id, label, "effectiveFrom", "effectiveTo", status',
    ),
    params: none,
  },
  {
    name: 'rateEntriesPage',
    kind: 'list',
    auth: true,
    document: `query($v: ID) { rateEntriesPage(perPage: 25, filter: { versionId: $v }) { total nodes { id key code name amount rate } } }`,
    variables: (f) => ({ v: f.medicalVersionId }),
    sql: page(
      '"RateEntry"',
      '"versionId" = $1',
      'position, id',
      'id, key, code, name, amount, rate',
    ),
    params: (f) => [f.medicalVersionId],
  },
  {
    name: 'rateEntries (medical, first 25)',
    kind: 'list',
    document: `query { rateEntries(tableKey: "medical-service-prices", asOf: "2025-01-01", first: 25) { totalCount edges { node { code name amount rate } } } }`,
    variables: () => ({}),
    sql: `SELECT json_build_object('totalCount', (SELECT count(*) FROM "RateEntry" WHERE "versionId" = ${VERSION_IN_FORCE('medical-service-prices', `'2025-01-01'::date`)}),
      'edges', (SELECT json_agg(json_build_object('node', x)) FROM (SELECT code, name, amount, rate FROM "RateEntry"
        WHERE "versionId" = ${VERSION_IN_FORCE('medical-service-prices', `'2025-01-01'::date`)} ORDER BY position, id LIMIT 26) x))`,
    params: none,
  },
  {
    name: 'inspectionRoundsPage',
    kind: 'list',
    auth: true,
    document: `query { inspectionRoundsPage(perPage: 25) { total nodes { id quarter windowStart windowEnd } } }`,
    variables: () => ({}),
    sql: page(
      '"InspectionRound"',
      'true',
      'quarter, id',
      'id, quarter, "windowStart", "windowEnd"',
    ),
    params: none,
  },
  {
    name: 'websiteFindingsPage',
    kind: 'list',
    auth: true,
    document: `query { websiteFindingsPage(perPage: 25) { total nodes { id siteSeq siteName description rectified organization { name } } } }`,
    variables: () => ({}),
    sql: page(
      '"WebsiteFinding" w',
      'true',
      'w."siteSeq", w.id',
      `w.id, w."siteSeq", w."siteName", w.description, w.rectified, (SELECT json_build_object('name', o.name) FROM "Organization" o WHERE o.id = w."organizationId") AS organization`,
    ),
    params: none,
  },
  {
    name: 'newMediaFindingsPage',
    kind: 'list',
    auth: true,
    document: `query { newMediaFindingsPage(perPage: 25) { total nodes { id seq account platform description rectified organization { name } } } }`,
    variables: () => ({}),
    sql: page(
      '"NewMediaFinding" n',
      'true',
      'n.seq, n.id',
      `n.id, n.seq, n.account, n.platform, n.description, n.rectified, (SELECT json_build_object('name', o.name) FROM "Organization" o WHERE o.id = n."organizationId") AS organization`,
    ),
    params: none,
  },
  {
    name: 'cases (first 25)',
    kind: 'list',
    auth: true,
    document: `query { cases(first: 25) { totalCount edges { node { id caseName subjectName state filedOn } } } }`,
    variables: () => ({}),
    sql: `SELECT json_build_object('totalCount', (SELECT count(*) FROM "DiscretionCase"), 'edges', (SELECT coalesce(json_agg(json_build_object('node', x)), '[]')
      FROM (SELECT id, "caseName", "subjectName", state, "filedOn" FROM "DiscretionCase" ORDER BY "filedOn" DESC, id LIMIT 26) x))`,
    params: none,
  },
  {
    name: 'auditEntriesPage',
    kind: 'list',
    auth: true,
    document: `query { auditEntriesPage(perPage: 25) { total nodes { id at actorLabel action entity entityId } } }`,
    variables: () => ({}),
    sql: page(
      '"AuditEntry"',
      'true',
      'at DESC, id DESC',
      'id, at, "actorLabel", action, entity, "entityId"',
    ),
    params: none,
  },
  {
    name: 'complianceSummaries (every quarter)',
    kind: 'list',
    informational:
      'not a target: one row per quarter of the whole history, asked for on purpose (the answer grows with it); a trend chart asks for the last quarters (row below)',
    document: `query { complianceSummaries { quarter websitesChecked websitesWithIssues websiteIssues websiteIssuesRectified newMediaAccountsChecked newMediaAccountsWithIssues messagesReceived messagesClosed } }`,
    variables: () => ({}),
    sql: `SELECT json_build_object('complianceSummaries', (SELECT coalesce(json_agg(${ROUND_FIGURES} ORDER BY r.quarter), '[]') FROM "InspectionRound" r))`,
    params: none,
  },
  {
    name: 'complianceSummaries (last 8 quarters, a trend chart)',
    kind: 'list',
    document: `query { complianceSummaries(last: 8) { quarter websitesChecked websitesWithIssues websiteIssues websiteIssuesRectified newMediaAccountsChecked newMediaAccountsWithIssues messagesReceived messagesClosed } }`,
    variables: () => ({}),
    sql: `SELECT json_build_object('complianceSummaries', (SELECT coalesce(json_agg(${ROUND_FIGURES} ORDER BY r.quarter), '[]') FROM "InspectionRound" r
      WHERE r.quarter >= (SELECT min(x.quarter) FROM (SELECT quarter FROM "InspectionRound" ORDER BY quarter DESC LIMIT 8) x)))`,
    params: none,
  },
  {
    name: 'organizationsCompliance',
    kind: 'list',
    document: `query { organizationsCompliance(quarter: "2024Q4") { organization { name } websiteIssues websiteIssuesRectified newMediaIssues newMediaIssuesRectified baseDataMissing processDataMissing adoption } }`,
    variables: () => ({}),
    sql: `WITH r AS (SELECT id FROM "InspectionRound" WHERE quarter = '2024Q4'),
      w AS (SELECT "organizationId" o, count(*) n, count(*) FILTER (WHERE rectified) k FROM "WebsiteFinding" WHERE "roundId" = (SELECT id FROM r) GROUP BY 1),
      m AS (SELECT "organizationId" o, count(*) n, count(*) FILTER (WHERE rectified) k FROM "NewMediaFinding" WHERE "roundId" = (SELECT id FROM r) GROUP BY 1),
      g AS (SELECT "organizationId" o, bool_or(kind = 'BASE') b, bool_or(kind = 'PROCESS') p FROM "DataCollectionGap" WHERE "roundId" = (SELECT id FROM r) GROUP BY 1),
      a AS (SELECT "organizationId" o, rating FROM "InformationAdoption" WHERE "roundId" = (SELECT id FROM r))
      SELECT json_build_object('organizationsCompliance', (SELECT coalesce(json_agg(json_build_object('organization', json_build_object('name', org.name),
        'websiteIssues', coalesce(w.n, 0), 'websiteIssuesRectified', coalesce(w.k, 0), 'newMediaIssues', coalesce(m.n, 0), 'newMediaIssuesRectified', coalesce(m.k, 0),
        'baseDataMissing', coalesce(g.b, false), 'processDataMissing', coalesce(g.p, false), 'adoption', a.rating) ORDER BY org.name), '[]')
        FROM "Organization" org LEFT JOIN w ON w.o = org.id LEFT JOIN m ON m.o = org.id LEFT JOIN g ON g.o = org.id LEFT JOIN a ON a.o = org.id
        WHERE w.o IS NOT NULL OR m.o IS NOT NULL OR g.o IS NOT NULL OR a.o IS NOT NULL))`,
    params: none,
  },
  {
    name: 'repeatFindings (whole history)',
    kind: 'list',
    informational:
      'not a target: every run of the whole history, asked for on purpose (the answer grows with it); the dashboard and downstream read a page with repeatFindingRuns (rows below)',
    document: `query { repeatFindings { organization { name } channel subject issue quarters } }`,
    variables: () => ({}),
    sql: `SELECT json_build_object('repeatFindings', (SELECT coalesce(json_agg(x), '[]') FROM (
      SELECT json_build_object('organization', json_build_object('name', o.name), 'channel', 'WEBSITE', 'subject', w."siteName", 'issue', w.description,
        'quarters', array_agg(DISTINCT r.quarter ORDER BY r.quarter)) x
      FROM "WebsiteFinding" w JOIN "InspectionRound" r ON r.id = w."roundId" JOIN "Organization" o ON o.id = w."organizationId"
      GROUP BY o.name, w."siteName", w.description HAVING count(DISTINCT r.id) > 1
      UNION ALL
      SELECT json_build_object('organization', json_build_object('name', o.name), 'channel', 'NEW_MEDIA', 'subject', n.account, 'issue', n.description,
        'quarters', array_agg(DISTINCT r.quarter ORDER BY r.quarter))
      FROM "NewMediaFinding" n JOIN "InspectionRound" r ON r.id = n."roundId" JOIN "Organization" o ON o.id = n."organizationId"
      GROUP BY o.name, n.account, n.description HAVING count(DISTINCT r.id) > 1) s))`,
    params: none,
  },
  {
    name: 'repeatFindingRuns (one quarter, first page and total, as the dashboard asks)',
    kind: 'list',
    document: `query RepeatRuns($quarter: String!, $first: Int!, $after: String, $withTotal: Boolean!) {
      repeatFindingRuns(quarter: $quarter, first: $first, after: $after) {
        totalCount @include(if: $withTotal)
        edges { cursor node { channel subject issue quarters organization { name } } }
        pageInfo { hasNextPage endCursor } } }`,
    operationName: 'RepeatRuns',
    variables: () => ({ quarter: '2024Q4', first: 25, after: null, withTotal: true }),
    // The quarter's occurrences also found in the quarter before or after (their number is the
    // total), each walked back and forward quarter by quarter on the stored keys (index probes, as
    // in the unscoped page below); the first 25 by first quarter, body, subject, channel, issue.
    sql: `WITH RECURSIVE rq AS MATERIALIZED (SELECT id, quarter, substr(quarter, 1, 4)::int * 4 + substr(quarter, 6, 1)::int AS q FROM "InspectionRound"),
      t AS (SELECT * FROM rq WHERE quarter = $1),
      occ AS (
        SELECT DISTINCT 'WEBSITE' AS ch, f."organizationId" AS org, f."subjectKey" AS subj, f."issueKey" AS iss
        FROM t JOIN "WebsiteFinding" f ON f."roundId" = t.id
        WHERE EXISTS (SELECT 1 FROM rq n JOIN "WebsiteFinding" g ON g."roundId" = n.id WHERE n.q IN (t.q - 1, t.q + 1)
          AND g."organizationId" = f."organizationId" AND g."subjectKey" = f."subjectKey" AND g."issueKey" = f."issueKey")
        UNION ALL
        SELECT DISTINCT 'NEW_MEDIA', f."organizationId", f."subjectKey", f."issueKey"
        FROM t JOIN "NewMediaFinding" f ON f."roundId" = t.id
        WHERE EXISTS (SELECT 1 FROM rq n JOIN "NewMediaFinding" g ON g."roundId" = n.id WHERE n.q IN (t.q - 1, t.q + 1)
          AND g."organizationId" = f."organizationId" AND g."subjectKey" = f."subjectKey" AND g."issueKey" = f."issueKey")),
      walk AS (
        SELECT ch, org, subj, iss, t.q, -1 AS dir FROM occ, t
        UNION ALL
        SELECT ch, org, subj, iss, t.q, 1 FROM occ, t
        UNION ALL
        SELECT w.ch, w.org, w.subj, w.iss, n.q, w.dir FROM walk w JOIN rq n ON n.q = w.q + w.dir
        WHERE CASE w.ch WHEN 'WEBSITE' THEN EXISTS (SELECT 1 FROM "WebsiteFinding" g WHERE g."roundId" = n.id AND g."organizationId" = w.org AND g."subjectKey" = w.subj AND g."issueKey" = w.iss)
          ELSE EXISTS (SELECT 1 FROM "NewMediaFinding" g WHERE g."roundId" = n.id AND g."organizationId" = w.org AND g."subjectKey" = w.subj AND g."issueKey" = w.iss) END),
      runs AS (SELECT w.ch, w.org, w.subj, w.iss, array_agg(DISTINCT r.quarter ORDER BY r.quarter) AS quarters FROM walk w JOIN rq r ON r.q = w.q GROUP BY 1, 2, 3, 4),
      page AS (SELECT *, row_number() OVER (ORDER BY quarters[1], org COLLATE "C", subj COLLATE "C", ch COLLATE "C", iss COLLATE "C") AS k FROM runs)
      SELECT json_build_object('repeatFindingRuns', json_build_object('totalCount', (SELECT count(*) FROM occ),
        'edges', (SELECT coalesce(json_agg(json_build_object('cursor', x.k, 'node', json_build_object('channel', x.ch, 'subject', x.subj, 'issue', x.iss, 'quarters', x.quarters,
          'organization', json_build_object('name', o.name))) ORDER BY x.k), '[]')
          FROM page x JOIN "Organization" o ON o.id = x.org WHERE x.k <= 25),
        'pageInfo', json_build_object('hasNextPage', (SELECT count(*) > 25 FROM runs), 'endCursor', '25')))`,
    params: () => ['2024Q4'],
  },
  {
    // The paged field's first page: the whole history above can never be flat, a page can.
    name: 'repeatFindingRuns (first page)',
    kind: 'list',
    document: `query { repeatFindingRuns(first: 25) { edges { node { organization { name } channel subject issue quarters } } pageInfo { hasNextPage } } }`,
    variables: () => ({}),
    // Runs starting in the first inspected quarter (found again in the next), the first 26 by
    // (body, subject, channel, issue), each followed forward quarter by quarter on the stored keys
    // (index probes: a scalar subquery, which the planner cannot turn into a scan of the whole table).
    sql: `WITH RECURSIVE rq AS MATERIALIZED (SELECT id, quarter, substr(quarter, 1, 4)::int * 4 + substr(quarter, 6, 1)::int AS q FROM "InspectionRound"),
      q0 AS (SELECT min(q) AS q FROM rq),
      starts AS (
        SELECT DISTINCT cur.q, f."organizationId" AS org, 'WEBSITE' AS ch, f."subjectKey" AS subj, f."issueKey" AS iss
        FROM rq cur JOIN q0 ON cur.q = q0.q JOIN "WebsiteFinding" f ON f."roundId" = cur.id JOIN rq n ON n.q = cur.q + 1
        WHERE coalesce((SELECT true FROM "WebsiteFinding" g WHERE g."roundId" = n.id AND g."organizationId" = f."organizationId" AND g."subjectKey" = f."subjectKey" AND g."issueKey" = f."issueKey" LIMIT 1), false)
        UNION ALL
        SELECT DISTINCT cur.q, f."organizationId", 'NEW_MEDIA', f."subjectKey", f."issueKey"
        FROM rq cur JOIN q0 ON cur.q = q0.q JOIN "NewMediaFinding" f ON f."roundId" = cur.id JOIN rq n ON n.q = cur.q + 1
        WHERE coalesce((SELECT true FROM "NewMediaFinding" g WHERE g."roundId" = n.id AND g."organizationId" = f."organizationId" AND g."subjectKey" = f."subjectKey" AND g."issueKey" = f."issueKey" LIMIT 1), false)),
      page AS (SELECT * FROM starts ORDER BY q, org COLLATE "C", subj COLLATE "C", ch COLLATE "C", iss COLLATE "C" LIMIT 26),
      fwd AS (
        SELECT org, ch, subj, iss, q AS q0, q FROM page
        UNION ALL
        SELECT f.org, f.ch, f.subj, f.iss, f.q0, n.q FROM fwd f JOIN rq n ON n.q = f.q + 1
        WHERE CASE f.ch WHEN 'WEBSITE' THEN EXISTS (SELECT 1 FROM "WebsiteFinding" g WHERE g."roundId" = n.id AND g."organizationId" = f.org AND g."subjectKey" = f.subj AND g."issueKey" = f.iss)
          ELSE EXISTS (SELECT 1 FROM "NewMediaFinding" g WHERE g."roundId" = n.id AND g."organizationId" = f.org AND g."subjectKey" = f.subj AND g."issueKey" = f.iss) END),
      runs AS (
        SELECT f.org, f.ch, f.subj, f.iss, f.q0, array_agg(r.quarter ORDER BY f.q) AS quarters
        FROM fwd f JOIN rq r ON r.q = f.q GROUP BY f.org, f.ch, f.subj, f.iss, f.q0),
      ranked AS (SELECT runs.*, row_number() OVER (ORDER BY q0, org COLLATE "C", subj COLLATE "C", ch COLLATE "C", iss COLLATE "C") AS k FROM runs)
      SELECT json_build_object('repeatFindingRuns', json_build_object(
        'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object('organization', json_build_object('name', o.name),
          'channel', x.ch, 'subject', x.subj, 'issue', x.iss, 'quarters', x.quarters)) ORDER BY x.k), '[]')
          FROM ranked x JOIN "Organization" o ON o.id = x.org WHERE x.k <= 25),
        'pageInfo', json_build_object('hasNextPage', (SELECT count(*) > 25 FROM ranked))))`,
    params: none,
  },
];

// A signed-in person's repeated reads of cases and the log are kept for that person until a write
// could change them (apps/api/src/platform/response-cache.ts, personal answers): the three rows
// above are measured as a desk repeats them. The same reads as they run, not kept (the first
// after a write), are measured too and shown beside them.
for (const name of ['Case', 'cases (first 25)', 'auditEntriesPage']) {
  const kept = REQUESTS.find((r) => r.name === name);
  if (!kept) throw new Error(`no bench request named ${name}`);
  REQUESTS.push({
    ...kept,
    name: `${name}, first read after a write`,
    forget: true,
    informational:
      'not a target: the same read run afresh, as after a write to cases or the log (the API is told to forget its personal answers, untimed, before each call; no c16 figure); shown so the cost of executing it stays visible',
  });
}

/** Issue 12's recall set, read from apps/api/test/search.test.ts so the two never drift. */
export function recallQueries(): string[] {
  const text = readFileSync(path.join(ROOT, 'apps/api/test/search.test.ts'), 'utf8');
  const block = text.slice(text.indexOf('const RECALL'));
  return [...block.matchAll(/^\s*\['([^']+)', [A-Z], '[^']+'\],$/gm)].map((m) => m[1]!);
}
