import { describeError } from '../../errors/error-status';
import type { AppLogEntry, AppLogWriter } from '../../domain/app-logs/app-log';
import type { LoginAttempt } from './login.service';

type SdkFields = Pick<AppLogEntry, 'platform' | 'platform_version' | 'sdk_name' | 'sdk_version'>;

/**
 * What the SDK says about itself in the login body's `options.device`: realm-web sends
 * `platform`, `platformVersion` and `sdkVersion`; the realm-core SDKs also send `sdk` (the name).
 */
function sdkFields(options: unknown): SdkFields {
  const device = (options as { device?: unknown } | undefined)?.device;
  if (typeof device !== 'object' || device === null) return {};
  const d = device as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    platform: text(d.platform),
    platform_version: text(d.platformVersion),
    sdk_name: text(d.sdk),
    sdk_version: text(d.sdkVersion),
  };
}

/**
 * Records each login attempt as an AUTH entry of its app's log: the provider type, the user on
 * success, the status and error (as the client was answered) on failure. An attempt on an
 * unknown app is not recorded: there is no app log to write it to.
 */
export function logLoginAttempts(logs: AppLogWriter): (attempt: LoginAttempt) => void {
  return ({ request, app, provider, coId, started, completed, userId, error }) => {
    if (!app) return;
    const failure = error === undefined ? undefined : describeError(error);
    logs.write({
      type: 'AUTH',
      app_id: app.appId,
      group_id: app.groupId,
      domain_id: app.domainId,
      co_id: coId,
      user_id: userId,
      request_url: request.requestUrl,
      request_method: request.requestMethod,
      remote_ip_address: request.ip,
      started,
      completed,
      status: failure?.status ?? 200,
      error: failure?.error,
      error_code: failure?.error_code,
      auth_event: {
        type: 'login',
        provider: provider?.type ?? request.providerName,
        failed: failure !== undefined,
      },
      ...sdkFields(request.payload.options),
    });
  };
}
