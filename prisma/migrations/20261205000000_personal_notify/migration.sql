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

-- On each table: "<table>_private_changed" (insert, update, delete) and "<table>_private_truncated".
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['DiscretionCase', 'CaseEvent', 'Notice', 'AuditEntry'] LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "gazette_private_changed"()',
      t || '_private_changed', t);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "gazette_private_changed"()',
      t || '_private_truncated', t);
  END LOOP;
END $$;
