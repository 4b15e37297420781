// Validity review tasks (issue "Time and scale"): one per document with an end date, due six
// months before the end of a trial and three months before for others (domain reviewDueOn),
// created by the daily job (services/review-tasks.ts). Supervisors and administrators read them;
// administrators assign and resolve them (version-checked, audited).
import {
  checkReviewResolution,
  DomainError,
  fromUtcMidnight,
  isReviewOverdue,
  parseDocNo,
  rateTableFromRows,
  tablesLeftWithoutRates,
  badInput,
  type ReviewOutcome,
} from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import { builder, checkedMaxSize } from '../builder.ts';
import { recordAudit } from '../audit.ts';
import type { ReviewTaskAction } from '../audit-actions.ts';
import { noRow } from './cases.ts';
import { rawId } from './ids.ts';
import { asOfOrToday, dbDate } from './shared.ts';
import { conflictError, findOrThrow, writeTransaction } from './write-helpers.ts';

export const ReviewOutcomeEnum = builder.enumType('ReviewOutcome', {
  description: '有效期评估的结论 / outcome of a validity review',
  values: {
    EXTENDED: { description: '延续:有效期延长或重新发布 / extended' },
    REPLACED: {
      description: '被替代:由另一文件代替(replacedBy 为其文号) / replaced by another document',
    },
    LAPSES: { description: '到期失效:不再延续 / lapses at its end' },
  } satisfies Record<ReviewOutcome, unknown>,
});

const POLICY_VALIDITY = {
  docNo: true,
  effectiveFrom: true,
  expiresOn: true,
  isTrial: true,
  repealedOn: true,
  repealedBy: { select: { docNo: true } },
} as const;

export const ReviewTask = builder.prismaNode('ReviewTask', {
  id: { field: 'id' },
  description:
    '文件有效期评估任务:试行文件在期满前六个月、其他文件在期满前三个月到期(泸市医保规〔2024〕4号 五:试行期满前六个月评估执行情况);结论为延续、被替代或到期失效 / a validity review task',
  authScopes: { supervisor: true },
  fields: (t) => ({
    policy: t.relation('policy', { description: '被评估的文件 / the document under review' }),
    dueOn: t.expose('dueOn', {
      type: 'Date',
      description: '评估到期日 / the day the review is due',
    }),
    overdue: t.boolean({
      description:
        '在 asOf 时已过到期日仍无结论(到期日当天不算逾期) / still unresolved after its due day',
      args: {
        asOf: t.arg({
          type: 'Date',
          required: false,
          description: '判断日期,缺省为今天(Asia/Shanghai)',
        }),
      },
      select: { dueOn: true, outcome: true },
      resolve: (task, args) =>
        isReviewOverdue(
          { dueOn: fromUtcMidnight(task.dueOn), outcome: task.outcome },
          asOfOrToday(args.asOf),
        ),
    }),
    assigneeLabel: t.string({
      nullable: true,
      description: '承办人(姓名,无姓名时为邮箱);未指派为 null / the assignee, by name or email',
      select: { assignee: { select: { name: true, email: true } } },
      resolve: (task) => (task.assignee ? (task.assignee.name ?? task.assignee.email) : null),
    }),
    assigneeId: t.exposeID('assigneeId', {
      nullable: true,
      description: '承办人账户的 id(数据库 id) / the assignee user id',
    }),
    outcome: t.expose('outcome', {
      type: ReviewOutcomeEnum,
      nullable: true,
      description: '评估结论;未办结为 null / the outcome, null while open',
    }),
    replacedByDocNo: t.exposeString('replacedByDocNo', {
      nullable: true,
      description: '替代文件的文号(仅 REPLACED) / the replacing document number',
    }),
    replacedBy: t.prismaField({
      type: 'Policy',
      nullable: true,
      description: '替代文件(仅 REPLACED) / the replacing document',
      select: { replacedByDocNo: true },
      resolve: (query, task, _args, ctx) =>
        task.replacedByDocNo
          ? ctx.prisma.policy.findUnique({ ...query, where: { docNo: task.replacedByDocNo } })
          : noRow(query),
    }),
    note: t.exposeString('note', { nullable: true, description: '办理说明 / note' }),
    resolvedAt: t.string({
      nullable: true,
      description: '办结时间(ISO 8601) / when it was resolved',
      resolve: (task) => task.resolvedAt?.toISOString() ?? null,
    }),
    version: t.exposeInt('version', {
      description: '版本号:修改时须提交当前版本,否则 CONFLICT / version for conflict checks',
    }),
    tablesLeftWithoutRates: t.prismaField({
      type: ['RateTable'],
      description:
        '本文件的费率表中,在有效期届满次日没有已发布版本生效的表(届时无费率可用) / rate tables of the document with no published version in force the day after its end',
      select: { policyId: true, policy: { select: { expiresOn: true } } },
      resolve: async (query, task, _args, ctx) => {
        const ids = await tableIdsLeftWithoutRates(
          ctx.prisma,
          task.policyId,
          task.policy.expiresOn,
        );
        return ctx.prisma.rateTable.findMany({
          ...query,
          where: { id: { in: ids } },
          orderBy: { key: 'asc' },
        });
      },
    }),
  }),
});

