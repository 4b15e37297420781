import type { User } from '@gazette/db';
import type { GazetteContext } from '../../context.ts';
import { updateUser } from './update-user.ts';

/** Accounts are never deleted (audit entries point at them): deactivating ends their sessions. */
export function deactivateUser(
  ctx: Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>,
  id: string,
  version: number,
): Promise<User> {
  return updateUser(ctx, { id, version, active: false });
}
