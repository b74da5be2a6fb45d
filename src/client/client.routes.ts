import type { Request, Response } from 'express';
import { UnauthorizedError } from '../errors/app-error';
import { requestOrigin, type OriginSettings } from '../http/request-origin';
import { handler, type HandlerTable } from '../http/typed-handler';
import type { CustomDataResult } from '../domain/data-sources/custom-data.reader';
import type { LoginService } from './login/login.service';
import type { SigningKeyStore } from '../domain/sessions/signing-keys';
import type { UserPrincipal, UserTokenService } from '../domain/sessions/user-token.service';
import type { UserAccounts } from '../domain/users/user-accounts';
import { isAnonymousUser, mayBeAnonymousUser } from '../domain/users/user.model';

export interface ClientDeps {
  login: LoginService;
  tokens: UserTokenService;
  keys: SigningKeyStore;
  accounts: UserAccounts;
  /** Where the origin answered as `hostname` comes from (see requestOrigin). */
  origin: OriginSettings;
}

type ClientOps =
  | 'clientGetLocation'
  | 'clientGetJwks'
  | 'clientLogin'
  | 'clientRefreshSession'
  | 'clientDeleteSession'
  | 'clientGetProfile'
  | 'clientDeleteSelf';

/** The user the request was authenticated as (userAccessAuth / userRefreshAuth). */
export function userPrincipal(req: Request): UserPrincipal {
  const user = req.user as UserPrincipal | undefined;
  if (user?.kind !== 'user')
    throw new UnauthorizedError('must authenticate first', 'MissingAuthReq');
  return user;
}

/** Says in a header when a user's custom data was left out of the access token, and why. */
function noteCustomData(res: Response, result: CustomDataResult): void {
  if (result.omitted) res.setHeader('X-Custom-User-Data-Omitted', result.omitted.replace('_', '-'));
}

export function clientHandlers(d: ClientDeps): Pick<HandlerTable, ClientOps> {
  return {
    clientGetLocation: handler<'clientGetLocation'>(async ({ req, params }) => {
      const app = await d.login.app(params.client_app_id);
      // The SDKs send every later request to `hostname`, so it must be an origin the client can
      // reach: without a configured one, the origin this request came to.
      const origin = requestOrigin(req, d.origin);
      return {
        status: 200,
        body: {
          deployment_model: app.deploymentModel as 'GLOBAL' | 'LOCAL',
          location: app.location as 'US-VA',
          hostname: origin,
          ws_hostname: origin.replace(/^http/, 'ws'),
        },
      };
    }),

    clientGetJwks: handler<'clientGetJwks'>(async ({ params }) => {
      const app = await d.login.app(params.client_app_id);
      return { status: 200, body: await d.keys.jwks(app.appId) };
    }),

    clientLogin: handler<'clientLogin'>(async ({ req, res, params, query, body }) => {
      const result = await d.login.login({
        clientAppId: params.client_app_id,
        providerName: params.provider,
        payload: body ?? {},
        link: query.link
          ? { accessToken: req.headers.authorization?.replace(/^Bearer\s+/i, '').trim() }
          : undefined,
        ip: req.ip,
        requestUrl: req.originalUrl,
        requestMethod: req.method,
      });
      noteCustomData(res, result.customData);
      return { status: 200, body: result.session };
    }),

    clientRefreshSession: handler<'clientRefreshSession'>(async ({ req, res }) => {
      const { accessToken, customData } = await d.login.refresh(userPrincipal(req));
      noteCustomData(res, customData);
      return { status: 201, body: { access_token: accessToken } };
    }),

    clientDeleteSession: handler<'clientDeleteSession'>(async ({ req }) => {
      const p = userPrincipal(req);
      await d.tokens.revokeSession(p.session._id);
      // An anonymous user cannot log in again once logged out: remove it (as App Services does).
      // Its claims (a scan on FerretDB) are read only when its own list leaves that possible.
      if (mayBeAnonymousUser(p.user) && isAnonymousUser(await d.accounts.withIdentities(p.user)))
        await d.accounts.delete(p.app.appId, p.user._id);
      return { status: 204 };
    }),

    clientGetProfile: handler<'clientGetProfile'>(async ({ req }) => {
      const p = userPrincipal(req);
      const { app } = p;
      // A login's own access token shows the metadata of the identity it logged in with.
      const user = await d.accounts.withIdentities(p.user, p.identity);
      return {
        status: 200,
        body: {
          user_id: user._id.toHexString(),
          domain_id: app.appId,
          identities: user.identities.map((i) => ({
            id: i.id,
            provider_type: i.provider_type as 'anon-user',
            provider_id: i.provider_id,
            provider_data: i.provider_data,
          })),
          data: user.data,
          type: user.type,
        },
      };
    }),

    clientDeleteSelf: handler<'clientDeleteSelf'>(async ({ req }) => {
      const p = userPrincipal(req);
      await d.accounts.delete(p.app.appId, p.user._id);
      return { status: 204 };
    }),
  };
}
