// The SchemaBuilder and its plugins. It defines no types: those live in src/schema/<area>.ts.
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import { DomainError, type PlainDate } from '@gazette/domain';
import type PrismaTypes from './generated/pothos-types.ts';
import { getDatamodel } from './generated/pothos-types.ts';
import type { GazetteContext } from './context.ts';
import type { UploadedFile } from './inspection-annexes/import.ts';
import { authScopesFor } from './auth/roles.ts';
import { checkPageSize, MAX_PAGE_SIZE } from './services/paging.ts';

/** `first`/`last` of every connection and `perPage` of every page are at most this (one limit). */
export { MAX_PAGE_SIZE };

const isProduction = process.env.NODE_ENV === 'production';

/** Anything with a plain-notation `toFixed()`: Prisma.Decimal and the domain's Decimal. */
export interface DecimalLikeOutput {
  toFixed(): string;
}

export interface GazetteSchemaTypes {
  Context: GazetteContext;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string | number | bigint };
    /** `YYYY-MM-DD` on the Asia/Shanghai calendar; Prisma's `@db.Date` values are UTC midnights. */
    Date: { Input: PlainDate; Output: PlainDate | Date };
    /** Plain decimal notation, never a float. */
    Decimal: { Input: string; Output: string | DecimalLikeOutput };
    JSON: { Input: unknown; Output: unknown };
    /** A file of a GraphQL multipart request (input only). */
    File: { Input: UploadedFile; Output: never };
  };
  AuthScopes: {
    public: boolean;
    authenticated: boolean;
    viewer: boolean;
    supervisor: boolean;
    admin: boolean;
  };
}

/** Node types that need a scope to read, and the scope (checked before any SQL). */
const NODE_SCOPES: Readonly<Record<string, 'authenticated' | 'viewer' | 'supervisor' | 'admin'>> = {
  DiscretionCase: 'viewer',
  AuditEntry: 'admin',
  ApiToken: 'admin',
  Webhook: 'admin',
  ReviewTask: 'supervisor',
  GazetteImport: 'admin',
};

/**
 * Node types whose unpublished records only callers with the scope see (drafts): to the others a
 * missing record answers exactly as a hidden one does (the type's own authScopes refusal).
 */
const NODE_RECORD_SCOPES: Readonly<Record<string, 'viewer'>> = {
  RateEntry: 'viewer',
  RateTableVersion: 'viewer',
};

/** The refusal of a type's authScopes (scopeAuth's unauthorizedError), word for word. */
function unauthorized(viewer: GazetteContext['viewer']): DomainError {
  return viewer.kind === 'anonymous'
    ? new DomainError('UNAUTHENTICATED', '请先登录')
    : new DomainError('FORBIDDEN', '没有执行此操作的权限');
}

export function assertMayLoadNode(
  typename: string,
  viewer: GazetteContext['viewer'],
  id?: string,
): void {
  // An account is read by an administrator or its owner (the User type's own scope), nobody else.
  if (typename === 'User') {
    if (
      authScopesFor(viewer).admin ||
      (viewer.kind === 'user' && id !== undefined && viewer.userId === id)
    )
      return;
    throw viewer.kind === 'anonymous'
      ? new DomainError('UNAUTHENTICATED', '请先登录')
      : new DomainError('FORBIDDEN', '没有权限');
  }
  const scope = NODE_SCOPES[typename];
  if (!scope || authScopesFor(viewer)[scope]) return;
  if (viewer.kind === 'anonymous') throw new DomainError('UNAUTHENTICATED', '请先登录');
  throw new DomainError('FORBIDDEN', '没有权限');
}

function isRecordNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2025';
}

/**
 * node(id) of a record that does not exist: null (Relay), or, for a caller who would not see an
 * unpublished record of the type, the same refusal a hidden record gets (no existence oracle).
 */
function missingNode(typename: string, viewer: GazetteContext['viewer']): null {
  const scope = NODE_RECORD_SCOPES[typename];
  if (scope && !authScopesFor(viewer)[scope]) throw unauthorized(viewer);
  return null;
}

