import type { AuthProviderConfig } from '../../app-config/app-config.types';
import { InvalidInputError } from '../../errors/app-error';

export const PASSWORD_MIN_LENGTH = 6;
export const PASSWORD_MAX_LENGTH = 128;
/** An address longer than SMTP allows (RFC 5321) is not plausible. */
const EMAIL_MAX_LENGTH = 254;
/** local@domain.tld, without spaces, control characters or the specials `<>()[]\,;:"`. */
const PLAUSIBLE_EMAIL =
  /^[^\s@<>()[\]\\,;:"\p{Cc}]+@[^\s@<>()[\]\\,;:"\p{Cc}.]+(\.[^\s@<>()[\]\\,;:"\p{Cc}.]+)+$/u;
/**
 * Never in an address or a username: control characters (NUL, CR, LF…), line separators and the
 * characters that make a stored name into markup or a header (`<>"\`).
 */
const NEVER = /[\p{Cc}\p{Zl}\p{Zp}<>"\\]/u;

/** How new accounts are confirmed, from the provider's config (see the admin rules). */
export type ConfirmationMode = 'auto' | 'email' | 'function';
/** How passwords are reset. */
export type ResetMode = 'email' | 'function';

export function confirmationMode(provider: AuthProviderConfig): ConfirmationMode {
  const c = provider.config ?? {};
  if (c.autoConfirm === true) return 'auto';
  return c.runConfirmationFunction === true ? 'function' : 'email';
}

export function resetMode(provider: AuthProviderConfig): ResetMode {
  return provider.config?.runResetFunction === true ? 'function' : 'email';
}

/** Length in characters (code points), not UTF-16 units. */
export function checkPassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw new InvalidInputError(
      `password must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters`,
      'BadRequest',
    );
  }
}

/**
 * Emails are case-sensitive and kept as given. With automatic confirmation (and for users an
 * admin creates) an "email" may be a plain username (App Services apps use it so), but never one
 * with control characters, line breaks or `<>"\`; otherwise a confirmation email must be
 * deliverable, so the address must look like one.
 */
export function checkEmail(email: string, requirePlausible: boolean): void {
  if (email.length === 0) throw new InvalidInputError('email is required', 'BadRequest');
  if (email.length > EMAIL_MAX_LENGTH)
    throw new InvalidInputError(
      `email must be at most ${EMAIL_MAX_LENGTH} characters`,
      'BadRequest',
    );
  if ((requirePlausible && !PLAUSIBLE_EMAIL.test(email)) || NEVER.test(email))
    throw new InvalidInputError(`"${email}" is not a valid email address`, 'BadRequest');
}

/** The link of a confirmation or reset email: the configured URL with `token` and `tokenId`. */
export function linkWithToken(baseUrl: string, token: string, tokenId: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('token', token);
  url.searchParams.set('tokenId', tokenId);
  return url.toString();
}
