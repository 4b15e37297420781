import { describe, expect, it } from 'vitest';
import type { Viewer } from '../context.ts';
import { authScopesFor } from './roles.ts';

const user = (role: 'ADMIN' | 'SUPERVISOR' | 'VIEWER'): Viewer => ({
  kind: 'user',
  userId: 'u',
  email: 'e',
  role,
  sessionId: 's',
});

describe('authScopesFor', () => {
  it.each([
    ['anonymous', { kind: 'anonymous' } as Viewer, [true, false, false, false, false]],
    ['VIEWER', user('VIEWER'), [true, true, true, false, false]],
    ['SUPERVISOR', user('SUPERVISOR'), [true, true, true, true, false]],
    ['ADMIN', user('ADMIN'), [true, true, true, true, true]],
    [
      'token READ_PUBLISHED',
      { kind: 'token', tokenId: 't', name: 'n', scopes: ['READ_PUBLISHED'] } as Viewer,
      [true, true, false, false, false],
    ],
    [
      'token READ_ALL',
      { kind: 'token', tokenId: 't', name: 'n', scopes: ['READ_ALL'] } as Viewer,
      [true, true, true, false, false],
    ],
  ])('%s gets public/authenticated/viewer/supervisor/admin = %j', (_n, viewer, expected) => {
    const g = authScopesFor(viewer);
    expect([g.public, g.authenticated, g.viewer, g.supervisor, g.admin]).toEqual(expected);
  });
});
