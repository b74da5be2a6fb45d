import { RateLimitedError } from '../../errors/app-error';
import { sha256Hex } from '../../security/hashing';
import type { SlotStore } from './slot-store';

/** An attempt admitted by a WindowLimiter: the slot it holds in its key's window. */
export interface Lease {
  readonly key: string;
  readonly windowStart: number;
  readonly slot: number;
}

/** A clear asked for while another of its key runs: made once that one has ended. */
interface WaitingClear {
  readonly windowStart: number;
  /** The highest slot of the leases waiting for it. */
  slot: number;
  done: Promise<void>;
}

const PRUNE_ABOVE = 10_000;
const PARALLEL_DELETES = 16;

/**
 * At most `points` attempts per key in each fixed window of `windowSeconds` (windows aligned to
 * the epoch, so every process agrees on them). Each admitted attempt holds one of the slots
 * 1..points of its key's window, taken by a unique insert of `<window>|<slot>|<hash of key>`:
 * however many processes share the store, a window never admits more than `points` (exact, no
 * over-admission). Under concurrency it may refuse an attempt while a slot it already probed
 * is given back, never the other way round. Old windows are never read again, only swept.
 *
 * In-memory, per process: where to start probing (the last slot seen taken) and "blocked until
 * the window ends" once a key was refused. The latter only ever refuses: a slot freed later by
 * another process (a failure that does not count, or a success clearing the count) is not seen
 * by this process until the window ends.
 */
export class WindowLimiter {
  private readonly windowMs: number;
  private readonly lastTaken = new Map<string, { windowStart: number; slot: number }>();
  private readonly blockedUntil = new Map<string, number>();
  /** Per key: the end of the clears asked for so far, and the one not started yet (see clear). */
  private readonly clearing = new Map<string, { tail: Promise<void>; waiting?: WaitingClear }>();

  constructor(
    private readonly scope: string,
    private readonly points: number,
    windowSeconds: number,
    private readonly store: SlotStore,
    private readonly now: () => Date,
  ) {
    this.windowMs = windowSeconds * 1000;
  }

  /** Takes a slot for one attempt; throws RateLimitedError (with the seconds to wait) when full. */
  async take(key: string): Promise<Lease> {
    const nowMs = this.now().getTime();
    const windowStart = nowMs - (nowMs % this.windowMs);
    const windowEnd = windowStart + this.windowMs;
    this.prune(nowMs);
    const blocked = this.blockedUntil.get(key);
    if (blocked !== undefined && blocked > nowMs) throw limited(windowEnd - nowMs);
    // Upward from the last slot this process reserved, each candidate reserved before its insert
    // is awaited: attempts running at once in this process never probe the same slot (probing one
    // slot after another would cost each of n concurrent attempts up to n inserts). Then the lower
    // slots (given back since).
    const slot =
      (await this.probeUpward(key, windowStart)) ??
      (await this.probe(key, windowStart, 1, this.points));
    if (slot === undefined) {
      this.lastTaken.set(key, { windowStart, slot: this.points });
      this.blockedUntil.set(key, windowEnd);
      throw limited(windowEnd - this.now().getTime());
    }
    return { key, windowStart, slot };
  }

  /** Gives an attempt's slot back (the attempt does not count). */
  async release(lease: Lease): Promise<void> {
    await this.store.delete(this.slotId(lease.key, lease.windowStart, lease.slot));
  }

