-- CreateTable
CREATE TABLE "InspectionSiteTally" (
    "roundId" TEXT NOT NULL,
    "siteSeq" INTEGER NOT NULL,
    "findings" INTEGER NOT NULL,

    CONSTRAINT "InspectionSiteTally_pkey" PRIMARY KEY ("roundId","siteSeq")
);

-- CreateTable
CREATE TABLE "InspectionAccountTally" (
    "roundId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "findings" INTEGER NOT NULL,

    CONSTRAINT "InspectionAccountTally_pkey" PRIMARY KEY ("roundId","seq")
);

-- AddForeignKey
ALTER TABLE "InspectionSiteTally" ADD CONSTRAINT "InspectionSiteTally_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionAccountTally" ADD CONSTRAINT "InspectionAccountTally_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The insert triggers of round_tally asked, per site of the statement, how many findings the site
-- had in the table: a correlated count whose plan depends on the findings table's statistics. In a
-- bulk import (a fresh round, batches of thousands in one transaction, statistics from before) the
-- planner chose the (roundId, organizationId, subjectKey, issueKey) index and filtered the whole
-- round for every site, so a 100k-row 附件1 took minutes. A site's count now lives in its own row,
-- reached through its primary key by ON CONFLICT: a site is new to the round when its row is
-- created (xmax = 0), whatever the planner knows.
CREATE OR REPLACE FUNCTION "gazette_recount_rounds"(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "gazette_lock_tallies"(ids);
  DELETE FROM "InspectionSiteTally" WHERE "roundId" = ANY (ids);
  INSERT INTO "InspectionSiteTally" ("roundId", "siteSeq", findings)
  SELECT f."roundId", f."siteSeq", count(*)::int FROM "WebsiteFinding" f
  WHERE f."roundId" = ANY (ids) GROUP BY f."roundId", f."siteSeq";
  DELETE FROM "InspectionAccountTally" WHERE "roundId" = ANY (ids);
  INSERT INTO "InspectionAccountTally" ("roundId", seq, findings)
  SELECT f."roundId", f.seq, count(*)::int FROM "NewMediaFinding" f
  WHERE f."roundId" = ANY (ids) GROUP BY f."roundId", f.seq;
  UPDATE "InspectionRoundTally" t SET
    "websitesWithIssues" = w.sites, "websiteIssues" = w.total, "websiteIssuesRectified" = w.rectified,
    "newMediaAccountsWithIssues" = n.accounts, "newMediaIssues" = n.total, "newMediaIssuesRectified" = n.rectified
  FROM unnest(ids) AS x(id)
  CROSS JOIN LATERAL (
    SELECT (SELECT count(*) FROM "InspectionSiteTally" s WHERE s."roundId" = x.id)::int AS sites,
           count(*)::int AS total, (count(*) FILTER (WHERE f.rectified))::int AS rectified
    FROM "WebsiteFinding" f WHERE f."roundId" = x.id) w
  CROSS JOIN LATERAL (
    SELECT (SELECT count(*) FROM "InspectionAccountTally" a WHERE a."roundId" = x.id)::int AS accounts,
           count(*)::int AS total, (count(*) FILTER (WHERE f.rectified))::int AS rectified
    FROM "NewMediaFinding" f WHERE f."roundId" = x.id) n
  WHERE t."roundId" = x.id;
END $$;

CREATE OR REPLACE FUNCTION "gazette_website_findings_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "gazette_lock_tallies"(ARRAY(SELECT DISTINCT "roundId" FROM new_rows));
  WITH sites AS (
    INSERT INTO "InspectionSiteTally" AS s ("roundId", "siteSeq", findings)
    SELECT "roundId", "siteSeq", count(*)::int FROM new_rows GROUP BY "roundId", "siteSeq"
    ON CONFLICT ("roundId", "siteSeq") DO UPDATE SET findings = s.findings + excluded.findings
    RETURNING s."roundId", (s.xmax = 0) AS fresh
  ), rows AS (
    SELECT "roundId", count(*)::int AS total, (count(*) FILTER (WHERE rectified))::int AS rectified
    FROM new_rows GROUP BY "roundId"
  )
  UPDATE "InspectionRoundTally" t SET
    "websiteIssues" = t."websiteIssues" + r.total,
    "websiteIssuesRectified" = t."websiteIssuesRectified" + r.rectified,
    "websitesWithIssues" = t."websitesWithIssues"
      + (SELECT count(*) FROM sites WHERE sites."roundId" = r."roundId" AND sites.fresh)::int
  FROM rows r
  WHERE t."roundId" = r."roundId";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "gazette_new_media_findings_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "gazette_lock_tallies"(ARRAY(SELECT DISTINCT "roundId" FROM new_rows));
  WITH accounts AS (
    INSERT INTO "InspectionAccountTally" AS a ("roundId", seq, findings)
    SELECT "roundId", seq, count(*)::int FROM new_rows GROUP BY "roundId", seq
    ON CONFLICT ("roundId", seq) DO UPDATE SET findings = a.findings + excluded.findings
    RETURNING a."roundId", (a.xmax = 0) AS fresh
  ), rows AS (
    SELECT "roundId", count(*)::int AS total, (count(*) FILTER (WHERE rectified))::int AS rectified
    FROM new_rows GROUP BY "roundId"
  )
  UPDATE "InspectionRoundTally" t SET
    "newMediaIssues" = t."newMediaIssues" + r.total,
    "newMediaIssuesRectified" = t."newMediaIssuesRectified" + r.rectified,
    "newMediaAccountsWithIssues" = t."newMediaAccountsWithIssues"
      + (SELECT count(*) FROM accounts WHERE accounts."roundId" = r."roundId" AND accounts.fresh)::int
  FROM rows r
  WHERE t."roundId" = r."roundId";
  RETURN NULL;
END $$;

-- The rounds recorded so far (fills the per-site and per-account rows).
SELECT "gazette_recount_rounds"(ARRAY(SELECT id FROM "InspectionRound"));
