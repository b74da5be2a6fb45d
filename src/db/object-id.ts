import mongoose from 'mongoose';

/**
 * The id type of stored documents. Code outside the domain stores uses these instead of importing
 * mongoose, so the database driver stays behind the domain layer.
 */
export type ObjectId = mongoose.Types.ObjectId;
export const ObjectId = mongoose.Types.ObjectId;

/** A new id, as 24 hex digits. */
export function newObjectIdHex(): string {
  return new mongoose.Types.ObjectId().toHexString();
}
