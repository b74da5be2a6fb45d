import type { Request } from 'express';
import type { AdminRole } from '../domain/admins/admin-key.service';
import { UnauthorizedError } from '../errors/app-error';

/** An admin API key that proved itself with an HTTP Digest response (no session behind it). */
export interface AdminKeyPrincipal {
  readonly kind: 'admin-key';
  readonly keyId: string;
  readonly publicKey: string;
  readonly roles: readonly AdminRole[];
}

/** The key the request was authenticated as (set by the digestAuth verifier). */
export function adminKeyPrincipal(req: Request): AdminKeyPrincipal {
  const user = req.user as AdminKeyPrincipal | undefined;
  if (user?.kind !== 'admin-key')
    throw new UnauthorizedError('must authenticate first', 'MissingAuthReq');
  return user;
}
