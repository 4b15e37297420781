// The events of a case, in order: what happened on which day, from which state to which.
import type { CaseEventType } from '@gazette/domain';
import { builder } from '../builder.ts';
import { CaseEventTypeEnum, CaseStateEnum } from './case-enums.ts';

const iso = (d: Date) => d.toISOString();

builder.prismaObject('CaseEvent', {
  authScopes: { viewer: true },
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    type: t.field({
      type: CaseEventTypeEnum,
      select: { type: true },
      resolve: (e) => e.type as CaseEventType,
    }),
    on: t.expose('on', { type: 'Date' }),
    fromState: t.expose('fromState', { type: CaseStateEnum }),
    toState: t.expose('toState', { type: CaseStateEnum }),
    payload: t.expose('payload', { type: 'JSON' }),
    note: t.string({
      nullable: true,
      select: { payload: true },
      resolve: (e) => noteOf(e.payload),
    }),
    at: t.string({ resolve: (e) => iso(e.at) }),
  }),
});

function noteOf(payload: unknown): string | null {
  const note = (payload as { note?: unknown } | null)?.note;
  return typeof note === 'string' ? note : null;
}
