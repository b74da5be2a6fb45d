import { createDataSource, createFunction } from './helpers/config-resources';
import { postRule, rulesPath, THIS_USER_RULE } from './helpers/rules';
import { ownersSuite } from './helpers/suites';

const t = ownersSuite();

const post = (serviceId: string, body: Record<string, unknown>) =>
  postRule(t.srv, t.ownerA, t.base, serviceId, body);
const get = (serviceId: string, id: string) =>
  t.srv.api.get(`${rulesPath(t.base, serviceId)}/${id}`).set('Authorization', t.ownerA.auth);
const put = (serviceId: string, id: string, body: Record<string, unknown>) =>
  t.srv.api
    .put(`${rulesPath(t.base, serviceId)}/${id}`)
    .set('Authorization', t.ownerA.auth)
    .send(body);
const list = async (serviceId: string) =>
  (
    await t.srv.api
      .get(rulesPath(t.base, serviceId))
      .set('Authorization', t.ownerA.auth)
      .expect(200)
  ).body as { _id: string; database: string; collection: string }[];

describe('collection rules (Admin API)', () => {
  it('creates, lists, gets, replaces and deletes a rule', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    expect(await list(svc._id)).toEqual([]);

    const created = await post(svc._id, THIS_USER_RULE).expect(201);
    expect(created.body).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'myapp.users',
    });
    const id = created.body._id as string;
    const stored = { _id: id, ...THIS_USER_RULE };
    expect((await get(svc._id, id).expect(200)).body).toEqual(stored);
    expect(await list(svc._id)).toEqual([stored]);

    // A role without apply_when gets {} (applies to every document); an _id on a role is dropped.
    const replaced = await put(svc._id, id, {
      _id: 'ignored',
      database: 'myapp',
      collection: 'profiles',
      roles: [{ _id: '0123456789abcdef01234567', name: 'reader', read: true }],
      filters: [
        { name: 'own', apply_when: { '%%true': true }, query: { owner: '%%user.id' } },
        { name: 'slim', projection: { secret: 0 } },
      ],
    }).expect(200);
    const expected = {
      _id: id,
      database: 'myapp',
      collection: 'profiles',
      roles: [{ name: 'reader', apply_when: {}, read: true }],
      filters: [
        { name: 'own', apply_when: { '%%true': true }, query: { owner: '%%user.id' } },
        { name: 'slim', apply_when: {}, projection: { secret: 0 } },
      ],
    };
    expect(replaced.body).toEqual(expected);
    expect((await get(svc._id, id.toUpperCase()).expect(200)).body).toEqual(expected);

    await t.srv.api
      .delete(`${rulesPath(t.base, svc._id)}/${id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(204);
    const gone = await get(svc._id, id).expect(404);
    expect(gone.body).toEqual({ error: `rule not found: "${id}"`, error_code: 'RuleNotFound' });
    expect(await list(svc._id)).toEqual([]);
  });

  it('keeps role and field permissions as given (document_filters, fields, additional_fields)', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    const role = {
      name: 'owner',
      apply_when: { owner_id: '%%user.id' },
      document_filters: { read: { owner_id: '%%user.id' }, write: { owner_id: '%%user.id' } },
      read: false,
      write: false,
      insert: true,
      delete: { '%%user.data.email': { $exists: true } },
      search: true,
      fields: {
        email: { read: true, write: false },
        address: { read: true, write: true, fields: { zip: { read: true, write: false } } },
      },
      additional_fields: { read: true, write: false },
    };
    const created = await post(svc._id, { database: 'shop', collection: 'orders', roles: [role] });
    expect(created.status).toBe(201);
    const got = await get(svc._id, created.body._id as string).expect(200);
    expect(got.body.roles).toEqual([role]);
    expect(got.body.filters).toEqual([]);
  });

  it('has one rule per collection of a data source (409), the same collection of another data source is another rule', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    const other = await createDataSource(t.srv, t.ownerA, t.base, 'analytics');
    const first = await post(svc._id, THIS_USER_RULE).expect(201);
    const again = await post(svc._id, { ...THIS_USER_RULE, roles: [] }).expect(409);
    expect(again.body).toEqual({
      error: 'a rule for "myapp.users" already exists on data source "mongodb-atlas"',
      error_code: 'RuleAlreadyExists',
    });
    await post(other._id, THIS_USER_RULE).expect(201);

    const second = await post(svc._id, { ...THIS_USER_RULE, collection: 'items' }).expect(201);
    const clash = await put(svc._id, second.body._id as string, THIS_USER_RULE).expect(409);
    expect(clash.body.error_code).toBe('RuleAlreadyExists');
    // Replacing a rule with its own collection is no clash.
    await put(svc._id, first.body._id as string, THIS_USER_RULE).expect(200);
  });

  it('answers 404 for an unknown data source or rule, and for a rule of another data source', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    const other = await createDataSource(t.srv, t.ownerA, t.base, 'analytics');
    const missing = '0123456789abcdef01234567';
    const noService = await post(missing, THIS_USER_RULE).expect(404);
    expect(noService.body.error_code).toBe('ServiceNotFound');
    await t.srv.api.get(rulesPath(t.base, missing)).set('Authorization', t.ownerA.auth).expect(404);
    const noRule = await put(svc._id, missing, THIS_USER_RULE).expect(404);
    expect(noRule.body.error_code).toBe('RuleNotFound');
    await t.srv.api
      .delete(`${rulesPath(t.base, svc._id)}/${missing}`)
      .set('Authorization', t.ownerA.auth)
      .expect(404);

    const rule = await post(svc._id, THIS_USER_RULE).expect(201);
    const elsewhere = await get(other._id, rule.body._id as string).expect(404);
    expect(elsewhere.body.error_code).toBe('RuleNotFound');
  });

  it('is not visible to another group', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    await t.srv.api.get(rulesPath(t.base, svc._id)).set('Authorization', t.ownerB.auth).expect(403);
    await postRule(t.srv, t.ownerB, t.base, svc._id, THIS_USER_RULE).expect(403);
  });
});

describe('collection rules: validation', () => {
  const role = (extra: Record<string, unknown>) => ({
    ...THIS_USER_RULE,
    roles: [{ name: 'r', apply_when: {}, read: true, ...extra }],
  });

  it('names every problem in one 400: expressions, $where, unknown functions, duplicate names, filters reading the document', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    await createFunction(t.srv, t.ownerA, t.base, 'isAdmin', 'exports = () => true;');
    const res = await post(svc._id, {
      database: 'myapp',
      collection: 'users',
      roles: [
        { name: 'a', apply_when: { $where: 'this.owner == 1' } },
        { name: 'a', apply_when: { '%%bogus.x': 1 } },
        { name: 'b', apply_when: { '%%true': { '%function': { name: 'nope', arguments: [] } } } },
        {
          name: 'c',
          apply_when: { '%%true': { '%function': { name: 'isAdmin', arguments: [] } } },
        },
      ],
      filters: [{ name: 'f', apply_when: { owner: '%%user.id' }, query: {} }],
    }).expect(400);
    expect(res.body.error_code).toBe('InvalidParameter');
    const message = res.body.error as string;
    expect(message).toContain('roles[0].apply_when');
    expect(message).toContain('$where');
    expect(message).toContain('roles[1].name: "a" is used by another of the roles');
    expect(message).toContain('roles[1].apply_when');
    expect(message).toContain('function "nope" not found');
    expect(message).not.toContain('roles[3]');
    expect(message).toContain('filters[0].apply_when');
    expect(message.split('; ').length).toBeGreaterThanOrEqual(5);
    expect(await list(svc._id)).toEqual([]);
  });

  it.each([
    ['an empty database', { database: '' }, 'database is required'],
    ['a database with a dot', { database: 'my.app' }, 'invalid database name "my.app"'],
    ['a database with a slash', { database: 'a/b' }, 'invalid database name'],
    ['a database over 63 bytes', { database: 'd'.repeat(64) }, 'longer than 63 bytes'],
    ['an empty collection', { collection: '' }, 'collection is required'],
    ['a collection with $', { collection: 'a$b' }, 'invalid collection name "a$b"'],
    ['a system collection', { collection: 'system.users' }, 'system collection'],
    ['a namespace over 255 bytes', { collection: 'c'.repeat(260) }, 'longer than 255 bytes'],
  ])('refuses %s', async (_what, patch, problem) => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    const res = await post(svc._id, { ...THIS_USER_RULE, ...patch }).expect(400);
    expect(res.body.error).toContain(problem);
  });

  it.each([
    ['an unknown role field', role({ reed: true }), 400],
    ['a non-expression permission', role({ read: 'yes' }), 400],
    ['document_filters without write', role({ document_filters: { read: true } }), 400],
    [
      'a projection mixing 0 and 1',
      { ...THIS_USER_RULE, filters: [{ name: 'p', projection: { a: 0, b: 1 } }] },
      400,
    ],
    ['a field name with a dot', role({ fields: { 'a.b': { read: true } } }), 400],
    ['a role without a name', { ...THIS_USER_RULE, roles: [{ read: true }] }, 400],
  ])('refuses %s', async (_what, body, status) => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    const res = await post(svc._id, body).expect(status);
    expect(res.body.error_code).toEqual(expect.any(String));
  });

  it('checks a replace as a create', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    const rule = await post(svc._id, THIS_USER_RULE).expect(201);
    const res = await put(
      svc._id,
      rule.body._id as string,
      role({ write: { $expr: true } }),
    ).expect(400);
    expect(res.body.error).toContain('roles[0].write');
    expect((await get(svc._id, rule.body._id as string).expect(200)).body.roles).toEqual(
      THIS_USER_RULE.roles,
    );
  });
});
