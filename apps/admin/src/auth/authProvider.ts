// Login through the API's `login` mutation; the role comes from `me`.
// An UNAUTHENTICATED error anywhere sends the person back to the login page; forms in progress
// are kept by FormDraft (shared/FormDraft.tsx), so nothing typed is lost.
import type { AuthProvider } from 'react-admin';
import { GraphQLRequestError } from '../graphql/client.ts';
import { canAccess } from './permissions.ts';
import { signIn } from './signIn.ts';
import { clearSession, getMe, getToken } from './token.ts';

export const authProvider: AuthProvider = {
  async login({
    username,
    email,
    password,
  }: {
    username?: string;
    email?: string;
    password: string;
  }) {
    await signIn(email ?? username ?? '', password);
  },
  async logout() {
    clearSession();
  },
  async checkAuth() {
    if (!getToken()) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: unknown) {
    const code = error instanceof GraphQLRequestError ? error.code : undefined;
    if (code === 'UNAUTHENTICATED') {
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
    // FORBIDDEN stays on the page: the notification explains it, the session is still valid.
  },
  async getIdentity() {
    const me = getMe();
    if (!me) throw new Error('no identity');
    return { id: me.email, fullName: me.email };
  },
  async getPermissions() {
    return getMe()?.role ?? null;
  },
  async canAccess({ resource, action }) {
    return canAccess(getMe()?.role, resource, action);
  },
};
