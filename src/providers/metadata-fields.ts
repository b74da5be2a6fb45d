import type { AuthProviderConfig } from '../app-config/app-config.types';
import { jwtPathSegments } from '../app-config/jwt-path';
import { invalid, isNonEmptyString, isRecord } from './config-checks';

/** The profile fields OAuth 2.0 providers can be asked for (all nine accepted for Google too). */
export const OAUTH2_METADATA_NAMES = [
  'name',
  'first_name',
  'last_name',
  'picture',
  'gender',
  'birthday',
  'min_age',
  'max_age',
  'email',
] as const;

function item(p: AuthProviderConfig, v: unknown, i: number): Record<string, unknown> {
  if (!isRecord(v)) throw invalid(p, `metadata_fields[${i}] must be an object`);
  const extra = Object.keys(v).filter((k) => !['name', 'required', 'field_name'].includes(k));
  if (extra.length)
    throw invalid(p, `metadata_fields[${i}] has unknown key(s): ${extra.join(', ')}`);
  return v;
}

/** OAuth 2.0: `{name, required?}`, name from the fixed list, each name once. */
export function oauth2MetadataFields(p: AuthProviderConfig, items: readonly unknown[]): void {
  const seen = new Set<string>();
  items.forEach((raw, i) => {
    const f = item(p, raw, i);
    const name = f.name;
    if (typeof name !== 'string' || !(OAUTH2_METADATA_NAMES as readonly string[]).includes(name)) {
      throw invalid(
        p,
        `unsupported metadata field ${JSON.stringify(name)}; ${p.type} offers: ${OAUTH2_METADATA_NAMES.join(', ')}`,
      );
    }
    if (f.required !== undefined && typeof f.required !== 'boolean')
      throw invalid(p, `metadata_fields[${i}].required must be a boolean`);
    if (f.field_name !== undefined)
      throw invalid(p, `metadata field "${name}": field_name is only for custom-token`);
    if (seen.has(name)) throw invalid(p, `metadata field "${name}" is listed twice`);
    seen.add(name);
  });
}

/** custom-token: `{name: JWT path, field_name, required}`, each field_name once. */
export function jwtMetadataFields(p: AuthProviderConfig, items: readonly unknown[]): void {
  const seen = new Set<string>();
  items.forEach((raw, i) => {
    const f = item(p, raw, i);
    if (!isNonEmptyString(f.name) || !jwtPathSegments(f.name))
      throw invalid(
        p,
        `metadata_fields[${i}].name must be a JWT field path like "user.name" (no empty segments; "\\." for a literal dot)`,
      );
    const fieldName = f.field_name;
    if (!isNonEmptyString(fieldName))
      throw invalid(p, `metadata_fields[${i}].field_name is required (a non-empty string)`);
    if (fieldName.startsWith('$') || fieldName.includes('.'))
      throw invalid(p, `metadata_fields[${i}].field_name must not start with "$" or contain "."`);
    if (typeof f.required !== 'boolean')
      throw invalid(p, `metadata_fields[${i}].required is required (a boolean)`);
    if (seen.has(fieldName)) throw invalid(p, `metadata field_name "${fieldName}" is used twice`);
    seen.add(fieldName);
  });
}
