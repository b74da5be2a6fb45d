import { newObjectIdHex } from '../../db/object-id';
import type { AuthProviderConfig } from '../../app-config/app-config.types';
import type { DeployedApp, DeployedConfigReader } from '../../app-config/deployed-app';
import { NotFoundError, UnauthorizedError } from '../../errors/app-error';
import { newCoId, type LogOrigin } from '../../domain/app-logs/app-log';
import type {
  CustomDataResult,
  CustomUserDataReader,
} from '../../domain/data-sources/custom-data.reader';
import type { AuthenticatedIdentity, LoginProvider } from '../../providers/login-provider';
import type { AuthorizationRequest, CodeExchange } from '../../providers/oauth2/oauth2-flow';
import type {
  IssuedSession,
  UserPrincipal,
  UserTokenService,
} from '../../domain/sessions/user-token.service';
import { NO_AUTH_EVENTS, type AuthEvents } from '../../domain/users/auth-events';
import type { UserDirectory } from '../../domain/users/user-directory';
import { accountKey, loginAccount } from './rate-limit';
import type { LoginRateLimiter } from '../../domain/rate-limits/login-rate-limiter';

export interface LoginRequest {
  clientAppId: string;
  providerName: string;
  payload: Record<string, unknown>;
  /** `?link=true`: the access token (if any) of the user to link to; or (the redirect flow's
   * callback) the session of the token its start verified. */
  link?: { accessToken: string | undefined } | { sessionId: string; userId: string };
  /**
   * The browser redirect flow's callback: the code an OAuth 2.0 provider returned, logged in
   * with through the provider's `redirectFlow.exchangeCode` instead of a credential body (the
   * `payload` is then `{}`). Everything else is the credential login's.
   */
  oauth2Code?: CodeExchange;
  /** The client's IP address (Express `req.ip`, see TRUST_PROXY), for rate limiting. */
  ip?: string;
  /** The request's URL and method, for the app logs. */
  requestUrl?: string;
  requestMethod?: string;
}

/** How a login attempt ended, for the app logs. */
export interface LoginAttempt {
  request: LoginRequest;
  /** Undefined when there is no such app. */
  app: DeployedApp | undefined;
  /** Undefined when the app has no provider of the requested name. */
  provider: AuthProviderConfig | undefined;
  /** The correlation id shared by every entry of this attempt (functions, triggers). */
  coId: string;
  started: Date;
  completed: Date;
  /** On success: the user logged in. */
  userId?: string;
  /** On failure: what was thrown. */
  error?: unknown;
}

export interface LoginServiceOptions {
  now?: () => Date;
  /** Told of every attempt once it ended, successful or not (see login-log.ts). */
  onAttempt?: (attempt: LoginAttempt) => void;
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
  return newObjectIdHex();
}

