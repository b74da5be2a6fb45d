/**
 * express-openapi-validator 5.6 compiles a path-to-regexp pattern for every spec path on every
 * request while it looks for the matching route (upstream issue cdimascio/express-openapi-
 * validator#1217): with our ~100 routes that dominated request CPU. `pathToRegexp` is a pure
 * function of its arguments, so this memoizes it for every user of the module.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ptr = require('path-to-regexp') as { pathToRegexp: (...args: unknown[]) => unknown };

const MAX_ENTRIES = 5000;
let installed = false;

export function installRouteRegexpCache(): void {
  if (installed) return;
  installed = true;
  const original = ptr.pathToRegexp;
  const cache = new Map<string, unknown>();
  ptr.pathToRegexp = (path: unknown, options?: unknown) => {
    if (typeof path !== 'string') return original(path, options);
    const key = `${path}\u0000${JSON.stringify(options ?? null)}`;
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = original(path, options);
      if (cache.size < MAX_ENTRIES) cache.set(key, hit);
    }
    return hit;
  };
}
