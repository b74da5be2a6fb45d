/**
 * Runs tasks with the same key one after another within this process. Rule-checked writes of
 * one document take its key, so that the check and the write of one request are not interleaved
 * with another's here; across processes the write's filter (the document as checked) decides.
 * (FerretDB applies concurrent updates of one document non-atomically, so on it only the first
 * holds; on MongoDB both do.)
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
