import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { rolesFor } from '../src/domain/admins/admin-key.service';
import { goAuthorization, parseChallengeLikeGo, type KeyPair } from './helpers/digest';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * The App Services CLI's group lookup (realm-cli 2.x, internal/cloud/atlas), replayed over a
 * listening server: it logs in with the key pair, then `AllGroups` GETs /api/public/v1.0/groups
 * through its Digest transport (each request sent bare, answered 401 with a challenge, sent
 * again with the response) and follows every `next` link as the absolute URL it is.
 */
let srv: TestServer;
let server: Server;
let base: string;
beforeAll(async () => {
  srv = await startTestServer();
  server = srv.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  // fetch keeps its connections alive: end them rather than wait for their idle timeout.
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await srv.close();
});

interface Exchange {
  url: string;
  status: number;
}

/** The transport's RoundTrip for a GET: bare first, then with Digest after a 401. */
async function digestRoundTrip(url: string, key: KeyPair, log: Exchange[]): Promise<Response> {
  const headers = { 'User-Agent': 'MongoDB-BaaS-CLI' };
  const first = await fetch(url, { headers });
  log.push({ url, status: first.status });
  if (first.status !== 401) return first;
  await first.arrayBuffer();
  const challenge = parseChallengeLikeGo(first.headers.get('www-authenticate') ?? undefined);
  const target = new URL(url);
  const authorization = goAuthorization(challenge, {
    username: key.publicKey,
    password: key.privateKey,
    method: 'GET',
    uri: target.pathname + target.search,
  });
  const second = await fetch(url, { headers: { ...headers, Authorization: authorization } });
  log.push({ url, status: second.status });
  return second;
}

interface Group {
  id: string;
  name: string;
}

/** atlas.AllGroups: the first page, then each `next` link, depth first. */
async function allGroups(key: KeyPair, log: Exchange[]): Promise<Group[]> {
  const fetchGroups = async (url: string): Promise<Group[]> => {
    const res = await digestRoundTrip(url, key, log);
    if (res.status === 401) {
      // The CLI decodes {detail, error, errorCode} and reports the detail.
      const err = (await res.json()) as { detail: string; error: number; errorCode: string };
      throw new Error(`failed to authenticate with MongoDB Cloud API: ${err.detail}`);
    }
    if (res.status !== 200) throw new Error(`get groups: unexpected status ${res.status}`);
    const page = (await res.json()) as { results: Group[]; links: { rel: string; href: string }[] };
    const all = [...page.results];
    for (const link of page.links)
      if (link.rel === 'next') all.push(...(await fetchGroups(link.href)));
    return all;
  };
  return fetchGroups(`${base}/api/public/v1.0/groups`);
}

async function cliLogin(key: KeyPair): Promise<number> {
  const res = await fetch(`${base}/api/admin/v3.0/auth/providers/mongodb-cloud/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: key.publicKey, apiKey: key.privateKey }),
  });
  return res.status;
}

const groupId = (i: number) => `6a${i.toString(16).padStart(22, '0')}`;

describe("the App Services CLI's group lookup", () => {
  it('gets 401 first, then every page of the groups, following next links', async () => {
    // A key owning 230 groups: three pages of the default 100.
    const ids = Array.from({ length: 230 }, (_, i) => groupId(i));
    const key = await srv.deps.adminKeys.create(ids.flatMap((id) => rolesFor({ groupId: id })));
    expect(await cliLogin(key)).toBe(200);
    const log: Exchange[] = [];
    const groups = await allGroups(key, log);
    expect(groups).toEqual(ids.map((id) => ({ id, name: id })));
    expect(log.map((e) => e.status)).toEqual([401, 200, 401, 200, 401, 200]);
    expect(log.map((e) => new URL(e.url).search)).toEqual([
      '',
      '',
      '?pageNum=2&itemsPerPage=100',
      '?pageNum=2&itemsPerPage=100',
      '?pageNum=3&itemsPerPage=100',
      '?pageNum=3&itemsPerPage=100',
    ]);
  });

  it('works for a key from before Digest once the CLI has logged in with it', async () => {
    const key = await srv.deps.adminKeys.create(rolesFor({ groupId: groupId(7) }));
    await srv.conn
      .collection('admin_keys')
      .updateOne({ public_key: key.publicKey }, { $unset: { digest_ha1: '' } });
    await expect(allGroups(key, [])).rejects.toThrow(
      'failed to authenticate with MongoDB Cloud API: You are not authorized for this resource.',
    );
    expect(await cliLogin(key)).toBe(200);
    expect(await allGroups(key, [])).toEqual([{ id: groupId(7), name: groupId(7) }]);
  });

  it('reports a wrong private key with the detail of the 401', async () => {
    const key = await srv.deps.adminKeys.create(rolesFor('org'));
    await expect(allGroups({ ...key, privateKey: 'wrong' }, [])).rejects.toThrow(
      'failed to authenticate with MongoDB Cloud API: You are not authorized for this resource.',
    );
  });
});
