// The dashboard's only transport: POST /graphql on the same origin, bearer token attached.
import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { getToken } from '../auth/token.ts';

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/**
 * react-admin's server-side validation shape, `{ field: message }`: react-admin marks these form
 * fields with the API's reason. Only a BAD_USER_INPUT naming a plain input field (`input.docNo` →
 * `docNo`) is a field error; anything else (a list index, a CONFLICT on `version`) is left to the
 * notification, since an error set on a field the form does not have could never be cleared and
 * would block every later 保存.
 */
export function formErrors(
  errors: readonly GraphQLErrorShape[],
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const field = error.extensions?.field;
    if (error.extensions?.code !== 'BAD_USER_INPUT' || typeof field !== 'string') continue;
    const name = field.replace(/^input\./u, '');
    if (/^[A-Za-z_][A-Za-z0-9_]*$/u.test(name) && !out[name]) out[name] = error.message;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A failed operation: the first error's code (CONFLICT, UNAUTHENTICATED…) and all errors. */
export class GraphQLRequestError extends Error {
  readonly code: string | undefined;
  readonly status: number;
  /** Read by react-admin's forms: `errors` are field errors (see formErrors), never the raw list. */
  readonly body: { errors?: Record<string, string> };
  constructor(
    readonly errors: GraphQLErrorShape[],
    httpStatus = 200,
  ) {
    super(errors.map((e) => e.message).join('；') || 'GraphQL error');
    this.code = errors[0]?.extensions?.code;
    // react-admin's checkError reads `status`; map the auth codes onto HTTP-like numbers.
    this.status =
      this.code === 'UNAUTHENTICATED' ? 401 : this.code === 'FORBIDDEN' ? 403 : httpStatus;
    this.body = { errors: formErrors(errors) };
  }
  get extensions() {
    return this.errors[0]?.extensions ?? {};
  }
}

export const GRAPHQL_URL = '/graphql';

/**
 * Posts a query text. The dashboard's operations are typed documents sent with `request`; only the
 * generic CRUD of resources.ts builds its text per resource (around typed fragments).
 */
export async function postQuery<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string | null } = {},
): Promise<T> {
  const token = options.token === undefined ? getToken() : options.token;
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  let payload: { data?: T; errors?: GraphQLErrorShape[] };
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    throw new GraphQLRequestError(
      [{ message: `HTTP ${response.status}`, extensions: { code: 'HTTP_ERROR' } }],
      response.status,
    );
  }
  if (payload.errors?.length) throw new GraphQLRequestError(payload.errors, response.status);
  if (!payload.data)
    throw new GraphQLRequestError([{ message: `HTTP ${response.status}` }], response.status);
  return payload.data;
}

/**
 * Sends a typed document (graphql.ts): the result and variables are the types gql.tada infers
 * from apps/api/schema.graphql, so a field the API does not have fails typecheck.
 */
export async function request<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  ...[variables]: Variables extends Record<string, never> ? [Variables?] : [Variables]
): Promise<Result> {
  return postQuery<Result>(print(document), (variables ?? {}) as Record<string, unknown>);
}

/** `request` with an explicit session: `null` sends none (login), a token that one (right after login). */
export async function requestAs<Result, Variables>(
  token: string | null,
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  return postQuery<Result>(print(document), (variables ?? {}) as Record<string, unknown>, {
    token,
  });
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof GraphQLRequestError ? error.code : undefined;
}
