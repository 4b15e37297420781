-- Issue 9: the API remembers who a bearer secret is for a few seconds (apps/api/src/auth/viewer-cache.ts).
-- Every change that could change that answer, made by any instance, job or psql, sends
-- NOTIFY gazette_auth when its transaction commits; every API instance then forgets what it
-- remembered. (PostgreSQL folds identical notifications of one transaction into one.)
CREATE FUNCTION "gazette_auth_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('gazette_auth', '');
  RETURN NULL;
END $$;

-- A session ended (sign-out, expiry sweep, a user's sessions ended) or changed.
CREATE TRIGGER "Session_auth_changed" AFTER UPDATE OR DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION "gazette_auth_changed"();
CREATE TRIGGER "Session_auth_truncated" AFTER TRUNCATE ON "Session"
  FOR EACH STATEMENT EXECUTE FUNCTION "gazette_auth_changed"();

-- A user deactivated, renamed, given another role or password (what `me` and the roles read).
CREATE TRIGGER "User_auth_changed" AFTER UPDATE ON "User"
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "gazette_auth_changed"();
CREATE TRIGGER "User_auth_deleted" AFTER DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "gazette_auth_changed"();
CREATE TRIGGER "User_auth_truncated" AFTER TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "gazette_auth_changed"();

-- A token revoked, renamed, rescoped or deleted; not its lastUsedAt, which authentication itself
-- writes at most once a minute.
CREATE TRIGGER "ApiToken_auth_changed" AFTER UPDATE ON "ApiToken"
  FOR EACH ROW WHEN (
    (OLD.name, OLD.scopes, OLD."revokedAt", OLD."tokenHash", OLD."createdById")
      IS DISTINCT FROM (NEW.name, NEW.scopes, NEW."revokedAt", NEW."tokenHash", NEW."createdById")
  ) EXECUTE FUNCTION "gazette_auth_changed"();
CREATE TRIGGER "ApiToken_auth_deleted" AFTER DELETE ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION "gazette_auth_changed"();
CREATE TRIGGER "ApiToken_auth_truncated" AFTER TRUNCATE ON "ApiToken"
  FOR EACH STATEMENT EXECUTE FUNCTION "gazette_auth_changed"();
