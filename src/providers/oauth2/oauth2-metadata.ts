import { UnauthorizedError } from '../../errors/app-error';
import { MAX_METADATA_VALUE_CHARS } from '../jwt-metadata';
import type { OAuth2MetadataField, OAuth2MetadataName } from './oauth2-settings';

/**
 * Where a provider gives each App Services metadata name, read from its verified profile (ID
 * token claims, userinfo, or the Graph API's `/me`). A name the provider never gives is absent.
 */
export type MetadataSources = Partial<
  Record<OAuth2MetadataName, (profile: Record<string, unknown>) => unknown>
>;

/** A top-level field of the profile. */
export const field =
  (key: string) =>
  (profile: Record<string, unknown>): unknown =>
    profile[key];

/**
 * Profile values are strings: realm-core's typed profile getters read them as strings, so
 * numbers (Facebook's age range) are given as their decimal text; anything else is absent.
 */
function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * The configured metadata fields of a login, from the provider's profile: only the configured
 * names, as strings. A required field the provider did not give (or gave longer than 4096
 * characters) fails the login before anything is stored, with App Services' message; optional
 * ones are left out. `picture` is also given as `picture_url`, the key realm-core's
 * `user.profile.pictureUrl` reads (realm-web reads `picture`).
 */
export function mapOAuth2Metadata(
  profile: Record<string, unknown>,
  sources: MetadataSources,
  fields: readonly OAuth2MetadataField[],
): Record<string, unknown> {
  const entries: [string, string][] = [];
  for (const { name, required } of fields) {
    const source = sources[name];
    const value = source ? asString(source(profile)) : undefined;
    if (value === undefined || value.length > MAX_METADATA_VALUE_CHARS) {
      if (required)
        throw new UnauthorizedError(
          `expected field '${name}' to be in token metadata`,
          'AuthError',
        );
      continue;
    }
    entries.push([name, value]);
    if (name === 'picture') entries.push(['picture_url', value]);
  }
  return Object.fromEntries(entries);
}