  /**
   * Clears the count of the lease's key: its slots up to the lease's, then those above until one
   * is missing (taken by attempts running at the same time). A slot above such a gap stays
   * counted until its window ends: this errs on the side of refusing.
   *
   * One clear of a key runs at a time in this process; the clears asked for while it runs are
   * made once, together, after it (up to the highest of their slots). That clear starts after
   * every one of them was asked for, so it deletes all that each would have deleted (and, as any
   * clear may, slots of attempts made meanwhile). Without this, n successful logins of one account
   * at once cost up to n deletes each (n² in all: 50 concurrent first logins of one account made
   * 1,300 deletes; an API key shared by many instances logging in at once pays the same).
   */
  clear(lease: Lease): Promise<void> {
    const { key, windowStart, slot } = lease;
    this.lastTaken.delete(key);
    this.blockedUntil.delete(key);
    const clearing = this.clearing.get(key) ?? { tail: Promise.resolve() };
    const waiting = clearing.waiting;
    if (waiting?.windowStart === windowStart) {
      waiting.slot = Math.max(waiting.slot, slot);
      return waiting.done;
    }
    const job: WaitingClear = { windowStart, slot, done: Promise.resolve() };
    job.done = clearing.tail.then(() => {
      if (clearing.waiting === job) clearing.waiting = undefined;
      return this.deleteSlots(key, job.windowStart, job.slot);
    });
    const tail = job.done.then(
      () => undefined,
      () => undefined,
    );
    clearing.waiting = job;
    clearing.tail = tail;
    this.clearing.set(key, clearing);
    void tail.then(() => {
      if (clearing.tail === tail) this.clearing.delete(key);
    });
    return job.done;
  }

  /** Deletes the key's slots up to `slot`, then those above until one is missing. */
  private async deleteSlots(key: string, windowStart: number, slot: number): Promise<void> {
    for (let first = 1; first <= slot; first += PARALLEL_DELETES) {
      const last = Math.min(slot, first + PARALLEL_DELETES - 1);
      const ids = [];
      for (let n = first; n <= last; n++) ids.push(this.slotId(key, windowStart, n));
      await Promise.all(ids.map((id) => this.store.delete(id)));
    }
    for (let n = slot + 1; n <= this.points; n++)
      if (!(await this.store.delete(this.slotId(key, windowStart, n)))) break;
  }

  /** The next unreserved slot of the key's window in this process (reserved by this call). */
  private reserve(key: string, windowStart: number): number {
    const seen = this.lastTaken.get(key);
    const slot = seen?.windowStart === windowStart ? seen.slot + 1 : 1;
    this.lastTaken.set(key, { windowStart, slot: Math.min(slot, this.points) });
    return slot;
  }

  private async probeUpward(key: string, windowStart: number): Promise<number | undefined> {
    const expiresAt = new Date(windowStart + this.windowMs);
    for (let n = this.reserve(key, windowStart); n <= this.points;) {
      if (await this.store.insert(this.slotId(key, windowStart, n), expiresAt)) return n;
      n = this.reserve(key, windowStart); // taken by another process: the next unreserved one
    }
    return undefined;
  }

  private async probe(
    key: string,
    windowStart: number,
    from: number,
    to: number,
  ): Promise<number | undefined> {
    const expiresAt = new Date(windowStart + this.windowMs);
    for (let n = from; n <= to; n++)
      if (await this.store.insert(this.slotId(key, windowStart, n), expiresAt)) return n;
    return undefined;
  }

  /** Numbers first, then a hash of the key: unambiguous, and no username or IP is stored. */
  private slotId(key: string, windowStart: number, slot: number): string {
    return `${windowStart}|${slot}|${sha256Hex(`${this.scope}:${key}`).slice(0, 32)}`;
  }

  /** Keeps the per-process maps small: forgets what belongs to ended windows. */
  private prune(nowMs: number): void {
    if (this.lastTaken.size + this.blockedUntil.size <= PRUNE_ABOVE) return;
    for (const [key, seen] of this.lastTaken)
      if (seen.windowStart + this.windowMs <= nowMs) this.lastTaken.delete(key);
    for (const [key, until] of this.blockedUntil) if (until <= nowMs) this.blockedUntil.delete(key);
  }
}

function limited(msLeft: number): RateLimitedError {
  const seconds = Math.max(1, Math.ceil(msLeft / 1000));
  return new RateLimitedError(`too many login attempts; retry in ${seconds} seconds`, seconds);
}