type Db = Pick<Prisma.TransactionClient, 'rateTable'>;

/** Tables set by the document (or re-issued by it) that have nothing published in force the day after `endsOn`. */
async function tableIdsLeftWithoutRates(
  db: Db,
  policyId: string,
  endsOn: Date | null,
): Promise<string[]> {
  if (!endsOn) return [];
  const rows = await db.rateTable.findMany({
    where: { OR: [{ policyId }, { versions: { some: { policyId } } }] },
    select: {
      id: true,
      policy: { select: POLICY_VALIDITY },
      versions: {
        where: { status: 'PUBLISHED' },
        select: {
          id: true,
          effectiveFrom: true,
          effectiveTo: true,
          status: true,
          policy: { select: POLICY_VALIDITY },
        },
      },
    },
  });
  const tables = rows.map((r) => ({
    ...rateTableFromRows(
      { key: '', kind: 'MEDICAL_SERVICE_PRICE', name: '', dimensions: [] },
      r.policy,
      r.versions,
    ),
    tableId: r.id,
  }));
  return tablesLeftWithoutRates(tables, fromUtcMidnight(endsOn)).map((t) => t.tableId);
}

builder.prismaObjectField('Policy', 'reviewTask', (t) =>
  t.relation('reviewTask', {
    nullable: true,
    authScopes: { supervisor: true },
    description:
      '本文件的有效期评估任务(有期限的文件才有;监督员、管理员可见) / the validity review task of the document',
  }),
);

const ReviewTaskFilter = builder.inputType('ReviewTaskFilter', {
  description: '评估任务筛选 / review task filter',
  fields: (t) => ({
    overdue: t.boolean({
      required: false,
      description:
        'true:仅逾期(过到期日仍无结论);false:仅未逾期 / only overdue, or only not overdue',
    }),
    open: t.boolean({
      required: false,
      description: 'true:仅未办结;false:仅已办结 / only open, or only resolved',
    }),
    asOf: t.field({
      type: 'Date',
      required: false,
      description: '判断逾期的日期,缺省为今天(Asia/Shanghai)',
    }),
  }),
});

interface ReviewTaskFilterValue {
  overdue?: boolean | null;
  open?: boolean | null;
  asOf?: string | null;
}

function reviewTaskWhere(
  filter: ReviewTaskFilterValue | null | undefined,
): Prisma.ReviewTaskWhereInput {
  const and: Prisma.ReviewTaskWhereInput[] = [];
  if (filter?.open === true) and.push({ outcome: null });
  if (filter?.open === false) and.push({ outcome: { not: null } });
  if (filter?.overdue != null) {
    // The domain's isReviewOverdue as SQL: no outcome and due before asOf.
    const overdue: Prisma.ReviewTaskWhereInput = {
      outcome: null,
      dueOn: { lt: dbDate(asOfOrToday(filter.asOf)) },
    };
    and.push(filter.overdue ? overdue : { NOT: overdue });
  }
  return and.length ? { AND: and } : {};
}

