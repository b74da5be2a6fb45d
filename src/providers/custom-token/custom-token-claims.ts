import type { AuthProviderConfig } from '../../app-config/app-config.types';

/**
 * How far in the future `nbf` and `iat` may be: the issuer's clock may run a little ahead of
 * ours. `exp` gets no leeway: a token is refused from the second it expires.
 */
export const CLOCK_SKEW_SECONDS = 60;
/** `sub` becomes an identity id (an indexed key): longer values are refused. */
export const MAX_SUBJECT_CHARS = 4096;

export interface CustomTokenSettings {
  readonly algorithm: 'HS256' | 'RS256';
  readonly useJwkUri: boolean;
  readonly jwkUri: string | undefined;
  /** Secret names: HS256 shared secrets, or RS256 public keys in PEM. */
  readonly signingKeys: readonly string[];
  /** Empty: `aud` must contain the client app id. */
  readonly audience: readonly string[];
  readonly requireAnyAudience: boolean;
}

/** The provider's stored settings, read defensively (stored configs are plain JSON). */
export function customTokenSettings(p: AuthProviderConfig): CustomTokenSettings {
  const c = p.config ?? {};
  const s = p.secret_config ?? {};
  const useJwkUri = c.useJWKURI === true;
  const audience =
    typeof c.audience === 'string'
      ? [c.audience]
      : Array.isArray(c.audience)
        ? c.audience.filter((a): a is string => typeof a === 'string')
        : [];
  return {
    // Keys from a JWK URI are RS256 only (as in App Services), whatever else is stored.
    algorithm: useJwkUri || c.signingAlgorithm === 'RS256' ? 'RS256' : 'HS256',
    useJwkUri,
    jwkUri: typeof c.jwkURI === 'string' && c.jwkURI !== '' ? c.jwkURI : undefined,
    signingKeys: Array.isArray(s.signingKeys)
      ? s.signingKeys.filter((k): k is string => typeof k === 'string' && k !== '')
      : [],
    audience: audience.filter((a) => a !== ''),
    requireAnyAudience: c.requireAnyAudience === true,
  };
}

const isNumericDate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function audienceOk(aud: unknown, settings: CustomTokenSettings, clientAppId: string): boolean {
  const given =
    typeof aud === 'string'
      ? [aud]
      : Array.isArray(aud)
        ? aud.filter((a): a is string => typeof a === 'string')
        : [];
  if (settings.audience.length === 0) return given.includes(clientAppId);
  return settings.requireAnyAudience
    ? settings.audience.some((a) => given.includes(a))
    : settings.audience.every((a) => given.includes(a));
}

/**
 * The claim rules of a custom JWT whose signature is already verified; returns its `sub`, or
 * undefined when any rule fails: `exp` present and in the future, `nbf`/`iat` (when present) not
 * in the future beyond the clock skew, the audience rule, and a non-empty string `sub`.
 */
export function checkCustomTokenClaims(
  claims: Record<string, unknown>,
  settings: CustomTokenSettings,
  clientAppId: string,
  now: Date,
): string | undefined {
  const t = Math.floor(now.getTime() / 1000);
  if (!isNumericDate(claims.exp) || claims.exp <= t) return undefined;
  for (const key of ['nbf', 'iat'] as const) {
    const v = claims[key];
    if (v !== undefined && (!isNumericDate(v) || v > t + CLOCK_SKEW_SECONDS)) return undefined;
  }
  if (!audienceOk(claims.aud, settings, clientAppId)) return undefined;
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub === '' || sub.length > MAX_SUBJECT_CHARS) return undefined;
  return sub;
}
