import type { components } from '../../generated/openapi';
import type { UserDoc } from '../../runtime/users/user.model';
import type { UserpassAccountDoc } from '../../runtime/userpass/userpass.model';

type User = components['schemas']['User'];
type PendingUser = components['schemas']['PendingUser'];
type ProviderType = components['schemas']['ProviderType'];

const unixSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/** A user as the Admin API shows it (dates in UNIX seconds, ids as hex). */
export function toUser(user: UserDoc): User {
  return {
    _id: user._id.toHexString(),
    identities: user.identities.map((i) => ({
      id: i.id,
      provider_type: i.provider_type as ProviderType,
      provider_id: i.provider_id,
      provider_data: i.provider_data,
    })),
    type: user.type,
    creation_date: unixSeconds(user.creation_date),
    last_authentication_date: unixSeconds(user.last_authentication_date),
    disabled: user.disabled,
    data: user.data,
  };
}

/** A registration not confirmed yet; no user exists for it, so `user_id` is "". */
export function toPendingUser(account: UserpassAccountDoc, domainId: string): PendingUser {
  const id = account._id.toHexString();
  return {
    _id: id,
    domain_id: domainId,
    identities: [{ id, provider_type: 'local-userpass' }],
    login_ids: [{ id_type: 'email', id: account.email, confirmed: false }],
    user_id: '',
  };
}
