import { decodeJwt } from 'jose';
import { ObjectId } from '../../db/object-id';
import { NotFoundError, UnauthorizedError } from '../../errors/app-error';
import type { components } from '../../generated/openapi';
import type { UserTokenService } from '../../domain/sessions/user-token.service';
import type { UserAccounts } from '../../domain/users/user-accounts';
import type { UserStore } from '../../domain/users/user.store';
import { toAdminUser, type AdminUser } from './user.mapper';

export type VerifiedUserToken = components['schemas']['VerifiedUserToken'];

/** The Admin API's page size for users. */
export const USERS_PAGE_SIZE = 50;
const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

export interface UserListQuery {
  after?: string;
  desc?: boolean;
  status?: 'enabled' | 'disabled';
  /** Users with an identity of any of these provider types (the App Services CLI filter). */
  providerTypes?: string[];
}

const notFound = () => new NotFoundError('user not found', 'UserNotFound');
const oid = (id: string) => new ObjectId(id);

/** An app's end users as the Admin API manages them. */
export class AdminUserService {
  constructor(
    private readonly users: UserStore,
    private readonly accounts: UserAccounts,
    private readonly tokens: UserTokenService,
  ) {}

  async list(appId: string, q: UserListQuery): Promise<AdminUser[]> {
    const docs = await this.users.listUsers(appId, {
      after: q.after ? oid(q.after) : undefined,
      desc: q.desc,
      disabled: q.status ? q.status === 'disabled' : undefined,
      providerTypes: q.providerTypes,
      limit: USERS_PAGE_SIZE,
    });
    return (await this.users.withIdentitiesAll(docs)).map(toAdminUser);
  }

  async get(appId: string, userId: string): Promise<AdminUser> {
    const user = await this.users.findUserInApp(appId, oid(userId));
    if (!user) throw notFound();
    return toAdminUser(await this.users.withIdentities(user));
  }

  async delete(appId: string, userId: string): Promise<void> {
    if (!(await this.accounts.delete(appId, oid(userId)))) throw notFound();
  }

  async setDisabled(appId: string, userId: string, disabled: boolean): Promise<void> {
    if (!(await this.accounts.setDisabled(appId, oid(userId), disabled))) throw notFound();
  }

  async logout(appId: string, userId: string): Promise<void> {
    if (!(await this.accounts.logoutInApp(appId, oid(userId)))) throw notFound();
  }

  /**
   * The claims of a live access token of this app. Any failure, including a token of another
   * app, is the one 401 the official specification documents.
   */
  async verifyToken(appId: string, token: string): Promise<VerifiedUserToken> {
    const invalid = () => new UnauthorizedError('invalid session', 'InvalidSession');
    let principalAppId: string;
    try {
      principalAppId = (await this.tokens.verifyAccessToken(token)).app.appId;
    } catch (err) {
      if (err instanceof UnauthorizedError) throw invalid();
      throw err;
    }
    if (principalAppId !== appId) throw invalid();
    const c = decodeJwt(token);
    const str = (v: unknown): string => (typeof v === 'string' ? v : '');
    if (!OBJECT_ID.test(str(c.sub))) throw invalid();
    return {
      sub: str(c.sub),
      exp: Number(c.exp),
      iat: Number(c.iat),
      iss: str(c.iss),
      domain_id: str(c.baas_domain_id),
      device_id: str(c.baas_device_id),
      ...(typeof c.aud === 'string' ? { aud: c.aud } : {}),
      ...(c.user_data && typeof c.user_data === 'object'
        ? { custom_user_data: c.user_data as Record<string, unknown> }
        : {}),
    };
  }
}
