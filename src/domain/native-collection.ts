import type { Collection, Document } from 'mongodb';
import type { Model } from 'mongoose';

/**
 * The driver's collection behind a model, typed with the model's documents: for the stores that
 * keep native queries (exact filters and projections, no casting, `ignoreUndefined` inserts).
 */
export function nativeCollection<T extends Document>(model: Model<T>): Collection<T> {
  return model.collection as unknown as Collection<T>;
}