/** The identity of a redirect flow's code, for the provider types that have the flow. */
function exchangeCode(
  strategy: LoginProvider,
  target: { app: DeployedApp; provider: AuthProviderConfig },
  code: CodeExchange,
): Promise<AuthenticatedIdentity> {
  if (!strategy.redirectFlow) {
    throw new UnauthorizedError(
      `authentication provider type "${target.provider.type}" has no redirect flow`,
      'AuthError',
    );
  }
  return strategy.redirectFlow.exchangeCode(target, code);
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
    private readonly options: LoginServiceOptions = {},
  ) {}

  async app(clientAppId: string): Promise<DeployedApp> {
    const app = await this.apps.getDeployedConfig(clientAppId);
    if (!app) throw new NotFoundError(`app not found: "${clientAppId}"`, 'NotFound');
    return app;
  }

  /**
   * Every attempt is reported to `onAttempt` once it ended. The app is read first (a known app
   * comes from the config cache) so that attempts refused by the rate limits are reported under
   * their app too. The attempt's log origin (one correlation id) goes down to the functions and
   * triggers it runs, so that all its app log entries share the AUTH entry's `co_id`.
   */
  async login(req: LoginRequest): Promise<LoginResult> {
    const now = this.options.now ?? (() => new Date());
    const started = now();
    const origin: LogOrigin = {
      coId: newCoId(),
      ...(req.requestUrl && req.requestMethod
        ? {
            request: {
              url: req.requestUrl,
              method: req.requestMethod,
              ...(req.ip ? { ip: req.ip } : {}),
            },
          }
        : {}),
    };
    const app = (await this.apps.getDeployedConfig(req.clientAppId)) ?? undefined;
    const provider = app?.config.auth_providers.find((p) => p.name === req.providerName);
    const ended = (outcome: { userId?: string; error?: unknown }) =>
      this.options.onAttempt?.({
        request: req,
        app,
        provider,
        coId: origin.coId,
        started,
        completed: now(),
        ...outcome,
      });
    let result: LoginResult;
    try {
      result = await this.attempt(req, app, provider, origin);
    } catch (err) {
      ended({ error: err });
      throw err;
    }
    ended({ userId: result.session.user_id });
    return result;
  }

  /**
   * Rate limits first (per IP, then per account: see rate-limit.ts), then the provider, then
   * the user. A link request must be for the app of the user it links to.
   */
  private async attempt(
    req: LoginRequest,
    app: DeployedApp | undefined,
    provider: AuthProviderConfig | undefined,
    origin: LogOrigin,
  ): Promise<LoginResult> {
    await this.limiter.attemptFrom(req.ip);
    if (!app) throw new NotFoundError(`app not found: "${req.clientAppId}"`, 'NotFound');
    if (!provider) {
      throw new NotFoundError(
        `authentication provider "${req.providerName}" is not configured`,
        'AuthProviderNotFound',
      );
    }
    const linkTo = !req.link
      ? undefined
      : 'sessionId' in req.link
        ? await this.tokens.sessionPrincipal(app, req.link.sessionId, req.link.userId)
        : await this.linkTarget(app, req.link.accessToken);
    const { options, provider: _sdkProviderKey, ...payload } = req.payload;
    const account = loginAccount(provider.type, payload);
    return this.limiter.forAccount(
      account === undefined ? undefined : accountKey(app.appId, provider.name, account),
      () => this.authenticate(app, provider, payload, options, linkTo, origin, req.oauth2Code),
    );
  }

  private async linkTarget(app: DeployedApp, token: string | undefined): Promise<UserPrincipal> {
    if (!token) {
      throw new UnauthorizedError(
        'must authenticate first: linking needs the access token of the user',
        'MissingAuthReq',
      );
    }
    const linkTo = await this.tokens.verifyAccessToken(token);
    if (linkTo.app.appId !== app.appId) throw new UnauthorizedError('unauthorized', 'AuthError');
    return linkTo;
  }

  private async authenticate(
    app: DeployedApp,
    provider: AuthProviderConfig,
    payload: Record<string, unknown>,
    options: unknown,
    linkTo: UserPrincipal | undefined,
    origin: LogOrigin,
    oauth2Code: CodeExchange | undefined,
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
    const ctx = { app, provider, payload, origin };
    const identity: AuthenticatedIdentity = oauth2Code
      ? await exchangeCode(strategy, ctx, oauth2Code)
      : await strategy.authenticate(ctx);
    const user = await this.directory.resolve(app, provider, identity, linkTo?.user, origin);
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
    await this.events.emit(app, {
      operationType: 'LOGIN',
      providers: [provider.type],
      user,
      ...(customData.data ? { customData: customData.data } : {}),
      coId: origin.coId,
    });
    return { session, customData };
  }

  /**
   * The browser redirect flow's first step: where to send the browser to sign in with the app's
   * OAuth 2.0 provider of that name (see OAuth2RedirectFlow). The provider must be configured and
   * enabled, of a type with the flow.
   */
  async authorizationUrl(
    clientAppId: string,
    providerName: string,
    req: AuthorizationRequest,
  ): Promise<URL> {
    const app = await this.app(clientAppId);
    const provider = app.config.auth_providers.find((p) => p.name === providerName);
    if (!provider) {
      throw new NotFoundError(
        `authentication provider "${providerName}" is not configured`,
        'AuthProviderNotFound',
      );
    }
    if (provider.disabled)
      throw new UnauthorizedError(
        `authentication provider "${provider.name}" is disabled`,
        'AuthError',
      );
    const flow = this.providers.get(provider.type)?.redirectFlow;
    if (!flow) {
      throw new UnauthorizedError(
        `authentication provider type "${provider.type}" has no redirect flow`,
        'AuthError',
      );
    }
    return flow.authorizationUrl({ app, provider }, req);
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
