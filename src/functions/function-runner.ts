import { EJSON } from 'bson';
import type { FunctionConfig } from '../app-config/app-config.types';
import type { DeployedApp } from '../app-config/deployed-app';
import { functionEnvironment } from '../app-config/environment';
import type { SecretResolver } from '../app-config/secret-resolver';
import {
  newCoId,
  type AppLogType,
  type AppLogWriter,
  type RequestInfo,
} from '../domain/app-logs/app-log';
import type { UserDoc } from '../domain/users/user.model';
import type { Execution } from './execution';
import { failureCode } from './function-errors';
import { DataAccessError, type CollectionRequest, type DataAccess } from './data-access';
import { ruleUsage, type RequestContext } from '../rules/collection-policy';
import type { HostCall, Sandbox, SandboxEntry } from './sandbox';

/** What `execute` returns (defined in execution.ts, which the error table shares). */

/** `context.user` as App Services gives it to functions. */
export interface FunctionUser {
  id: string;
  type: string;
  data: Record<string, unknown>;
  identities: { id: string; provider_type: string; data?: Record<string, unknown> }[];
  custom_data: Record<string, unknown>;
}

/** The user a function sees when no end user is involved (triggers, run as system). */
export const SYSTEM_USER: FunctionUser = {
  id: '000000000000000000000000',
  type: 'system',
  data: {},
  identities: [],
  custom_data: {},
};

/** `context.user` for a stored user (custom data as the access token carries it). */
export function functionUser(user: UserDoc, customData?: Record<string, unknown>): FunctionUser {
  return {
    id: user._id.toHexString(),
    type: user.type,
    data: { ...user.data },
    identities: user.identities.map((i) => ({
      id: i.id,
      provider_type: i.provider_type,
      data: { ...i.provider_data },
    })),
    custom_data: customData ?? {},
  };
}

/** Whose request a collection request is, for the rules: the user and the HTTP request. */
export interface RulesCaller {
  user: FunctionUser;
  request?: RequestInfo;
}

export interface ExecuteRequest {
  app: DeployedApp;
  /** A function of the app's config, or a source given directly (the admin console). */
  target: { fn: FunctionConfig } | { source: string; evalSource?: string };
  args: readonly unknown[];
  /** `context.user`; absent means the system user. */
  user?: FunctionUser;
  /** Run as the system user even if the function does not ask to. */
  runAsSystem?: boolean;
  /** How the execution appears in the app's logs. */
  log?: {
    type?: AppLogType;
    /** The correlation id of the request (or event) that caused the run; else a new one. */
    coId?: string;
    /** The user the entry is about (a client call's caller); default: the user it runs as. */
    userId?: string;
    /** False for arguments that may hold credentials (logins, password resets). */
    arguments?: boolean;
    trigger?: { id: string; name: string };
    request?: RequestInfo;
  };
}

const SOURCE_NAME = '<source>';

/**
 * Runs an app's functions in the sandbox: builds `context` for the execution (its user, its
 * app's values and environment, data sources and other functions), then records the run in the app's logs.
 */
export class FunctionRunner {
  constructor(
    private readonly sandbox: Sandbox,
    private readonly data: DataAccess,
    private readonly resolveSecret: SecretResolver,
    private readonly appLogs: AppLogWriter,
    private readonly now: () => Date,
  ) {}

  /** Releases the isolates prepared ahead (at shutdown). */
  close(): Promise<void> {
    return this.sandbox.close();
  }

  /** A function of the deployed config by name, or undefined. */
  find(app: DeployedApp, name: string): FunctionConfig | undefined {
    return app.config.functions.find((f) => f.name === name);
  }

  findById(app: DeployedApp, id: string): FunctionConfig | undefined {
    return app.config.functions.find((f) => f._id === id);
  }

  async execute(req: ExecuteRequest): Promise<Execution> {
    const started = this.now();
    const fn = 'fn' in req.target ? req.target.fn : undefined;
    const runningAsSystem = req.runAsSystem === true || fn?.run_as_system === true || !req.user;
    const entry: SandboxEntry =
      'fn' in req.target
        ? { name: req.target.fn.name, source: req.target.fn.source, args: req.args }
        : {
            name: SOURCE_NAME,
            source: req.target.source,
            args: req.args,
            ...(req.target.evalSource !== undefined ? { evalSource: req.target.evalSource } : {}),
          };
    const result = await this.sandbox.run({
      entry,
      setup: {
        user: req.user ?? SYSTEM_USER,
        app: { id: req.app.appId, clientAppId: req.app.clientAppId, projectId: req.app.groupId },
        environment: functionEnvironment(req.app.config),
        runningAsSystem,
      },
      host: this.host(
        req.app,
        runningAsSystem ? undefined : { user: req.user ?? SYSTEM_USER, request: req.log?.request },
      ),
      tenant: req.app.appId,
    });
    const logs = result.logs.filter((l) => l.level === 'log').map((l) => l.line);
    const errorLogs = result.logs.filter((l) => l.level === 'error').map((l) => l.line);
    const execution: Execution = result.ok
      ? {
          ok: true,
          resultEjson: result.resultEjson,
          result: EJSON.parse(result.resultEjson, { relaxed: true }),
          logs,
          errorLogs,
          durationMs: result.durationMs,
        }
      : { ok: false, failure: result.failure, logs, errorLogs, durationMs: result.durationMs };
    // The app log keeps console output in the order it was written, both levels together.
    this.record(
      req,
      fn,
      execution,
      result.logs.map((l) => l.line),
      started,
    );
    return execution;
  }

