import type { DataSources } from '../domain/data-sources/data-sources';
import type { Engines } from './engines';

export interface Lifecycle {
  /**
   * Starts background work (the trigger scheduler, the sweep of recorded auth trigger events); a
   * server calls it once it listens.
   */
  start(): void;
  /** Stops background work and waits for what is running; call before closing the database. */
  stop(): Promise<void>;
}

/** Background work starts after listening and stops, in this order, before the database closes. */
export function lifecycle(engines: Engines, dataSources: DataSources): Lifecycle {
  return {
    start: () => {
      engines.scheduler.start();
      engines.authTriggers.start();
    },
    stop: async () => {
      await engines.scheduler.stop();
      await engines.authTriggers.close();
      await engines.functions.close();
      await dataSources.close();
    },
  };
}
