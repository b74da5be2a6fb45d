import type { AppLogStore } from '../domain/app-logs/app-log.store';
import type { DataSources } from '../domain/data-sources/data-sources';
import type { RateLimitSlots } from '../domain/rate-limits/rate-limit-slots';
import type { Engines } from './engines';

export interface Lifecycle {
  /** Starts background work (see below); a server calls it once it listens. */
  start(): void;
  /** Stops background work and waits for what is running; call before closing the database. */
  stop(): Promise<void>;
}

/**
 * Background work (the trigger scheduler, the sweep of recorded auth trigger events, the sweep of
 * ended rate-limit windows) starts after listening and stops, in this order, before the database
 * closes. The app log entries still buffered (see AppLogStore) are stored last, once nothing
 * that writes them runs any more.
 */
export function lifecycle(
  engines: Engines,
  dataSources: DataSources,
  rateLimitSlots: RateLimitSlots,
  appLogs: Pick<AppLogStore, 'flush'>,
): Lifecycle {
  let stopSweeping: (() => Promise<void>) | undefined;
  return {
    start: () => {
      engines.scheduler.start();
      engines.authTriggers.start();
      stopSweeping = rateLimitSlots.startSweeping();
    },
    stop: async () => {
      await stopSweeping?.();
      await engines.scheduler.stop();
      await engines.authTriggers.close();
      await engines.functions.close();
      await dataSources.close();
      await appLogs.flush();
    },
  };
}
