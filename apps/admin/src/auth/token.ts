// The session token lives in localStorage so a reload keeps the person signed in.
import { graphql, type ResultOf } from '../graphql/graphql.ts';

const TOKEN_KEY = 'gazette.token';
const ME_KEY = 'gazette.me';

/** Who is signed in, as the API says right after login (its role is the schema's Role). */
export const ME = graphql(`
  query Me {
    me {
      email
      role
    }
  }
`);
export type Me = NonNullable<ResultOf<typeof ME>['me']>;
export type Role = Me['role'];

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}
export function setSession(token: string, me: Me) {
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(ME_KEY, JSON.stringify(me));
}
export function clearSession() {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(ME_KEY);
}
export function getMe(): Me | null {
  const raw = localStorage.getItem(ME_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Me;
  } catch {
    return null;
  }
}
