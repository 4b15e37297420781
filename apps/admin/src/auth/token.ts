// The session token lives in localStorage so a reload keeps the person signed in.
const TOKEN_KEY = 'gazette.token';
const ME_KEY = 'gazette.me';

export type Role = 'ADMIN' | 'SUPERVISOR' | 'VIEWER';
export interface Me {
  email: string;
  role: Role;
}

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
