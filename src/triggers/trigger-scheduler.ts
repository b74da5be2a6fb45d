import { ObjectId } from '../db/object-id';
import type { ScheduledTriggerConfig } from '../app-config/app-config.types';
import type { DeployedApp } from '../app-config/deployed-app';
import {
  scheduleKey,
  type TriggerScheduleDoc,
  type TriggerSchedules,
} from '../domain/triggers/trigger-schedules';
import { previousFireTime, scheduledTriggers } from '../app-config/triggers';
import type { Logger } from '../logging/logger';
import type { AppLookup } from '../domain/apps/app-lookup';
import type { TriggerExecutor } from './trigger-executor';
import type { TriggerRuns } from '../domain/triggers/trigger-runs';

/** A fire time a pass sees within this long is on time; older, it was missed. */
export const ON_TIME_MS = 60_000;
/** Passes run this long after each minute boundary (schedules fire on whole minutes). */
const PASS_DELAY_MS = 250;
const MINUTE_MS = 60_000;
/** An index entry the deployed config no longer has is removed once it is this old. */
const STALE_ENTRY_MS = 5 * MINUTE_MS;

/**
 * Runs SCHEDULED triggers. A pass, one at start and then just after each minute boundary, reads
 * the index of scheduled triggers (`trigger_schedules`), each listed app's deployed config (the
 * runtime's cached reader) and, for every enabled trigger, its latest fire time not before the
 * trigger was deployed. If that time has not been claimed, the process whose claim insert wins
 * (`trigger_runs`) runs the function, so each fire time runs on one process however many share
 * the database. Fire times missed while no process ran or while the trigger was disabled are not
 * all replayed: only the latest one runs, and none with `skip_catchup_events`.
 */
export class TriggerScheduler {
  private timer: NodeJS.Timeout | undefined;
  private isStopped = true;
  private passes: Promise<void> = Promise.resolve();
  private readonly running = new Set<Promise<void>>();
  /** Per trigger, the run key this process last decided on: repeat passes skip the database. */
  private decided = new Map<string, string>();

  constructor(
    private readonly schedules: TriggerSchedules,
    private readonly runs: TriggerRuns,
    private readonly apps: AppLookup,
    private readonly executor: TriggerExecutor,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  /** Starts the loop: a pass now (catching up after downtime), then one per minute. */
  start(): void {
    if (!this.isStopped) return;
    this.isStopped = false;
    void this.loop();
  }

  /** Stops the loop and waits for the current pass and the runs it started. */
  async stop(): Promise<void> {
    this.isStopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.passes;
    await Promise.allSettled([...this.running]);
  }

  /** One pass now, and the runs it starts, to the end (tests drive the scheduler with this). */
  async tick(): Promise<void> {
    const started = await this.pass();
    await Promise.allSettled(started);
  }

  private async loop(): Promise<void> {
    if (this.isStopped) return;
    try {
      // The runs the pass starts are tracked in `running`; the loop does not wait for them.
      await this.pass().then(() => undefined);
    } catch (err) {
      this.log.error({ err }, 'scheduled trigger pass failed');
    }
    if (this.isStopped) return;
    const now = this.now().getTime();
    const delay = MINUTE_MS - (now % MINUTE_MS) + PASS_DELAY_MS;
    this.timer = setTimeout(() => void this.loop(), delay);
    this.timer.unref();
  }

  /** Passes run one after another in a process; the runs they start are not waited for. */
  private pass(): Promise<Promise<void>[]> {
    const next = this.passes.then(() => this.passAll());
    this.passes = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private async passAll(): Promise<Promise<void>[]> {
    const now = this.now();
    const byApp = new Map<string, TriggerScheduleDoc[]>();
    for (const entry of await this.schedules.all()) {
      const appId = entry.app_id.toHexString();
      const list = byApp.get(appId);
      if (list) list.push(entry);
      else byApp.set(appId, [entry]);
    }
    const decided = new Map<string, string>();
    const started: Promise<void>[] = [];
    for (const [appId, entries] of byApp) {
      try {
        started.push(...(await this.passApp(appId, entries, now, decided)));
      } catch (err) {
        this.log.error({ err, app_id: appId }, 'scheduled triggers of an app failed');
      }
    }
    this.decided = decided;
    return started;
  }

  private async passApp(
    appId: string,
    entries: TriggerScheduleDoc[],
    now: Date,
    decided: Map<string, string>,
  ): Promise<Promise<void>[]> {
    const app = await this.apps.byId(appId);
    if (!app) {
      // The app is gone (its deletion may have stopped short of these collections).
      const id = new ObjectId(appId);
      await this.schedules.removeApp(id);
      await this.runs.removeApp(id);
      return [];
    }
    await this.dropStale(app, entries, now);
    const since = new Map(entries.map((e) => [e._id, e.since]));
    const started: Promise<void>[] = [];
    for (const trigger of scheduledTriggers(app.config)) {
      const from =
        since.get(scheduleKey(trigger)) ?? (await this.schedules.ensure(appId, trigger, now)).since;
      const due = previousFireTime(trigger.config.schedule, now);
      if (!due || due.getTime() < from.getTime()) continue;
      const runKey = `${trigger._id}|${due.toISOString()}`;
      const wasDecided = this.decided.get(trigger._id) === runKey;
      decided.set(trigger._id, runKey);
      if (wasDecided) continue;
      const missed = now.getTime() - due.getTime() >= ON_TIME_MS;
      if (missed && trigger.config.skip_catchup_events) continue;
      if (await this.claim(app, trigger, due)) started.push(this.execute(app, trigger));
    }
    return started;
  }

  private async claim(app: DeployedApp, trigger: ScheduledTriggerConfig, due: Date) {
    // A pass that fell a whole period behind leaves this fire time to the next pass.
    const at = this.now();
    if (previousFireTime(trigger.config.schedule, at)?.getTime() !== due.getTime()) return false;
    const before = previousFireTime(trigger.config.schedule, new Date(due.getTime() - 1)) ?? due;
    return this.runs.claim(app.appId, trigger._id, due, before, at);
  }

  private execute(app: DeployedApp, trigger: ScheduledTriggerConfig): Promise<void> {
    const run = this.executor
      .run(app, trigger, 'SCHEDULED_TRIGGER', [])
      .then(() => undefined)
      .finally(() => this.running.delete(run));
    this.running.add(run);
    return run;
  }

  /** Removes index entries of triggers or schedules the deployed config no longer has. */
  private async dropStale(app: DeployedApp, entries: TriggerScheduleDoc[], now: Date) {
    const all = app.config.triggers.filter(
      (t): t is ScheduledTriggerConfig => t.type === 'SCHEDULED',
    );
    const live = new Set(all.map(scheduleKey));
    for (const entry of entries) {
      // Recent entries may belong to a deployment being inserted right now: keep them a while.
      if (live.has(entry._id) || now.getTime() - entry.since.getTime() < STALE_ENTRY_MS) continue;
      await this.schedules.remove(entry._id);
      if (!all.some((t) => t._id === entry.trigger_id))
        await this.runs.removeTrigger(entry.trigger_id);
    }
  }
}
