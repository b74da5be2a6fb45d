import { jwtPathSegments } from '../app-config/jwt-path';
import { UnauthorizedError } from '../errors/app-error';

/** A value longer than this (a string's length, else its JSON length) is not copied. */
export const MAX_METADATA_VALUE_CHARS = 4096;

export interface JwtMetadataField {
  /** The path as configured, e.g. `user.name` or `https://example\.com/roles`. */
  readonly path: string;
  readonly segments: readonly string[];
  /** The key in the profile's `data`; defaults to the path's last segment. */
  readonly fieldName: string;
  readonly required: boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The configured metadata_fields of a custom-token provider. The admin API validates them; a
 * stored entry that is still unusable (an imported config) is skipped rather than failing logins.
 */
export function jwtMetadataFields(raw: readonly unknown[] | undefined): JwtMetadataField[] {
  const fields: JwtMetadataField[] = [];
  for (const item of raw ?? []) {
    if (!isPlainObject(item) || typeof item.name !== 'string') continue;
    const segments = jwtPathSegments(item.name);
    if (!segments) continue;
    const fieldName =
      typeof item.field_name === 'string' && item.field_name !== ''
        ? item.field_name
        : (segments[segments.length - 1] as string);
    fields.push({ path: item.name, segments, fieldName, required: item.required === true });
  }
  return fields;
}

/** The value at a path of own properties of nested objects; arrays are not indexed. */
function valueAt(claims: Record<string, unknown>, segments: readonly string[]): unknown {
  let node: unknown = claims;
  for (const segment of segments) {
    if (!isPlainObject(node) || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

function sizeOf(value: unknown): number {
  return typeof value === 'string' ? value.length : JSON.stringify(value).length;
}

/**
 * Copies the configured fields of a verified token's claims into identity metadata: only mapped
 * fields, JSON values as they are. `null` counts as absent. A required field that is absent fails
 * the login with App Services' message; one over the size limit fails it too (optional ones that
 * are too large are left out).
 */
export function mapJwtMetadata(
  claims: Record<string, unknown>,
  fields: readonly JwtMetadataField[],
): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  for (const field of fields) {
    const value = valueAt(claims, field.segments);
    if (value === undefined || value === null) {
      if (field.required)
        throw new UnauthorizedError(
          `expected field '${field.path}' to be in token metadata`,
          'AuthError',
        );
      continue;
    }
    if (sizeOf(value) > MAX_METADATA_VALUE_CHARS) {
      if (field.required)
        throw new UnauthorizedError(
          `field '${field.path}' in token metadata is longer than ${MAX_METADATA_VALUE_CHARS} characters`,
          'AuthError',
        );
      continue;
    }
    entries.push([field.fieldName, value]);
  }
  // fromEntries defines own properties, so a field named "__proto__" cannot reach a prototype.
  return Object.fromEntries(entries);
}
