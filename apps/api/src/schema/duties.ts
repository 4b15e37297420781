import { builder } from '../builder.ts';
import { bodyNameWhere } from '../services/organizations/resolve-body.ts';

builder.prismaObject('DutyAllocation', {
  description:
    '泸市府办发〔2024〕47号 印发的《〈中华人民共和国噪声污染防治法〉部分条款部门职责分工方案》中的一行',
  fields: (t) => ({
    id: t.exposeID('id', { description: '记录号' }),
    seq: t.exposeInt('seq', { description: '序号' }),
    article: t.exposeString('article', { description: '法律条款' }),
    lawText: t.exposeString('lawText', { description: '法律内容(条款原文)' }),
    duty: t.exposeString('duty', { description: '职责部门(按原文)' }),
    policy: t.relation('policy', { description: '分工方案所在的规范性文件' }),
    assignments: t.relation('assignments', { description: '各职责部门及其分工' }),
  }),
});

builder.prismaObject('DutyAssignment', {
  description: '一个部门在一条职责分工中的分工',
  fields: (t) => ({
    role: t.exposeString('role', { nullable: true, description: '牵头 / 配合,或该部门负责的范围' }),
    organization: t.relation('organization', { description: '职责部门' }),
    duty: t.relation('duty', { description: '所属的职责分工' }),
  }),
});

builder.queryFields((t) => ({
  // 泸市府办发〔2024〕47号: the noise-law articles, optionally those a department is responsible for.
  noiseDuties: t.prismaField({
    description:
      '噪声污染防治法部分条款的部门职责分工(泸市府办发〔2024〕47号),按序号;可只看某部门负责的条款',
    type: ['DutyAllocation'],
    args: { department: t.arg.string({ required: false, description: '部门全称或别名' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.dutyAllocation.findMany({
        ...query,
        where: args.department
          ? { assignments: { some: { organization: bodyNameWhere(args.department) } } }
          : {},
        orderBy: { seq: 'asc' },
      }),
  }),
}));
