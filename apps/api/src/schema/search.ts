// Chinese full-text search over every document's title, number and text (contract NEXT.md,
// "Text, search and validity watch"): the words of a document's body count, best match first.
import {
  MAX_SEARCH_RESULTS,
  searchPolicies,
  type SearchHit as Hit,
} from '@gazette/db/search/query';
import { builder } from '../builder.ts';

export const SearchHit = builder.objectRef<Hit>('SearchHit').implement({
  description: '一条检索结果:文件、找到检索词的条款(标题中找到时为 null)和上下文摘录',
  fields: (t) => ({
    policy: t.prismaField({
      type: 'Policy',
      description: '命中的文件',
      resolve: (query, hit, _args, ctx) =>
        ctx.prisma.policy.findUniqueOrThrow({ ...query, where: { id: hit.policyId } }),
    }),
    article: t.exposeString('article', {
      nullable: true,
      description: '找到检索词的条款编号(按原文,如 第十三条、二、(八));标题或文号命中时为 null',
    }),
    snippet: t.exposeString('snippet', { description: '检索词前后的原文,检索词以【】标出' }),
  }),
});

builder.queryFields((t) => ({
  search: t.field({
    type: [SearchHit],
    description: `中文全文检索:标题、文号和正文各条;最相关的在前,最多 ${MAX_SEARCH_RESULTS} 条`,
    args: {
      q: t.arg.string({
        required: true,
        description: '检索词,如 人工耳蜗、三书一函、泸市府规[2024]4号',
      }),
      first: t.arg.int({
        required: false,
        defaultValue: 10,
        description: `条数,1–${MAX_SEARCH_RESULTS},缺省 10`,
      }),
    },
    resolve: (_root, args, ctx) => searchPolicies(ctx.prisma, args.q, args.first ?? 10),
  }),
}));
