import { EJSON } from 'bson';
import type { Request } from 'express';
import { InvalidInputError } from '../errors/app-error';
import type { RequestInfo } from '../domain/app-logs/app-log';

/**
 * A request's function arguments (Extended JSON, canonical or relaxed) as BSON values:
 * `{"$oid": …}` becomes an ObjectId, `{"$date": …}` a Date. Parsed canonically so a large
 * `$numberLong` keeps its precision; the sandbox hands int32 and double to functions as numbers.
 * `null` or absent means no arguments.
 */
export function decodeArguments(raw: readonly unknown[] | null | undefined): unknown[] {
  if (raw === null || raw === undefined) return [];
  try {
    return EJSON.deserialize([...raw], { relaxed: false }) as unknown[];
  } catch (err) {
    throw new InvalidInputError(
      `arguments are not valid Extended JSON: ${err instanceof Error ? err.message : String(err)}`,
      'InvalidParameter',
    );
  }
}

/**
 * Service functions (`{name, service}`: the SDKs' MongoDB client sends `find`, `insertOne`… to
 * the `mongodb-atlas` service this way) are answered by the Client API under the collection
 * rules; the Admin API's debug console runs only the app's own functions.
 */
export function refuseServiceFunction(service: string | undefined, name: string): void {
  if (!service) return;
  throw new InvalidInputError(
    `service functions are not supported: cannot call "${name}" of service "${service}"; call one of the app's functions instead`,
    'ServiceCommandNotFound',
  );
}

/** How the HTTP request appears in the execution's log entry (the path only: no query string). */
export function requestInfo(req: Request): RequestInfo {
  return {
    url: req.originalUrl.split('?')[0] ?? req.originalUrl,
    method: req.method,
    ...(req.ip ? { ip: req.ip } : {}),
  };
}
