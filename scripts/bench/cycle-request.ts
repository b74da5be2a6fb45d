/**
 * autocannon `setupRequest` module, loaded by path inside autocannon's worker thread: every
 * request takes the next variant (body and/or headers) of the request's `cycle` list, in turn
 * across all the worker's connections, so that N connections spread over N different users.
 */
interface Variant {
  body?: string;
  headers?: Record<string, string>;
}

interface CycledRequest {
  body?: string | Buffer;
  headers?: Record<string, string>;
  cycle?: Variant[];
}

let next = 0;

function cycleRequest(req: CycledRequest): CycledRequest {
  const list = req.cycle ?? [];
  const variant = list[next];
  next = list.length > 0 ? (next + 1) % list.length : 0;
  if (!variant) return req;
  return {
    ...req,
    body: variant.body ?? req.body,
    headers: { ...req.headers, ...variant.headers },
  };
}

export = cycleRequest;
