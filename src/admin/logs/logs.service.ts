import { InvalidInputError } from '../../errors/app-error';
import type { AppLogFilter, AppLogStore } from '../../domain/app-logs/app-log.store';
import { toWireLog, type WireAppLog } from './app-log.mapper';
import { startedOf } from '../../domain/app-logs/log-id';

export interface LogsQuery {
  coId?: string;
  userId?: string;
  types?: readonly string[];
  errorsOnly: boolean;
  /** ISO 8601, exclusive. */
  startDate?: string;
  /** ISO 8601, inclusive. */
  endDate?: string;
  skip: number;
  limit: number;
}

export interface LogsPage {
  logs: WireAppLog[];
  /** Present when more entries match: the `started` of the next page's first entry. */
  nextEndDate?: string;
  nextSkip?: number;
}

function parseDate(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidInputError(`invalid ${name}: expected an ISO 8601 date`);
  return ms;
}

/**
 * Pages through an app's logs backwards in time. A page is the newest `limit` entries of the
 * window after `skip`; one more is read to know whether there is a next page. The next page ends
 * at that entry's `started` (end_date is inclusive), skipping the entries with that same
 * `started` already returned.
 */
export class LogsService {
  constructor(private readonly store: Pick<AppLogStore, 'find' | 'count'>) {}

  async page(appId: string, q: LogsQuery): Promise<LogsPage> {
    const filter: AppLogFilter = {
      appId,
      coId: q.coId,
      userId: q.userId,
      types: q.types,
      errorsOnly: q.errorsOnly,
      startMs: parseDate('start_date', q.startDate),
      endMs: parseDate('end_date', q.endDate),
    };
    const docs = await this.store.find(filter, q.skip, q.limit + 1);
    const page = docs.slice(0, q.limit);
    const logs = page.map(toWireLog);
    const next = docs[q.limit];
    if (!next) return { logs };

    const t = startedOf(next._id);
    const newest = page[0] ? startedOf(page[0]._id) : t;
    // Entries before index skip+limit that started at t: those on this page, unless the whole
    // page started at t, when skipped entries may have too (count the ones after t instead).
    const nextSkip =
      newest > t
        ? page.filter((d) => startedOf(d._id) === t).length
        : q.skip + page.length - (await this.store.count({ ...filter, startMs: t }));
    return { logs, nextEndDate: new Date(t).toISOString(), nextSkip };
  }
}
