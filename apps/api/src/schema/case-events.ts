// The events of a case, in order: what happened on which day, from which state to which.
import type { CaseEventType } from '@gazette/domain';
import { builder } from '../builder.ts';
import { CaseEventTypeEnum, CaseStateEnum } from './case-enums.ts';

const iso = (d: Date) => d.toISOString();

builder.prismaObject('CaseEvent', {
  description: '案件办理中的一步:哪一天、从哪个状态到哪个状态(需只读及以上角色)',
  authScopes: { viewer: true },
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: '在本案中的序号,从 1 起' }),
    type: t.field({
      description: '这一步的种类',
      type: CaseEventTypeEnum,
      select: { type: true },
      resolve: (e) => e.type as CaseEventType,
    }),
    on: t.expose('on', { description: '这一步的日期', type: 'Date' }),
    fromState: t.expose('fromState', { description: '之前的状态', type: CaseStateEnum }),
    toState: t.expose('toState', { description: '之后的状态', type: CaseStateEnum }),
    payload: t.expose('payload', {
      description: '这一步提交的内容(受理的方式与期限、理由、结论等)',
      type: 'JSON',
    }),
    note: t.string({
      description: '办理说明;没有时为 null',
      nullable: true,
      select: { payload: true },
      resolve: (e) => noteOf(e.payload),
    }),
    at: t.string({ description: '记录时间(ISO 时间戳)', resolve: (e) => iso(e.at) }),
  }),
});

function noteOf(payload: unknown): string | null {
  const note = (payload as { note?: unknown } | null)?.note;
  return typeof note === 'string' ? note : null;
}
