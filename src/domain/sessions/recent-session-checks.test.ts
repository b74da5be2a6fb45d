import mongoose from 'mongoose';
import type { UserDoc } from '../users/user.model';
import { RecentSessionChecks, type CheckedSession } from './recent-session-checks';
import type { UserSessionDoc } from './user-session.model';

function checked(): CheckedSession {
  const user = { _id: new mongoose.Types.ObjectId(), disabled: false } as unknown as UserDoc;
  const session = {
    _id: new mongoose.Types.ObjectId(),
    user_id: user._id,
    app_id: new mongoose.Types.ObjectId().toHexString(),
  } as unknown as UserSessionDoc;
  return { session, user };
}

describe('RecentSessionChecks', () => {
  let nowMs = 0;
  const checks = () => new RecentSessionChecks(() => new Date(nowMs), 1000);
  beforeEach(() => {
    nowMs = Date.UTC(2026, 0, 1);
  });

  it('reuses a check for the TTL from when its reads started', () => {
    const recent = checks();
    const c = checked();
    const sid = c.session._id.toHexString();
    const mark = recent.mark();
    nowMs += 400; // the reads took a while
    recent.keep(mark, c);
    expect(recent.recent(sid)).toBe(c);
    nowMs += 599;
    expect(recent.recent(sid)).toBe(c);
    nowMs += 1;
    expect(recent.recent(sid)).toBeUndefined();
  });

  it('does not keep a check whose reads overlapped a forgetting (they may predate the write)', () => {
    const recent = checks();
    const [a, b] = [checked(), checked()];
    const markA = recent.mark();
    recent.forgetUser(a.user._id.toHexString()); // a write ended while a's reads were running
    recent.keep(markA, a);
    expect(recent.recent(a.session._id.toHexString())).toBeUndefined();
    // A check started after it is kept.
    recent.keep(recent.mark(), b);
    expect(recent.recent(b.session._id.toHexString())).toBe(b);
  });

  it('forgets by session, by user and by app', () => {
    const recent = checks();
    const [a, b, c] = [checked(), checked(), checked()];
    for (const x of [a, b, c]) recent.keep(recent.mark(), x);
    recent.forgetSession(a.session._id.toHexString());
    recent.forgetUser(b.user._id.toHexString());
    recent.forgetApp(String(c.session.app_id));
    for (const x of [a, b, c]) expect(recent.recent(x.session._id.toHexString())).toBeUndefined();
  });
});
