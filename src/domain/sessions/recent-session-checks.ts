import type { UserDoc } from '../users/user.model';
import type { UserSessionDoc } from './user-session.model';

/**
 * How long a check of a user session (the session live, its user enabled) is reused for the
 * session's access tokens. Changes made through this process are seen at once (see
 * RecentSessionChecks); made by another process sharing the database, within this.
 */
export const USER_SESSION_CHECK_TTL_MS = 1000;
/** How many checks are remembered; past it they are all dropped (they are cheap to redo). */
const MAX_CHECKS = 10_000;

/** A session and its user as read together from the database. */
export interface CheckedSession {
  readonly session: UserSessionDoc;
  readonly user: UserDoc;
}

/**
 * This process's recent checks of end users' sessions, by session id. The one writer of sessions
 * and users (UserSessionStore, UserStore) forgets what each of its writes could change once the
 * write has ended, so the process that logs out, disables, deletes or logs in a user sees it at
 * once. A check whose reads overlapped such a forgetting is not kept: it may have read the
 * document before the write (see `mark`). Entries are shared: nobody may mutate them.
 */
export class RecentSessionChecks {
  private readonly checks = new Map<string, { checked: CheckedSession; at: number }>();
  /** Advanced by every forgetting, so that a check that read across one is not kept. */
  private generation = 0;

  constructor(
    private readonly now: () => Date,
    private readonly ttlMs = USER_SESSION_CHECK_TTL_MS,
  ) {}

  /** The session's check, if it was made (its reads started) less than the TTL ago. */
  recent(sessionId: string): CheckedSession | undefined {
    const hit = this.checks.get(sessionId);
    if (!hit) return undefined;
    if (this.now().getTime() - hit.at < this.ttlMs) return hit.checked;
    this.checks.delete(sessionId);
    return undefined;
  }

  /** Taken just before a check reads the database; `keep` needs it. */
  mark(): { generation: number; at: number } {
    return { generation: this.generation, at: this.now().getTime() };
  }

  /** Remembers a check that passed, unless something was forgotten since its `mark`. */
  keep(mark: { generation: number; at: number }, checked: CheckedSession): void {
    if (mark.generation !== this.generation) return;
    if (this.checks.size >= MAX_CHECKS) this.checks.clear();
    this.checks.set(checked.session._id.toHexString(), { checked, at: mark.at });
  }

  forgetSession(sessionId: string): void {
    this.generation++;
    this.checks.delete(sessionId);
  }

  forgetUser(userId: string): void {
    this.forgetWhere(({ user }) => user._id.toHexString() === userId);
  }

  forgetApp(appId: string): void {
    this.forgetWhere(({ session }) => String(session.app_id) === appId);
  }

  forgetWhere(matches: (checked: CheckedSession) => boolean): void {
    this.generation++;
    for (const [sid, { checked }] of this.checks) if (matches(checked)) this.checks.delete(sid);
  }
}
