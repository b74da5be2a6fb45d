import { digestGet, expectAtlasError, type KeyPair } from './helpers/digest';
import { adminLogin, createApp } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

/** Atlas-style paging of GET /api/public/v1.0/groups (`pageNum`, `itemsPerPage`, links). */
const GROUPS = '/api/public/v1.0/groups';

const groupIds = (res: { body: { results: { id: string }[] } }) =>
  res.body.results.map((g) => g.id);

describe('paging', () => {
  let pager: TestServer;
  const GROUP_IDS = Array.from(
    { length: 7 },
    (_, i) => `5f00000000000000000000${String(i).padStart(2, '0')}`,
  );
  let org: KeyPair;
  beforeAll(async () => {
    pager = await startTestServer({ PUBLIC_BASE_URL: 'https://apps.example.com/' });
    const admin = await adminLogin(pager, 'org');
    for (const group of GROUP_IDS) await createApp(pager, admin, group);
    await createApp(pager, admin, GROUP_IDS[0]); // two apps, still one group
    org = admin.key;
  });
  afterAll(() => pager.close());

  const page = (query: string, status: number) =>
    digestGet(pager, `${GROUPS}?${query}`, org, status);
  const href = (n: number, per: number) =>
    `https://apps.example.com${GROUPS}?pageNum=${n}&itemsPerPage=${per}`;

  it('pages itemsPerPage at a time, with self, next and previous links', async () => {
    const first = await page('itemsPerPage=3', 200);
    expect(first.body).toEqual({
      results: GROUP_IDS.slice(0, 3).map((id) => ({ id, name: id })),
      totalCount: 7,
      links: [
        { rel: 'self', href: href(1, 3) },
        { rel: 'next', href: href(2, 3) },
      ],
    });
    const second = await page('pageNum=2&itemsPerPage=3', 200);
    expect(groupIds(second)).toEqual(GROUP_IDS.slice(3, 6));
    expect(second.body.links).toEqual([
      { rel: 'self', href: href(2, 3) },
      { rel: 'next', href: href(3, 3) },
      { rel: 'previous', href: href(1, 3) },
    ]);
    const last = await page('pageNum=3&itemsPerPage=3', 200);
    expect(groupIds(last)).toEqual(GROUP_IDS.slice(6));
    expect(last.body.links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'previous']);
  });

  it('defaults to 100 per page, and answers an empty page past the end', async () => {
    const all = await page('pageNum=1', 200);
    expect(groupIds(all)).toEqual(GROUP_IDS);
    expect(all.body.links).toEqual([{ rel: 'self', href: href(1, 100) }]);
    const beyond = await page('pageNum=9&itemsPerPage=500', 200);
    expect(beyond.body).toMatchObject({ results: [], totalCount: 7 });
  });

  it('refuses a page size over 500 or a page under 1 with an Atlas 400', async () => {
    for (const query of ['itemsPerPage=501', 'itemsPerPage=0', 'pageNum=0', 'pageNum=x']) {
      expectAtlasError(await page(query, 400), 400, 'INVALID_PARAMETER');
    }
  });
});
