// The administrators' writes of a validity review task: assign and resolve, each version-checked
// and audited in its service (services/review-tasks/).
import { builder } from '../builder.ts';
import { assignReviewTask } from '../services/review-tasks/assign-review-task.ts';
import { resolveReviewTask } from '../services/review-tasks/resolve-review-task.ts';
import { rawId } from './ids.ts';
import { ReviewOutcomeEnum } from './review-tasks.ts';

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
      await assignReviewTask(ctx, id, args.version, assigneeId, args.assigneeId);
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
      await resolveReviewTask(ctx, id, args.version, args, args.id);
      return ctx.prisma.reviewTask.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