  /**
   * Runs a collection request for `caller` under the collection's rules, or with full access
   * when there is no caller (system).
   */
  async runCollection(
    app: DeployedApp,
    req: CollectionRequest,
    caller?: RulesCaller,
  ): Promise<unknown> {
    return this.data.run(app, req, caller ? await this.rulesContext(app, caller) : undefined);
  }

  /** What rule expressions see: `%%user`, `%%values`, `%%environment`, `%%request`, `%function`. */
  private async rulesContext(app: DeployedApp, caller: RulesCaller): Promise<RequestContext> {
    return {
      user: { ...caller.user },
      values: await this.ruleValues(app),
      environment: { ...functionEnvironment(app.config) },
      request: caller.request
        ? {
            remoteIPAddress: caller.request.ip,
            httpMethod: caller.request.method,
            webhookUrl: caller.request.url,
          }
        : {},
      callFunction: async (name, args) => {
        const fn = this.find(app, name);
        if (!fn) throw new DataAccessError(`function not found: '${name}'`);
        const run = await this.execute({
          app,
          target: { fn },
          args,
          user: caller.user,
          runAsSystem: true,
        });
        if (!run.ok) throw new DataAccessError(`function "${name}" failed: ${run.failure.message}`);
        return run.result;
      },
    };
  }

  /** The app's values for `%%values`, resolved only when a rule uses them (secrets decrypted). */
  private async ruleValues(app: DeployedApp): Promise<Record<string, unknown>> {
    if (!ruleUsage(app.config).values) return {};
    const out: Record<string, unknown> = {};
    for (const v of app.config.values) out[v.name] = await this.value(app, v.name);
    return out;
  }

  /** The host side of `context`, bound to one app and (unless it runs as system) its user. */
  private host(app: DeployedApp, caller: RulesCaller | undefined): HostCall {
    return async (op, payload) => {
      switch (op) {
        case 'db':
          return this.runCollection(app, collectionRequest(payload), caller);
        case 'value':
          return this.value(app, String(payload.name));
        case 'function': {
          const fn = this.find(app, String(payload.name));
          if (!fn) throw new DataAccessError(`function not found: '${String(payload.name)}'`);
          return fn.source;
        }
        default:
          throw new DataAccessError(`unknown request "${op}"`);
      }
    };
  }

  private async value(app: DeployedApp, name: string): Promise<unknown> {
    const value = app.config.values.find((v) => v.name === name);
    if (!value) return undefined;
    if (!value.from_secret) return value.value;
    return this.resolveSecret(app.appId, String(value.value));
  }

  private record(
    req: ExecuteRequest,
    fn: FunctionConfig | undefined,
    execution: Execution,
    messages: string[],
    started: Date,
  ): void {
    const log = req.log ?? {};
    const name = fn?.name ?? SOURCE_NAME;
    const logArguments = log.arguments !== false && fn?.disable_arg_logs !== true;
    this.appLogs.write({
      type: log.type ?? 'FUNCTION',
      app_id: req.app.appId,
      group_id: req.app.groupId,
      domain_id: req.app.domainId,
      co_id: log.coId ?? newCoId(),
      user_id: log.userId ?? req.user?.id,
      ...(log.request
        ? {
            request_url: log.request.url,
            request_method: log.request.method,
            ...(log.request.ip ? { remote_ip_address: log.request.ip } : {}),
          }
        : {}),
      started,
      completed: new Date(started.getTime() + Math.round(execution.durationMs)),
      ...(fn ? { function_id: fn._id } : {}),
      function_name: name,
      function_call: {
        name,
        ...(logArguments ? { arguments: EJSON.serialize([...req.args], { relaxed: true }) } : {}),
      },
      messages,
      mem_time_usage: Math.round(execution.durationMs),
      ...(log.trigger
        ? { event_subscription_id: log.trigger.id, event_subscription_name: log.trigger.name }
        : {}),
      ...(execution.ok
        ? {}
        : {
            error: execution.failure.message,
            error_code: failureCode(execution.failure.kind),
          }),
    });
  }
}

function collectionRequest(payload: Record<string, unknown>): CollectionRequest {
  const { service, database, collection, method, args } = payload;
  if (
    typeof service !== 'string' ||
    typeof database !== 'string' ||
    typeof collection !== 'string' ||
    typeof method !== 'string' ||
    !Array.isArray(args)
  ) {
    throw new DataAccessError('malformed collection request');
  }
  return { service, database, collection, method, args };
}
