import { isDuplicateKey } from '../../db/duplicate-key';
import type { Logger } from '../../logging/logger';
import { nativeCollection } from '../native-collection';
import { runPeriodically } from '../periodic';
import type { RateLimitSlotModel } from './rate-limit-slot.model';
import type { SlotStore } from './slot-store';

const SWEEP_INTERVAL_MS = 60_000;

/**
 * The rate_limit_slots collection (its one writer): the login limits' counters, shared by every
 * server process. Each attempt is a unique insert, never an update of a shared counter:
 * FerretDB applies concurrent updates of one document non-atomically (an `$inc` counter loses
 * counts there), while a duplicate `_id` is refused on both FerretDB and MongoDB.
 */
export class RateLimitSlots implements SlotStore {
  constructor(
    private readonly model: RateLimitSlotModel,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  async insert(id: string, expiresAt: Date): Promise<boolean> {
    try {
      await nativeCollection(this.model).insertOne({ _id: id, expires_at: expiresAt });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async delete(id: string): Promise<boolean> {
    const res = await nativeCollection(this.model).deleteOne({ _id: id });
    return res.deletedCount > 0;
  }

  /** Deletes the slots of windows that have ended (they are ignored already); scans on FerretDB. */
  async sweep(): Promise<number> {
    const res = await nativeCollection(this.model).deleteMany({
      expires_at: { $lte: this.now() },
    });
    return res.deletedCount;
  }

  /**
   * Sweeps every minute on an unref'd timer; returns the function that stops it (and waits for a
   * sweep in progress).
   */
  startSweeping(intervalMs = SWEEP_INTERVAL_MS): () => Promise<void> {
    return runPeriodically(
      () =>
        this.sweep().then(
          () => undefined,
          (err: unknown) => this.log.warn({ err }, 'rate limits: sweep failed'),
        ),
      intervalMs,
    );
  }
}
