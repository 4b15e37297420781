// The parts of a policy: its category and status, where it was published, its articles.
import { builder } from '../builder.ts';

export const PolicyCategoryEnum = builder.enumType('PolicyCategory', {
  description: '文件类别(按公报栏目)',
  values: {
    MUNICIPAL_GOVERNMENT: { description: '市政府文件' },
    GOVERNMENT_OFFICE: { description: '市政府办公室文件' },
    DEPARTMENT: { description: '部门文件' },
  },
});

export const PolicyStatusEnum = builder.enumType('PolicyStatus', {
  description:
    '文件在某日的效力状态:自施行日至届满日(均含)有效;被废止或代替的,自废止文件施行之日起为已废止',
  values: {
    NOT_YET_EFFECTIVE: { description: '尚未施行' },
    IN_FORCE: { description: '有效' },
    EXPIRED: { description: '已失效(有效期或试行期届满)' },
    REPEALED: { description: '已废止(被另一文件废止或代替,自该文件施行之日起)' },
  },
});

interface PolicySourceShape {
  issueLabel: string;
  page: number | null;
  lineFrom: number | null;
  lineTo: number | null;
}

export const PolicySource = builder.objectRef<PolicySourceShape>('PolicySource').implement({
  description: '文件的出处:公报期次与页码,以及在该期公报原文中的行号范围',
  fields: (t) => ({
    issueLabel: t.exposeString('issueLabel', { description: '公报期次,如 2024年第12期' }),
    page: t.exposeInt('page', { nullable: true, description: '目录所列页码' }),
    lineFrom: t.exposeInt('lineFrom', { nullable: true, description: '原文起始行(1 起)' }),
    lineTo: t.exposeInt('lineTo', { nullable: true, description: '原文结束行' }),
  }),
});

export const PolicyArticle = builder.prismaObject('PolicyArticle', {
  description: '文件的一条或一个编号部分',
  fields: (t) => ({
    number: t.exposeString('number', { description: '原文编号:第十三条、二、(八)' }),
    path: t.exposeString('path', { description: '文件内唯一的位置,如 二(八)、第十三条' }),
    text: t.exposeString('text', { description: '该条全文' }),
    lineFrom: t.exposeInt('lineFrom', { description: '在公报原文中的起始行' }),
    lineTo: t.exposeInt('lineTo', { description: '在公报原文中的结束行' }),
  }),
});
