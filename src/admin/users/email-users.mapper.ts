import type { components } from '../../generated/openapi';
import type { UserpassAccountDoc } from '../../domain/userpass/userpass.model';

type PendingUser = components['schemas']['PendingUser'];

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
