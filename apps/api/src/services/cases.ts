import {
  DomainError,
  badInput,
  ZOpenDiscretionReviewInput,
  applyCaseEvent,
  fromUtcMidnight,
  isCaseOverdue,
  todayInShanghai,
  toUtcMidnight,
  type CaseEventInput,
  type CaseState,
  type PlainDate,
  type TOpenDiscretionReviewInput,
} from '@gazette/domain';
import type { DiscretionCase, Prisma } from '@gazette/db';
import { recordAudit } from '../audit.ts';
import type { GazetteContext } from '../context.ts';
import { issueNotice } from './notices.ts';
import { pageArgs, type Page, type PageInput } from './paging.ts';
import { likeText } from '../schema/shared.ts';

type Ctx = Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>;

/** Interactive transactions queue for connections and counter locks under load; give them room. */
const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

const DOC_NO = '泸市监规发〔2024〕2号';

function actorId(ctx: Ctx) {
  return ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
}

/** 泸市监规发〔2024〕2号 第六条: a review starts registered, on one of four triggers. */
export async function openDiscretionReview(
  ctx: Ctx,
  raw: TOpenDiscretionReviewInput,
): Promise<DiscretionCase> {
  const parsed = ZOpenDiscretionReviewInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput(String(issue?.path[0] ?? 'input'), issue?.message ?? '输入无效');
  }
  const input = parsed.data;
  return ctx.prisma.$transaction(async (tx) => {
    const policy = await tx.policy.findUnique({ where: { docNo: DOC_NO }, select: { id: true } });
    const created = await tx.discretionCase.create({
      data: {
        caseName: input.caseName,
        subjectName: input.subjectName,
        trigger: input.trigger,
        filedOn: toUtcMidnight(input.filedOn),
        policyId: policy?.id ?? null,
        createdById: actorId(ctx),
      },
    });
    await recordAudit(tx, ctx, {
      action: 'case.open',
      entity: 'DiscretionCase',
      entityId: created.id,
      after: created,
    });
    return created;
  }, TX_OPTIONS);
}

export interface UpdateCaseInput {
  id: string;
  version: number;
  caseName?: string | null;
  subjectName?: string | null;
  trigger?: TOpenDiscretionReviewInput['trigger'] | null;
  filedOn?: PlainDate | null;
}

/**
 * Corrects what was registered (names; trigger and filing date while still REGISTERED),
 * never the workflow fields, which only transitions change.
 */
export async function updateCase(ctx: Ctx, input: UpdateCaseInput): Promise<DiscretionCase> {
  const parsed = ZOpenDiscretionReviewInput.partial().safeParse({
    caseName: input.caseName ?? undefined,
    subjectName: input.subjectName ?? undefined,
    trigger: input.trigger ?? undefined,
    filedOn: input.filedOn ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput(String(issue?.path[0] ?? 'input'), issue?.message ?? '输入无效');
  }
  const { filedOn, ...names } = parsed.data;
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.discretionCase.findUnique({ where: { id: input.id } });
    if (!before) throw new DomainError('NOT_FOUND', '案件不存在');
    const registration = names.trigger !== undefined || filedOn !== undefined;
    if (registration && before.state !== 'REGISTERED') {
      throw badInput(
        names.trigger !== undefined ? 'trigger' : 'filedOn',
        '案件已受理或已处理,启动情形和登记日期不能再更改',
      );
    }
    const { count } = await tx.discretionCase.updateMany({
      // The state is re-checked here too, so a concurrent acceptance cannot slip under the change.
      where: {
        id: input.id,
        version: input.version,
        ...(registration && { state: 'REGISTERED' as const }),
      },
      data: {
        ...names,
        ...(filedOn && { filedOn: toUtcMidnight(filedOn) }),
        version: { increment: 1 },
      },
    });
    if (count !== 1) {
      throw new DomainError('CONFLICT', '案件已被他人修改,请刷新后重试', {
        details: { currentVersion: before.version },
      });
    }
    const after = await tx.discretionCase.findUniqueOrThrow({ where: { id: input.id } });
    await recordAudit(tx, ctx, {
      action: 'case.update',
      entity: 'DiscretionCase',
      entityId: after.id,
      before,
      after,
    });
    return after;
  }, TX_OPTIONS);
}

interface LockedCase {
  id: string;
  state: CaseState;
  filedOn: Date;
  version: number;
}

/**
 * Moves a case by one event, all in one transaction: the case row is locked, the domain's
 * transition table decides, then the case, its event, its notices and the audit entry are
 * written together. Any refusal (DomainError) rolls everything back.
 */
