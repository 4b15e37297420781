// Signing in and out. Wrong credentials answer UNAUTHENTICATED without saying whether the email exists.
import { builder } from '../builder.ts';
import type { GazetteRequestContext } from '../context.ts';
import { login } from '../services/auth/login.ts';
import { logout } from '../services/auth/logout.ts';

interface LoginShape {
  token: string;
  expiresAt: Date;
}

const LoginPayload = builder.objectRef<LoginShape>('LoginPayload').implement({
  description: '登录结果',
  fields: (t) => ({
    token: t.exposeString('token', {
      description:
        '会话令牌:以 `Authorization: Bearer <token>` 发送,有效 12 小时;用它查询 me 可得当前账户',
    }),
    expiresAt: t.string({
      description: '令牌的过期时间(ISO 时间戳)',
      resolve: (p) => p.expiresAt.toISOString(),
    }),
  }),
});

builder.mutationFields((t) => ({
  login: t.field({
    description: '以邮箱和密码登录,返回会话令牌;凭据错误时报 UNAUTHENTICATED,不透露邮箱是否存在',
    type: LoginPayload,
    args: {
      email: t.arg.string({ description: '登录邮箱', required: true }),
      password: t.arg.string({ description: '密码', required: true }),
    },
    resolve: async (_root, { email, password }, ctx) => {
      const result = await login(ctx as GazetteRequestContext, email, password);
      return { token: result.token, expiresAt: result.expiresAt };
    },
  }),
  logout: t.boolean({
    description: '结束当前会话;本来没有会话时为 false',
    resolve: (_root, _args, ctx) => logout(ctx),
  }),
}));
