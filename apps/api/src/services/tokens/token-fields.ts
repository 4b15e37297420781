import type { ApiToken } from '@gazette/db';

/** What an audit entry keeps of a token: never its hash. */
export function auditView(token: ApiToken) {
  const { tokenHash: _omit, ...rest } = token;
  return rest;
}
