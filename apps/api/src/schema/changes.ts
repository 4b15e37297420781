// Change feed (contract NEXT.md, "Change feed"): every change to published data in commit order.
// `changes` pages through it with permanent cursors; `changeStream` streams it live as a GraphQL
// subscription over server-sent events, starting after a cursor, so nothing is missed between a
// query and a subscription. Anonymous callers may read both. Drafts never appear.
import { DomainError } from '@gazette/domain';
import { builder } from '../builder.ts';
import {
  afterId,
  changeCursor,
  changesPage,
  changeStream,
  type ChangeRow,
} from '../services/changes/read-changes.ts';
import { pollingWaiter } from '../services/changes/waiter.ts';

export const ChangeKindEnum = builder.enumType('ChangeKind', {
  description: '变更类别',
  values: {
    POLICY_ADDED: { description: '新增文件' },
    POLICY_CHANGED: { description: '文件内容或效力信息有变(含删除)' },
    POLICY_REPEALED: { description: '文件被废止或代替' },
    RATES_PUBLISHED: { description: '价格表发布新版本或已发布而未生效的版本被修改' },
    INSPECTION_RESULTS: { description: '某季度的检查结果新增或修改' },
  },
});

export const Change = builder.objectRef<ChangeRow>('Change').implement({
  description: '一次已发布数据的变更',
  fields: (t) => ({
    cursor: t.string({
      description: '永久有效的游标:从它之后继续读取',
      resolve: (c) => changeCursor(c.id),
    }),
    at: t.string({ description: '提交时间(ISO 时间戳)', resolve: (c) => c.at.toISOString() }),
    kind: t.expose('kind', { type: ChangeKindEnum, description: '变更类别' }),
    docNo: t.exposeString('docNo', { nullable: true, description: '文件文号(文件和价格表的变更)' }),
    quarter: t.exposeString('quarter', {
      nullable: true,
      description: '季度,如 2024Q4(检查结果的变更)',
    }),
  }),
});

const ChangeEdge = builder.objectRef<{ cursor: string; node: ChangeRow }>('ChangeEdge').implement({
  description: '变更连接的一条边',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: '永久有效的游标' }),
    node: t.field({ type: Change, description: '变更', resolve: (e) => e.node }),
  }),
});

const ChangePageInfo = builder
  .objectRef<{ hasNextPage: boolean; endCursor: string | null }>('ChangePageInfo')
  .implement({
    description: '变更连接的分页信息',
    fields: (t) => ({
      hasNextPage: t.exposeBoolean('hasNextPage', { description: '之后是否还有变更' }),
      endCursor: t.exposeString('endCursor', {
        nullable: true,
        description: '本页最后一条的游标;本页为空时为请求的 after',
      }),
    }),
  });

const ChangeConnection = builder
  .objectRef<{
    edges: { cursor: string; node: ChangeRow }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }>('ChangeConnection')
  .implement({
    description: '按提交顺序排列的变更',
    fields: (t) => ({
      edges: t.field({ type: [ChangeEdge], description: '变更', resolve: (c) => c.edges }),
      pageInfo: t.field({
        type: ChangePageInfo,
        description: '分页信息',
        resolve: (c) => c.pageInfo,
      }),
    }),
  });

export const MAX_CHANGES_PAGE = 100;

builder.queryFields((t) => ({
  changes: t.field({
    type: ChangeConnection,
    description: `已发布数据的全部变更,按提交顺序;游标永久有效,客户端从最后看到的游标继续。每页最多 ${MAX_CHANGES_PAGE} 条`,
    args: {
      after: t.arg.string({ required: false, description: '从这个游标之后开始;缺省从头开始' }),
      first: t.arg.int({
        required: false,
        defaultValue: 50,
        description: `条数,1–${MAX_CHANGES_PAGE},缺省 50`,
      }),
    },
    resolve: async (_root, args, ctx) => {
      const first = args.first ?? 50;
      if (first < 1 || first > MAX_CHANGES_PAGE) {
        throw new DomainError('BAD_USER_INPUT', `first(条数)应为 1–${MAX_CHANGES_PAGE}:${first}`, {
          field: 'first',
        });
      }
      const { rows, hasNextPage } = await changesPage(ctx.prisma, afterId(args.after), first);
      const edges = rows.map((node) => ({ cursor: changeCursor(node.id), node }));
      return {
        edges,
        pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? args.after ?? null },
      };
    },
  }),
}));

builder.subscriptionFields((t) => ({
  changeStream: t.field({
    type: Change,
    description:
      '实时变更流(GraphQL over SSE):从 after 之后开始,每条变更按顺序送达一次,无论由哪个服务实例写入',
    args: {
      after: t.arg.string({ required: false, description: '从这个游标之后开始;缺省从头开始' }),
    },
    subscribe: (_root, args, ctx) =>
      changeStream(ctx.prisma, afterId(args.after), ctx.changes ?? pollingWaiter(), ctx.signal),
    resolve: (row: ChangeRow) => row,
  }),
}));
