import type { components } from '../../generated/openapi';
import type { UserDoc } from '../../domain/users/user.model';

export type AdminUser = components['schemas']['User'];
type ProviderType = components['schemas']['ProviderType'];

const OBJECT_ID = /^[0-9a-f]{24}$/;
const unixSeconds = (d: Date): number => Math.floor(new Date(d).getTime() / 1000);

/**
 * A stored user as the Admin API shows it. `provider_id` is a 24-hex id or "": the App Services
 * CLI decodes it as an ObjectId, and any other string makes `users list` fail.
 */
export function toAdminUser(user: UserDoc): AdminUser {
  return {
    _id: user._id.toHexString(),
    identities: user.identities.map((i) => ({
      id: i.id,
      provider_type: i.provider_type as ProviderType,
      provider_id: OBJECT_ID.test(i.provider_id) ? i.provider_id : '',
      provider_data: i.provider_data ?? {},
    })),
    type: user.type,
    creation_date: unixSeconds(user.creation_date),
    last_authentication_date: unixSeconds(user.last_authentication_date),
    disabled: user.disabled,
    data: user.data ?? {},
  };
}
