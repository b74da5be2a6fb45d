import mongoose from 'mongoose';
import type { AuthProviderConfig } from '../../app-config/app-config.types';
import type { DeployedApp, DeployedConfigReader } from '../../app-config/deployed-config.reader';
import { NotFoundError, UnauthorizedError } from '../../errors/app-error';
import type { CustomDataResult, CustomUserDataReader } from '../custom-data/custom-data.reader';
import type { AuthenticatedIdentity, LoginProvider } from '../providers/login-provider';
import type { IssuedSession, UserPrincipal, UserTokenService } from '../tokens/user-token.service';
import { NO_AUTH_EVENTS, type AuthEvents } from '../users/auth-events';
import type { UserDirectory } from '../users/user-directory';
import { loginAccount, type LoginRateLimiter } from './rate-limit';

export interface LoginRequest {
  clientAppId: string;
  providerName: string;
  payload: Record<string, unknown>;
  /** With `?link=true`: the user the identity is linked to. */
  linkTo?: UserPrincipal;
  /** The client's IP address (Express `req.ip`, see TRUST_PROXY), for rate limiting. */
  ip?: string;
}

export interface LoginResult {
  session: IssuedSession;
  customData: CustomDataResult;
}

const NO_DEVICE = '000000000000000000000000';

/** The device id realm-web sends as `options.device.deviceId` ({"$oid": …}), else a new one. */
function deviceIdOf(options: unknown): string {
  const device = (options as { device?: { deviceId?: unknown } } | undefined)?.device;
  const raw = device?.deviceId;
  const oid = typeof raw === 'object' && raw !== null ? (raw as { $oid?: unknown }).$oid : raw;
  if (typeof oid === 'string' && /^[0-9a-f]{24}$/.test(oid) && oid !== NO_DEVICE) return oid;
  return new mongoose.Types.ObjectId().toHexString();
}

/**
 * A login: the deployed config says whether the provider is on; the provider strategy says who
 * the caller is; the user directory finds or creates (or links) the user; the token service
 * starts a session with the user's custom data in the access token.
 */
export class LoginService {
  constructor(
    private readonly apps: DeployedConfigReader,
    private readonly providers: ReadonlyMap<string, LoginProvider>,
    private readonly directory: UserDirectory,
    private readonly tokens: UserTokenService,
    private readonly customData: CustomUserDataReader,
    private readonly limiter: LoginRateLimiter,
    private readonly events: AuthEvents = NO_AUTH_EVENTS,
  ) {}

  async app(clientAppId: string): Promise<DeployedApp> {
    const app = await this.apps.getDeployedConfig(clientAppId);
    if (!app) throw new NotFoundError(`app not found: "${clientAppId}"`, 'NotFound');
    return app;
  }

  /**
   * Rate limits first (per IP, then per account: see rate-limit.ts), then the provider, then
   * the user. A link request must be for the app of the user it links to.
   */
  async login(req: LoginRequest): Promise<LoginResult> {
    await this.limiter.attemptFrom(req.ip);
    const app = await this.app(req.clientAppId);
    const provider = app.config.auth_providers.find((p) => p.name === req.providerName);
    if (!provider) {
      throw new NotFoundError(
        `authentication provider "${req.providerName}" is not configured`,
        'AuthProviderNotFound',
      );
    }
    if (req.linkTo && req.linkTo.app.appId !== app.appId)
      throw new UnauthorizedError('unauthorized', 'AuthError');
    const { options, provider: _sdkProviderKey, ...payload } = req.payload;
    const account = loginAccount(provider.type, payload);
    return this.limiter.forAccount(
      account === undefined ? undefined : `${app.appId}:${provider.name}:${account}`,
      () => this.authenticate(app, provider, payload, options, req.linkTo),
    );
  }

  private async authenticate(
    app: DeployedApp,
    provider: AuthProviderConfig,
    payload: Record<string, unknown>,
    options: unknown,
    linkTo: UserPrincipal | undefined,
  ): Promise<LoginResult> {
    if (provider.disabled)
      throw new UnauthorizedError(
        `authentication provider "${provider.name}" is disabled`,
        'AuthError',
      );
    const strategy = this.providers.get(provider.type);
    if (!strategy) {
      throw new UnauthorizedError(
        `authentication provider type "${provider.type}" is not supported by this server`,
        'AuthError',
      );
    }
    const ctx = { app, provider, payload };
    const identity: AuthenticatedIdentity = await strategy.authenticate(ctx);
    const user = await this.directory.resolve(app, provider, identity, linkTo?.user);
    await strategy.onLogin?.(ctx, identity, user._id.toHexString());
    const customData = await this.customData.read(app, user._id.toHexString());
    const deviceId = linkTo?.session.device_id ?? deviceIdOf(options);
    const session = await this.tokens.startSession(
      app,
      user,
      { id: identity.externalId, provider_type: provider.type, provider_id: provider._id },
      deviceId,
      customData.data,
    );
    // Every successful login, the first one (which also reported CREATE) included.
    this.events.emit(app, {
      operationType: 'LOGIN',
      providers: [provider.type],
      user,
      ...(customData.data ? { customData: customData.data } : {}),
    });
    return { session, customData };
  }

  /** A new access token for a refresh token's session, with the custom data read again. */
  async refresh(
    principal: UserPrincipal,
  ): Promise<{ accessToken: string; customData: CustomDataResult }> {
    const customData = await this.customData.read(principal.app, principal.user._id.toHexString());
    const accessToken = await this.tokens.accessToken(
      principal.app,
      principal.user,
      principal.session,
      customData.data,
    );
    return { accessToken, customData };
  }
}
