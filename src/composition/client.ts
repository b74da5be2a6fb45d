import { apiKeyRoutesRefreshVerifier, userApiKeyHandlers } from '../client/api-keys/api-key.routes';
import { UserApiKeys } from '../client/api-keys/user-api-keys';
import { clientHandlers } from '../client/client.routes';
import { functionCallHandlers } from '../client/functions/function-call.routes';
import { ServiceCallService } from '../client/functions/service-call.service';
import { FunctionCallService } from '../client/functions/function-call.service';
import { logLoginAttempts } from '../client/login/login-log';
import { LoginService } from '../client/login/login.service';
import { oauth2RedirectHandlers } from '../client/oauth2/oauth2-redirect.routes';
import { OAuth2RedirectService } from '../client/oauth2/oauth2-redirect.service';
import { LoginRateLimiter } from '../domain/rate-limits/login-rate-limiter';
import { createMailer } from '../client/userpass/mailer';
import { UserpassFunctionFlows } from '../client/userpass/userpass-functions';
import { userpassHandlers } from '../client/userpass/userpass.routes';
import { UserpassService } from '../client/userpass/userpass.service';
import type { Config } from '../config/config';
import { ForbiddenError } from '../errors/app-error';
import type { FunctionUsers } from '../functions/function-users';
import type { TokenVerifier } from '../http/authenticate';
import type { Logger } from '../logging/logger';
import { loginProviders } from '../providers/registry';
import type { Engines } from './engines';
import { originSettings } from './origin';
import type { Stores } from './stores';
import type { UserStores } from './user-stores';

/** The Client API v2.0: its handlers and the verifiers of user tokens. */
export function buildClientApi(
  stores: Stores,
  users: UserStores,
  engines: Engines,
  functionUsers: FunctionUsers,
  config: Config,
  log: Logger,
  now: () => Date,
) {
  const { functions, authTriggers } = engines;
  const loginLimiter = new LoginRateLimiter(config.loginRateLimit, {
    scope: 'client-login',
    store: stores.rateLimitSlots,
    now,
  });
  const login = new LoginService(
    stores.deployedConfigs,
    loginProviders({
      userpassAccounts: stores.userpassAccounts,
      apiKeys: stores.apiKeys,
      resolveSecret: stores.resolveSecret,
      functions,
      oauth2: config.oauth2,
      log,
      now,
    }),
    users.directory,
    users.userTokens,
    stores.customData,
    loginLimiter,
    authTriggers,
    { now, onAttempt: logLoginAttempts(stores.appLogs) },
  );
  const userpass = new UserpassService(
    (clientAppId) => login.app(clientAppId),
    stores.userpassAccounts,
    stores.userpassTokens,
    createMailer(config.smtp, log),
    (userId) => users.userAccounts.logout(userId),
    new UserpassFunctionFlows(functions, stores.userpassAccounts, stores.userpassTokens),
    loginLimiter,
  );
  const handlers = {
    ...clientHandlers({
      login,
      tokens: users.userTokens,
      keys: stores.signingKeys,
      accounts: users.userAccounts,
      origin: originSettings(config),
    }),
    ...oauth2RedirectHandlers(
      new OAuth2RedirectService(login, users.userTokens, stores.oauth2States),
      originSettings(config),
    ),
    ...userpassHandlers(userpass),
    ...userApiKeyHandlers(new UserApiKeys(stores.apiKeys)),
    ...functionCallHandlers(
      new FunctionCallService(
        functions,
        functionUsers,
        new ServiceCallService(functions, functionUsers),
      ),
    ),
  };
  const verifiers: { userAccessAuth: TokenVerifier; userRefreshAuth: TokenVerifier } = {
    // A path that names an app (functions/call) is checked against the token's app before the
    // body is read or validated; the handler checks it again.
    userAccessAuth: async (token, _operationId, params) => {
      const principal = await users.userTokens.verifyAccessToken(token);
      const named = params.client_app_id;
      if (named !== undefined && principal.app.clientAppId !== named) {
        throw new ForbiddenError(
          `the access token is not for app "${named}"`,
          'UserAppDomainMismatch',
        );
      }
      return principal;
    },
    userRefreshAuth: apiKeyRoutesRefreshVerifier((token) =>
      users.userTokens.verifyRefreshToken(token),
    ),
  };
  return { handlers, verifiers, login };
}
