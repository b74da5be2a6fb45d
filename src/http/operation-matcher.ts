import type { SpecOperation } from './spec';

type Segment = { readonly literal: string } | { readonly param: string };

interface CompiledOperation {
  readonly op: SpecOperation;
  readonly segments: readonly Segment[];
}

export interface OperationMatch {
  readonly op: SpecOperation;
  readonly params: Record<string, string>;
}

/** Characters a path may hold for the fast match; anything else goes to Express's router. */
const PLAIN_PATH = /^\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*$/;

/**
 * Matches a request to its operation of openapi.yaml with a table compiled once at start: the
 * operations of the method with as many path segments, in the spec's order, each segment a
 * literal (compared case-insensitively) or a parameter (any non-empty segment, URI-decoded). This
 * is Express's own rule for the same routes (first match in order, case-insensitive, one optional
 * trailing slash); undefined means "ask Express": no match, HEAD and OPTIONS (which Express
 * answers from GET routes and the methods of a path), a path with unusual characters, or a
 * parameter that does not decode (Express answers 400).
 */
export function compileOperationMatcher(
  operations: readonly SpecOperation[],
): (method: string, url: string) => OperationMatch | undefined {
  const table = new Map<string, Map<number, CompiledOperation[]>>();
  for (const op of operations) {
    const segments: Segment[] = op.path
      .split('/')
      .slice(1)
      .map((s) => {
        const param = /^\{([A-Za-z0-9_]+)\}$/.exec(s)?.[1];
        return param ? { param } : { literal: s.toLowerCase() };
      });
    const method = op.method.toUpperCase();
    const byCount = table.get(method) ?? new Map<number, CompiledOperation[]>();
    table.set(method, byCount);
    const list = byCount.get(segments.length) ?? [];
    byCount.set(segments.length, list);
    list.push({ op, segments });
  }

  return (method, url) => {
    const byCount = table.get(method);
    if (!byCount) return undefined;
    const q = url.indexOf('?');
    let path = q === -1 ? url : url.slice(0, q);
    if (!PLAIN_PATH.test(path)) return undefined;
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    const parts = path.split('/').slice(1);
    const candidates = byCount.get(parts.length);
    if (!candidates) return undefined;
    for (const { op, segments } of candidates) {
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; ok && i < segments.length; i++) {
        const seg = segments[i] as Segment;
        const part = parts[i] as string;
        if ('literal' in seg)
          ok = part.length === seg.literal.length && part.toLowerCase() === seg.literal;
        else if (part === '') ok = false;
        else {
          try {
            params[seg.param] = decodeURIComponent(part);
          } catch {
            return undefined;
          }
        }
      }
      if (ok) return { op, params };
    }
    return undefined;
  };
}
