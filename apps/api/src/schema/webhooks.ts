// Webhooks (issue "Time and scale", change feed): administrators register receivers of the change
// feed; the delivery worker (services/webhooks/worker.ts) POSTs each change of the chosen kinds,
// signed, retried with backoff and logged. Everything here is for administrators only.
import { builder, checkedMaxSize } from '../builder.ts';
import { afterId, changeCursor } from '../services/changes/read-changes.ts';
import { createWebhook } from '../services/webhooks/create-webhook.ts';
import { deleteWebhook } from '../services/webhooks/delete-webhook.ts';
import { replayWebhook } from '../services/webhooks/replay-webhook.ts';
import { updateWebhook } from '../services/webhooks/update-webhook.ts';
import { secretHint } from '../services/webhooks/seal-secrets.ts';
import { ChangeKindEnum } from './changes.ts';
import { rawId } from './ids.ts';

const admin = { admin: true } as const;

export const Webhook = builder.prismaNode('Webhook', {
  id: { field: 'id' },
  authScopes: admin,
  description:
    '网络钩子:把选定类别的已发布数据变更逐条 POST 到接收地址(HMAC-SHA256 签名) / a webhook',
  fields: (t) => ({
    url: t.exposeString('url', { description: '接收地址(http/https) / the receiver URL' }),
    description: t.exposeString('description', {
      nullable: true,
      description: '说明,如接收方名称 / what it is for',
    }),
    kinds: t.field({
      type: [ChangeKindEnum],
      description: '接收的变更类别 / the change kinds sent',
      select: { kinds: true },
      resolve: (w) => w.kinds,
    }),
    active: t.exposeBoolean('active', {
      description: '是否启用;连续失败达上限后自动停用 / whether deliveries run',
    }),
    secretHint: t.string({
      description:
        '签名密钥的前几位(密钥仅在创建时显示一次) / the first characters of the signing secret',
      select: { secret: true },
      resolve: (w) => secretHint(w.secret),
    }),
    cursor: t.string({
      nullable: true,
      description:
        '已处理到的变更游标(之后的变更待发送);尚无变更时为 null / the last change handled',
      select: { cursor: true },
      resolve: (w) => (w.cursor > 0n ? changeCursor(w.cursor) : null),
    }),
    failures: t.exposeInt('failures', {
      description: '当前变更已连续失败的次数 / failed attempts in a row',
    }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description: '最近一次失败的原因 / the last error',
    }),
    failedAt: t.string({
      nullable: true,
      description: '因连续失败被停用的时间 / when it was switched off after failures',
      resolve: (w) => w.failedAt?.toISOString() ?? null,
    }),
    nextAttemptAt: t.string({
      description: '下一次尝试的时间 / when the next attempt may run',
      resolve: (w) => w.nextAttemptAt.toISOString(),
    }),
    lastDeliveredAt: t.string({
      nullable: true,
      description: '最近一次成功送达的时间 / the last successful delivery',
      resolve: (w) => w.lastDeliveredAt?.toISOString() ?? null,
    }),
    createdAt: t.string({
      description: '登记时间(ISO 时间戳)',
      resolve: (w) => w.createdAt.toISOString(),
    }),
    version: t.exposeInt('version', { description: '版本号:修改时须提交当前版本,否则 CONFLICT' }),
  }),
});

export const WebhookDelivery = builder.prismaObject('WebhookDelivery', {
  authScopes: admin,
  description: '一次投递尝试 / one delivery attempt',
  fields: (t) => ({
    id: t.id({ description: '记录号', resolve: (d) => String(d.id) }),
    at: t.string({ description: '尝试时间 / when', resolve: (d) => d.at.toISOString() }),
    eventCursor: t.string({
      description: '所送变更的游标(即 X-Gazette-Event 头) / the change sent',
      select: { eventId: true },
      resolve: (d) => changeCursor(d.eventId),
    }),
    attempt: t.exposeInt('attempt', {
      description: '对这条变更的第几次尝试 / attempt number for this change',
    }),
    ok: t.exposeBoolean('ok', { description: '接收方是否以 2xx 应答 / answered 2xx' }),
    statusCode: t.exposeInt('statusCode', {
      nullable: true,
      description: 'HTTP 状态码;未得到应答为 null',
    }),
    durationMs: t.exposeInt('durationMs', { description: '耗时(毫秒) / duration in ms' }),
    error: t.exposeString('error', { nullable: true, description: '失败原因 / why it failed' }),
    webhook: t.relation('webhook', { description: '所属网络钩子' }),
  }),
});

const CreateWebhookInput = builder.inputType('CreateWebhookInput', {
  description: '登记网络钩子的内容',
  fields: (t) => ({
    url: t.string({ required: true, description: '接收地址,http:// 或 https:// 开头' }),
    kinds: t.field({
      type: [ChangeKindEnum],
      required: true,
      description: '接收的变更类别,至少一项',
    }),
    description: t.string({ required: false, description: '说明,如接收方名称' }),
    active: t.boolean({ required: false, description: '是否启用,缺省启用' }),
  }),
});

