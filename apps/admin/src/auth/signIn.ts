// Signing in, without react-admin: the sign-in page of a visit without a session calls this
// directly, and authProvider.login calls it inside the dashboard.
import { requestAs } from '../graphql/client.ts';
import { graphql } from '../graphql/graphql.ts';
import { ME, setSession } from './token.ts';

const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
    }
  }
`);

/** Logs in through the API's `login` mutation and keeps the token and `me` (its role). */
export async function signIn(email: string, password: string): Promise<void> {
  const { login } = await requestAs(null, LOGIN, { email: email.trim(), password });
  const { me } = await requestAs(login.token, ME, {});
  if (!me) throw new Error('登录失败');
  setSession(login.token, me);
}
