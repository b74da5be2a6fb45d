import http from 'node:http';

/**
 * How one HTTP request ended, as a client sees it:
 * - `response`: a complete response (status and the whole body);
 * - `refused`: no connection (ECONNREFUSED), or the connection was closed before any byte of an
 *   answer (a keep-alive connection closed by the server as the request crossed it, or one the
 *   kernel had queued for a listener that closed): the server did not take the request;
 * - `broken`: the connection failed after the answer had begun, or with another error;
 * - `aborted`: the client gave up itself (the `abort` signal).
 */
export type Outcome =
  | { kind: 'response'; status: number; body: unknown; sentAt: number; endedAt: number }
  | { kind: 'refused'; code: string; sentAt: number; endedAt: number }
  | { kind: 'broken'; code: string; sentAt: number; endedAt: number }
  | { kind: 'aborted'; sentAt: number; endedAt: number };

export interface RequestOptions {
  body?: unknown;
  authorization?: string;
  signal?: AbortSignal;
}

const REFUSALS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

/** Sends one JSON request through `agent` and reports how it ended; never rejects. */
export function send(
  agent: http.Agent,
  url: string,
  method: string,
  { body, authorization, signal }: RequestOptions = {},
): Promise<Outcome> {
  const sentAt = Date.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    let answered = false;
    const req = http.request(url, {
      method,
      agent,
      signal,
      headers: {
        'Content-Type': 'application/json',
        ...(payload === undefined ? {} : { 'Content-Length': Buffer.byteLength(payload) }),
        ...(authorization ? { Authorization: authorization } : {}),
      },
    });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: kept as text
        }
        resolve({
          kind: 'response',
          status: res.statusCode ?? 0,
          body: parsed,
          sentAt,
          endedAt: Date.now(),
        });
      });
      res.on('error', (err: NodeJS.ErrnoException) => ended(err));
    });
    req.on('error', (err: NodeJS.ErrnoException) => ended(err));
    const ended = (err: NodeJS.ErrnoException) => {
      const endedAt = Date.now();
      if (signal?.aborted) resolve({ kind: 'aborted', sentAt, endedAt });
      else if (!answered && REFUSALS.has(err.code ?? ''))
        resolve({ kind: 'refused', code: err.code ?? '', sentAt, endedAt });
      else resolve({ kind: 'broken', code: err.code ?? err.message, sentAt, endedAt });
    };
    req.end(payload);
  });
}