const UpdateWebhookInput = builder.inputType('UpdateWebhookInput', {
  description: '网络钩子的修改内容;缺省的字段保持不变',
  fields: (t) => ({
    url: t.string({ description: '接收地址,http:// 或 https:// 开头', required: false }),
    kinds: t.field({
      description: '接收的变更类别,至少一项',
      type: [ChangeKindEnum],
      required: false,
    }),
    description: t.string({ description: '说明,如接收方名称', required: false }),
    active: t.boolean({
      required: false,
      description: '重新启用已停用的钩子会清除错误,并从停下的变更继续发送',
    }),
  }),
});

/** A webhook with its new signing secret, shown this once (createWebhook, rotateWebhookSecret). */
export const webhookWithSecret = (name: string, description: string) =>
  builder.objectRef<{ webhookId: string; secret: string }>(name).implement({
    description,
    fields: (t) => ({
      secret: t.exposeString('secret', {
        description: '签名密钥,只在此显示一次 / the signing secret, shown this once',
      }),
      webhook: t.prismaField({
        description: '网络钩子',
        type: 'Webhook',
        resolve: (query, p, _a, ctx) =>
          ctx.prisma.webhook.findUniqueOrThrow({ ...query, where: { id: p.webhookId } }),
      }),
    }),
  });

const CreateWebhookPayload = webhookWithSecret(
  'CreateWebhookPayload',
  '登记网络钩子的结果:签名密钥只在此处出现一次',
);

builder.queryFields((t) => ({
  webhooks: t.prismaField({
    type: ['Webhook'],
    authScopes: admin,
    description: '全部网络钩子,先登记的在前(管理员) / every webhook',
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.webhook.findMany({ ...query, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  }),
  webhookDeliveries: t.prismaConnection({
    type: 'WebhookDelivery',
    cursor: 'id',
    authScopes: admin,
    description: '投递记录,最新的在前;可按钩子筛选(管理员) / the delivery log, newest first',
    maxSize: checkedMaxSize,
    args: { webhookId: t.arg.id({ required: false, description: '只看这个钩子的记录' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.webhookDelivery.findMany({
        ...query,
        where: args.webhookId
          ? { webhookId: rawId(String(args.webhookId), 'Webhook', 'webhookId') }
          : {},
        orderBy: { id: 'desc' },
      }),
    totalCount: (_parent, args, ctx) =>
      ctx.prisma.webhookDelivery.count({
        where: args.webhookId
          ? { webhookId: rawId(String(args.webhookId), 'Webhook', 'webhookId') }
          : {},
      }),
  }),
}));

builder.mutationFields((t) => ({
  createWebhook: t.field({
    type: CreateWebhookPayload,
    authScopes: admin,
    description: '登记网络钩子;返回的 secret 只显示这一次;从下一条变更开始发送(记入审计)',
    args: {
      input: t.arg({ description: '网络钩子的内容', type: CreateWebhookInput, required: true }),
    },
    resolve: async (_root, { input }, ctx) => {
      const { webhook, secret } = await createWebhook(ctx, input);
      return { webhookId: webhook.id, secret };
    },
  }),
  updateWebhook: t.prismaField({
    type: 'Webhook',
    authScopes: admin,
    description: '修改接收地址、类别、说明或启用状态;version 过期时 CONFLICT(记入审计)',
    args: {
      id: t.arg.id({ description: '网络钩子的 ID', required: true }),
      version: t.arg.int({ description: '网络钩子当前的版本号', required: true }),
      input: t.arg({ description: '修改内容', type: UpdateWebhookInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(String(args.id), 'Webhook');
      await updateWebhook(ctx, id, args.version, args.input);
      return ctx.prisma.webhook.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteWebhook: t.prismaField({
    type: 'Webhook',
    authScopes: admin,
    description: '删除网络钩子及其投递记录;version 过期时 CONFLICT(记入审计)',
    args: {
      id: t.arg.id({ description: '网络钩子的 ID', required: true }),
      version: t.arg.int({ description: '网络钩子当前的版本号', required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(String(args.id), 'Webhook');
      // What the caller selected, read before it is gone (deleteWebhook refuses a missing or stale one).
      const row = await ctx.prisma.webhook.findUnique({ ...query, where: { id } });
      await deleteWebhook(ctx, id, args.version);
      return row!;
    },
  }),
  replayWebhook: t.prismaField({
    type: 'Webhook',
    authScopes: admin,
    description:
      '从 after 游标之后重新发送全部变更(按顺序,事件 id 不变,便于接收方去重);同时重新启用已停用的钩子(记入审计)',
    args: {
      id: t.arg.id({ description: '网络钩子的 ID', required: true }),
      after: t.arg.string({ required: false, description: '从这个变更游标之后重发;缺省从头' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(String(args.id), 'Webhook');
      await replayWebhook(ctx, id, afterId(args.after));
      return ctx.prisma.webhook.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
