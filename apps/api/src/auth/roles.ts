import type { Role, Viewer } from '../context.ts';

/**
 * API tokens are for downstream applications and never write. `READ_PUBLISHED` reads what the
 * gazette publishes (as an anonymous caller would, but identified); `READ_ALL` reads like a
 * VIEWER, including cases, which are confidential (泸市监规发〔2024〕2号 第十九条).
 */
export const API_TOKEN_SCOPES = ['READ_PUBLISHED', 'READ_ALL'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export interface AuthScopeGrants {
  public: boolean;
  authenticated: boolean;
  viewer: boolean;
  supervisor: boolean;
  admin: boolean;
}

const RANK: Record<Role, number> = { VIEWER: 1, SUPERVISOR: 2, ADMIN: 3 };

export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.kind === 'user' && RANK[viewer.role] >= RANK[role];
}

/** The scope-auth grants of a caller: ADMIN ⊃ SUPERVISOR ⊃ VIEWER; tokens read at most. */
export function authScopesFor(viewer: Viewer): AuthScopeGrants {
  const tokenReadsAll = viewer.kind === 'token' && viewer.scopes.includes('READ_ALL');
  return {
    public: true,
    authenticated: viewer.kind !== 'anonymous',
    viewer: hasRole(viewer, 'VIEWER') || tokenReadsAll,
    supervisor: hasRole(viewer, 'SUPERVISOR'),
    admin: hasRole(viewer, 'ADMIN'),
  };
}
