import { describe, expect, it } from 'vitest';
import { ZPolicyFilter } from './schemas.ts';

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues[0]?.message ?? '';

describe('policy input schemas', () => {
  it('accepts a full filter and an empty one', () => {
    expect(
      ZPolicyFilter.parse({
        status: 'IN_FORCE',
        asOf: '2025-01-06',
        search: '残疾',
        issuer: '市政府',
      }),
    ).toMatchObject({
      status: 'IN_FORCE',
    });
    expect(ZPolicyFilter.parse({})).toEqual({});
  });
  it('names filter.asOf for an impossible date and status for an unknown one', () => {
    expect(firstMessage(ZPolicyFilter.safeParse({ asOf: '2025-02-30' }))).toMatch(/filter\.asOf/);
    expect(firstMessage(ZPolicyFilter.safeParse({ status: 'ACTIVE' }))).toMatch(/status/);
  });
});
