import { EJSON } from 'bson';
import type { AuthTriggerConfig } from '../app-config/app-config.types';
import type { DeployedApp } from '../app-config/deployed-app';
import type { AppLookup } from '../domain/apps/app-lookup';
import type { CustomUserDataReader } from '../domain/data-sources/custom-data.reader';
import {
  claimKey,
  type AuthTriggerEventDoc,
  type AuthTriggerEvents,
} from '../domain/triggers/auth-trigger-events';
import { functionUser } from '../functions/function-runner';
import type { Logger } from '../logging/logger';
import type { AuthTriggerDurability } from './auth-trigger-sweep';
import type { TriggerExecutor } from './trigger-executor';

/** One attempt at running one recorded event's trigger. */
export interface AttemptJob {
  readonly event: AuthTriggerEventDoc;
  readonly attempt: number;
  /** Known to the process that recorded the event; otherwise read when the attempt starts. */
  readonly app?: DeployedApp;
  readonly trigger?: AuthTriggerConfig;
  /**
   * False when the event could not be recorded: it runs once, here, without claims. True for a
   * job a sweep found, whose event may have been finished meanwhile (it is read again).
   */
  readonly isRecorded: boolean;
  readonly isSwept?: boolean;
}

/** The trigger's argument, built once per event however many triggers it has. */
export type EventArg = () => Promise<Record<string, unknown>>;

/**
 * Runs attempts: the process whose claim insert wins runs the function; success (or a trigger
 * that no longer exists) deletes the event; a failure leaves the claim until the retry delay has
 * passed, so a sweep starts the next attempt; after the last attempt the event is given up with a
 * TRIGGER_FAILURE entry, by whoever wins the claim of the attempt after the last.
 */
export class AuthTriggerAttempts {
  constructor(
    private readonly store: AuthTriggerEvents,
    private readonly apps: AppLookup,
    private readonly customData: CustomUserDataReader,
    private readonly executor: TriggerExecutor,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly durability: AuthTriggerDurability,
  ) {}

  /** The lazily built event argument of a recorded event. */
  eventArg(doc: AuthTriggerEventDoc, app: DeployedApp): EventArg {
    let arg: Promise<Record<string, unknown>> | undefined;
    return () =>
      (arg ??= this.customDataOf(app, doc).then((data) => ({
        operationType: doc.operation_type,
        providers: doc.providers,
        user: functionUser(doc.user, data),
        time: doc.time,
      })));
  }

  async run(job: AttemptJob, arg?: EventArg): Promise<void> {
    const { event, attempt } = job;
    const { maxAttempts, leaseMs } = this.durability;
    if (job.isRecorded) {
      const now = this.now();
      const until = new Date(now.getTime() + leaseMs);
      if (!(await this.store.claim(event, attempt, now, until))) return;
      if (job.isSwept && !(await this.store.get(event._id))) {
        // Finished by the owner of an earlier attempt that outlived its lease.
        await this.store.removeClaims([claimKey(event._id, attempt)]);
        return;
      }
    }
    const target = await this.target(job);
    if (!target) {
      if (job.isRecorded) await this.store.finish(event._id, attempt);
      return;
    }
    if (attempt > maxAttempts) {
      await this.giveUp(job, target, 'the last attempt did not finish');
      return;
    }
    const args = [await (arg ?? this.eventArg(event, target.app))()];
    const outcome = await this.executor.run(
      target.app,
      target.trigger,
      'AUTH_TRIGGER',
      args,
      event.co_id,
    );
    if (!job.isRecorded) return;
    if (outcome.status !== 'failed') {
      await this.store.finish(event._id, attempt);
    } else if (attempt >= maxAttempts) {
      if (await this.store.claim(event, attempt + 1, this.now(), this.now()))
        await this.giveUp({ ...job, attempt: attempt + 1 }, target, outcome.error);
    } else {
      const delay = this.durability.retryDelayMs * 2 ** (attempt - 1);
      await this.store.extend(event._id, attempt, new Date(this.now().getTime() + delay));
    }
  }

  /** The caller owns the claim of attempt `maxAttempts + 1`: it alone logs and finishes. */
  private async giveUp(
    job: AttemptJob,
    target: { app: DeployedApp; trigger: AuthTriggerConfig },
    why: string,
  ): Promise<void> {
    const attempts = this.durability.maxAttempts;
    this.executor.failure(
      target.app,
      target.trigger,
      `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${why}`,
      job.event.co_id,
    );
    await this.store.finish(job.event._id, job.attempt);
  }

  /** The app and the trigger as deployed now; none if either is gone or disabled. */
  private async target(
    job: AttemptJob,
  ): Promise<{ app: DeployedApp; trigger: AuthTriggerConfig } | undefined> {
    if (job.app && job.trigger) return { app: job.app, trigger: job.trigger };
    const app = await this.apps.byId(job.event.app_id.toHexString());
    const trigger = app?.config.triggers.find(
      (t): t is AuthTriggerConfig =>
        t._id === job.event.trigger_id && t.type === 'AUTHENTICATION' && !t.disabled,
    );
    return app && trigger ? { app, trigger } : undefined;
  }

  /** The custom data document with its BSON types (the token claim form is relaxed EJSON). */
  private async customDataOf(
    app: DeployedApp,
    doc: AuthTriggerEventDoc,
  ): Promise<Record<string, unknown>> {
    let data = doc.custom_data
      ? (JSON.parse(doc.custom_data) as Record<string, unknown>)
      : undefined;
    if (!data) {
      try {
        data = (await this.customData.read(app, doc.user._id.toHexString())).data;
      } catch (err) {
        this.log.warn({ err, app: app.clientAppId }, 'custom user data unreadable for a trigger');
      }
    }
    return data ? (EJSON.deserialize(data, { relaxed: true }) as Record<string, unknown>) : {};
  }
}
