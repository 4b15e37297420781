import { describe, expect, it } from 'vitest';
import { canAccess } from './permissions.ts';

describe('canAccess', () => {
  it('lets a supervisor read rate tables but not edit, create or delete them', () => {
    expect(canAccess('SUPERVISOR', 'rateEntries', 'list')).toBe(true);
    expect(canAccess('SUPERVISOR', 'rateEntries', 'edit')).toBe(false);
    expect(canAccess('SUPERVISOR', 'rateTableVersions', 'create')).toBe(false);
    expect(canAccess('SUPERVISOR', 'rateTables', 'delete')).toBe(false);
  });
  it('lets a supervisor move cases and mark findings rectified', () => {
    expect(canAccess('SUPERVISOR', 'cases', 'edit')).toBe(true);
    expect(canAccess('SUPERVISOR', 'websiteFindings', 'edit')).toBe(true);
  });
  it('lets a viewer change nothing', () => {
    for (const resource of [
      'cases',
      'policies',
      'rateEntries',
      'websiteFindings',
      'organizations',
    ]) {
      expect(canAccess('VIEWER', resource, 'list')).toBe(true);
      expect(canAccess('VIEWER', resource, 'edit')).toBe(false);
      expect(canAccess('VIEWER', resource, 'create')).toBe(false);
    }
  });
  it('hides accounts, tokens and the audit log from everyone but administrators', () => {
    expect(canAccess('SUPERVISOR', 'auditEntries', 'list')).toBe(false);
    expect(canAccess('VIEWER', 'apiTokens', 'list')).toBe(false);
    expect(canAccess('ADMIN', 'auditEntries', 'list')).toBe(true);
  });
  it('shows 导入公报 to administrators only', () => {
    expect(canAccess('ADMIN', 'gazetteImports', 'list')).toBe(true);
    expect(canAccess('SUPERVISOR', 'gazetteImports', 'list')).toBe(false);
    expect(canAccess('VIEWER', 'gazetteImports', 'list')).toBe(false);
  });
  it('denies everything without a role', () => {
    expect(canAccess(null, 'policies', 'list')).toBe(false);
  });
});
