// Problems repeated over consecutive quarters (contract: repeatFindings), and the same runs a page
// or a quarter at a time (repeatFindingRuns): the whole history costs what the whole history
// needs, so the dashboard and downstream read a quarter or a page, whose cost does not grow with
// the history (issue 9).
import type { ArgBuilder } from '@pothos/core';
import { badInput, compareRepeatFindings } from '@gazette/domain';
import { builder } from '../builder.ts';
import {
  findRepeatFindings,
  type RepeatFindingWithBody,
} from '../services/inspections/find-repeat-findings.ts';
import { countRepeatFindingRuns } from '../services/inspections/count-repeat-finding-runs.ts';
import {
  decodeRunCursor,
  encodeRunCursor,
  listRepeatFindingRuns,
} from '../services/inspections/list-repeat-finding-runs.ts';
import { checkPageSize } from '../services/paging.ts';
import { rawId } from './ids.ts';
import { Organization } from './organizations.ts';
import { quarterOf, type BuilderTypes } from './shared.ts';

const RepeatFindingRef = builder.objectRef<RepeatFindingWithBody>('RepeatFinding').implement({
  description:
    '在相邻季度重复出现的问题:同一单位、同一栏目(网站)或账号(新媒体),缺省还要求问题相同;每段连续的季度为一条',
  fields: (t) => ({
    organization: t.field({
      description: '单位',
      type: Organization,
      resolve: (r) => r.organization,
    }),
    channel: t.exposeString('channel', { description: '渠道:WEBSITE(网站)或 NEW_MEDIA(新媒体)' }),
    subject: t.exposeString('subject', { description: '栏目(如《栏目名》)或新媒体账号' }),
    issue: t.exposeString('issue', { description: '问题,如“超期未更新”' }),
    quarters: t.exposeStringList('quarters', { description: '连续出现的季度,按时间顺序' }),
  }),
});

/** Arguments that narrow repeat findings; omitted, the answer is today's (every run). */
function scopeArgs(arg: ArgBuilder<BuilderTypes>) {
  return {
    matchIssue: arg.boolean({
      description: '是否要求问题相同;false 时只要单位与栏目(账号)相同,缺省 true',
      required: false,
      defaultValue: true,
    }),
    quarter: arg.string({
      description: '只返回包含这个季度的连续段(如 2024Q4);缺省不限',
      required: false,
    }),
    organizationId: arg.id({
      description: '只返回这个单位(全局 ID)的连续段;缺省不限',
      required: false,
    }),
  };
}

interface ScopeArgs {
  matchIssue?: boolean | null;
  quarter?: string | null;
  organizationId?: string | null;
}

function scopeOf(args: ScopeArgs) {
  return {
    matchIssue: args.matchIssue ?? true,
    quarter: args.quarter == null ? null : quarterOf(args.quarter),
    organizationId:
      args.organizationId == null
        ? null
        : rawId(args.organizationId, 'Organization', 'organizationId'),
  };
}

/** Runs a page holds when the client names no `first`. */
const DEFAULT_RUNS = 20;

builder.queryFields((t) => ({
  repeatFindings: t.field({
    description:
      '在相邻季度重复出现的问题,按首个季度、单位、栏目排序。不加限定时返回全部历史的每一段(历史越长越大越慢);' +
      '只看某季度请给 quarter,按页读取请用 repeatFindingRuns',
    type: [RepeatFindingRef],
    args: scopeArgs(t.arg),
    resolve: async (_root, args, ctx) => {
      const scope = scopeOf(args);
      const runs = scope.quarter
        ? await listRepeatFindingRuns(ctx.prisma, { ...scope, limit: null })
        : await findRepeatFindings(ctx.prisma, scope);
      return runs.sort(compareRepeatFindings);
    },
  }),
  repeatFindingRuns: t.connection(
    {
      description:
        '在相邻季度重复出现的问题,按页读取(Relay 连接,只能用 first/after 向后翻页):' +
        '按首个季度、单位 ID、栏目、渠道、问题排序(文本按 Unicode 码位),游标是这些键,不随数据增加而失效;' +
        `每页的代价与历史长短无关。first 缺省 ${DEFAULT_RUNS}`,
      type: RepeatFindingRef,
      args: scopeArgs(t.arg),
      resolve: async (_root, args, ctx) => {
        if (args.last != null || args.before != null) {
          throw badInput(args.last != null ? 'last' : 'before', '只支持用 first/after 向后翻页');
        }
        const first = checkPageSize('first', args.first ?? DEFAULT_RUNS, 0);
        const after = args.after == null ? null : decodeRunCursor(args.after);
        const scope = scopeOf(args);
        const runs = await listRepeatFindingRuns(ctx.prisma, { ...scope, after, limit: first });
        const edges = runs.slice(0, first).map((node) => ({ cursor: encodeRunCursor(node), node }));
        return {
          edges,
          pageInfo: {
            hasNextPage: runs.length > first,
            hasPreviousPage: after !== null,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
          scope,
        };
      },
    },
    {
      name: 'RepeatFindingConnection',
      description: '重复出现的问题的一页(Relay 连接):edges 为本页各条,pageInfo 为翻页信息',
      fields: (t) => ({
        totalCount: t.int({
          description:
            '包含 quarter 这一季度的连续段共有多少条(不分页,按 organizationId、matchIssue 限定);' +
            '只在给了 quarter 时计算(代价只与该季度的问题数有关),未给 quarter 时为 null(全部历史的条数要走完整个历史)',
          nullable: true,
          resolve: ({ scope }, _args, ctx) =>
            scope.quarter
              ? countRepeatFindingRuns(ctx.prisma, { ...scope, quarter: scope.quarter })
              : null,
        }),
      }),
    },
    { name: 'RepeatFindingEdge', description: '重复出现的问题中的一条及其游标' },
  ),
}));
