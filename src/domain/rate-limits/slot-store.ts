/**
 * Where a WindowLimiter keeps its slots: a set of ids with unique insertion. Only single-id
 * operations, so that on FerretDB every call is an `_id` lookup (ranges and `$in` scan there).
 */
export interface SlotStore {
  /** Inserts the slot; false when it already exists (another attempt holds it). */
  insert(id: string, expiresAt: Date): Promise<boolean>;
  /** Deletes the slot; false when there was none. */
  delete(id: string): Promise<boolean>;
}

/** Slots in this process's memory: for unit tests and a server without a shared database. */
export class MemorySlotStore implements SlotStore {
  private readonly slots = new Map<string, number>();

  insert(id: string, expiresAt: Date): Promise<boolean> {
    const nowMs = Date.now();
    if (this.slots.size > 10_000)
      for (const [slot, expires] of this.slots) if (expires <= nowMs) this.slots.delete(slot);
    if (this.slots.has(id)) return Promise.resolve(false);
    this.slots.set(id, expiresAt.getTime());
    return Promise.resolve(true);
  }

  delete(id: string): Promise<boolean> {
    return Promise.resolve(this.slots.delete(id));
  }
}
