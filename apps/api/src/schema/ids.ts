import { decodeGlobalID } from '@pothos/plugin-relay';
import { DomainError } from '@gazette/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The database id of a Relay global ID of `typename` (a raw uuid is accepted too). */
export function rawId(id: string, typename: string, field = 'id'): string {
  if (UUID.test(id)) return id;
  try {
    const decoded = decodeGlobalID(id);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // fall through
  }
  throw new DomainError('NOT_FOUND', `${field} 不是有效的${typename}标识:${id}`, { field });
}
