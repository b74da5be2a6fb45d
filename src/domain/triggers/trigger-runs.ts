import mongoose from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key';
import { nativeCollection } from '../native-collection';
import { PROCESS_NAME } from './process-name';
import type { TriggerRunModel } from './trigger-run.model';

/**
 * Claims of scheduled trigger runs, shared by every server process on the database. A fire time
 * is run by the process whose insert of its claim succeeds; the unique `_id` decides, so this
 * holds without transactions or atomic updates (FerretDB). A claim is taken before the run: a
 * process that dies in between loses that run (at most once, never twice).
 */
export class TriggerRuns {
  constructor(private readonly model: TriggerRunModel) {}

  private get docs() {
    return nativeCollection(this.model);
  }

  /**
   * True for the one caller that claims this fire time. Claims of the trigger before `keepFrom`
   * (the fire time before this one) are dropped: a pass never asks about a fire time older than
   * the one before the newest, as long as server clocks agree within one period of the schedule.
   */
  async claim(
    appId: string,
    triggerId: string,
    scheduledFor: Date,
    keepFrom: Date,
    now: Date,
  ): Promise<boolean> {
    try {
      await this.docs.insertOne({
        _id: `${triggerId}|${scheduledFor.toISOString()}`,
        app_id: new mongoose.Types.ObjectId(appId),
        trigger_id: triggerId,
        scheduled_for: scheduledFor,
        claimed_at: now,
        claimed_by: PROCESS_NAME,
      });
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
    // The collection stays at about two documents per trigger, so this filter's scan is small.
    await this.docs.deleteMany({ trigger_id: triggerId, scheduled_for: { $lt: keepFrom } });
    return true;
  }

  async removeTrigger(triggerId: string): Promise<void> {
    await this.docs.deleteMany({ trigger_id: triggerId });
  }

  async removeApp(appId: mongoose.Types.ObjectId): Promise<void> {
    await this.docs.deleteMany({ app_id: appId });
  }
}
