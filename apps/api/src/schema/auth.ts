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
  fields: (t) => ({
    token: t.exposeString('token', {
      description:
        'Send as `Authorization: Bearer <token>`; valid for 12 hours. Ask `me` with it for the user.',
    }),
    expiresAt: t.string({ resolve: (p) => p.expiresAt.toISOString() }),
  }),
});

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, { email, password }, ctx) => {
      const result = await login(ctx as GazetteRequestContext, email, password);
      return { token: result.token, expiresAt: result.expiresAt };
    },
  }),
  logout: t.boolean({
    description: "Ends the caller's session; false when there was none.",
    resolve: (_root, _args, ctx) => logout(ctx),
  }),
}));
