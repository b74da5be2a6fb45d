import { InvalidInputError } from '../errors/app-error';

/**
 * Refuses free-form JSON (a value's contents, a function's can_evaluate) whose object keys the
 * config's storage cannot hold: MongoDB-compatible servers (FerretDB among them) reject keys that
 * start with "$" or contain ".". Without this check such a write would fail as a 500.
 */
export function checkStorableJson(json: unknown, what: string): void {
  const bad = unstorableKey(json);
  if (bad !== undefined) {
    throw new InvalidInputError(
      `${what} cannot be stored: object key "${bad}" starts with "$" or contains "."`,
    );
  }
}

function unstorableKey(json: unknown): string | undefined {
  if (Array.isArray(json)) {
    for (const item of json) {
      const bad = unstorableKey(item);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  if (json === null || typeof json !== 'object') return undefined;
  for (const [key, item] of Object.entries(json)) {
    if (key.startsWith('$') || key.includes('.')) return key;
    const bad = unstorableKey(item);
    if (bad !== undefined) return bad;
  }
  return undefined;
}
