import type { DeployedApp, DeployedConfigReader } from '../../app-config/deployed-app';
import { InvalidInputError, NotFoundError } from '../../errors/app-error';
import type { UserDirectory } from '../../domain/users/user-directory';
import type { UserDoc } from '../../domain/users/user.model';
import type { UserpassAccounts } from '../../domain/userpass/userpass-accounts';
import type { UserpassTokens } from '../../domain/userpass/userpass-tokens';
import type { UserpassAccountDoc } from '../../domain/userpass/userpass.model';
import { checkEmail, checkPassword } from '../../domain/userpass/userpass.rules';

/** The Admin API lists pending registrations 50 at a time. */
export const PENDING_PAGE_SIZE = 50;

/**
 * What the Admin API does with email/password accounts: create a confirmed user, list and
 * confirm pending registrations. Apps are named by their client app id (the runtime's key).
 */
export class UserpassAdminService {
  constructor(
    private readonly apps: DeployedConfigReader,
    private readonly accounts: UserpassAccounts,
    private readonly tokens: UserpassTokens,
    private readonly directory: UserDirectory,
  ) {}

  /**
   * A confirmed account and its user, with the local-userpass identity, at once (App Services
   * creates the user object at first login; the Admin API returns it, so it is made here).
   */
  async createUser(clientAppId: string, email: string, password: string): Promise<UserDoc> {
    const app = await this.app(clientAppId);
    const provider = app.config.auth_providers.find((p) => p.type === 'local-userpass');
    if (!provider) {
      throw new NotFoundError(
        'authentication provider "local-userpass" is not configured',
        'AuthProviderNotFound',
      );
    }
    checkPassword(password);
    checkEmail(email, false);
    const account = await this.accounts.create(app.appId, email, password, 'confirmed');
    await this.tokens.forget(account._id); // left by a deleted account of the email (same _id)
    let user: UserDoc;
    try {
      user = await this.directory.resolve(app, provider, {
        externalId: account._id.toHexString(),
        data: { email },
      });
    } catch (err) {
      await this.accounts.remove(account._id);
      throw err;
    }
    await this.accounts.setUser(account._id.toHexString(), user._id);
    return user;
  }

  async pending(clientAppId: string, after: string | undefined): Promise<PendingPage> {
    const app = await this.app(clientAppId);
    return {
      domainId: app.appId,
      accounts: await this.accounts.pending(app.appId, after, PENDING_PAGE_SIZE),
    };
  }

  async confirm(clientAppId: string, email: string): Promise<void> {
    const app = await this.app(clientAppId);
    const account = await this.accounts.byEmail(app.appId, email);
    if (!account) throw new NotFoundError('user not found', 'UserNotFound');
    if (account.status === 'confirmed')
      throw new InvalidInputError('already confirmed', 'UserAlreadyConfirmed');
    await this.accounts.confirm(app.appId, account._id);
  }

  private async app(clientAppId: string): Promise<DeployedApp> {
    const app = await this.apps.getDeployedConfig(clientAppId);
    if (!app) throw new NotFoundError(`app not found: "${clientAppId}"`, 'AppNotFound');
    return app;
  }
}

export interface PendingPage {
  /** The users' domain id: the app id, as in client profiles and tokens. */
  domainId: string;
  accounts: UserpassAccountDoc[];
}
