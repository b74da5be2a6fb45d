import mongoose from 'mongoose';
import type { Logger } from '../../logging/logger';
import type { AppLogEntry, AppLogWriter } from './app-log';
import {
  argumentsJson,
  capMessages,
  capOptional,
  MAX_SHORT_BYTES,
  MAX_TEXT_BYTES,
} from './app-log.limits';
import type { AppLogDoc, AppLogModel } from './app-log.model';
import { firstLogIdAt, newLogId } from './log-id';
import { runPeriodically } from '../periodic';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Entries held in memory (buffered, or in a batch not yet acknowledged); past this, new entries
 * are dropped (and that is logged). Also the most a crash can lose.
 */
const MAX_UNSTORED = 1000;
/** How long an entry waits in the buffer at most before its batch is sent. */
const FLUSH_DELAY_MS = 200;
/** A buffer this full is sent at once. */
const MAX_BATCH = 200;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** What a logs query selects: one app, optional filters, and a window of `started` dates. */
export interface AppLogFilter {
  appId: string;
  coId?: string;
  userId?: string;
  types?: readonly string[];
  errorsOnly: boolean;
  /** Exclusive lower bound of `started`, in ms. */
  startMs?: number;
  /** Inclusive upper bound of `started`, in ms. */
  endMs?: number;
}

/** Is this entry an error, for `errors_only`: a failure status, an error, a failed login. */
function isError(e: AppLogEntry): boolean {
  return (
    e.error !== undefined ||
    (e.status ?? 0) >= 400 ||
    e.auth_event?.failed === true ||
    e.type === 'TRIGGER_FAILURE'
  );
}

/** The call as stored: without `arguments_json` when the arguments are not logged. */
function functionCall(call: NonNullable<AppLogEntry['function_call']>): AppLogDoc['function_call'] {
  const name = capOptional(call.name, MAX_SHORT_BYTES) ?? '';
  const json = argumentsJson(call.arguments);
  // An undefined field would be stored as null: the driver does not leave it out.
  return json === undefined ? { name } : { name, arguments_json: json };
}

function validDate(d: unknown, fallback: Date): Date {
  return d instanceof Date && Number.isFinite(d.getTime()) ? d : fallback;
}

/**
 * The app log store: `write` is fire-and-forget (it never throws and never waits for the
 * database; a lost entry is reported to the server log), `find`/`count` serve the Admin API, and
 * `sweep` drops entries older than the retention.
 *
 * Entries are written in batches, off the request path: a written entry waits in a buffer for at
 * most FLUSH_DELAY_MS (or until MAX_BATCH are waiting) and goes with the others in one
 * `insertMany`. At most MAX_UNSTORED entries are held (buffered or being inserted): that bounds
 * memory when the database falls behind, and what a crash (kill -9, power loss) can lose: the
 * entries of the last FLUSH_DELAY_MS plus the batches in flight, never more than MAX_UNSTORED.
 * A clean shutdown loses none (`flush`, see composition/lifecycle.ts). `find` and `count` flush
 * first, so this process reads its own entries at once; entries written by another process
 * appear within FLUSH_DELAY_MS plus that process's insert time.
 */
