export interface WorkQueueOptions<T> {
  /** Items waiting to start; a push beyond this is refused (the caller logs the drop). */
  readonly maxPending: number;
  /** Items worked on at once. */
  readonly concurrency: number;
  /** Does the work; a rejection is handed to `onError` and the queue goes on. */
  readonly work: (item: T) => Promise<void>;
  readonly onError: (err: unknown, item: T) => void;
}

/**
 * An in-process FIFO with bounded length and concurrency, for work nobody waits for. It keeps
 * nothing durable: items pending when the process ends are lost.
 */
export class WorkQueue<T> {
  private readonly pending: T[] = [];
  private running = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: WorkQueueOptions<T>) {}

  /** False when the queue is full or closed: the item was not taken. */
  push(item: T): boolean {
    if (this.closed || this.pending.length >= this.options.maxPending) return false;
    this.pending.push(item);
    this.pump();
    return true;
  }

  /** Whether a push would be taken now. */
  get hasRoom(): boolean {
    return !this.closed && this.pending.length < this.options.maxPending;
  }

  get size(): number {
    return this.pending.length + this.running;
  }

  /** Resolves once nothing is pending or running. */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Refuses new items, drops the pending ones (returns how many) and waits for the running. */
  async close(): Promise<number> {
    this.closed = true;
    const dropped = this.pending.splice(0).length;
    if (this.running === 0) this.settle();
    await this.idle();
    return dropped;
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.pending.length > 0) {
      const item = this.pending.shift() as T;
      this.running++;
      void this.options
        .work(item)
        .catch((err: unknown) => this.options.onError(err, item))
        .finally(() => {
          this.running--;
          this.pump();
          if (this.size === 0) this.settle();
        });
    }
  }

  private settle(): void {
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
