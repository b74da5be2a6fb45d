import { EJSON } from 'bson';
import type { AuthTriggerConfig } from '../app-config/app-config.types';
import type { DeployedApp } from '../app-config/deployed-app';
import { authTriggersFor } from '../app-config/triggers';
import { functionUser } from '../functions/function-runner';
import type { Logger } from '../logging/logger';
import type { CustomUserDataReader } from '../domain/data-sources/custom-data.reader';
import type { AuthEvent, AuthEvents } from '../domain/users/auth-events';
import type { AppLookup } from '../domain/apps/app-lookup';
import type { TriggerExecutor } from './trigger-executor';
import { WorkQueue } from './work-queue';

export interface AuthTriggerLimits {
  /** Events waiting for their triggers to start; more are dropped (and logged). */
  readonly maxPending: number;
  /** Events whose triggers run at once (each trigger function still waits for a sandbox slot). */
  readonly concurrency: number;
}

export const DEFAULT_AUTH_TRIGGER_LIMITS: AuthTriggerLimits = { maxPending: 1000, concurrency: 4 };

interface Queued {
  app: DeployedApp | string;
  /** Known when the emitter gave the deployed app; else chosen when the event is worked on. */
  triggers?: AuthTriggerConfig[];
  event: AuthEvent;
  time: Date;
}

/**
 * Runs the app's AUTHENTICATION triggers for auth events, after the fact: `emit` picks the
 * matching triggers (an app without any costs nothing more) and queues the event in a bounded
 * in-process queue; workers run each trigger's function with the event
 * `{operationType, providers, user, time}`. Pending events are not stored anywhere: a process
 * that stops or dies loses them, and a full queue drops new events with a log line.
 */
export class AuthTriggerDispatcher implements AuthEvents {
  private readonly queue: WorkQueue<Queued>;

  constructor(
    private readonly apps: AppLookup,
    private readonly customData: CustomUserDataReader,
    private readonly executor: TriggerExecutor,
    private readonly log: Logger,
    private readonly now: () => Date,
    limits: AuthTriggerLimits = DEFAULT_AUTH_TRIGGER_LIMITS,
  ) {
    this.queue = new WorkQueue<Queued>({
      ...limits,
      work: (item) => this.process(item),
      onError: (err, item) =>
        this.log.error(
          { err, operation_type: item.event.operationType },
          'authentication triggers failed',
        ),
    });
  }

  emit(app: DeployedApp | string, event: AuthEvent): void {
    try {
      const item: Queued = { app, event, time: this.now() };
      if (typeof app !== 'string') {
        item.triggers = authTriggersFor(app.config, event.operationType, event.providers);
        if (item.triggers.length === 0) return;
      }
      if (this.queue.push(item)) return;
      this.log.warn(
        {
          app: typeof app === 'string' ? app : app.clientAppId,
          operation_type: event.operationType,
          user_id: event.user._id.toHexString(),
        },
        'authentication trigger queue is full: event dropped',
      );
      if (typeof app !== 'string') {
        for (const t of item.triggers ?? []) {
          this.executor.failure(
            app,
            t,
            'the trigger queue was full: the event was dropped',
            event.coId,
          );
        }
      }
    } catch (err) {
      this.log.error({ err }, 'could not queue an authentication event');
    }
  }

  /** Resolves once every queued event has been worked on (tests wait on it). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Takes no more events, drops the queued ones and waits for the running ones. */
  async close(): Promise<void> {
    const dropped = await this.queue.close();
    if (dropped > 0)
      this.log.warn({ dropped }, 'authentication trigger events dropped at shutdown');
  }

  private async process(item: Queued): Promise<void> {
    const app = typeof item.app === 'string' ? await this.apps.byId(item.app) : item.app;
    if (!app) return;
    const { operationType, providers, user } = item.event;
    const triggers = item.triggers ?? authTriggersFor(app.config, operationType, providers);
    if (triggers.length === 0) return;
    const event = {
      operationType,
      providers,
      user: functionUser(user, await this.customDataOf(app, item.event)),
      time: item.time,
    };
    for (const t of triggers) {
      await this.executor.run(app, t, 'AUTH_TRIGGER', [event], item.event.coId);
    }
  }

  /** The custom data document with its BSON types (the token claim form is relaxed EJSON). */
  private async customDataOf(app: DeployedApp, event: AuthEvent): Promise<Record<string, unknown>> {
    let data = event.customData;
    if (!data) {
      try {
        data = (await this.customData.read(app, event.user._id.toHexString())).data;
      } catch (err) {
        this.log.warn({ err, app: app.clientAppId }, 'custom user data unreadable for a trigger');
      }
    }
    return data ? (EJSON.deserialize(data, { relaxed: true }) as Record<string, unknown>) : {};
  }
}
