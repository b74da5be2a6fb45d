import type { TriggerConfig } from '../app-config/app-config.types';
import type { DeployedApp } from '../app-config/deployed-app';
import type { FunctionRunner } from '../functions/function-runner';
import type { Logger } from '../logging/logger';
import { newCoId, type AppLogWriter } from '../domain/app-logs/app-log';

export type TriggerLogType = 'AUTH_TRIGGER' | 'SCHEDULED_TRIGGER';

/** How a run ended: `failed` may be retried; `not-run` (no such function) would fail again. */
export type TriggerOutcome =
  { status: 'ok' } | { status: 'failed'; error: string } | { status: 'not-run'; error: string };

/**
 * Runs a trigger's function as the system user. The execution (its console output, result or
 * error) is recorded by the function runner under `type`; a trigger that cannot run at all (its
 * function is missing, the run threw) is recorded as TRIGGER_FAILURE. Both carry `coId`, the
 * correlation id of the request whose event fired the trigger, or a new one per run. Never
 * throws: the outcome is returned.
 */
export class TriggerExecutor {
  constructor(
    private readonly functions: FunctionRunner,
    private readonly appLogs: AppLogWriter,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  async run(
    app: DeployedApp,
    trigger: TriggerConfig,
    type: TriggerLogType,
    args: readonly unknown[],
    coId: string = newCoId(),
  ): Promise<TriggerOutcome> {
    const fn = this.functions.findById(app, trigger.function_id);
    if (!fn) {
      const error = `function not found: '${trigger.function_id}'`;
      this.failure(app, trigger, error, coId);
      return { status: 'not-run', error };
    }
    try {
      const execution = await this.functions.execute({
        app,
        target: { fn },
        args,
        runAsSystem: true,
        log: { type, coId, trigger: { id: trigger._id, name: trigger.name } },
      });
      if (!execution.ok) {
        this.log.info(
          { app: app.clientAppId, trigger: trigger.name, failure: execution.failure },
          'trigger function failed',
        );
        return { status: 'failed', error: execution.failure.message };
      }
      return { status: 'ok' };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.failure(app, trigger, error, coId);
      return { status: 'failed', error };
    }
  }

  /** A trigger that did not run: the app's logs and the server's log say why. */
  failure(app: DeployedApp, trigger: TriggerConfig, error: string, coId = newCoId()): void {
    const at = this.now();
    this.log.warn({ app: app.clientAppId, trigger: trigger.name, error }, 'trigger did not run');
    this.appLogs.write({
      type: 'TRIGGER_FAILURE',
      app_id: app.appId,
      group_id: app.groupId,
      domain_id: app.domainId,
      co_id: coId,
      started: at,
      completed: at,
      event_subscription_id: trigger._id,
      event_subscription_name: trigger.name,
      error,
    });
  }
}
