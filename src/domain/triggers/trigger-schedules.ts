import mongoose from 'mongoose';
import type { AppConfig, ScheduledTriggerConfig } from '../../app-config/app-config.types';
import { normalizeSchedule } from '../../app-config/triggers';
import { isDuplicateKey } from '../../db/duplicate-key';
import { nativeCollection } from '../native-collection';
import type { TriggerScheduleDoc, TriggerScheduleModel } from './trigger-schedule.model';

export type { TriggerScheduleDoc };

export const scheduleKey = (t: ScheduledTriggerConfig): string =>
  `${t._id}|${normalizeSchedule(t.config.schedule)}`;

/**
 * Shared by the deploy path (which writes an entry before a deployment is inserted, so no
 * deployed scheduled trigger is ever missing from the index) and the scheduler (which reads the
 * index and removes entries the deployed config no longer has). Entries are only ever inserted
 * (a unique `_id` admits one writer) and deleted: nothing relies on atomic updates.
 */
export class TriggerSchedules {
  constructor(private readonly model: TriggerScheduleModel) {}

  private get docs() {
    return nativeCollection(this.model);
  }

  /**
   * Records the scheduled triggers (enabled or not) of a config about to be deployed: an entry
   * that exists is kept, so `since` stays the time its trigger was first deployed that way.
   */
  async noteDeploy(appId: string, config: AppConfig, now: Date): Promise<void> {
    for (const t of config.triggers) {
      if (t.type === 'SCHEDULED') await this.insert(entry(appId, t, now));
    }
  }

  /** The entry of a trigger's schedule, inserted with `since: now` if there is none yet. */
  async ensure(appId: string, t: ScheduledTriggerConfig, now: Date): Promise<TriggerScheduleDoc> {
    const doc = entry(appId, t, now);
    if (await this.insert(doc)) return doc;
    return (await this.docs.findOne({ _id: doc._id })) ?? doc;
  }

  /** Every entry: one small document per scheduled trigger and schedule. */
  all(): Promise<TriggerScheduleDoc[]> {
    return this.docs.find({}).toArray();
  }

  /** False when the entry exists already. */
  private async insert(doc: TriggerScheduleDoc): Promise<boolean> {
    try {
      await this.docs.insertOne(doc);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await this.docs.deleteOne({ _id: key });
  }

  async removeApp(appId: mongoose.Types.ObjectId): Promise<void> {
    await this.docs.deleteMany({ app_id: appId });
  }
}

function entry(appId: string, t: ScheduledTriggerConfig, since: Date): TriggerScheduleDoc {
  return {
    _id: scheduleKey(t),
    app_id: new mongoose.Types.ObjectId(appId),
    trigger_id: t._id,
    schedule: normalizeSchedule(t.config.schedule),
    since,
  };
}
