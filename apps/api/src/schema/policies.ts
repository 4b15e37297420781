// Policies (政策文件): the type and the contract's queries of one document (the lists are in
// policy-lists.ts, the administrators' writes in policy-writes.ts). Rules live in services/policies.
import { daysBetween, parseDocNo, policyLastDay, policyStatus } from '@gazette/domain';
import { builder } from '../builder.ts';
import {
  listExpiringPolicies,
  MAX_WITHIN_DAYS,
} from '../services/policies/list-expiring-policies.ts';
import { Organization } from './organizations.ts';
import { PolicyCategoryEnum, PolicySource, PolicyStatusEnum } from './policy-parts.ts';
import './policy-lists.ts';
import './policy-writes.ts';
import { asOfOrToday, plain } from './shared.ts';

export const Policy = builder.prismaNode('Policy', {
  description: '规范性文件(政策文件):公报刊登的或手工录入的一份文件',
  id: { field: 'id' },
  fields: (t) => ({
    docNo: t.exposeString('docNo', { description: '文号,规范化为〔〕形式,如 泸市府规〔2024〕4号' }),
    prefix: t.exposeString('prefix', { description: '文号的机关代字,如 泸市府规' }),
    year: t.exposeInt('year', { description: '文号中的年份' }),
    serial: t.exposeInt('serial', { description: '文号中的序号' }),
    title: t.exposeString('title', { description: '标题' }),
    category: t.expose('category', { description: '类别', type: PolicyCategoryEnum }),
    signedOn: t.expose('signedOn', { description: '签发日期(成文日期)', type: 'Date' }),
    effectiveFrom: t.expose('effectiveFrom', { description: '施行日期', type: 'Date' }),
    expiresOn: t.expose('expiresOn', {
      description: '有效期届满日(含);无有效期限时为 null',
      type: 'Date',
      nullable: true,
    }),
    isTrial: t.exposeBoolean('isTrial', { description: '是否试行' }),
    validityClause: t.exposeString('validityClause', {
      description: '原文中的有效期条款,如“自…起施行,有效期…年”',
      nullable: true,
    }),
    issueLabel: t.exposeString('issueLabel', {
      description: '刊登的公报期次,如 2024年第12期;手工录入时可为 null',
      nullable: true,
    }),
    page: t.exposeInt('page', { description: '公报目录所列页码', nullable: true }),
    summary: t.exposeString('summary', { description: '摘要', nullable: true }),
    version: t.exposeInt('version', {
      description: '版本号:修改时须传回当前值,不一致时报 CONFLICT',
    }),
    // Every issuing body, in the order printed (contract README, "Policies").
    issuers: t.field({
      description: '发文机关,按原文排列顺序(联合发文时有多个)',
      type: [Organization],
      select: (_args, _ctx, nested) => ({
        issuers: { orderBy: { position: 'asc' }, select: { organization: nested() } },
      }),
      resolve: (policy) => policy.issuers.map((i) => i.organization),
    }),
    status: t.field({
      description: '在 asOf 当日的效力状态',
      type: PolicyStatusEnum,
      args: {
        asOf: t.arg({
          description: '判断状态的日期,缺省为今天(Asia/Shanghai)',
          type: 'Date',
          required: false,
        }),
      },
      select: { effectiveFrom: true, expiresOn: true, repealedOn: true },
      resolve: (policy, args) =>
        policyStatus(
          {
            effectiveFrom: plain(policy.effectiveFrom),
            expiresOn: plain(policy.expiresOn),
            repealedOn: plain(policy.repealedOn),
          },
          asOfOrToday(args.asOf),
        ),
    }),
    repealedBy: t.relation('repealedBy', {
      nullable: true,
      description: '废止或代替本文件的文件(自其施行之日起本文件为 REPEALED);未被废止时为 null',
    }),
    repealedOn: t.expose('repealedOn', {
      type: 'Date',
      nullable: true,
      description: '被废止之日(废止文件的施行日期)',
    }),
    source: t.field({
      type: PolicySource,
      nullable: true,
      description: '刊登本文件的公报期次、页码与原文行号;手工录入的文件为 null',
      select: { issueLabel: true, page: true, lineFrom: true, lineTo: true, sourceIssueId: true },
      resolve: (p) =>
        p.issueLabel === null
          ? null
          : { issueLabel: p.issueLabel, page: p.page, lineFrom: p.lineFrom, lineTo: p.lineTo },
    }),
    text: t.exposeString('text', { nullable: true, description: '文件全文(按公报原文)' }),
    daysLeft: t.int({
      nullable: true,
      description: '距最后有效日的天数(当天为 0;已失效或已废止为负数);无有效期限时为 null',
      args: {
        asOf: t.arg({
          type: 'Date',
          required: false,
          description: '计算日期,缺省为今天(Asia/Shanghai)',
        }),
      },
      select: { expiresOn: true, repealedOn: true },
      resolve: (p, args) => {
        const last = policyLastDay({
          expiresOn: plain(p.expiresOn),
          repealedOn: plain(p.repealedOn),
        });
        return last === null ? null : daysBetween(asOfOrToday(args.asOf), last);
      },
    }),
    articles: t.relation('articles', {
      description: '正文各条/各部分,按原文顺序;number 为原文编号(第十三条、二、(八))',
      query: { orderBy: { position: 'asc' } },
    }),
    rateTables: t.relation('rateTables', {
      description: '本文件公布的价格表,按键排序',
      query: { orderBy: { key: 'asc' } },
    }),
    inspectionRounds: t.relation('inspectionRounds', {
      description: '本文件通报的检查轮次,按季度排序',
      query: { orderBy: { quarter: 'asc' } },
    }),
  }),
});

builder.queryFields((t) => ({
  expiringPolicies: t.prismaField({
    type: ['Policy'],
    description: '有效期在 asOf 起 withinDays 天内(含)届满的文件,最先届满的在前;已废止的不列',
    args: {
      asOf: t.arg({
        type: 'Date',
        required: false,
        description: '起算日期,缺省为今天(Asia/Shanghai)',
      }),
      withinDays: t.arg.int({ required: true, description: `天数,0–${MAX_WITHIN_DAYS}` }),
    },
    resolve: (query, _root, args, ctx) => listExpiringPolicies(ctx, args, query),
  }),
  // Every printed variant of a number (〔〕, [], ［］, OCR spaces) finds the same document.
  policy: t.prismaField({
    description:
      '按文号查找文件;各种括号写法(〔〕、[]、［］)和多余空格都能找到同一份文件;找不到时为 null',
    type: 'Policy',
    nullable: true,
    args: { docNo: t.arg.string({ description: '文号,任意括号写法', required: true }) },
    resolve: (query, _root, args, ctx) => {
      const parsed = parseDocNo(args.docNo);
      return parsed
        ? ctx.prisma.policy.findUnique({ ...query, where: { docNo: parsed.docNo } })
        : null;
    },
  }),
}));
