import { randomUUID } from 'node:crypto';
import { API_TOKEN_PREFIX, SESSION_PREFIX, bearerSecret, sha256Hex } from './auth/secrets.ts';
import type { Logger } from 'pino';
import { directSql, type PrismaClient, type User } from '@gazette/db';
import type { ChangeWaiter } from './services/changes/waiter.ts';
import type { TotalsCache } from './platform/totals-cache.ts';
import type { ViewerCache } from './auth/viewer-cache.ts';

export type Role = 'ADMIN' | 'SUPERVISOR' | 'VIEWER';

/** A user's row without its password hash, as Prisma gives it (timestamps as Date). */
export type Account = Omit<User, 'passwordHash'>;

/** Who is calling. Filled from `Authorization: Bearer …` (a login session or an API token). */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      role: Role;
      sessionId: string;
      /** The account as this request's authentication read it (`me` answers from it). */
      account?: Account;
    }
  | { kind: 'token'; tokenId: string; name: string; scopes: string[] };

export interface GazetteContext {
  prisma: PrismaClient;
  logger: Logger;
  requestId: string;
  viewer: Viewer;
  /** Label written into audit entries: the user's email or the token's name. */
  actorLabel: string;
  /** Per-request memo (e.g. rate tables loaded once per request for quotes). */
  cache: Map<string, unknown>;
  /** Wakes change-stream subscribers on a committed change (one LISTEN connection per process). */
  changes?: ChangeWaiter;
  /** Aborts when the client goes away (ends a subscription's loop). */
  signal?: AbortSignal;
  /** Unfiltered list totals remembered until the next write (platform/totals-cache.ts). */
  totals?: TotalsCache;
}

// ------------------------------------------------------------------ building the context

/** lastUsedAt is written at most once a minute per token, not on every request. */
const LAST_USED_GRANULARITY_MS = 60_000;

export interface CreateContextArgs {
  request: Request;
  prisma: PrismaClient;
  logger: Logger;
  /** The client's address when the server knows it (login throttling per address). */
  clientAddress?: string;
  /** Who recent bearer secrets are (auth/viewer-cache.ts); without it every request asks the database. */
  viewers?: ViewerCache;
  /** Unfiltered list totals remembered until the next write; without it every total is counted. */
  totals?: TotalsCache;
}

export interface GazetteRequestContext extends GazetteContext {
  clientAddress: string;
}

// Authentication runs on every signed-in request, so its two statements go straight to the pg
// pool as named prepared statements (parsed once per connection, no Prisma query compiler). They
// read and write the primary: the context's client is the primary's even when queries read a replica.

/** A live session joined with its active user (the whole row but the password hash, for `me`). */
const SESSION_VIEWER = {
  name: 'gazette_auth_session',
  text: `SELECT s.id AS "sessionId", u.id AS "userId", u.email, u.role::text AS role,
      (extract(epoch FROM s."expiresAt") * 1000)::float8 AS "expiresAtMs", to_jsonb(u) - 'passwordHash' AS account
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s."tokenHash" = $1 AND s."expiresAt" > now() AND u.active`,
} as const;

/** An unrevoked token of an active creator; its lastUsedAt written when older than $2 seconds. */
const TOKEN_VIEWER = {
  name: 'gazette_auth_token',
  text: `WITH live AS (
      SELECT t.id, t.name, t.scopes, t."lastUsedAt"
      FROM "ApiToken" t JOIN "User" u ON u.id = t."createdById"
      WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL AND u.active
    ), touched AS (
      UPDATE "ApiToken" a SET "lastUsedAt" = now()
      FROM live
      WHERE a.id = live.id AND (live."lastUsedAt" IS NULL OR live."lastUsedAt" <= now() - make_interval(secs => $2::float8))
      RETURNING a.id
    )
    SELECT live.id, live.name, live.scopes::text[] AS scopes FROM live`,
} as const;

/**
 * Resolves `Authorization: Bearer …` to a live session's user or an unrevoked API token, in one
 * SQL statement each (the user is joined, not fetched after); a token lives no longer than its
 * creator's account. A token's lastUsedAt is written by the same statement, at most once a minute
 * (give or take the cache's life). With `viewers` a signed-in answer is remembered for a few
 * seconds (auth/viewer-cache.ts says why a sign-out, a revocation or a deactivation still holds
 * on the very next request).
 */
