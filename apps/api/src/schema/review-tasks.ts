// Validity review tasks (issue "Time and scale"): one per document with an end date, due six
// months before the end of a trial and three months before for others (domain reviewDueOn),
// created by the daily job (services/review-tasks.ts). Supervisors and administrators read them;
// administrators assign and resolve them (review-task-writes.ts).
import { fromUtcMidnight, isReviewOverdue, type ReviewOutcome } from '@gazette/domain';
import { builder, checkedMaxSize } from '../builder.ts';
import { findTablesLeftWithoutRates } from '../services/review-tasks/find-tables-left-without-rates.ts';
import { reviewTaskWhere } from '../services/review-tasks/review-task-where.ts';
import { noRow } from './cases.ts';
import { asOfOrToday } from './shared.ts';

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
        const ids = await findTablesLeftWithoutRates(
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
