import type { Logger } from 'pino';
import type { PrismaClient } from '@gazette/db';

export type Role = 'ADMIN' | 'SUPERVISOR' | 'VIEWER';

/** Who is calling. Filled from `Authorization: Bearer …` (a login session or an API token). */
export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; email: string; role: Role; sessionId: string }
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
}
