/**
 * Equality of JSON-like values by structure: objects by their own keys (a key holding
 * `undefined` counts as absent), arrays by position, primitives by identity. Unlike
 * util.isDeepStrictEqual it ignores prototypes, so copies made in another realm (structuredClone
 * under a test sandbox, documents decoded by the driver) compare equal to their originals.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of Object.keys(ao)) if (!jsonEqual(ao[k], own(bo, k))) return false;
  // Keys of b only: equal if they hold undefined (absent).
  for (const k of Object.keys(bo)) if (!Object.hasOwn(ao, k) && bo[k] !== undefined) return false;
  return true;
}

const own = (o: Record<string, unknown>, k: string): unknown =>
  Object.hasOwn(o, k) ? o[k] : undefined;
