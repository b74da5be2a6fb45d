import { createServer as httpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { generateKeyPair, SignJWT } from 'jose';
import { adminLogin, type AdminSession } from './helpers/factories';
import { authLogs, oauth2App, oauth2Login } from './helpers/oauth2';
import { startTestServer, type TestServer } from './helpers/test-server';

// A provider that cannot be reached, does not answer, or whose keys cannot be fetched: the login
// is a 502 AuthProviderUnreachable within OAUTH2_TIMEOUT_MS, with an AUTH log entry, never a hang.

const TIMEOUT_MS = 300;
let silent: Server;
const sockets = new Set<Socket>();
let keyless: HttpServer;
let srv: TestServer;
let admin: AdminSession;

const port = (s: Server | HttpServer) => (s.address() as AddressInfo).port;
const listen = (s: Server | HttpServer) =>
  new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await listen(s);
  const p = port(s);
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return p;
}

beforeAll(async () => {
  // Accepts connections and never answers (Google's stand-in).
  silent = createServer((socket) => sockets.add(socket));
  await listen(silent);
  // A discovery document whose keys are at a closed port (Apple's stand-in).
  const noKeys = await closedPort();
  keyless = httpServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        issuer: `http://127.0.0.1:${port(keyless)}`,
        authorization_endpoint: 'http://127.0.0.1:1/auth',
        token_endpoint: 'http://127.0.0.1:1/token',
        jwks_uri: `http://127.0.0.1:${noKeys}/jwks`,
      }),
    );
  });
  await listen(keyless);
  srv = await startTestServer({
    OAUTH2_GOOGLE_ISSUER: `http://127.0.0.1:${port(silent)}`,
    OAUTH2_APPLE_ISSUER: `http://127.0.0.1:${port(keyless)}`,
    OAUTH2_FACEBOOK_GRAPH_URL: `http://127.0.0.1:${await closedPort()}/v1`,
    OAUTH2_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  admin = await adminLogin(srv, 'org');
});
afterAll(async () => {
  await srv.close();
  for (const socket of sockets) socket.destroy();
  silent.close();
  keyless.closeAllConnections();
  keyless.close();
});

/** A well-formed ID token (with a `kid`) that no provider here will ever get to check. */
async function someIdToken(): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ sub: 'x' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

it('a silent provider: 502 after the timeout, with an AUTH log entry', async () => {
  const app = await oauth2App(srv, admin, 'oauth2-google', {
    config: { clientId: 'client-1', openId: true },
  });
  const started = Date.now();
  const res = await oauth2Login(srv, app, 'oauth2-google', {
    id_token: await someIdToken(),
  }).expect(502);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(res.body).toEqual({
    error: `oauth2-google: the provider's discovery document failed: no answer within ${TIMEOUT_MS} ms`,
    error_code: 'AuthProviderUnreachable',
  });
  const [entry] = await authLogs(srv, admin, app);
  expect(entry).toMatchObject({
    status: 502,
    error_code: 'AuthProviderUnreachable',
    auth_event: { provider: 'oauth2-google', failed: true },
  });
});

it('signing keys that cannot be fetched (the discovery answers): 502', async () => {
  const app = await oauth2App(srv, admin, 'oauth2-apple', { config: { clientId: 'client-1' } });
  const res = await oauth2Login(srv, app, 'oauth2-apple', {
    id_token: await someIdToken(),
  }).expect(502);
  expect(res.body).toEqual({
    error: "oauth2-apple: the provider's signing keys (JWKS) failed: it could not be fetched",
    error_code: 'AuthProviderUnreachable',
  });
});

it('a Graph API that refuses connections: 502', async () => {
  const app = await oauth2App(srv, admin, 'oauth2-facebook', {
    config: { clientId: '1010101' },
    clientSecret: 'fb-app-secret',
  });
  const res = await oauth2Login(srv, app, 'oauth2-facebook', {
    accessToken: 'EAAsome-token',
  }).expect(502);
  expect(res.body).toEqual({
    error: "oauth2-facebook: the provider's debug_token failed: it could not be reached",
    error_code: 'AuthProviderUnreachable',
  });
});
