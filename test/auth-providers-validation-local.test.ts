import mongoose from 'mongoose';
import {
  authProvidersSuite,
  get,
  idOf,
  ownerA,
  patch,
  post,
  provider,
  srv,
} from './helpers/auth-providers-suite';
import {
  accepts,
  appId,
  fnIds,
  providerValidationApp,
  refuses,
} from './helpers/auth-providers-validation';

// Provider definitions the app checks itself: the no-settings types, local-userpass and
// custom-function (test/auth-providers-validation-external.test.ts: custom-token and OAuth).

authProvidersSuite();

describe('validation by provider type', () => {
  providerValidationApp();

  describe('no-settings types (anon-user, api-key)', () => {
    it('refuses config keys, secrets, metadata fields and OAuth lists', async () => {
      const anon = { name: 'anon-user', type: 'anon-user' };
      await refuses(
        { ...anon, config: { allowAnything: true } },
        'unknown config key(s) for anon-user: allowAnything',
      );
      await refuses({ ...anon, secret_config: { key: 'sk1' } }, 'unknown secret_config key(s)');
      await refuses(
        { ...anon, metadata_fields: [{ name: 'email', required: false }] },
        'anon-user does not accept metadata_fields',
      );
      await refuses(
        { ...anon, redirect_uris: ['https://example.com/'] },
        'does not accept redirect_uris',
      );
      await refuses(
        { ...anon, domain_restrictions: ['example.com'] },
        'does not accept domain_restrictions',
      );
      await accepts({ ...anon, config: {}, metadata_fields: [] });
    });

    it('refuses metadata fields on the api-key provider through PATCH', async () => {
      const id = await idOf(appId, 'api-key');
      const res = await patch(appId, id, {
        name: 'api-key',
        type: 'api-key',
        metadata_fields: [{ name: 'name', required: true }],
      }).expect(400);
      expect(res.body.error).toContain('api-key does not accept metadata_fields');
    });
  });

  describe('local-userpass', () => {
    const lu = { name: 'local-userpass', type: 'local-userpass' };
    const resetEmail = {
      resetPasswordUrl: 'https://example.com/reset',
      resetPasswordSubject: 'Reset',
    };
    const resetFn = { runResetFunction: true, resetFunctionName: 'resetPassword' };
    const confirmEmail = {
      autoConfirm: false,
      emailConfirmationUrl: 'https://example.com/confirm',
      confirmEmailSubject: 'Confirm',
    };
    const confirmFn = {
      autoConfirm: false,
      runConfirmationFunction: true,
      confirmationFunctionName: 'confirmUser',
    };

    it('accepts the six combinations of confirmation and reset', async () => {
      for (const confirm of [{ autoConfirm: true }, confirmEmail, confirmFn])
        for (const reset of [resetEmail, resetFn])
          await accepts({ ...lu, config: { ...confirm, ...reset } });
    });

    it('accepts an export-style config that keeps the settings of unused modes', async () => {
      await accepts({
        ...lu,
        config: {
          ...confirmEmail,
          runConfirmationFunction: false,
          ...resetEmail,
          runResetFunction: false,
          resetFunctionName: '',
        },
      });
    });

    it('refuses incomplete or contradictory combinations', async () => {
      await refuses({ ...lu }, 'config.emailConfirmationUrl must be an absolute URL');
      await refuses(
        { ...lu, config: { autoConfirm: true } },
        'config.resetPasswordUrl must be an absolute URL',
      );
      await refuses(
        { ...lu, config: { autoConfirm: true, resetPasswordUrl: 'https://example.com/r' } },
        'config.resetPasswordSubject is required',
      );
      await refuses(
        { ...lu, config: { ...confirmEmail, confirmEmailSubject: '', ...resetEmail } },
        'config.confirmEmailSubject is required',
      );
      await refuses(
        { ...lu, config: { ...confirmEmail, emailConfirmationUrl: 'not a url', ...resetEmail } },
        'config.emailConfirmationUrl must be an absolute URL',
      );
      await refuses(
        { ...lu, config: { autoConfirm: false, runConfirmationFunction: true, ...resetEmail } },
        'config.confirmationFunctionName or config.confirmationFunctionId is required',
      );
      await refuses(
        { ...lu, config: { autoConfirm: true, runResetFunction: true } },
        'config.resetFunctionName or config.resetFunctionId is required',
      );
      await refuses(
        { ...lu, config: { ...confirmFn, autoConfirm: true, ...resetEmail } },
        'cannot both be true',
      );
      await refuses(
        { ...lu, config: { autoConfirm: 'yes', ...resetEmail } },
        'config.autoConfirm must be a boolean',
      );
      await refuses(
        { ...lu, config: { autoConfirm: true, ...resetEmail, emailSender: 'x' } },
        'unknown config key(s) for local-userpass: emailSender',
      );
    });

    it('takes the functions by id too, and answers with ids and names', async () => {
      const res = await post(appId, {
        ...lu,
        config: {
          autoConfirm: false,
          runConfirmationFunction: true,
          confirmationFunctionId: fnIds.confirmUser,
          runResetFunction: true,
          resetFunctionId: fnIds.resetPassword,
          resetFunctionName: 'resetPassword',
        },
      }).expect(201);
      expect(res.body.config).toEqual({
        autoConfirm: false,
        runConfirmationFunction: true,
        confirmationFunctionId: fnIds.confirmUser,
        confirmationFunctionName: 'confirmUser',
        runResetFunction: true,
        resetFunctionId: fnIds.resetPassword,
        resetFunctionName: 'resetPassword',
      });
      await srv.api
        .delete(provider(appId, res.body._id as string))
        .set('Authorization', ownerA.auth)
        .expect(204);
      await refuses(
        {
          ...lu,
          config: { autoConfirm: true, ...resetFn, resetFunctionId: fnIds.confirmUser },
        },
        'config.resetFunctionId',
      );
    });

    it('requires the functions it runs to exist: 400 FunctionNotFound', async () => {
      await refuses(
        { ...lu, config: { ...confirmFn, confirmationFunctionName: 'nope', ...resetEmail } },
        'function not found: "nope"',
        'FunctionNotFound',
      );
      await refuses(
        { ...lu, config: { autoConfirm: true, ...resetFn, resetFunctionName: 'gone' } },
        'function not found: "gone"',
        'FunctionNotFound',
      );
    });
  });

  describe('custom-function', () => {
    const cf = { name: 'custom-function', type: 'custom-function' };
    it('needs authFunctionName naming an existing function', async () => {
      await accepts({ ...cf, config: { authFunctionName: 'authenticate' } });
      await refuses({ ...cf }, 'config.authFunctionName or config.authFunctionId is required');
      await refuses(
        { ...cf, config: { authFunctionName: 'missing' } },
        'function not found: "missing"',
        'FunctionNotFound',
      );
      await refuses(
        { ...cf, config: { authFunctionName: 'authenticate', timeout: 5 } },
        'unknown config key(s) for custom-function: timeout',
      );
    });

    it('takes authFunctionId, authFunctionName or both, and answers with both', async () => {
      const both = { authFunctionId: fnIds.authenticate, authFunctionName: 'authenticate' };
      const byId = await post(appId, { ...cf, config: { authFunctionId: fnIds.authenticate } });
      expect([byId.status, byId.body.config]).toEqual([201, both]);
      expect((await get(appId, byId.body._id as string)).body.config).toEqual(both);
      // Path ids may come in upper case: stored as the function's id.
      await patch(appId, byId.body._id as string, {
        ...cf,
        config: { authFunctionId: fnIds.authenticate?.toUpperCase() },
      }).expect(204);
      expect((await get(appId, byId.body._id as string)).body.config).toEqual(both);
      await srv.api
        .delete(provider(appId, byId.body._id as string))
        .set('Authorization', ownerA.auth)
        .expect(204);
      await accepts({ ...cf, config: both });
    });

    it('refuses an id and a name of different functions, and an unknown id', async () => {
      await refuses(
        {
          ...cf,
          config: { authFunctionId: fnIds.resetPassword, authFunctionName: 'authenticate' },
        },
        `config.authFunctionId "${fnIds.resetPassword}" and config.authFunctionName "authenticate" name different functions`,
      );
      const unknown = new mongoose.Types.ObjectId().toHexString();
      await refuses(
        { ...cf, config: { authFunctionId: unknown } },
        `function not found: "${unknown}" (used by auth provider "custom-function" (authFunctionId))`,
        'FunctionNotFound',
      );
      await refuses(
        { ...cf, config: { authFunctionId: fnIds.authenticate, authFunctionName: 'missing' } },
        'function not found: "missing"',
        'FunctionNotFound',
      );
      await refuses(
        { ...cf, config: { authFunctionId: 5 } },
        'config.authFunctionId must be a string',
      );
    });
  });
});