export const builder = new SchemaBuilder<GazetteSchemaTypes>({
  plugins: [
    ScopeAuthPlugin,
    ErrorsPlugin,
    PrismaPlugin,
    RelayPlugin,
    ValidationPlugin,
    DataloaderPlugin,
  ],
  defaultFieldNullability: false,
  scopeAuth: {
    // ADMIN ⊃ SUPERVISOR ⊃ VIEWER; API tokens read at most (see auth/roles.ts).
    authScopes: (ctx) => authScopesFor(ctx.viewer),
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer.kind === 'anonymous'
        ? new DomainError('UNAUTHENTICATED', '请先登录')
        : new DomainError('FORBIDDEN', '没有执行此操作的权限'),
  },
  errors: { defaultTypes: [] },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    // A resolver that forgets to spread `query` would silently cause N+1 queries.
    onUnusedQuery: isProduction ? null : 'error',
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: 20,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Descriptions of what the plugin generates (connections, edges, PageInfo, Node, node/nodes).
    idFieldOptions: {
      description: '全局 ID(Relay 全局对象标识),可传给 node(id) 或各类写操作的 id 参数',
    },
    nodeTypeOptions: { description: '可按全局 ID 读取的对象(Relay Node 接口)' },
    pageInfoTypeOptions: { description: '分页信息(Relay 连接规范)' },
    hasNextPageFieldOptions: { description: '按 first/after 向后翻页时,之后是否还有数据' },
    hasPreviousPageFieldOptions: { description: '按 last/before 向前翻页时,之前是否还有数据' },
    startCursorFieldOptions: { description: '本页第一条的游标;本页为空时为 null' },
    endCursorFieldOptions: { description: '本页最后一条的游标;本页为空时为 null' },
    defaultConnectionTypeOptions: {
      description: '分页列表(Relay 连接):edges 为本页各条,pageInfo 为翻页信息',
    },
    defaultEdgeTypeOptions: { description: '分页列表中的一条及其游标' },
    edgesFieldOptions: { description: '本页各条' },
    pageInfoFieldOptions: { description: '翻页信息' },
    cursorFieldOptions: { description: '这一条的游标,可作为 after/before 参数' },
    nodeFieldOptions: { description: '这一条数据' },
    firstArgOptions: { description: `向后取的条数(0–${MAX_PAGE_SIZE}),与 after 一起使用` },
    afterArgOptions: { description: '从这个游标之后开始向后取' },
    lastArgOptions: { description: `向前取的条数(0–${MAX_PAGE_SIZE}),与 before 一起使用` },
    beforeArgOptions: { description: '从这个游标之前开始向前取' },
    // node(id)/nodes(ids) of a type the caller may not read answer the same for a missing and an
    // existing record, before any SQL runs (no existence oracle).
    decodeGlobalID: (globalID, ctx) => {
      const decoded = decodeGlobalID(globalID);
      assertMayLoadNode(decoded.typename, (ctx as GazetteContext).viewer, decoded.id);
      return decoded;
    },
    // Pothos loads nodes with findUniqueOrThrow: a missing record must not become "Unexpected error.".
    nodeQueryOptions: {
      description:
        '按全局 ID 读取一个对象;不存在时为 null;需要角色的类型(如案件、账户)无权读取时报错',
      args: { id: { description: '全局 ID' } },
      resolve: async (_root, args, ctx, _info, resolveNode) => {
        try {
          return await resolveNode(args.id);
        } catch (error) {
          if (isRecordNotFound(error)) return missingNode(args.id.typename, ctx.viewer);
          throw error;
        }
      },
    },
    nodesQueryOptions: {
      description: '按全局 ID 批量读取对象,顺序与 ids 相同;不存在的位置为 null',
      args: { ids: { description: '全局 ID 列表' } },
      resolve: async (_root, args, ctx, _info, resolveNodes) => {
        try {
          return await resolveNodes(args.ids);
        } catch (error) {
          if (!isRecordNotFound(error)) throw error;
        }
        // One of them is missing: load them one by one (resolveNodes reads args.ids).
        const ids = args.ids;
        const out: unknown[] = [];
        for (const id of ids) {
          args.ids = [id];
          try {
            out.push((await resolveNodes([id]))[0]);
          } catch (error) {
            if (!isRecordNotFound(error)) throw error;
            // A refusal stays this item's error (graphql-js reports an Error item at its index).
            try {
              out.push(missingNode(id.typename, ctx.viewer));
            } catch (refusal) {
              out.push(refusal);
            }
          } finally {
            args.ids = ids;
          }
        }
        return out;
      },
    },
  },
  validation: {
    validationError: (result) => {
      const issues = result.issues.map((issue) => ({
        field: (issue.path ?? [])
          .map((p) => (typeof p === 'object' ? String(p.key) : String(p)))
          .join('.'),
        message: issue.message,
      }));
      const first = issues[0];
      return new DomainError('BAD_USER_INPUT', issues.map((i) => i.message).join(';'), {
        field: first?.field || undefined,
        details: { issues },
      });
    },
  },
});

interface PageArgs {
  first?: number | null;
  last?: number | null;
}

/** Refuses `first`/`last` above 100 (instead of silently clamping) and below 0. */
export function assertPageArgs(args: PageArgs): void {
  for (const key of ['first', 'last'] as const) {
    const value = args[key];
    if (value != null) checkPageSize(key, value, 0);
  }
}

/** `maxSize` option for prismaConnection / relatedConnection: validates, then caps at 100. */
export function checkedMaxSize(args: PageArgs): number {
  assertPageArgs(args);
  return MAX_PAGE_SIZE;
}
