import { WorkQueue } from './work-queue';

/** A job that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('WorkQueue', () => {
  it('runs at most `concurrency` items at once, in order, and refuses pushes beyond maxPending', async () => {
    const started: number[] = [];
    const gates = new Map<number, ReturnType<typeof gate>>();
    const q = new WorkQueue<number>({
      maxPending: 2,
      concurrency: 1,
      work: (n) => {
        started.push(n);
        const g = gate();
        gates.set(n, g);
        return g.opened;
      },
      onError: () => undefined,
    });
    expect(q.push(1)).toBe(true); // starts at once
    expect(q.push(2)).toBe(true);
    expect(q.push(3)).toBe(true);
    expect(q.push(4)).toBe(false); // two pending already: dropped
    expect(started).toEqual([1]);
    gates.get(1)?.open();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([1, 2]);
    gates.get(2)?.open();
    await new Promise((r) => setImmediate(r));
    gates.get(3)?.open();
    await q.idle();
    expect(started).toEqual([1, 2, 3]);
  });

  it('hands failures to onError and goes on', async () => {
    const errors: unknown[] = [];
    const done: number[] = [];
    const q = new WorkQueue<number>({
      maxPending: 10,
      concurrency: 2,
      work: (n) =>
        n === 1 ? Promise.reject(new Error('boom')) : (done.push(n), Promise.resolve()),
      onError: (err) => errors.push(err),
    });
    q.push(1);
    q.push(2);
    await q.idle();
    expect(done).toEqual([2]);
    expect(errors).toEqual([new Error('boom')]);
  });

  it('close() drops pending items, waits for running ones and refuses new ones', async () => {
    const g = gate();
    const q = new WorkQueue<number>({
      maxPending: 10,
      concurrency: 1,
      work: () => g.opened,
      onError: () => undefined,
    });
    q.push(1);
    q.push(2);
    q.push(3);
    const closing = q.close();
    expect(q.push(4)).toBe(false);
    g.open();
    expect(await closing).toBe(2);
    expect(q.size).toBe(0);
  });

  it('close() of an idle queue resolves at once', async () => {
    const q = new WorkQueue<number>({
      maxPending: 1,
      concurrency: 1,
      work: () => Promise.resolve(),
      onError: () => undefined,
    });
    expect(await q.close()).toBe(0);
  });
});