export async function transitionCase(
  ctx: Ctx,
  id: string,
  event: CaseEventInput,
): Promise<DiscretionCase> {
  return ctx.prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<LockedCase[]>`
      SELECT id, state::text AS state, "filedOn", version FROM "DiscretionCase" WHERE id = ${id} FOR UPDATE`;
    if (!locked) throw new DomainError('NOT_FOUND', '案件不存在');
    const before = await tx.discretionCase.findUniqueOrThrow({ where: { id } });
    const last = await tx.caseEvent.findFirst({ where: { caseId: id }, orderBy: { seq: 'desc' } });

    const t = applyCaseEvent(
      {
        state: locked.state,
        filedOn: fromUtcMidnight(locked.filedOn),
        lastEventOn: last ? fromUtcMidnight(last.on) : null,
      },
      event,
    );
    const c = t.changes;
    const data: Prisma.DiscretionCaseUpdateManyMutationInput = {
      state: t.nextState,
      version: { increment: 1 },
      ...(c.reviewMode !== undefined && { reviewMode: c.reviewMode }),
      ...(c.reviewDays !== undefined && { reviewDays: c.reviewDays }),
      ...(c.acceptedOn !== undefined && { acceptedOn: toUtcMidnight(c.acceptedOn) }),
      ...(c.reviewDeadline !== undefined && { reviewDeadline: toUtcMidnight(c.reviewDeadline) }),
      ...(c.conditionsMet !== undefined && { conditionsMet: c.conditionsMet }),
      ...(c.exclusions !== undefined && { exclusions: c.exclusions }),
      ...(c.rejectionReason !== undefined && { rejectionReason: c.rejectionReason }),
      ...(c.terminationReason !== undefined && { terminationReason: c.terminationReason }),
      ...(c.passed !== undefined && { passed: c.passed }),
      ...(c.decision !== undefined && { decision: c.decision }),
      ...(c.keySupervision !== undefined && { keySupervision: c.keySupervision }),
    };
    // The state and version we decided on are re-checked by the write itself.
    const { count } = await tx.discretionCase.updateMany({
      where: { id, state: locked.state, version: locked.version },
      data,
    });
    if (count !== 1) throw new DomainError('CONFLICT', '案件已被他人修改,请刷新后重试');

    const on = toUtcMidnight(event.on);
    const eventRow = await tx.caseEvent.create({
      data: {
        caseId: id,
        seq: (last?.seq ?? 0) + 1,
        type: event.type,
        on,
        fromState: t.fromState,
        toState: t.nextState,
        payload: eventPayload(event),
        actorId: actorId(ctx),
      },
    });
    const position = await tx.notice.count({ where: { caseId: id } });
    const notices = [];
    for (const [i, kind] of t.notices.entries()) {
      notices.push(await issueNotice(tx, id, kind, on, position + i + 1));
    }
    const after = await tx.discretionCase.findUniqueOrThrow({ where: { id } });
    await recordAudit(tx, ctx, {
      action: `case.${event.type.toLowerCase() as Lowercase<typeof event.type>}`,
      entity: 'DiscretionCase',
      entityId: id,
      before,
      after: { ...after, event: eventRow, notices: notices.map((n) => n.number) },
    });
    return after;
  }, TX_OPTIONS);
}

/** Only the fields the event type carries, as given (undefined/null dropped). */
function eventPayload(event: CaseEventInput): Prisma.InputJsonObject {
  const out: Record<string, Prisma.InputJsonValue> = {};
  for (const [key, value] of Object.entries(event)) {
    if (value === undefined || value === null || key === 'type' || key === 'on') continue;
    out[key] = value as Prisma.InputJsonValue;
  }
  return out;
}

/** 泸市监规发〔2024〕2号 第十三条: a review still open after its deadline is overdue. */
export function isOverdue(
  c: Pick<DiscretionCase, 'state' | 'reviewDeadline'>,
  today: PlainDate = todayInShanghai(),
) {
  return isCaseOverdue({ state: c.state, reviewDeadline: c.reviewDeadline && fromUtcMidnight(c.reviewDeadline) }, today);
}

export interface CaseFilter {
  q?: string | null;
  state?: CaseState[] | null;
  overdue?: boolean | null;
  trigger?: string | null;
  keySupervision?: boolean | null;
  filedFrom?: PlainDate | null;
  filedTo?: PlainDate | null;
}

export function caseWhere(
  filter: CaseFilter = {},
  today: PlainDate = todayInShanghai(),
): Prisma.DiscretionCaseWhereInput {
  const and: Prisma.DiscretionCaseWhereInput[] = [];
  if (filter.q?.trim()) {
    const q = filter.q.trim();
    and.push({ OR: [{ caseName: { contains: likeText(q) } }, { subjectName: { contains: likeText(q) } }] });
  }
  if (filter.state?.length) and.push({ state: { in: filter.state } });
  if (filter.trigger) and.push({ trigger: filter.trigger as DiscretionCase['trigger'] });
  if (filter.keySupervision != null) and.push({ keySupervision: filter.keySupervision });
  if (filter.filedFrom) and.push({ filedOn: { gte: toUtcMidnight(filter.filedFrom) } });
  if (filter.filedTo) and.push({ filedOn: { lte: toUtcMidnight(filter.filedTo) } });
  const overdue: Prisma.DiscretionCaseWhereInput = {
    state: 'UNDER_REVIEW',
    reviewDeadline: { lt: toUtcMidnight(today) },
  };
  if (filter.overdue === true) and.push(overdue);
  if (filter.overdue === false) and.push({ NOT: overdue });
  return and.length ? { AND: and } : {};
}

export const CASE_SORT_FIELDS = [
  'filedOn',
  'reviewDeadline',
  'caseName',
  'subjectName',
  'state',
  'createdAt',
  'updatedAt',
] as const;

export async function casesPage(
  ctx: Ctx,
  input: PageInput<CaseFilter>,
  query: object = {},
): Promise<Page<DiscretionCase>> {
  const where = caseWhere(input.filter ?? {});
  const { skip, take, orderBy } = pageArgs(input, CASE_SORT_FIELDS, 'filedOn');
  const [nodes, total] = await Promise.all([
    ctx.prisma.discretionCase.findMany({
      ...query,
      where,
      skip,
      take,
      orderBy: [orderBy, { id: 'asc' }],
    }),
    ctx.prisma.discretionCase.count({ where }),
  ]);
  return { nodes, total };
}
