import { createApp, GROUP_A } from './helpers/factories';
import { appPath, createDataSource, createFunction, createIn } from './helpers/config-resources';
import { ownersSuite } from './helpers/suites';

const t = ownersSuite();

const post = (body: Record<string, unknown>) =>
  t.srv.api.post(`${t.base}/functions`).set('Authorization', t.ownerA.auth).send(body);
const get = (id: string) =>
  t.srv.api.get(`${t.base}/functions/${id}`).set('Authorization', t.ownerA.auth);
const put = (id: string, body: Record<string, unknown>) =>
  t.srv.api.put(`${t.base}/functions/${id}`).set('Authorization', t.ownerA.auth).send(body);
const del = (id: string) =>
  t.srv.api.delete(`${t.base}/functions/${id}`).set('Authorization', t.ownerA.auth);

describe('functions', () => {
  it('lists [] for a new app', async () => {
    const res = await t.srv.api
      .get(`${t.base}/functions`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(res.body).toEqual([]);
  });

  it('creates (201 {_id, name}), lists, gets, replaces and deletes a function', async () => {
    const source = 'exports = function(a, b) {\n  return a + b;\n};';
    const created = await post({
      name: 'sum',
      source,
      private: true,
      run_as_system: true,
      can_evaluate: { '%%true': true },
      disable_arg_logs: true,
    }).expect(201);
    expect(created.body).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'sum' });
    const id = created.body._id as string;

    const list = await t.srv.api
      .get(`${t.base}/functions`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(list.body).toEqual([{ _id: id, name: 'sum', last_modified: expect.any(Number) }]);
    expect(Math.abs(list.body[0].last_modified - Date.now() / 1000)).toBeLessThan(60);

    const got = await get(id).expect(200);
    expect(got.body).toEqual({
      _id: id,
      name: 'sum',
      source,
      private: true,
      run_as_system: true,
      can_evaluate: { '%%true': true },
      disable_arg_logs: true,
      last_modified: expect.any(Number),
    });

    // A replace is whole: settings left out are cleared.
    const replaced = await put(id, {
      name: 'add',
      source: 'exports = (a, b) => a + b;',
      private: false,
      run_as_user_id: '633209ffd3bd3478005d1bac',
    }).expect(200);
    expect(replaced.body).toEqual({
      _id: id,
      name: 'add',
      source: 'exports = (a, b) => a + b;',
      private: false,
      run_as_user_id: '633209ffd3bd3478005d1bac',
      last_modified: expect.any(Number),
    });
    expect((await get(id).expect(200)).body).toEqual(replaced.body);

    await del(id).expect(204);
    const gone = await get(id).expect(404);
    expect(gone.body.error_code).toBe('FunctionNotFound');
  });

  it('accepts the App Services forms: async functions with await, arrow functions', async () => {
    await post({
      name: 'asyncOne',
      private: false,
      source:
        'exports = async function(x) {\n  const r = await Promise.resolve(x);\n  return r;\n};',
    }).expect(201);
    await post({ name: 'arrow', private: false, source: 'exports = async (x) => await x;' }).expect(
      201,
    );
  });

  it('refuses a source that does not parse, saying where (400 FunctionSyntaxError)', async () => {
    const res = await post({
      name: 'broken',
      private: false,
      source: 'exports = function(a) {\n  return a +;\n};',
    }).expect(400);
    expect(res.body.error_code).toBe('FunctionSyntaxError');
    expect(res.body.error).toMatch(/line 2, column 13/);
    expect(res.body.error).toMatch(/Unexpected token/);

    const awaitOutside = await post({
      name: 'broken',
      private: false,
      source: 'exports = function() { await 1; };',
    }).expect(400);
    expect(awaitOutside.body.error_code).toBe('FunctionSyntaxError');

    const script = await post({
      name: 'broken',
      private: false,
      source: 'exports = () => 1;',
      run_as_user_id_script_source: 'exports = function( {',
    }).expect(400);
    expect(script.body.error_code).toBe('FunctionSyntaxError');
    expect(script.body.error).toContain('run_as_user_id_script_source');
  });

  it('never runs the source it checks (it would never return)', async () => {
    await post({
      name: 'forever',
      private: false,
      source: 'exports = () => 1;\nwhile (true) {}',
    }).expect(201);
  });

  it('refuses run_as_user_id together with run_as_user_id_script_source (400)', async () => {
    const res = await post({
      name: 'both',
      private: false,
      source: 'exports = () => 1;',
      run_as_user_id: '633209ffd3bd3478005d1bac',
      run_as_user_id_script_source: 'exports = () => "633209ffd3bd3478005d1bac";',
    }).expect(400);
    expect(res.body.error_code).toBe('FunctionInvalid');
  });

  it('validates names and required fields', async () => {
    for (const name of ['1fn', 'a b', 'a/b', 'x'.repeat(65)]) {
      const res = await post({ name, private: false, source: 'exports = () => 1;' }).expect(400);
      expect(res.body.error_code).toBe('InvalidParameter');
    }
    const missing = await post({ name: 'x', private: false }).expect(400);
    expect(missing.body.error_code).toBe('MissingParameter');
    await post({ name: 'x', private: false, source: '' }).expect(400);
  });

  it('stores can_evaluate expressions with "$" operators and dotted keys exactly as sent', async () => {
    const can_evaluate = {
      '%%user.id': { $in: ['a', 'b'] },
      '%%request.remoteIPAddress': { $exists: true },
    };
    const created = await post({
      name: 'guarded',
      private: false,
      source: 'exports = () => 1;',
      can_evaluate,
    }).expect(201);
    const got = await t.srv.api
      .get(`${t.base}/functions/${created.body._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(got.body.can_evaluate).toEqual(can_evaluate);
    const deployed = await t.srv.deps.configStore.deployed(t.appId);
    expect(deployed.config.functions.find((f) => f.name === 'guarded')?.can_evaluate).toEqual(
      can_evaluate,
    );
  });

  it('refuses a duplicate name on create and on rename (409 FunctionDuplicateName)', async () => {
    await createFunction(t.srv, t.ownerA, t.base, 'one');
    const two = await createFunction(t.srv, t.ownerA, t.base, 'two');
    const dup = await post({ name: 'one', private: false, source: 'exports = () => 1;' }).expect(
      409,
    );
    expect(dup.body.error_code).toBe('FunctionDuplicateName');
    const rename = await put(two._id, {
      name: 'one',
      private: false,
      source: 'exports = () => 2;',
    }).expect(409);
    expect(rename.body.error_code).toBe('FunctionDuplicateName');
  });

  it('answers 404 FunctionNotFound for an unknown id on get, replace and delete', async () => {
    const id = '0123456789abcdef01234567';
    for (const res of [
      await get(id),
      await put(id, { name: 'x', private: false, source: 'exports = () => 1;' }),
      await del(id),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('FunctionNotFound');
    }
  });
});

describe('functions in use', () => {
  it('cannot delete the user creation function of custom user data (409 FunctionInUse)', async () => {
    const fn = await createFunction(t.srv, t.ownerA, t.base, 'onUserCreation');
    await createDataSource(t.srv, t.ownerA, t.base);
    await t.srv.api
      .patch(`${t.base}/custom_user_data`)
      .set('Authorization', t.ownerA.auth)
      .send({ on_user_creation_function_id: fn._id })
      .expect(204);

    const refused = await del(fn._id).expect(409);
    expect(refused.body.error_code).toBe('FunctionInUse');
    expect(refused.body.error).toContain('custom user data');
    await get(fn._id).expect(200);

    // Renaming is fine: custom user data refers to it by id.
    await put(fn._id, { name: 'createUser', private: true, source: 'exports = () => 1;' }).expect(
      200,
    );

    await t.srv.api
      .patch(`${t.base}/custom_user_data`)
      .set('Authorization', t.ownerA.auth)
      .send({ on_user_creation_function_id: '' })
      .expect(204);
    await del(fn._id).expect(204);
  });

  it('cannot delete a function an auth provider runs (409 FunctionInUse), but can rename it', async () => {
    const auth = await createFunction(t.srv, t.ownerA, t.base, 'authenticate');
    const reset = await createFunction(t.srv, t.ownerA, t.base, 'resetPassword');
    const ids: string[] = [];
    for (const provider of [
      {
        name: 'custom-function',
        type: 'custom-function',
        config: { authFunctionName: 'authenticate' },
      },
      {
        name: 'local-userpass',
        type: 'local-userpass',
        config: { autoConfirm: true, runResetFunction: true, resetFunctionName: 'resetPassword' },
      },
    ]) {
      const res = await t.srv.api
        .post(`${t.base}/auth_providers`)
        .set('Authorization', t.ownerA.auth)
        .send(provider)
        .expect(201);
      ids.push(res.body._id as string);
    }
    const a = await del(auth._id).expect(409);
    expect(a.body).toEqual({
      error:
        'function "authenticate" cannot be deleted: it is used by auth provider "custom-function" (authFunctionId)',
      error_code: 'FunctionInUse',
    });
    const r = await del(reset._id).expect(409);
    expect(r.body.error).toContain('resetFunctionId');
    // Providers hold the function by id: a rename is followed, as for triggers.
    await put(reset._id, {
      name: 'resetPassword2',
      private: false,
      source: 'exports = () => 1;',
    }).expect(200);
    const provider = await t.srv.api
      .get(`${t.base}/auth_providers/${ids[1]}`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(provider.body.config).toEqual({
      autoConfirm: true,
      runResetFunction: true,
      resetFunctionId: reset._id,
      resetFunctionName: 'resetPassword2',
    });
  });

  it('cannot rename a function a provider stored before ids were kept names (409 FunctionInUse)', async () => {
    const fn = await createFunction(t.srv, t.ownerA, t.base, 'authenticate');
    // A config as stored before: the provider names its function only by name.
    await t.srv.deps.configStore.change(t.appId, 'test-setup', (config) => {
      config.auth_providers.push({
        _id: '65a000000000000000000003',
        name: 'custom-function',
        type: 'custom-function',
        disabled: false,
        config: { authFunctionName: 'authenticate' },
      });
    });
    const body = { private: false, source: 'exports = () => 1;' };
    const rename = await put(fn._id, { ...body, name: 'authenticate2' }).expect(409);
    expect(rename.body).toEqual({
      error:
        'function "authenticate" cannot be renamed: it is used by auth provider "custom-function" (authFunctionName)',
      error_code: 'FunctionInUse',
    });
    // Changing the source under the same name is fine.
    await put(fn._id, { ...body, name: 'authenticate' }).expect(200);
    // Saving the provider again stores it by id: then the rename goes through.
    const got = await t.srv.api
      .get(`${t.base}/auth_providers/65a000000000000000000003`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(got.body.config).toEqual({ authFunctionId: fn._id, authFunctionName: 'authenticate' });
    await t.srv.api
      .patch(`${t.base}/auth_providers/65a000000000000000000003`)
      .set('Authorization', t.ownerA.auth)
      .send({ name: 'custom-function', type: 'custom-function', config: got.body.config })
      .expect(204);
    await put(fn._id, { ...body, name: 'authenticate2' }).expect(200);
  });
});

describe('functions: access', () => {
  it("refuses another group's owner (403) and finds nothing of another app (404)", async () => {
    const fn = await createFunction(t.srv, t.ownerA, t.base, 'mine');
    await t.srv.api.get(`${t.base}/functions`).set('Authorization', t.ownerB.auth).expect(403);
    await t.srv.api
      .get(`${t.base}/functions/${fn._id}`)
      .set('Authorization', t.ownerB.auth)
      .expect(403);
    const other = appPath(GROUP_A, (await createApp(t.srv, t.ownerA))._id);
    await t.srv.api
      .get(`${other}/functions/${fn._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(404);
    await t.srv.api
      .delete(`${other}/functions/${fn._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(404);
    await createIn(t.srv, t.ownerA, other, 'functions', {
      name: 'mine',
      private: false,
      source: 'exports = () => 1;',
    });
  });
});
