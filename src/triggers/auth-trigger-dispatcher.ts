import type { AuthTriggerConfig } from '../app-config/app-config.types';
import type { DeployedApp } from '../app-config/deployed-app';
import { authTriggersFor } from '../app-config/triggers';
import { ObjectId, newObjectIdHex } from '../db/object-id';
import type { Logger } from '../logging/logger';
import type { CustomUserDataReader } from '../domain/data-sources/custom-data.reader';
import type {
  AuthTriggerEventDoc,
  AuthTriggerEvents,
} from '../domain/triggers/auth-trigger-events';
import type { AuthEvent, AuthEvents } from '../domain/users/auth-events';
import type { AppLookup } from '../domain/apps/app-lookup';
import { AuthTriggerAttempts, type AttemptJob, type EventArg } from './auth-trigger-attempts';
import {
  DEFAULT_AUTH_TRIGGER_DURABILITY,
  dueAttempts,
  type AuthTriggerDurability,
} from './auth-trigger-sweep';
import type { TriggerExecutor } from './trigger-executor';
import { WorkQueue } from './work-queue';

export interface AuthTriggerLimits {
  /** Events waiting for their triggers to start; more are dropped (and logged). */
  readonly maxPending: number;
  /** Events whose triggers run at once (each trigger function still waits for a sandbox slot). */
  readonly concurrency: number;
}

export const DEFAULT_AUTH_TRIGGER_LIMITS: AuthTriggerLimits = { maxPending: 1000, concurrency: 4 };

/** Events a sweep reads at most (the collection holds only events not yet run). */
const SWEEP_READ_LIMIT = 10_000;

/** An event's attempts, worked on one after another (one per matching trigger). */
interface Queued {
  jobs: AttemptJob[];
  arg?: EventArg;
}

/**
 * Runs the app's AUTHENTICATION triggers for auth events, at least once. `emit` picks the
 * matching triggers (an app without any costs nothing more) and, before it resolves (so before
 * the response), records one document per event and trigger (auth_trigger_events); then this
 * process runs them from a bounded in-process queue after the response. Every process sweeps
 * the recorded events periodically (`start`) and takes over those whose lease or retry delay has
 * passed: a dead process's events, and failed attempts (see AuthTriggerAttempts). A full queue
 * still drops new events, with a TRIGGER_FAILURE entry: the bound sheds load.
 */
export class AuthTriggerDispatcher implements AuthEvents {
  private readonly queue: WorkQueue<Queued>;
  private readonly attempts: AuthTriggerAttempts;
  /** Events queued or running here: a sweep leaves them alone. */
  private readonly inFlight = new Set<string>();
  private readonly emitting = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private isStopped = true;
  private sweeps: Promise<void> = Promise.resolve();

  constructor(
    private readonly apps: AppLookup,
    customData: CustomUserDataReader,
    private readonly store: AuthTriggerEvents,
    private readonly executor: TriggerExecutor,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly limits: AuthTriggerLimits = DEFAULT_AUTH_TRIGGER_LIMITS,
    private readonly durability: AuthTriggerDurability = DEFAULT_AUTH_TRIGGER_DURABILITY,
  ) {
    this.attempts = new AuthTriggerAttempts(
      store,
      apps,
      customData,
      executor,
      log,
      now,
      durability,
    );
    this.queue = new WorkQueue<Queued>({
      ...limits,
      work: (item) => this.process(item),
      onError: (err) => this.log.error({ err }, 'authentication triggers failed'),
    });
  }

  /** Resolves once the event is recorded (if any trigger fires for it); never rejects. */
  emit(app: DeployedApp | string, event: AuthEvent): Promise<void> {
    const recording = this.record(app, event).catch((err: unknown) =>
      this.log.error({ err }, 'could not queue an authentication event'),
    );
    this.emitting.add(recording);
    return recording.finally(() => this.emitting.delete(recording));
  }

  /** Starts the periodic sweep (a server calls it once it listens). */
  start(): void {
    if (!this.isStopped) return;
    this.isStopped = false;
    this.schedule(0);
  }

  /** One sweep now, and the attempts it starts, to the end (tests drive recovery with this). */
  async sweep(): Promise<void> {
    await this.sweepOnce();
    await this.idle();
  }

