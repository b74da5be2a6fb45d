import mongoose from 'mongoose';

/** Mongoose could not cast a query value to its schema type (e.g. a malformed ObjectId). */
export function isCastError(err: unknown): err is { path: string } {
  return err instanceof mongoose.Error.CastError;
}
