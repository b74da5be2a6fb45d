import type { Request, Response } from 'express';
import { requestOrigin, type OriginSettings } from '../../http/request-origin';
import type { Handler, HandlerTable } from '../../http/typed-handler';
import type { OAuth2RedirectService } from './oauth2-redirect.service';

type RedirectOps =
  'clientOAuth2RedirectLogin' | 'clientOAuth2Callback' | 'clientOAuth2CallbackForm';

/** The header realm-web reads the provider's URL from when it asked for no 302. */
export const BAAS_LOCATION_HEADER = 'X-BAAS-Location';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function redirectTo(res: Response, location: string): void {
  res.setHeader('Location', location);
  res.setHeader('Cache-Control', 'no-store');
  res.status(302).end();
}

/**
 * The browser redirect flow's routes. They answer redirects, which the typed JSON handlers do
 * not, so they are plain handlers; the request was validated against openapi.yaml all the same.
 */
export function oauth2RedirectHandlers(
  flow: OAuth2RedirectService,
  origin: OriginSettings,
): Pick<HandlerTable, RedirectOps> {
  const callback =
    (source: (req: Request) => Record<string, unknown>): Handler =>
    async (req, res) => {
      const input = source(req);
      const location = await flow.callback({
        state: str(input.state) ?? '',
        code: str(input.code),
        error: str(input.error),
        ...(req.ip ? { ip: req.ip } : {}),
        // Not the URL with its query: the code is a credential, the app log keeps no copy.
        requestUrl: req.baseUrl + req.path,
        requestMethod: req.method,
      });
      redirectTo(res, location);
    };
  return {
    clientOAuth2RedirectLogin: async (req, res) => {
      const q = req.query as Record<string, unknown>;
      const isLink = q.link === true || q.link === 'true';
      const url = await flow.start({
        clientAppId: String(req.params.client_app_id),
        providerName: String(req.params.provider),
        redirect: str(q.redirect) ?? '',
        state: str(q.state) ?? '',
        device: str(q.device),
        ...(isLink
          ? { link: { accessToken: req.headers.authorization?.replace(/^Bearer\s+/i, '').trim() } }
          : {}),
        origin: requestOrigin(req, origin),
      });
      if (q.providerRedirectHeader === true || q.providerRedirectHeader === 'true') {
        res.setHeader(BAAS_LOCATION_HEADER, url.href);
        res.setHeader('Cache-Control', 'no-store');
        res.status(200).end();
        return;
      }
      redirectTo(res, url.href);
    },
    clientOAuth2Callback: callback((req) => req.query),
    clientOAuth2CallbackForm: callback((req) => (req.body ?? {}) as Record<string, unknown>),
  };
}