builder.queryFields((t) => ({
  reviewTasks: t.prismaConnection({
    type: 'ReviewTask',
    cursor: 'id',
    authScopes: { supervisor: true },
    description:
      '有效期评估任务,最早到期的在前(监督员、管理员) / validity review tasks, soonest due first',
    maxSize: checkedMaxSize,
    args: { filter: t.arg({ description: '筛选条件', type: ReviewTaskFilter, required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.reviewTask.findMany({
        ...query,
        where: reviewTaskWhere(args.filter),
        orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
      }),
    totalCount: (_parent, args, ctx) =>
      ctx.prisma.reviewTask.count({ where: reviewTaskWhere(args.filter) }),
  }),
}));

const admin = { admin: true } as const;

builder.mutationFields((t) => ({
  assignReviewTask: t.prismaField({
    type: 'ReviewTask',
    authScopes: admin,
    description:
      '指派承办人(须为在用的监督员或管理员);version 过期时 CONFLICT / assigns the task to a supervisor or administrator',
    args: {
      id: t.arg.id({ description: '任务的 ID', required: true }),
      version: t.arg.int({ description: '任务当前的版本号', required: true }),
      assigneeId: t.arg.id({ required: true, description: '承办人账户 id / the assignee user id' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'ReviewTask');
      const assigneeId = rawId(args.assigneeId, 'User', 'assigneeId');
      await writeTransaction(ctx, async (tx) => {
        const user = await tx.user.findUnique({
          where: { id: assigneeId },
          select: { active: true, role: true },
        });
        if (!user)
          throw new DomainError('NOT_FOUND', `账户不存在:${args.assigneeId}`, {
            field: 'assigneeId',
          });
        if (!user.active || user.role === 'VIEWER')
          throw badInput('assigneeId', '承办人须为在用的监督员或管理员账户');
        await versionedTaskUpdate(tx, ctx, id, args.version, 'reviewTask.assign', { assigneeId });
      });
      return ctx.prisma.reviewTask.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  resolveReviewTask: t.prismaField({
    type: 'ReviewTask',
    authScopes: admin,
    description:
      '办结评估:EXTENDED 延续、REPLACED 被替代(replacedBy 须为已登记文件的文号)、LAPSES 到期失效;记入审计;version 过期时 CONFLICT / resolves the task',
    args: {
      id: t.arg.id({ description: '任务的 ID', required: true }),
      version: t.arg.int({ description: '任务当前的版本号', required: true }),
      outcome: t.arg({ description: '评估结论', type: ReviewOutcomeEnum, required: true }),
      replacedBy: t.arg.string({
        required: false,
        description: '替代文件的文号(任意括号写法) / the replacing document number',
      }),
      note: t.arg.string({ required: false, description: '办理说明 / note' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'ReviewTask');
      await writeTransaction(ctx, async (tx) => {
        const task = await tx.reviewTask.findUnique({
          where: { id },
          select: { policy: { select: { docNo: true } } },
        });
        if (!task) throw new DomainError('NOT_FOUND', `评估任务不存在:${args.id}`, { field: 'id' });
        let replacedBy: string | null = null;
        if (args.replacedBy?.trim()) {
          const parsed = parseDocNo(args.replacedBy);
          if (!parsed) throw badInput('replacedBy', `replacedBy 不是有效的文号:${args.replacedBy}`);
          replacedBy = parsed.docNo;
        }
        const docNo = checkReviewResolution(args.outcome, replacedBy, task.policy.docNo);
        if (docNo && !(await tx.policy.findUnique({ where: { docNo }, select: { id: true } }))) {
          throw badInput('replacedBy', `未登记的文件:${docNo}(请先录入或导入替代文件)`);
        }
        const note = args.note?.trim() ? args.note.trim() : null;
        const resolvedById = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
        await versionedTaskUpdate(tx, ctx, id, args.version, 'reviewTask.resolve', {
          outcome: args.outcome,
          replacedByDocNo: docNo,
          note,
          resolvedAt: new Date(),
          resolvedById,
        });
      });
      return ctx.prisma.reviewTask.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));

type Tx = Prisma.TransactionClient;

async function versionedTaskUpdate(
  tx: Tx,
  ctx: Parameters<typeof recordAudit>[1],
  id: string,
  version: number,
  action: ReviewTaskAction,
  data: Prisma.ReviewTaskUncheckedUpdateManyInput,
) {
  const before = await findOrThrow(tx, 'reviewTask', id);
  if (before.version !== version)
    throw await conflictError(tx, 'reviewTask', id, before.version, version);
  const { count } = await tx.reviewTask.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const now = await findOrThrow(tx, 'reviewTask', id);
    throw await conflictError(tx, 'reviewTask', id, now.version, version);
  }
  const after = await findOrThrow(tx, 'reviewTask', id);
  await recordAudit(tx, ctx, { action, entity: 'ReviewTask', entityId: id, before, after });
}
