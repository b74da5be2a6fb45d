import { normalizeAppConfig, type AppConfig } from './app-config.types';

/**
 * Configs hold free-form JSON (values, `can_evaluate` expressions such as `{"$in": [...]}`,
 * JWT paths) whose object keys a MongoDB-compatible server may refuse to store: FerretDB rejects
 * keys that start with "$" or contain ".". So keys are percent-encoded on the way into the
 * database ("%" → "%25", "$" → "%24", "." → "%2E") and decoded on the way out; keys without those
 * characters are stored as they are. Every read and write of a stored config goes through here.
 */
export function toStoredConfig(config: AppConfig): AppConfig {
  return mapKeys(config, encodeKey) as AppConfig;
}

/** A config as read from the database: keys decoded, missing sections filled. */
export function fromStoredConfig(stored: unknown): AppConfig {
  return normalizeAppConfig(mapKeys(stored ?? {}, decodeKey) as Partial<AppConfig>);
}

const encodeKey = (key: string): string =>
  key.replace(/[%$.]/g, (c) => (c === '%' ? '%25' : c === '$' ? '%24' : '%2E'));
const decodeKey = (key: string): string =>
  key.replace(/%(25|24|2E)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function mapKeys(value: unknown, map: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, map));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ((value as { _bsontype?: unknown })._bsontype !== undefined) return value; // ObjectId etc.
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[map(k)] = mapKeys(v, map);
  return out;
}
