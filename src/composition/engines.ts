import type { Config } from '../config/config';
import type { DbConnection } from '../db/connection';
import { DataAccess } from '../functions/data-access';
import { FunctionRunner } from '../functions/function-runner';
import { assertNodeFlags } from '../functions/node-flags';
import { Sandbox, type SandboxLimits } from '../functions/sandbox';
import type { Logger } from '../logging/logger';
import { AuthTriggerDispatcher, type AuthTriggerLimits } from '../triggers/auth-trigger-dispatcher';
import {
  DEFAULT_AUTH_TRIGGER_DURABILITY,
  type AuthTriggerDurability,
} from '../triggers/auth-trigger-sweep';
import { TriggerExecutor } from '../triggers/trigger-executor';
import { TriggerScheduler } from '../triggers/trigger-scheduler';
import type { Stores } from './stores';

export interface EngineOptions {
  /** Replaces the configured limits of user function executions (tests use short ones). */
  functionLimits?: Partial<SandboxLimits>;
  /** Replaces the queue limits of AUTHENTICATION triggers (tests fill the queue with these). */
  authTriggerLimits?: AuthTriggerLimits;
  /** Replaces the lease, attempts and sweep period of AUTHENTICATION triggers. */
  authTriggerDurability?: Partial<AuthTriggerDurability>;
}

/** What runs user code: the function sandbox, and the triggers that call it. */
export function buildEngines(
  conn: DbConnection,
  stores: Stores,
  config: Config,
  log: Logger,
  now: () => Date,
  options: EngineOptions,
) {
  // isolated-vm needs the flag: refuse to build the sandbox without it rather than crash later.
  assertNodeFlags(process.execArgv, config.nodeOptions);
  const functions = new FunctionRunner(
    new Sandbox({ ...config.functions, ...options.functionLimits }),
    new DataAccess(stores.dataSources, stores.dataSourceClaims),
    stores.resolveSecret,
    stores.appLogs,
    now,
  );
  const triggerExecutor = new TriggerExecutor(functions, stores.appLogs, log, now);
  const authTriggers = new AuthTriggerDispatcher(
    stores.appLookup,
    stores.customData,
    stores.authTriggerEvents,
    triggerExecutor,
    log,
    now,
    options.authTriggerLimits,
    { ...DEFAULT_AUTH_TRIGGER_DURABILITY, ...options.authTriggerDurability },
  );
  const scheduler = new TriggerScheduler(
    stores.triggerSchedules,
    stores.triggerRuns,
    stores.appLookup,
    triggerExecutor,
    log,
    now,
  );
  return { functions, authTriggers, scheduler };
}

export type Engines = ReturnType<typeof buildEngines>;
