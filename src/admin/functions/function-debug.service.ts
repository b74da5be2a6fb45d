import type { DeployedApp } from '../../app-config/deployed-app';
import { InvalidInputError, NotFoundError } from '../../errors/app-error';
import type { Execution } from '../../functions/execution';
import type { FunctionRunner } from '../../functions/function-runner';
import { refuseServiceFunction } from '../../functions/function-request';
import type { FunctionUsers } from '../../functions/function-users';
import type { RequestInfo } from '../../domain/app-logs/app-log';
import type { AppScope } from '../app-scope';
import type { ConfigStore } from '../../domain/deployments/config-store';

/** Whom a debug execution runs as: exactly one of the two (the query of the debug routes). */
export interface DebugRunAs {
  userId?: string;
  runAsSystem?: boolean;
}

/**
 * Runs functions for an admin who is testing them (the CLI's `function run`, the console). The
 * function runs as the admin sees the app: their open draft's working copy if they have one,
 * else the deployed config, so a change can be tried before it is deployed. Private functions
 * run too; failures are results (see function-debug.mapper.ts), not errors.
 */
export class FunctionDebugService {
  constructor(
    private readonly store: ConfigStore,
    private readonly functions: FunctionRunner,
    private readonly users: FunctionUsers,
  ) {}

  async executeFunction(
    scope: AppScope,
    runAs: DebugRunAs,
    call: { name: string; args: unknown[]; service?: string },
    request: RequestInfo,
  ): Promise<Execution> {
    refuseServiceFunction(call.service, call.name);
    const app = await this.view(scope);
    const fn = this.functions.find(app, call.name);
    if (!fn) throw new NotFoundError(`function not found: '${call.name}'`, 'FunctionNotFound');
    const caller = await this.caller(app, runAs);
    return this.functions.execute({
      app,
      target: { fn },
      args: call.args,
      ...(caller ? { user: await this.users.runAs(app, fn, caller) } : { runAsSystem: true }),
      log: { request },
    });
  }

  async executeSource(
    scope: AppScope,
    runAs: DebugRunAs,
    code: { source: string; evalSource?: string },
    request: RequestInfo,
  ): Promise<Execution> {
    const app = await this.view(scope);
    const caller = await this.caller(app, runAs);
    return this.functions.execute({
      app,
      target: {
        source: code.source,
        ...(code.evalSource ? { evalSource: code.evalSource } : {}),
      },
      args: [],
      ...(caller ? { user: caller } : { runAsSystem: true }),
      log: { request },
    });
  }

  /** The user to run as, or undefined for the system user. */
  private async caller(app: DeployedApp, runAs: DebugRunAs) {
    const userId = runAs.userId || undefined; // some clients send `user_id=` with run_as_system
    if (userId && runAs.runAsSystem) {
      throw new InvalidInputError('send either user_id or run_as_system=true, not both');
    }
    if (!userId && !runAs.runAsSystem) {
      throw new InvalidInputError('one of user_id or run_as_system=true is required');
    }
    if (!userId) return undefined;
    const user = await this.users.find(app, userId);
    if (!user) throw new NotFoundError('user not found', 'UserNotFound');
    return user;
  }

  /** The app as this admin sees it, in the runtime's shape. */
  private async view(scope: AppScope): Promise<DeployedApp> {
    const [draft, deployed] = await Promise.all([
      this.store.draftHead(scope.appId, scope.adminId),
      this.store.deployed(scope.appId),
    ]);
    return {
      appId: scope.appId,
      clientAppId: scope.app.client_app_id,
      groupId: scope.groupId,
      domainId: String(scope.app.domain_id),
      location: scope.app.location,
      deploymentModel: scope.app.deployment_model,
      // The deployed version the view is based on (a draft has none of its own).
      version: deployed.version,
      config: draft?.config ?? deployed.config,
    };
  }
}
