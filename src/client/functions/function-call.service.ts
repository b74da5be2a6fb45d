import { ForbiddenError, NotFoundError } from '../../errors/app-error';
import { executionError } from '../../functions/function-errors';
import type { FunctionRunner } from '../../functions/function-runner';
import type { FunctionUsers } from '../../functions/function-users';
import type { RequestInfo } from '../../domain/app-logs/app-log';
import type { UserPrincipal } from '../../domain/sessions/user-token.service';
import type { ServiceCallService } from './service-call.service';

export interface FunctionCall {
  name: string;
  args: unknown[];
  service?: string;
}

/**
 * Calls of an app's functions by its logged-in users (`user.functions.<name>(…)`), and of the
 * data source service's methods (the SDKs' MongoDB client, under the collection rules). Only public
 * functions of the deployed config are callable. A `can_evaluate` expression other than `{}`
 * makes a function uncallable: evaluating App Services expressions is not supported, and
 * running such a function unchecked would drop the restriction it expresses.
 */
export class FunctionCallService {
  constructor(
    private readonly functions: FunctionRunner,
    private readonly users: FunctionUsers,
    private readonly services: ServiceCallService,
  ) {}

  /** The function's result as canonical Extended JSON; a failed execution is thrown. */
  async call(principal: UserPrincipal, call: FunctionCall, request: RequestInfo): Promise<string> {
    if (call.service !== undefined)
      return this.services.call(principal, call.service, call.name, call.args, request);
    const { app } = principal;
    const fn = this.functions.find(app, call.name);
    // A private function is hidden from clients, answered exactly as one that does not exist.
    if (!fn || fn.private) {
      throw new NotFoundError(`function not found: '${call.name}'`, 'FunctionNotFound');
    }
    if (fn.can_evaluate && Object.keys(fn.can_evaluate).length > 0) {
      throw new ForbiddenError(
        `function "${fn.name}" has a can_evaluate expression, which this server does not evaluate: clients cannot call it`,
        'NotCallable',
      );
    }
    const caller = await this.users.of(app, principal.user, principal.identity);
    const execution = await this.functions.execute({
      app,
      target: { fn },
      args: call.args,
      user: await this.users.runAs(app, fn, caller),
      // Logged under the caller, also when the function runs as another user.
      log: { request, userId: caller.id },
    });
    if (!execution.ok) throw executionError(execution);
    return execution.resultEjson;
  }
}