  /** Resolves once every emitted event was recorded and every queued one worked on. */
  async idle(): Promise<void> {
    while (this.emitting.size > 0) await Promise.allSettled([...this.emitting]);
    await this.queue.idle();
  }

  /**
   * Stops sweeping, takes no more events and waits for the running ones; queued ones stay
   * recorded, for a sweep (of another process, or of this server's next start).
   */
  async close(): Promise<void> {
    this.isStopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.sweeps;
    await Promise.allSettled([...this.emitting]);
    const left = await this.queue.close();
    if (left > 0) this.log.info({ left }, 'authentication trigger events left for a later sweep');
  }

  private async record(app: DeployedApp | string, event: AuthEvent): Promise<void> {
    const deployed = typeof app === 'string' ? await this.apps.byId(app) : app;
    if (!deployed) return;
    const triggers = authTriggersFor(deployed.config, event.operationType, event.providers);
    if (triggers.length === 0) return;
    if (!this.queue.hasRoom) {
      this.drop(deployed, triggers, event);
      return;
    }
    const id = newObjectIdHex();
    const time = this.now();
    const docs: AuthTriggerEventDoc[] = triggers.map((t) => ({
      _id: `${id}|${t._id}`,
      app_id: new ObjectId(deployed.appId),
      trigger_id: t._id,
      operation_type: event.operationType,
      providers: event.providers,
      user: event.user,
      ...(event.customData ? { custom_data: JSON.stringify(event.customData) } : {}),
      ...(event.coId ? { co_id: event.coId } : {}),
      time,
    }));
    let isRecorded = true;
    try {
      await this.store.add(docs);
    } catch (err) {
      isRecorded = false;
      this.log.error({ err }, 'authentication event not recorded: it runs in this process only');
    }
    const jobs = docs.map((doc, i) => ({
      event: doc,
      attempt: 1,
      app: deployed,
      trigger: triggers[i],
      isRecorded,
    }));
    // Full meanwhile: the recorded events wait for a sweep.
    this.push({ jobs, arg: this.attempts.eventArg(docs[0] as AuthTriggerEventDoc, deployed) });
  }

  private drop(app: DeployedApp, triggers: AuthTriggerConfig[], event: AuthEvent): void {
    this.log.warn(
      {
        app: app.clientAppId,
        operation_type: event.operationType,
        user_id: event.user._id.toHexString(),
      },
      'authentication trigger queue is full: event dropped',
    );
    for (const t of triggers) {
      this.executor.failure(
        app,
        t,
        'the trigger queue was full: the event was dropped',
        event.coId,
      );
    }
  }

  private push(item: Queued): boolean {
    if (!this.queue.push(item)) return false;
    for (const job of item.jobs) this.inFlight.add(job.event._id);
    return true;
  }

  private async process(item: Queued): Promise<void> {
    for (const job of item.jobs) {
      try {
        await this.attempts.run(job, item.arg);
      } catch (err) {
        this.log.error({ err, event: job.event._id }, 'authentication trigger attempt failed');
      } finally {
        this.inFlight.delete(job.event._id);
      }
    }
  }

  private schedule(delayMs: number): void {
    if (this.isStopped) return;
    this.timer = setTimeout(() => {
      void this.sweepOnce().finally(() => this.schedule(this.durability.sweepIntervalMs));
    }, delayMs);
    this.timer.unref();
  }

  /** Sweeps run one after another; each fills at most half the queue (new events come first). */
  private sweepOnce(): Promise<void> {
    const next = this.sweeps.then(() => this.sweepPass());
    this.sweeps = next.catch((err: unknown) =>
      this.log.error({ err }, 'authentication trigger sweep failed'),
    );
    return this.sweeps;
  }

  private async sweepPass(): Promise<void> {
    const room = Math.floor(this.limits.maxPending / 2) - this.queue.size;
    if (room <= 0) return;
    const { events, claims } = await this.store.snapshot(SWEEP_READ_LIMIT);
    const { due, orphanClaims } = dueAttempts(
      events,
      claims,
      this.now(),
      this.durability.leaseMs,
      this.inFlight,
      events.length < SWEEP_READ_LIMIT,
    );
    await this.store.removeClaims(orphanClaims);
    for (const { event, attempt } of due.slice(0, room)) {
      if (!this.push({ jobs: [{ event, attempt, isRecorded: true, isSwept: true }] })) break;
    }
  }
}
