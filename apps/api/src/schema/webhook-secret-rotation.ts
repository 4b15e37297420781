// rotateWebhookSecret: a webhook's new signing secret, shown once (services/webhooks/rotate-webhook-secret.ts).
import { builder } from '../builder.ts';
import { rotateWebhookSecret } from '../services/webhooks/rotate-webhook-secret.ts';
import { rawId } from './ids.ts';
import { webhookWithSecret } from './webhooks.ts';

const RotateWebhookSecretPayload = webhookWithSecret(
  'RotateWebhookSecretPayload',
  '更换签名密钥的结果:新密钥只在此处出现一次',
);

builder.mutationFields((t) => ({
  rotateWebhookSecret: t.field({
    type: RotateWebhookSecretPayload,
    authScopes: { admin: true },
    description:
      '更换签名密钥(密钥泄露,或服务器的解密密钥丢失后);新密钥只显示这一次,此后的投递用它签名;version 过期时 CONFLICT(记入审计,不含密钥)',
    args: {
      id: t.arg.id({ description: '网络钩子的 ID', required: true }),
      version: t.arg.int({ description: '网络钩子当前的版本号', required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const id = rawId(String(args.id), 'Webhook');
      const { webhook, secret } = await rotateWebhookSecret(ctx, id, args.version);
      return { webhookId: webhook.id, secret };
    },
  }),
}));
