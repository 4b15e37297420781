-- Issue 9: the API keeps confidential answers (cases, the audit log) per person for a while
-- (apps/api/src/platform/response-cache.ts, "Personal answers"). Every change to the tables those
-- answers read, made by any instance, job or psql, sends NOTIFY gazette_private when its
-- transaction commits; every API instance then forgets them. One notification per statement
-- (PostgreSQL folds identical notifications of one transaction into one).
CREATE FUNCTION "gazette_private_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('gazette_private', '');
  RETURN NULL;
END $$;

CREATE TRIGGER "DiscretionCase_private_changed" AFTER INSERT OR UPDATE OR DELETE ON "DiscretionCase"
  FOR EACH STATEMENT EXECUTE FUNCTION "gazette_private_changed"();
CREATE TRIGGER "DiscretionCase_private_truncated" AFTER TRUNCATE ON "DiscretionCase"
  FOR EACH STATEMENT EXECUTE FUNCTION "gazette_private_changed"();
CREATE TRIGGER "CaseEvent_private_changed" AFTER INSERT OR UPDATE OR DELETE ON "CaseEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "gazette_private_changed"();
CREATE TRIGGER "CaseEvent_private_truncated" AFTER TRUNCATE ON "CaseEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "gazette_private_changed"();
CREATE TRIGGER "Notice_private_changed" AFTER INSERT OR UPDATE OR DELETE ON "Notice"
  FOR EACH STATEMENT EXECUTE FUNCTION "gazette_private_changed"();
CREATE TRIGGER "Notice_private_truncated" AFTER TRUNCATE ON "Notice"
  FOR EACH STATEMENT EXECUTE FUNCTION "gazette_private_changed"();
CREATE TRIGGER "AuditEntry_private_changed" AFTER INSERT OR UPDATE OR DELETE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "gazette_private_changed"();
CREATE TRIGGER "AuditEntry_private_truncated" AFTER TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "gazette_private_changed"();
