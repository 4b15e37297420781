-- CreateTable
CREATE TABLE "InspectionRoundTally" (
    "roundId" TEXT NOT NULL,
    "websitesWithIssues" INTEGER NOT NULL,
    "websiteIssues" INTEGER NOT NULL,
    "websiteIssuesRectified" INTEGER NOT NULL,
    "newMediaAccountsWithIssues" INTEGER NOT NULL,
    "newMediaIssues" INTEGER NOT NULL,
    "newMediaIssuesRectified" INTEGER NOT NULL,

    CONSTRAINT "InspectionRoundTally_pkey" PRIMARY KEY ("roundId")
);

-- AddForeignKey
ALTER TABLE "InspectionRoundTally" ADD CONSTRAINT "InspectionRoundTally_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Maintained by the database (issue 9), whichever path writes findings (API, imports, the gazette
-- import, SQL by hand): an INSERT statement adds its rows to its rounds' counts (a site or account
-- counts as new when all its rows in the round are the statement's), so a bulk import in batches
-- costs each batch its own rows, not the whole round again; an UPDATE or DELETE recounts the rounds
-- it touched. The tally rows are locked first, so in READ COMMITTED the next statement's snapshot
-- sees every concurrent writer of the same round that committed before.
CREATE FUNCTION "gazette_lock_tallies"(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "InspectionRoundTally" ("roundId", "websitesWithIssues", "websiteIssues", "websiteIssuesRectified", "newMediaAccountsWithIssues", "newMediaIssues", "newMediaIssuesRectified")
  SELECT r.id, 0, 0, 0, 0, 0, 0 FROM "InspectionRound" r WHERE r.id = ANY (ids)
  ON CONFLICT ("roundId") DO NOTHING;
  PERFORM 1 FROM "InspectionRoundTally" t WHERE t."roundId" = ANY (ids) ORDER BY t."roundId" FOR UPDATE;
END $$;

CREATE FUNCTION "gazette_recount_rounds"(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "gazette_lock_tallies"(ids);
  UPDATE "InspectionRoundTally" t SET
    "websitesWithIssues" = w.sites, "websiteIssues" = w.total, "websiteIssuesRectified" = w.rectified,
    "newMediaAccountsWithIssues" = n.accounts, "newMediaIssues" = n.total, "newMediaIssuesRectified" = n.rectified
  FROM unnest(ids) AS x(id)
  CROSS JOIN LATERAL (
    SELECT count(DISTINCT f."siteSeq")::int AS sites, count(*)::int AS total,
           (count(*) FILTER (WHERE f.rectified))::int AS rectified
    FROM "WebsiteFinding" f WHERE f."roundId" = x.id) w
  CROSS JOIN LATERAL (
    SELECT count(DISTINCT f.seq)::int AS accounts, count(*)::int AS total,
           (count(*) FILTER (WHERE f.rectified))::int AS rectified
    FROM "NewMediaFinding" f WHERE f."roundId" = x.id) n
  WHERE t."roundId" = x.id;
END $$;

CREATE FUNCTION "gazette_findings_recount"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "gazette_recount_rounds"(ARRAY(SELECT DISTINCT "roundId" FROM old_rows));
  ELSE
    PERFORM "gazette_recount_rounds"(ARRAY(SELECT "roundId" FROM new_rows UNION SELECT "roundId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "gazette_website_findings_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "gazette_lock_tallies"(ARRAY(SELECT DISTINCT "roundId" FROM new_rows));
  UPDATE "InspectionRoundTally" t SET
    "websiteIssues" = t."websiteIssues" + d.total,
    "websiteIssuesRectified" = t."websiteIssuesRectified" + d.rectified,
    "websitesWithIssues" = t."websitesWithIssues" + d.sites
  FROM (
    SELECT s."roundId", sum(s.n)::int AS total, sum(s.k)::int AS rectified,
           (count(*) FILTER (WHERE s.n = (SELECT count(*) FROM "WebsiteFinding" f
                                          WHERE f."roundId" = s."roundId" AND f."siteSeq" = s."siteSeq")))::int AS sites
    FROM (SELECT "roundId", "siteSeq", count(*) AS n, count(*) FILTER (WHERE rectified) AS k
          FROM new_rows GROUP BY "roundId", "siteSeq") s
    GROUP BY s."roundId") d
  WHERE t."roundId" = d."roundId";
  RETURN NULL;
END $$;

CREATE FUNCTION "gazette_new_media_findings_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "gazette_lock_tallies"(ARRAY(SELECT DISTINCT "roundId" FROM new_rows));
  UPDATE "InspectionRoundTally" t SET
    "newMediaIssues" = t."newMediaIssues" + d.total,
    "newMediaIssuesRectified" = t."newMediaIssuesRectified" + d.rectified,
    "newMediaAccountsWithIssues" = t."newMediaAccountsWithIssues" + d.accounts
  FROM (
    SELECT s."roundId", sum(s.n)::int AS total, sum(s.k)::int AS rectified,
           (count(*) FILTER (WHERE s.n = (SELECT count(*) FROM "NewMediaFinding" f
                                          WHERE f."roundId" = s."roundId" AND f.seq = s.seq)))::int AS accounts
    FROM (SELECT "roundId", seq, count(*) AS n, count(*) FILTER (WHERE rectified) AS k
          FROM new_rows GROUP BY "roundId", seq) s
    GROUP BY s."roundId") d
  WHERE t."roundId" = d."roundId";
  RETURN NULL;
END $$;

CREATE TRIGGER "WebsiteFinding_tally_insert" AFTER INSERT ON "WebsiteFinding"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "gazette_website_findings_added"();
CREATE TRIGGER "WebsiteFinding_tally_update" AFTER UPDATE ON "WebsiteFinding"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "gazette_findings_recount"();
CREATE TRIGGER "WebsiteFinding_tally_delete" AFTER DELETE ON "WebsiteFinding"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "gazette_findings_recount"();
CREATE TRIGGER "NewMediaFinding_tally_insert" AFTER INSERT ON "NewMediaFinding"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "gazette_new_media_findings_added"();
CREATE TRIGGER "NewMediaFinding_tally_update" AFTER UPDATE ON "NewMediaFinding"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "gazette_findings_recount"();
CREATE TRIGGER "NewMediaFinding_tally_delete" AFTER DELETE ON "NewMediaFinding"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "gazette_findings_recount"();

-- The rounds recorded so far.
SELECT "gazette_recount_rounds"(ARRAY(SELECT id FROM "InspectionRound"));
