import { ForbiddenError } from '../../errors/app-error';
import type { TokenVerifier } from '../../http/authenticate';
import { handler, type HandlerTable } from '../../http/typed-handler';
import { userPrincipal } from '../client.routes';
import { IncorrectTokenTypeError } from '../../domain/sessions/user-token.service';
import type { UserApiKeys } from './user-api-keys';

type UserApiKeyOps =
  | 'clientCreateUserApiKey'
  | 'clientListUserApiKeys'
  | 'clientGetUserApiKey'
  | 'clientDeleteUserApiKey'
  | 'clientEnableUserApiKey'
  | 'clientDisableUserApiKey';

const USER_API_KEY_OPS: ReadonlySet<string> = new Set<UserApiKeyOps>([
  'clientCreateUserApiKey',
  'clientListUserApiKeys',
  'clientGetUserApiKey',
  'clientDeleteUserApiKey',
  'clientEnableUserApiKey',
  'clientDisableUserApiKey',
]);

/**
 * The refresh-token verifier, except that on the API key routes an access token is refused with
 * 403, not 401. A 401 to a request made with the refresh token tells realm-core (and clients
 * that copy it) that the session is dead, and they log the user out; an access token there is a
 * client mistake while the session is fine. /auth/session keeps App Services' 401.
 */
export function apiKeyRoutesRefreshVerifier(verify: TokenVerifier): TokenVerifier {
  return async (token, operationId, params) => {
    try {
      return await verify(token, operationId, params);
    } catch (err) {
      if (err instanceof IncorrectTokenTypeError && USER_API_KEY_OPS.has(operationId)) {
        throw new ForbiddenError(
          'invalid refresh token: incorrect token type (API key routes need the refresh token)',
          'MissingAuthReq',
        );
      }
      throw err;
    }
  };
}

export function userApiKeyHandlers(keys: UserApiKeys): Pick<HandlerTable, UserApiKeyOps> {
  return {
    clientCreateUserApiKey: handler<'clientCreateUserApiKey'>(async ({ req, body }) => ({
      status: 201,
      body: await keys.create(userPrincipal(req), body.name),
    })),
    clientListUserApiKeys: handler<'clientListUserApiKeys'>(async ({ req }) => ({
      status: 200,
      body: await keys.list(userPrincipal(req)),
    })),
    clientGetUserApiKey: handler<'clientGetUserApiKey'>(async ({ req, params }) => ({
      status: 200,
      body: await keys.get(userPrincipal(req), params.apiKeyId),
    })),
    clientDeleteUserApiKey: handler<'clientDeleteUserApiKey'>(async ({ req, params }) => {
      await keys.delete(userPrincipal(req), params.apiKeyId);
      return { status: 204 };
    }),
    clientEnableUserApiKey: handler<'clientEnableUserApiKey'>(async ({ req, params }) => {
      await keys.setDisabled(userPrincipal(req), params.apiKeyId, false);
      return { status: 204 };
    }),
    clientDisableUserApiKey: handler<'clientDisableUserApiKey'>(async ({ req, params }) => {
      await keys.setDisabled(userPrincipal(req), params.apiKeyId, true);
      return { status: 204 };
    }),
  };
}
