/**
 * The database commands a piece of work makes, through the driver's command monitoring, each
 * timed and marked with whether FerretDB v1 can answer its filter from an index: only a filter
 * that is `_id` alone, a string or ObjectId, can be; everything else scans the collection. Used
 * by login-queries.ts and import-queries.ts, on a server of their own (startMonitoredServer).
 */
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import { EJSON } from 'bson';
import type { Document, MongoClient } from 'mongodb';
import { startBenchEnvironment, type BenchContext } from './harness';

export interface Command {
  name: string;
  collection: string;
  filter: Document | undefined;
  ms: number;
}

/** The filter of a command that reads, updates or deletes; undefined for inserts and the rest. */
function filterOf(cmd: Document): Document | undefined {
  if (cmd.find) return cmd.filter as Document;
  if (cmd.update) return (cmd.updates as Document[])[0]?.q as Document;
  if (cmd.delete) return (cmd.deletes as Document[])[0]?.q as Document;
  if (cmd.findAndModify) return cmd.query as Document;
  if (cmd.count) return cmd.query as Document;
  return undefined;
}

function ferretdbPlan(filter: Document | undefined): string {
  if (!filter) return '';
  const keys = Object.keys(filter);
  const id: unknown = filter._id;
  const isIdOnly =
    keys.length === 1 &&
    keys[0] === '_id' &&
    (typeof id === 'string' || id instanceof mongoose.mongo.ObjectId);
  return isIdOnly ? 'index' : 'SCAN';
}

/** Records the commands the client makes while `run` runs; resolves to them and its time. */
export class CommandLog {
  private recorded: Command[] | undefined;
  private readonly started = new Map<number, { at: number; command: Document; name: string }>();

  constructor(client: MongoClient) {
    client.on('commandStarted', (e) => {
      if (this.recorded) {
        this.started.set(e.requestId, {
          at: performance.now(),
          command: e.command,
          name: e.commandName,
        });
      }
    });
    client.on('commandSucceeded', (e) => {
      const s = this.started.get(e.requestId);
      this.started.delete(e.requestId);
      if (!s || !this.recorded) return;
      this.recorded.push({
        name: s.name,
        collection: String(s.command[s.name]),
        filter: filterOf(s.command),
        ms: performance.now() - s.at,
      });
    });
  }

  /** `settle`, run after `run` and untimed, is recorded too (e.g. a flush of batched writes). */
  async record(
    run: () => Promise<unknown>,
    settle?: () => Promise<unknown>,
  ): Promise<{ commands: Command[]; ms: number }> {
    const commands: Command[] = [];
    this.recorded = commands;
    try {
      const t0 = performance.now();
      await run();
      const ms = performance.now() - t0;
      await settle?.();
      return { commands, ms };
    } finally {
      this.recorded = undefined;
    }
  }
}

/** One line per command: its FerretDB plan, time, name, collection and filter. */
export function printCommands(title: string, ms: number, commands: readonly Command[]): void {
  console.log(`\n${title}: ${ms.toFixed(1)} ms, ${commands.length} commands`);
  for (const c of commands) {
    const filter = c.filter ? EJSON.stringify(c.filter).slice(0, 80) : '';
    console.log(
      `  ${ferretdbPlan(c.filter).padEnd(5)} ${c.ms.toFixed(2).padStart(7)} ms  ${c.name} ${c.collection} ${filter}`,
    );
  }
}

/**
 * The server on a database of its own (see startBenchEnvironment), its connection monitored by a
 * CommandLog; `close` removes it all.
 */
export async function startMonitoredServer(): Promise<{
  ctx: BenchContext;
  log: CommandLog;
  close: () => Promise<void>;
}> {
  const env = await startBenchEnvironment((m) => console.error(m), { monitorCommands: true });
  const settings = { durationSec: 1, connections: 1, warmupSec: 0, rounds: 1, quick: true };
  return {
    ctx: { baseUrl: env.baseUrl, deps: env.deps, dbUri: env.dbUri, settings },
    log: new CommandLog(env.deps.conn.getClient()),
    close: () => env.close(),
  };
}
