// Login through the API's `login` mutation; the role comes from `me`.
// An UNAUTHENTICATED error anywhere sends the person back to the login page; forms in progress
// are kept by FormDraft (shared/FormDraft.tsx), so nothing typed is lost.
import type { AuthProvider } from 'react-admin';
import { GraphQLRequestError, requestAs } from '../graphql/client.ts';
import { graphql } from '../graphql/graphql.ts';
import { canAccess } from './permissions.ts';
import { ME, clearSession, getMe, getToken, setSession } from './token.ts';

const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
    }
  }
`);

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
    const { login } = await requestAs(null, LOGIN, {
      email: (email ?? username ?? '').trim(),
      password,
    });
    const { me } = await requestAs(login.token, ME, {});
    if (!me) throw new Error('登录失败');
    setSession(login.token, me);
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
