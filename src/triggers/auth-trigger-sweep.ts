import type {
  AuthTriggerClaimDoc,
  AuthTriggerEventDoc,
} from '../domain/triggers/auth-trigger-events';

/** How recorded auth trigger events are retried and recovered (see README "How triggers run"). */
export interface AuthTriggerDurability {
  /**
   * How long an attempt is its process's: a claim older than this is taken to be a dead
   * process's, and an event nobody claimed this long after it was written is taken over.
   */
  readonly leaseMs: number;
  /** Attempts per event and trigger; when the last fails, a TRIGGER_FAILURE entry says so. */
  readonly maxAttempts: number;
  /** The wait after a failed attempt n is `retryDelayMs × 2^(n-1)`. */
  readonly retryDelayMs: number;
  /** How often each process looks for events whose lease or retry delay has passed. */
  readonly sweepIntervalMs: number;
}

export const DEFAULT_AUTH_TRIGGER_DURABILITY: AuthTriggerDurability = {
  leaseMs: 5 * 60_000,
  maxAttempts: 3,
  retryDelayMs: 30_000,
  sweepIntervalMs: 15_000,
};

/** An attempt a sweep may start: attempt `maxAttempts + 1` means giving the event up. */
export interface DueAttempt {
  readonly event: AuthTriggerEventDoc;
  readonly attempt: number;
}

/**
 * What a sweep should do, from what it read: the next attempt of each event whose last claim
 * has expired (or that nobody claimed within a lease of being written), oldest first, and the
 * claims of events that are gone (left by a finish that stopped half-way). `skip`: the events
 * this process is already working on. `complete`: whether `events` holds every event (if not,
 * a missing event proves nothing).
 */
export function dueAttempts(
  events: readonly AuthTriggerEventDoc[],
  claims: readonly AuthTriggerClaimDoc[],
  now: Date,
  leaseMs: number,
  skip: ReadonlySet<string>,
  complete: boolean,
): { due: DueAttempt[]; orphanClaims: string[] } {
  const latest = new Map<string, AuthTriggerClaimDoc>();
  for (const c of claims) {
    const seen = latest.get(c.event_id);
    if (!seen || seen.attempt < c.attempt) latest.set(c.event_id, c);
  }
  const t = now.getTime();
  const due: DueAttempt[] = [];
  for (const event of events) {
    if (skip.has(event._id)) continue;
    const last = latest.get(event._id);
    if (!last) {
      if (event.time.getTime() + leaseMs <= t) due.push({ event, attempt: 1 });
    } else if (last.claimed_until.getTime() <= t) {
      due.push({ event, attempt: last.attempt + 1 });
    }
  }
  due.sort((a, b) => a.event.time.getTime() - b.event.time.getTime());
  const ids = new Set(events.map((e) => e._id));
  const orphanClaims = complete
    ? claims.filter((c) => !ids.has(c.event_id) && c.claimed_until.getTime() <= t).map((c) => c._id)
    : [];
  return { due, orphanClaims };
}
