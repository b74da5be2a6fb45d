import { executionError } from './function-errors';
import { functionUser, type FunctionRunner } from './function-runner';
import { UnavailableError } from '../errors/app-error';
import type { BeforeUserCreated } from '../domain/users/user-directory';

/**
 * The app's user creation function (custom user data's `on_user_creation_function`), run with
 * the new user before it is stored. If it throws, rejects or times out, the user is not created
 * (see UserDirectory) and the login fails with the function's error.
 */
export function userCreationFunction(functions: FunctionRunner): BeforeUserCreated {
  return async (app, user, origin) => {
    const cud = app.config.custom_user_data;
    if (!cud.enabled || !cud.on_user_creation_function_id) return;
    const fn = functions.findById(app, cud.on_user_creation_function_id);
    if (!fn) {
      throw new UnavailableError('the user creation function is missing from the deployed config');
    }
    const subject = functionUser(user);
    const execution = await functions.execute({
      app,
      target: { fn },
      args: [subject],
      user: subject,
      // App Services runs the user creation function as system: collection rules do not apply.
      runAsSystem: true,
      log: { ...origin },
    });
    if (!execution.ok) throw executionError(execution, 'user creation function failed');
  };
}
