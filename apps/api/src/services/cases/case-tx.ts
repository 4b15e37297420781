import type { GazetteContext } from '../../context.ts';

/** Interactive transactions queue for connections and counter locks under load; give them room. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

/** The user a case event or a new case is attributed to (none for API tokens). */
export function actorId(ctx: Pick<GazetteContext, 'viewer'>) {
  return ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
}
