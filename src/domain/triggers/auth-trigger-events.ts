import { isDuplicateKey } from '../../db/duplicate-key';
import { nativeCollection } from '../native-collection';
import { PROCESS_NAME } from './process-name';
import type { AuthTriggerClaimDoc, AuthTriggerClaimModel } from './auth-trigger-claim.model';
import type { AuthTriggerEventDoc, AuthTriggerEventModel } from './auth-trigger-event.model';

export type { AuthTriggerClaimDoc, AuthTriggerEventDoc };

export const claimKey = (eventKey: string, attempt: number): string => `${eventKey}|${attempt}`;

/**
 * The durable queue of AUTHENTICATION trigger events, shared by every server process on the
 * database. Nothing here relies on transactions or atomic updates (FerretDB): an event is
 * inserted once by its writer; each attempt at running it belongs to the process whose insert of
 * the attempt's claim (unique `_id`) succeeds, and only that process updates the claim; an event
 * is done when it is deleted.
 */
export class AuthTriggerEvents {
  constructor(
    private readonly eventModel: AuthTriggerEventModel,
    private readonly claimModel: AuthTriggerClaimModel,
  ) {}

  private get events() {
    return nativeCollection(this.eventModel);
  }

  private get claims() {
    return nativeCollection(this.claimModel);
  }

  /** Records events (one round trip); they stay until `finish`. */
  async add(docs: AuthTriggerEventDoc[]): Promise<void> {
    if (docs.length > 0) await this.events.insertMany(docs, { ordered: false });
  }

  get(key: string): Promise<AuthTriggerEventDoc | null> {
    return this.events.findOne({ _id: key });
  }

  /** True for the one caller whose claim of this attempt is inserted. */
  async claim(
    event: Pick<AuthTriggerEventDoc, '_id' | 'app_id'>,
    attempt: number,
    now: Date,
    until: Date,
  ): Promise<boolean> {
    try {
      await this.claims.insertOne({
        _id: claimKey(event._id, attempt),
        app_id: event.app_id,
        event_id: event._id,
        attempt,
        claimed_at: now,
        claimed_until: until,
        claimed_by: PROCESS_NAME,
      });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** Moves the end of an attempt its caller owns (after a failure: when the next may start). */
  async extend(eventKey: string, attempt: number, until: Date): Promise<void> {
    await this.claims.updateOne(
      { _id: claimKey(eventKey, attempt) },
      { $set: { claimed_until: until } },
    );
  }

  /** The event is done: it is deleted first (so no new attempt starts), then its claims. */
  async finish(eventKey: string, lastAttempt: number): Promise<void> {
    await this.events.deleteOne({ _id: eventKey });
    const ids = Array.from({ length: lastAttempt }, (_, i) => claimKey(eventKey, i + 1));
    await this.claims.deleteMany({ _id: { $in: ids } });
  }

  /**
   * Up to `limit` events and every claim, for a sweep. The claims are read first: a claim whose
   * event is then missing belongs to a finished event (claims are inserted after their event).
   */
  async snapshot(limit: number): Promise<{
    events: AuthTriggerEventDoc[];
    claims: AuthTriggerClaimDoc[];
  }> {
    const claims = await this.claims.find({}).toArray();
    const events = await this.events.find({}).limit(limit).toArray();
    return { events, claims };
  }

  /** Claims left by a finish that stopped half-way. */
  async removeClaims(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.claims.deleteMany({ _id: { $in: ids } });
  }
}
