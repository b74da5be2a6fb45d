import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';
import type { AppLogEntry } from './app-log';

/**
 * One app log entry as stored: the entry as written (AppLogEntry, whose fields are defined once in
 * app-log.ts) with the app's id as an ObjectId, the call's arguments as JSON text (see
 * argumentsJson), and what the store adds. The `_id` encodes `started` to the millisecond (see
 * log-id.ts), so a date window is an `_id` range. `is_error` is decided once, at write time, for
 * `errors_only`.
 */
export type AppLogDoc = Omit<AppLogEntry, 'app_id' | 'function_call'> & {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  is_error: boolean;
  /** When the entry may be dropped (a TTL index on MongoDB; the sweep everywhere). */
  expires_at: Date;
  function_call?: { name: string; arguments_json?: string };
};

export const APP_LOGS_COLLECTION = 'app_logs';

const appLogSchema = new Schema<AppLogDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    group_id: { type: String, required: true },
    domain_id: { type: String, required: true },
    type: { type: String, required: true },
    is_error: { type: Boolean, required: true },
    started: { type: Date, required: true },
    completed: { type: Date, required: true },
    expires_at: { type: Date, required: true },
    co_id: String,
    user_id: String,
    request_url: String,
    request_method: String,
    remote_ip_address: String,
    status: Number,
    error: String,
    error_code: String,
    auth_event: { type: { type: String }, provider: String, failed: Boolean },
    function_id: String,
    function_name: String,
    function_call: { name: String, arguments_json: String },
    messages: [String],
    event_subscription_id: String,
    event_subscription_name: String,
    mem_time_usage: Number,
    platform: String,
    platform_version: String,
    sdk_name: String,
    sdk_version: String,
  },
  { collection: APP_LOGS_COLLECTION, versionKey: false },
);
ownedBy(appLogSchema, { app: 'app_id' });
// Every query names one app and an `_id` range (the date window), newest first. The TTL index on
// expires_at is created by AppLogStore.init, because FerretDB refuses TTL indexes.
appLogSchema.index({ app_id: 1, _id: -1 });

export type AppLogModel = Model<AppLogDoc>;

export function appLogModel(conn: mongoose.Connection): AppLogModel {
  return (
    (conn.models.AppLog as AppLogModel | undefined) ?? conn.model<AppLogDoc>('AppLog', appLogSchema)
  );
}
