import { ObjectId } from 'bson';

/**
 * App logs: what the Admin API's `GET …/logs` lists. Writers (logins, function executions,
 * trigger runs) describe an event with an `AppLogEntry`; the store adds the `_id` and keeps it
 * for a bounded time. The stored form (AppLogDoc, app-log.model.ts) is derived from this type.
 */
export type AppLogType =
  'AUTH' | 'FUNCTION' | 'AUTH_TRIGGER' | 'SCHEDULED_TRIGGER' | 'TRIGGER_FAILURE' | 'API_KEY';

export interface AppLogEntry {
  type: AppLogType;
  /** The app's internal id (hex), its group and domain. */
  app_id: string;
  group_id: string;
  domain_id: string;
  /** Correlation id (hex): entries of one request or trigger run share it. */
  co_id?: string;
  user_id?: string;
  request_url?: string;
  request_method?: string;
  remote_ip_address?: string;
  started: Date;
  completed: Date;
  /** HTTP status of a client request. */
  status?: number;
  error?: string;
  error_code?: string;
  /** AUTH entries: what happened with which provider type. */
  auth_event?: { type: string; provider: string; failed: boolean };
  /** FUNCTION and trigger entries. */
  function_id?: string;
  function_name?: string;
  function_call?: { name: string; arguments?: unknown };
  /** Lines the function wrote with console.log / console.error. */
  messages?: string[];
  /** Trigger entries. */
  event_subscription_id?: string;
  event_subscription_name?: string;
  /** Milliseconds of execution (App Services bills memory × time; we report the time). */
  mem_time_usage?: number;
  platform?: string;
  platform_version?: string;
  sdk_name?: string;
  sdk_version?: string;
}

/** Records app log entries. Never throws and never delays the caller: a lost log line is logged. */
export interface AppLogWriter {
  write(entry: AppLogEntry): void;
}

/** Where a client request came from, as its entries show it (the path only, no query string). */
export interface RequestInfo {
  url: string;
  method: string;
  ip?: string;
}

/**
 * The client request that entries are written for. Every entry a request causes carries its
 * `coId`: the login's AUTH entry, the functions it ran, and the triggers it fired (which run
 * later). Created once per request and passed down explicitly.
 */
export interface LogOrigin {
  coId: string;
  request?: RequestInfo;
}

/** A new correlation id (hex ObjectId, as App Services' co_id). */
export function newCoId(): string {
  return new ObjectId().toHexString();
}
