import type { components } from '../../generated/openapi';
import type { AppLogDoc } from '../../domain/app-logs/app-log.model';

export type WireAppLog = components['schemas']['AppLog'];

/** Types whose entries carry a function's output: `messages` is always a list for them. */
const WITH_MESSAGES = new Set([
  'FUNCTION',
  'AUTH_TRIGGER',
  'SCHEDULED_TRIGGER',
  'DB_TRIGGER',
  'TRIGGER_ERROR_HANDLER',
]);

function parseArguments(json: string | null | undefined): unknown {
  // null: entries stored before absent arguments were left out.
  if (json === undefined || json === null) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

function functionCall(call: NonNullable<AppLogDoc['function_call']>): WireAppLog['function_call'] {
  const args = parseArguments(call.arguments_json);
  return args === undefined ? { name: call.name } : { name: call.name, arguments: args };
}

/** A stored entry as the Admin API sends it: hex ids, ISO dates, only the fields it has. */
export function toWireLog(d: AppLogDoc): WireAppLog {
  const wire: WireAppLog = {
    _id: d._id.toHexString(),
    app_id: d.app_id.toHexString(),
    group_id: d.group_id,
    domain_id: d.domain_id,
    type: d.type,
    started: d.started.toISOString(),
    completed: d.completed.toISOString(),
    co_id: d.co_id,
    request_url: d.request_url,
    request_method: d.request_method,
    user_id: d.user_id,
    remote_ip_address: d.remote_ip_address,
    status: d.status,
    error: d.error,
    error_code: d.error_code,
    platform: d.platform,
    platform_version: d.platform_version,
    sdk_name: d.sdk_name,
    sdk_version: d.sdk_version,
    auth_event: d.auth_event && {
      type: d.auth_event.type,
      provider: d.auth_event.provider,
      failed: d.auth_event.failed,
    },
    function_id: d.function_id,
    function_name: d.function_name,
    function_call: d.function_call && functionCall(d.function_call),
    messages: d.messages ?? (WITH_MESSAGES.has(d.type) ? [] : undefined),
    mem_time_usage: d.mem_time_usage,
    event_subscription_id: d.event_subscription_id,
    event_subscription_name: d.event_subscription_name,
  };
  for (const key of Object.keys(wire) as (keyof WireAppLog)[]) {
    if (wire[key] === undefined) delete wire[key];
  }
  return wire;
}
