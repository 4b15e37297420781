// Where a visit without a session goes: the dashboard routes by the URL's hash (react-admin's
// hash router), so the login page is `#/login` and the page asked for is the hash it came with.

export const LOGIN_HASH = '#/login';

/** The hash to open after signing in: the page asked for, or home for `/` and `#/login`. */
export function afterSignIn(hash: string): string {
  const route = hash.replace(/^#/u, '');
  const path = route.split('?')[0]!;
  if (path === '' || path === '/' || path === '/login') return '#/';
  return `#${route.startsWith('/') ? route : `/${route}`}`;
}
