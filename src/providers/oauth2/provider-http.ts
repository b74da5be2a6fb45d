import { BadGatewayError, UnauthorizedError } from '../../errors/app-error';
import type { Logger } from '../../logging/logger';

/** Larger answers from a provider are refused (discovery, token and profile answers are small). */
const MAX_ANSWER_BYTES = 1024 * 1024;

/** How calls to an OAuth 2.0 provider are made: every call is abandoned after `timeoutMs`. */
export interface ProviderHttpOptions {
  readonly timeoutMs: number;
  readonly log: Logger;
}

/** A provider's JSON answer, whatever its status (4xx answers carry OAuth 2.0 error objects). */
export interface ProviderAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The 401 every refused credential gets (App Services' wording). */
export const unauthorized = (): UnauthorizedError =>
  new UnauthorizedError('unauthorized', 'AuthError');

/**
 * Calls to one provider's HTTP endpoints (Node's fetch). A provider that cannot be reached, is
 * too slow, answers 5xx or something that is not a JSON object is an outage: logged, and a 502
 * `AuthProviderUnreachable` naming the provider and the endpoint, never a hang. What a 4xx
 * means (a bad code, a revoked token) is the caller's to decide.
 */
export class ProviderHttp {
  constructor(
    /** The provider type, for messages and logs (e.g. `oauth2-google`). */
    readonly provider: string,
    private readonly options: ProviderHttpOptions,
  ) {}

  get timeoutMs(): number {
    return this.options.timeoutMs;
  }

  /** GET `url` (with its query) and the JSON answer. `what` names the endpoint in errors. */
  get(url: URL, what: string, headers: Record<string, string> = {}): Promise<ProviderAnswer> {
    return this.call(url, what, { method: 'GET', headers });
  }

  /** POST an `application/x-www-form-urlencoded` body and the JSON answer. */
  postForm(url: URL, what: string, form: Record<string, string>): Promise<ProviderAnswer> {
    return this.call(url, what, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** The error (and log entry) of an outage at `what`; exported for jose's key fetches. */
  outage(what: string, reason: string, err?: unknown): BadGatewayError {
    // The cause by name, code and message only: request URLs may carry tokens (debug_token's).
    this.options.log.warn(
      { provider: this.provider, endpoint: what, reason, cause: describeCause(err) },
      'OAuth 2.0 provider unreachable',
    );
    return new BadGatewayError(`${this.provider}: the provider's ${what} failed: ${reason}`);
  }

  private async call(url: URL, what: string, init: RequestInit): Promise<ProviderAnswer> {
    let res: Response;
    try {
      res = await fetch(url, {
        ...init,
        headers: { Accept: 'application/json', ...(init.headers as Record<string, string>) },
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      // The signal's reason, a DOMException (not always `instanceof Error` across realms).
      const timedOut = (err as { name?: unknown } | null)?.name === 'TimeoutError';
      throw this.outage(
        what,
        timedOut ? `no answer within ${this.options.timeoutMs} ms` : 'it could not be reached',
        err,
      );
    }
    let text: string;
    try {
      text = await readLimited(res);
    } catch (err) {
      throw this.outage(what, 'its answer could not be read', err);
    }
    if (res.status >= 500) throw this.outage(what, `it answered ${res.status}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!isRecord(body)) throw this.outage(what, `it answered ${res.status} without a JSON object`);
    return { status: res.status, body };
  }
}

/** The body as text, refused past MAX_ANSWER_BYTES (the fetch's timeout also covers the body). */
async function readLimited(res: Response): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_ANSWER_BYTES) throw new Error('answer too large');
  const buf = await res.arrayBuffer();
  if (buf.byteLength > MAX_ANSWER_BYTES) throw new Error('answer too large');
  return new TextDecoder().decode(buf);
}

/** `name: message (code)` of an error and of its cause, e.g. fetch's ECONNREFUSED. */
function describeCause(err: unknown): string | undefined {
  const one = (e: unknown): string | undefined => {
    if (typeof e !== 'object' || e === null) return undefined;
    const { name, message, code } = e as { name?: unknown; message?: unknown; code?: unknown };
    return `${String(name)}: ${String(message)}${typeof code === 'string' ? ` (${code})` : ''}`;
  };
  const cause = one((err as { cause?: unknown } | null)?.cause);
  const self = one(err);
  return self && cause ? `${self}; ${cause}` : self;
}
