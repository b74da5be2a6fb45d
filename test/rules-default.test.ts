import { createDataSource } from './helpers/config-resources';
import { defaultRulePath, THIS_USER_RULE } from './helpers/rules';
import { ownersSuite } from './helpers/suites';

const t = ownersSuite();

const path = (serviceId: string) => defaultRulePath(t.base, serviceId);
const call = (method: 'get' | 'post' | 'put' | 'delete', serviceId: string) =>
  t.srv.api[method](path(serviceId)).set('Authorization', t.ownerA.auth);

describe('default rule of a data source', () => {
  it('is created, read, replaced and deleted, with the official messages when absent or present', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    const none = await call('get', svc._id).expect(404);
    expect(none.body).toEqual({
      error: 'default rule does not exist on service',
      error_code: 'RuleNotFound',
    });

    const created = await call('post', svc._id).send({ roles: THIS_USER_RULE.roles }).expect(201);
    expect(created.body).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
      roles: THIS_USER_RULE.roles,
      filters: [],
    });
    const id = created.body._id as string;
    expect((await call('get', svc._id).expect(200)).body).toEqual(created.body);

    const twice = await call('post', svc._id).send({}).expect(400);
    expect(twice.body).toEqual({
      error: 'default rule already exists',
      error_code: 'RuleAlreadyExists',
    });

    const replacement = {
      roles: [{ name: 'readAll', read: true }],
      filters: [{ name: 'notDeleted', query: { deleted: { $ne: true } } }],
    };
    const mismatch = await call('put', svc._id)
      .send({ _id: '0123456789abcdef01234567', ...replacement })
      .expect(400);
    expect(mismatch.body).toEqual({
      error: 'service default rule id mismatch',
      error_code: 'InvalidParameter',
    });
    await call('put', svc._id)
      .send({ _id: id.toUpperCase(), ...replacement })
      .expect(204);
    expect((await call('get', svc._id).expect(200)).body).toEqual({
      _id: id,
      roles: [{ name: 'readAll', apply_when: {}, read: true }],
      filters: [{ name: 'notDeleted', apply_when: {}, query: { deleted: { $ne: true } } }],
    });

    await call('delete', svc._id).expect(204);
    await call('get', svc._id).expect(404);
    const again = await call('delete', svc._id).expect(404);
    expect(again.body).toEqual({
      error: 'default rule does not exist for app service',
      error_code: 'RuleNotFound',
    });
    const update = await call('put', svc._id).send({ _id: id }).expect(400);
    expect(update.body).toEqual({
      error: 'default rule does not exist',
      error_code: 'RuleNotFound',
    });
  });

  it('is checked as a rule is', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    const res = await call('post', svc._id)
      .send({ roles: [{ name: 'r', read: { $where: '1' } }, { name: 'r' }] })
      .expect(400);
    expect(res.body.error).toContain('roles[0].read');
    expect(res.body.error).toContain('roles[1].name');
    await call('get', svc._id).expect(404);
  });

  it('belongs to one data source', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    const other = await createDataSource(t.srv, t.ownerA, t.base, 'analytics');
    await call('post', svc._id).send({}).expect(201);
    await call('get', other._id).expect(404);
    await call('post', other._id).send({}).expect(201);
    const missing = await call('get', '0123456789abcdef01234567').expect(404);
    expect(missing.body.error_code).toBe('ServiceNotFound');
  });
});
