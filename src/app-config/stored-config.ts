import { normalizeAppConfig, type AppConfig } from './app-config.types';

/**
 * Configs hold free-form JSON (values, `can_evaluate` expressions such as `{"$in": [...]}`,
 * JWT paths) whose object keys a MongoDB-compatible server may refuse to store: FerretDB rejects
 * keys that start with "$" or contain ".". So keys are percent-encoded on the way into the
 * database ("%" → "%25", "$" → "%24", "." → "%2E") and decoded on the way out; keys without those
 * characters are stored as they are. FerretDB also refuses arrays directly inside arrays
 * (`[[1, 2]]`), so such an inner array is stored wrapped as `{"%a": [1, 2]}`: no encoded key can
 * be "%a" (every "%" of a key is encoded as "%25"), so the wrapper cannot be confused with data.
 * Every read and write of a stored config goes through here.
 */
export function toStoredConfig(config: AppConfig): AppConfig {
  return mapKeys(config, encodeKey, wrapInnerArray) as AppConfig;
}

/** A config as read from the database: keys decoded, missing sections filled. */
export function fromStoredConfig(stored: unknown): AppConfig {
  return normalizeAppConfig(
    mapKeys(stored ?? {}, decodeKey, unwrapInnerArray) as Partial<AppConfig>,
  );
}

const encodeKey = (key: string): string =>
  key.replace(/[%$.]/g, (c) => (c === '%' ? '%25' : c === '$' ? '%24' : '%2E'));
const decodeKey = (key: string): string =>
  key.replace(/%(25|24|2E)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const INNER_ARRAY = '%a';

/** An array element that is itself an array, wrapped for storage. */
const wrapInnerArray = (element: unknown): unknown =>
  Array.isArray(element) ? { [INNER_ARRAY]: element } : element;

/** A stored array element: the wrapped inner array, or the element itself. */
function unwrapInnerArray(element: unknown): unknown {
  if (element === null || typeof element !== 'object' || Array.isArray(element)) return element;
  const keys = Object.keys(element);
  return keys.length === 1 && keys[0] === INNER_ARRAY
    ? (element as Record<string, unknown>)[INNER_ARRAY]
    : element;
}

/**
 * Maps every object key with `map` and every array element with `element`: on the way in
 * (encodeKey) after the element itself is mapped, on the way out before.
 */
function mapKeys(
  value: unknown,
  map: (key: string) => string,
  element: (v: unknown) => unknown,
): unknown {
  if (Array.isArray(value)) {
    return map === encodeKey
      ? value.map((v) => element(mapKeys(v, map, element)))
      : value.map((v) => mapKeys(element(v), map, element));
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ((value as { _bsontype?: unknown })._bsontype !== undefined) return value; // ObjectId etc.
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[map(k)] = mapKeys(v, map, element);
  return out;
}