export class AppLogStore implements AppLogWriter {
  private buffer: AppLogDoc[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  /** Entries in batches being inserted. */
  private sending = 0;
  /** Entries dropped since the last one stored (the database was too slow to keep up). */
  private dropped = 0;

  constructor(
    private readonly model: AppLogModel,
    private readonly retentionDays: number,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Indexes, and the TTL index where the database has them (MongoDB). FerretDB v1 answers TTL
   * index creation with NotImplemented: there the periodic sweep alone bounds the retention.
   */
  async init(): Promise<{ ttl: boolean }> {
    await this.model.init();
    try {
      await this.model.collection.createIndex(
        { expires_at: 1 },
        { expireAfterSeconds: 0, name: 'expires_at_ttl' },
      );
      return { ttl: true };
    } catch (err) {
      this.log.info(
        { reason: err instanceof Error ? err.message : String(err) },
        'app logs: no TTL index on this database; the sweep bounds retention',
      );
      return { ttl: false };
    }
  }

  write(entry: AppLogEntry): void {
    try {
      if (this.buffer.length + this.sending >= MAX_UNSTORED) {
        this.dropped++;
        return;
      }
      if (this.dropped > 0) {
        this.log.warn(
          { dropped: this.dropped },
          'app logs: the database fell behind; entries lost',
        );
        this.dropped = 0;
      }
      this.buffer.push(this.toDoc(entry));
      if (this.buffer.length >= MAX_BATCH) this.send();
      else if (!this.timer) {
        this.timer = setTimeout(() => this.send(), FLUSH_DELAY_MS);
        this.timer.unref();
      }
    } catch (err) {
      this.lost(1, err, entry);
    }
  }

  /** Resolves when every entry written so far is stored (or reported lost). */
  async flush(): Promise<void> {
    this.send();
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Sends the buffer as one batch (unordered: one refused entry does not stop the others). */
  private send(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const docs = this.buffer;
    if (docs.length === 0) return;
    this.buffer = [];
    this.sending += docs.length;
    const done: Promise<void> = this.model.collection
      .insertMany(docs, { ordered: false })
      .then(
        () => undefined,
        (err: unknown) => this.lost(refusedCount(err, docs.length), err),
      )
      .finally(() => {
        this.sending -= docs.length;
        this.inFlight.delete(done);
      });
    this.inFlight.add(done);
  }

  /** Entries matching `filter`, newest first, after skipping `skip`. */
  async find(filter: AppLogFilter, skip: number, limit: number): Promise<AppLogDoc[]> {
    await this.flush();
    return this.model
      .find(this.query(filter))
      .sort({ _id: -1 })
      .skip(skip)
      .limit(limit)
      .lean<AppLogDoc[]>()
      .exec();
  }

  async count(filter: AppLogFilter): Promise<number> {
    await this.flush();
    return this.model.countDocuments(this.query(filter)).exec();
  }

  /** Deletes every entry that started before the retention window; safe to run concurrently. */
  async sweep(): Promise<number> {
    const cutoff = this.now().getTime() - this.retentionDays * DAY_MS;
    const res = await this.model.deleteMany({ _id: { $lt: firstLogIdAt(cutoff) } }).exec();
    return res.deletedCount;
  }

  /**
   * Sweeps every hour (the first time within a minute, at a random moment so that several
   * processes spread out), on an unref'd timer. Returns the function that stops it (and waits
   * for a sweep in progress).
   */
  startSweeping(intervalMs = SWEEP_INTERVAL_MS): () => Promise<void> {
    return runPeriodically(
      () =>
        this.sweep().then(
          (n) => {
            if (n > 0) this.log.info({ deleted: n }, 'app logs: expired entries removed');
          },
          (err: unknown) => this.log.warn({ err }, 'app logs: sweep failed'),
        ),
      intervalMs,
      Math.floor(Math.random() * 60_000),
    );
  }

  private query(f: AppLogFilter): mongoose.QueryFilter<AppLogDoc> {
    const q: Record<string, unknown> = { app_id: new mongoose.Types.ObjectId(f.appId) };
    const id: Record<string, mongoose.Types.ObjectId> = {};
    if (f.startMs !== undefined) id.$gte = firstLogIdAt(f.startMs + 1);
    if (f.endMs !== undefined) id.$lt = firstLogIdAt(f.endMs + 1);
    if (Object.keys(id).length > 0) q._id = id;
    if (f.coId !== undefined) q.co_id = f.coId;
    if (f.userId !== undefined) q.user_id = f.userId;
    if (f.types !== undefined && f.types.length > 0) q.type = { $in: [...f.types] };
    if (f.errorsOnly) q.is_error = true;
    return q;
  }

  private toDoc(e: AppLogEntry): AppLogDoc {
    const now = this.now();
    const started = validDate(e.started, now);
    const short = (s: unknown) => capOptional(s, MAX_SHORT_BYTES);
    const doc: AppLogDoc = {
      _id: newLogId(started),
      app_id: new mongoose.Types.ObjectId(e.app_id),
      group_id: e.group_id,
      domain_id: e.domain_id,
      type: e.type,
      is_error: isError(e),
      started,
      completed: validDate(e.completed, started),
      expires_at: new Date(started.getTime() + this.retentionDays * DAY_MS),
      co_id: short(e.co_id),
      user_id: short(e.user_id),
      request_url: capOptional(e.request_url, MAX_TEXT_BYTES),
      request_method: short(e.request_method),
      remote_ip_address: short(e.remote_ip_address),
      status: typeof e.status === 'number' ? e.status : undefined,
      error: capOptional(e.error, MAX_TEXT_BYTES),
      error_code: short(e.error_code),
      auth_event: e.auth_event && {
        type: capOptional(e.auth_event.type, MAX_SHORT_BYTES) ?? '',
        provider: capOptional(e.auth_event.provider, MAX_SHORT_BYTES) ?? '',
        failed: e.auth_event.failed === true,
      },
      function_id: short(e.function_id),
      function_name: short(e.function_name),
      function_call: e.function_call && functionCall(e.function_call),
      messages: e.messages && capMessages(e.messages),
      event_subscription_id: short(e.event_subscription_id),
      event_subscription_name: short(e.event_subscription_name),
      mem_time_usage:
        typeof e.mem_time_usage === 'number' && Number.isFinite(e.mem_time_usage)
          ? Math.max(0, Math.round(e.mem_time_usage))
          : undefined,
      platform: short(e.platform),
      platform_version: short(e.platform_version),
      sdk_name: short(e.sdk_name),
      sdk_version: short(e.sdk_version),
    };
    // Absent fields are left out rather than stored as null.
    for (const key of Object.keys(doc) as (keyof AppLogDoc)[]) {
      if (doc[key] === undefined) delete doc[key];
    }
    return doc;
  }

  private lost(count: number, err: unknown, entry?: AppLogEntry): void {
    this.log.warn(
      { err, count, ...(entry ? { app_id: entry.app_id, type: entry.type } : {}) },
      'app logs: entries could not be stored',
    );
  }
}

/** How many entries of a failed unordered batch were not stored. */
function refusedCount(err: unknown, batch: number): number {
  const writeErrors = (err as { writeErrors?: unknown } | null)?.writeErrors;
  if (Array.isArray(writeErrors)) return writeErrors.length;
  const inserted = (err as { insertedCount?: unknown } | null)?.insertedCount;
  return typeof inserted === 'number' ? batch - inserted : batch;
}
