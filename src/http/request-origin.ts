import type { Request } from 'express';

/** Where this server's public origin comes from when a response must name an absolute URL. */
export interface OriginSettings {
  /** PUBLIC_BASE_URL (without a trailing slash), when set. */
  readonly publicBaseUrl: string | undefined;
  /** For a request without a Host header when no public base URL is set. */
  readonly defaultBaseUrl: string;
}

/**
 * The origin a client reaches this server at, e.g. `https://apps.example.com`: PUBLIC_BASE_URL
 * when set, otherwise the origin this request was addressed to (Express 5's req.host keeps the
 * port; behind a proxy trusted by `trust proxy` it is X-Forwarded-Host/-Proto).
 */
export function requestOrigin(req: Request, settings: OriginSettings): string {
  if (settings.publicBaseUrl) return settings.publicBaseUrl;
  const host = req.host as string | undefined;
  return host ? `${req.protocol}://${host}` : settings.defaultBaseUrl;
}
