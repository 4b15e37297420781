-- Chinese names sort as Chinese readers expect, in pinyin order (ICU's zh collation: 古蔺县,
-- 合江县, 叙永县), not in the code-point order of the database's default collation (叙, 古, 合).
-- Only the name-like columns the lists offer to sort by; keys, codes, e-mail addresses and the
-- findings' free-text descriptions keep the default: an ICU comparison costs more than a
-- code-point one (about +0.25 s per 100,000 rows inserted per index, measured on PostgreSQL 15),
-- which a 100,000-row annex import would pay for every such index. Indexes on these columns are
-- rebuilt with it, so sorted pages and their cursors still read an index; equality (unique names)
-- is unchanged: the collation is deterministic. A PostgreSQL built without ICU (no "zh-x-icu")
-- keeps the default order: nothing else depends on it. schema.prisma cannot express a column's
-- collation, so this lives here only (prisma/README.md).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'zh-x-icu') THEN
    RAISE NOTICE 'no ICU collation zh-x-icu: Chinese names keep the default sort order';
    RETURN;
  END IF;
  ALTER TABLE "Organization"
    ALTER COLUMN "name" TYPE TEXT COLLATE "zh-x-icu",
    ALTER COLUMN "shortName" TYPE TEXT COLLATE "zh-x-icu";
  ALTER TABLE "OrganizationAlias" ALTER COLUMN "alias" TYPE TEXT COLLATE "zh-x-icu";
  ALTER TABLE "Policy"
    ALTER COLUMN "docNo" TYPE TEXT COLLATE "zh-x-icu",
    ALTER COLUMN "title" TYPE TEXT COLLATE "zh-x-icu";
  ALTER TABLE "RateTable" ALTER COLUMN "name" TYPE TEXT COLLATE "zh-x-icu";
  ALTER TABLE "RateEntry" ALTER COLUMN "name" TYPE TEXT COLLATE "zh-x-icu";
  ALTER TABLE "WebsiteFinding" ALTER COLUMN "siteName" TYPE TEXT COLLATE "zh-x-icu";
  ALTER TABLE "NewMediaFinding" ALTER COLUMN "account" TYPE TEXT COLLATE "zh-x-icu";
  ALTER TABLE "DiscretionCase"
    ALTER COLUMN "caseName" TYPE TEXT COLLATE "zh-x-icu",
    ALTER COLUMN "subjectName" TYPE TEXT COLLATE "zh-x-icu";
END $$;
