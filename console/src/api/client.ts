import type { LoginResponse } from './types';

export const API_BASE = '/api/admin/v3.0';
const STORAGE_KEY = 'oas.console.session';

/** An Admin API error: its message and the `error_code` the server sent. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errorCode: string,
  ) {
    super(message);
  }
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  userId: string;
}

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function storeSession(session: Session | null): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE_KEY);
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: { error?: string; error_code?: string } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // Not JSON: the status says enough.
  }
  return new ApiError(
    body.error ?? `${res.status} ${res.statusText}`,
    res.status,
    body.error_code ?? 'Unknown',
  );
}

async function send(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`${API_BASE}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
}

/** Logs in with an admin API key pair, as the App Services CLI does. */
export async function login(publicKey: string, privateKey: string): Promise<Session> {
  const res = await send('POST', '/auth/providers/mongodb-cloud/login', undefined, {
    username: publicKey,
    apiKey: privateKey,
  });
  if (!res.ok) throw await errorOf(res);
  const body = (await res.json()) as LoginResponse;
  return { accessToken: body.access_token, refreshToken: body.refresh_token, userId: body.user_id };
}

export type Query = Record<string, string | number | boolean | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * The Admin API with the admin's session: an `InvalidSession` answer refreshes the access token
 * with the refresh token (POST /auth/session) and retries once, as the CLI does; a failed refresh
 * ends the session.
 */
export class AdminApi {
  private refreshing: Promise<void> | undefined;

  constructor(
    private session: Session,
    private readonly onSessionChange: (session: Session | null) => void,
  ) {}

  get userId(): string {
    return this.session.userId;
  }

  async request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const url = withQuery(path, query);
    let res = await send(method, url, this.session.accessToken, body);
    if (res.status === 401) {
      const err = await errorOf(res.clone());
      if (err.errorCode !== 'InvalidSession') throw err;
      await this.refresh();
      res = await send(method, url, this.session.accessToken, body);
    }
    if (!res.ok) throw await errorOf(res);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get = <T>(path: string, query?: Query) => this.request<T>('GET', path, undefined, query);
  post = <T>(path: string, body?: unknown, query?: Query) =>
    this.request<T>('POST', path, body, query);
  put = <T>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  patch = <T>(path: string, body?: unknown) => this.request<T>('PATCH', path, body);
  del = <T>(path: string) => this.request<T>('DELETE', path);

  private refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const res = await send('POST', '/auth/session', this.session.refreshToken);
        if (!res.ok) {
          this.onSessionChange(null);
          throw await errorOf(res);
        }
        const body = (await res.json()) as { access_token: string };
        this.session = { ...this.session, accessToken: body.access_token };
        this.onSessionChange(this.session);
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  /** Revokes the refresh token's session (best effort). */
  async logout(): Promise<void> {
    await send('DELETE', '/auth/session', this.session.refreshToken).catch(() => undefined);
    this.onSessionChange(null);
  }
}
