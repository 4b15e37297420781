// recordAudit accepts only the listed actions, each with its entity and payload: each
// expected-error line below fails `pnpm typecheck` the day a wrong entry would be accepted.
import { describe, expect, it } from 'vitest';
import { recordAudit, type AuditAction, type AuditRecordOf } from './audit.ts';

function capture() {
  const rows: Record<string, unknown>[] = [];
  const db = {
    auditEntry: {
      create: async (args: { data: Record<string, unknown> }) => void rows.push(args.data),
    },
  };
  const ctx = {
    viewer: { kind: 'user', userId: 'u1' },
    actorLabel: '管理员',
  } as unknown as Parameters<typeof recordAudit>[1];
  const write = <A extends AuditAction>(record: AuditRecordOf<A>) =>
    recordAudit(db as unknown as Parameters<typeof recordAudit>[0], ctx, record);
  return { rows, write };
}

describe('recordAudit', () => {
  it('writes the listed action with its entity, actor and JSON payload', async () => {
    const { rows, write } = capture();
    await write({
      action: 'rateTableVersion.importCsv',
      entity: 'RateTableVersion',
      entityId: 'v1',
      after: { entries: 85 },
    });
    await write({ action: 'session.login', entity: 'Session', entityId: 's1' });
    expect(rows).toEqual([
      {
        actorId: 'u1',
        actorLabel: '管理员',
        action: 'rateTableVersion.importCsv',
        entity: 'RateTableVersion',
        entityId: 'v1',
        before: undefined,
        after: { entries: 85 },
      },
      {
        actorId: 'u1',
        actorLabel: '管理员',
        action: 'session.login',
        entity: 'Session',
        entityId: 's1',
        before: undefined,
        after: undefined,
      },
    ]);
  });

  it('refuses, at compile time, actions, entities and payloads that are not listed', () => {
    const { write } = capture();
    // Each call on one line, so that each directive stays on the line of its error.
    // prettier-ignore
    const wrong = [
      // @ts-expect-error an action nobody records
      () => write({ action: 'rateEntry.frobnicate', entity: 'RateEntry', entityId: 'x' }),
      // @ts-expect-error the entity of another action
      () => write({ action: 'session.login', entity: 'User', entityId: 'x' }),
      // @ts-expect-error a payload of the wrong shape
      () => write({ action: 'rateTableVersion.importCsv', entity: 'RateTableVersion', entityId: 'x', after: { rows: 1 } }),
      // @ts-expect-error a case event the transition table does not have
      () => write({ action: 'case.reopen', entity: 'DiscretionCase', entityId: 'x', before: {}, after: {} }),
    ];
    expect(wrong).toHaveLength(4);
  });
});