export async function resolveViewer(
  prisma: PrismaClient,
  authorization: string | null,
  viewers?: ViewerCache,
): Promise<Viewer> {
  const secret = bearerSecret(authorization);
  if (!secret) return { kind: 'anonymous' };
  const tokenHash = sha256Hex(secret);
  const known = viewers?.get(tokenHash);
  if (known) return known;
  const generation = viewers?.begin() ?? 0;

  if (secret.startsWith(SESSION_PREFIX)) {
    const [session] = await directSql(prisma).query<{
      sessionId: string;
      userId: string;
      email: string;
      role: Role;
      expiresAtMs: number;
      account: Record<string, unknown>;
    }>({ ...SESSION_VIEWER, values: [tokenHash] });
    if (!session) return { kind: 'anonymous' };
    // timestamp(3) columns come as JSON text in UTC without a zone, as Prisma reads them.
    const { account } = session;
    for (const key of ['createdAt', 'updatedAt'])
      account[key] = new Date(`${account[key] as string}Z`);
    // Frozen: a remembered viewer is shared by the requests that follow.
    const viewer: Viewer = Object.freeze({
      kind: 'user',
      userId: session.userId,
      email: session.email,
      role: session.role,
      sessionId: session.sessionId,
      account: Object.freeze(account) as Account,
    });
    viewers?.set(tokenHash, viewer, generation, new Date(session.expiresAtMs));
    return viewer;
  }

  if (secret.startsWith(API_TOKEN_PREFIX)) {
    const [token] = await directSql(prisma).query<{ id: string; name: string; scopes: string[] }>({
      ...TOKEN_VIEWER,
      values: [tokenHash, LAST_USED_GRANULARITY_MS / 1000],
    });
    if (!token) return { kind: 'anonymous' };
    const viewer: Viewer = Object.freeze({
      kind: 'token',
      tokenId: token.id,
      name: token.name,
      scopes: Object.freeze(token.scopes) as string[],
    });
    viewers?.set(tokenHash, viewer, generation);
    return viewer;
  }
  return { kind: 'anonymous' };
}

const viewersByRequest = new WeakMap<Request, Promise<Viewer>>();

/** The request's viewer, resolved once per request (the response cache keys on it before the context exists). */
export function viewerOf(
  prisma: PrismaClient,
  request: Request,
  viewers?: ViewerCache,
): Promise<Viewer> {
  let viewer = viewersByRequest.get(request);
  if (!viewer) {
    viewer = resolveViewer(prisma, request.headers.get('authorization'), viewers);
    viewersByRequest.set(request, viewer);
  }
  return viewer;
}

/**
 * The address login throttling counts against. Behind a reverse proxy every request comes from
 * the proxy, so with GAZETTE_TRUST_PROXY=1 the nearest address the proxy appended to
 * X-Forwarded-For counts instead (never trusted otherwise: a client could rotate it at will).
 */
export function clientAddressOf(request: Request, socketAddress: string | undefined): string {
  if (process.env.GAZETTE_TRUST_PROXY === '1') {
    const forwarded = request.headers
      .get('x-forwarded-for')
      ?.split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    const nearest = forwarded?.at(-1);
    if (nearest) return nearest;
  }
  return socketAddress ?? 'unknown';
}

/** Label written into audit entries: the user's email or the token's name. */
export function actorLabelOf(viewer: Viewer): string {
  if (viewer.kind === 'user') return viewer.email;
  return viewer.kind === 'token' ? `token:${viewer.name}` : 'anonymous';
}

/**
 * The per-request context. An unknown, expired or revoked bearer makes the caller anonymous,
 * so a confidential field then fails with UNAUTHENTICATED rather than leaking which check failed.
 */
export async function createContext(args: CreateContextArgs): Promise<GazetteRequestContext> {
  const { request, prisma } = args;
  const requestId = request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
  const logger = args.logger.child({ requestId });
  const viewer = await viewerOf(prisma, request, args.viewers);
  const actorLabel = actorLabelOf(viewer);
  return {
    prisma,
    logger,
    requestId,
    viewer,
    actorLabel,
    cache: new Map(),
    clientAddress: clientAddressOf(request, args.clientAddress),
    ...(args.totals && { totals: args.totals }),
  };
}
