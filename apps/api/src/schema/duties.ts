import { builder } from '../builder.ts';
import { bodyNameWhere } from '../services/organizations/resolve-body.ts';

builder.prismaObject('DutyAllocation', {
  fields: (t) => ({
    id: t.exposeID('id'),
    seq: t.exposeInt('seq', { description: '序号' }),
    article: t.exposeString('article', { description: '法律条款' }),
    lawText: t.exposeString('lawText'),
    duty: t.exposeString('duty', { description: '职责部门 as printed' }),
    policy: t.relation('policy'),
    assignments: t.relation('assignments'),
  }),
});

builder.prismaObject('DutyAssignment', {
  fields: (t) => ({
    role: t.exposeString('role', { nullable: true, description: '牵头 / 配合, or the scope of the duty' }),
    organization: t.relation('organization'),
    duty: t.relation('duty'),
  }),
});

builder.queryFields((t) => ({
  // 泸市府办发〔2024〕47号: the noise-law articles, optionally those a department is responsible for.
  noiseDuties: t.prismaField({
    type: ['DutyAllocation'],
    args: { department: t.arg.string({ required: false, description: 'Official name or alias.' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.dutyAllocation.findMany({
        ...query,
        where: args.department ? { assignments: { some: { organization: bodyNameWhere(args.department) } } } : {},
        orderBy: { seq: 'asc' },
      }),
  }),
}));
