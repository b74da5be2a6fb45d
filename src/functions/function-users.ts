import type { FunctionConfig } from '../app-config/app-config.types';
import type { DeployedApp } from '../app-config/deployed-app';
import { ForbiddenError, InvalidInputError } from '../errors/app-error';
import type { CustomUserDataReader } from '../domain/data-sources/custom-data.reader';
import type { IdentityRef, UserDoc } from '../domain/users/user.model';
import type { UserStore } from '../domain/users/user.store';
import { ruleUsage } from '../rules/collection-policy';
import { functionUser, type FunctionUser } from './function-runner';

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

/** The `context.user` of executions that run on behalf of an app's users. */
export class FunctionUsers {
  constructor(
    private readonly users: UserStore,
    private readonly customData: CustomUserDataReader,
  ) {}

  /**
   * A stored user as `context.user`, its custom user data read as a login reads it. `shown`: the
   * identity the caller's access token was issued for, whose metadata is then `data` (as in the
   * caller's profile).
   */
  async of(app: DeployedApp, user: UserDoc, shown?: IdentityRef): Promise<FunctionUser> {
    const [{ data }, full] = await Promise.all([
      this.customData.read(app, user._id.toHexString()),
      this.users.withIdentities(user, shown),
    ]);
    return functionUser(full, data);
  }

  /**
   * The user as collection rules see it (`%%user`): read as `of` reads it when the app's rules use
   * more than `%%user.id`, else the stored user as it is (no custom data or identity reads).
   */
  forRules(app: DeployedApp, user: UserDoc, shown?: IdentityRef): Promise<FunctionUser> {
    return ruleUsage(app.config).userDetails
      ? this.of(app, user, shown)
      : Promise.resolve(functionUser(user));
  }

  /** The app's user with that id, or undefined (also for ids that are not ObjectIds). */
  async find(app: DeployedApp, userId: string): Promise<FunctionUser | undefined> {
    if (!OBJECT_ID.test(userId)) return undefined;
    const user = await this.users.findUserInApp(app.appId, userId);
    return user ? this.of(app, user) : undefined;
  }

  /**
   * Whom a function runs as when `caller` calls it: the user its `run_as_user_id` names, else the
   * caller. (`run_as_system` needs nothing here: the runner reads it from the function and keeps
   * the caller as `context.user`.) A user-choosing script is not supported.
   */
  async runAs(
    app: DeployedApp,
    fn: FunctionConfig,
    caller: FunctionUser | undefined,
  ): Promise<FunctionUser | undefined> {
    if (fn.run_as_system) return caller;
    if (fn.run_as_user_id_script_source) {
      throw new ForbiddenError(
        `function "${fn.name}" chooses its user with run_as_user_id_script_source, which this server does not support`,
        'NotCallable',
      );
    }
    if (!fn.run_as_user_id) return caller;
    const user = await this.find(app, fn.run_as_user_id);
    if (!user) {
      throw new InvalidInputError(
        `function "${fn.name}" runs as user "${fn.run_as_user_id}", who is not a user of this app`,
        'FunctionExecutionError',
      );
    }
    return user;
  }
}
