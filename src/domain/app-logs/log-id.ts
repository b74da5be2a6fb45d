import { randomBytes, randomInt } from 'node:crypto';
import mongoose from 'mongoose';

/**
 * App log `_id`s encode when the logged operation started, to the millisecond: bytes 0-3 are the
 * seconds (as in any ObjectId, so `getTimestamp()` is right), bytes 4-5 the milliseconds, bytes
 * 6-8 a per-process random value and bytes 9-11 a counter. So `_id` order is `started` order, and
 * a date window is an `_id` range: MongoDB answers every logs query from the `{app_id, _id}` index.
 */
const MAX_MS = 2 ** 32 * 1000 - 1;
const PROCESS = randomBytes(3);
let counter = randomInt(0x1000000);

function clampMs(ms: number): number {
  return Math.min(Math.max(Math.floor(ms), 0), MAX_MS);
}

function idFromMs(ms: number, tail: Buffer | undefined): mongoose.Types.ObjectId {
  const t = clampMs(ms);
  const buf = Buffer.alloc(12);
  buf.writeUInt32BE(Math.floor(t / 1000), 0);
  buf.writeUInt16BE(t % 1000, 4);
  tail?.copy(buf, 6);
  return new mongoose.Types.ObjectId(buf);
}

/** A new, unique log id for an operation that started at `started`. */
export function newLogId(started: Date): mongoose.Types.ObjectId {
  counter = (counter + 1) % 0x1000000;
  const tail = Buffer.alloc(6);
  PROCESS.copy(tail, 0);
  tail.writeUIntBE(counter, 3, 3);
  return idFromMs(started.getTime(), tail);
}

/** The smallest log id of an operation that started at `ms` (milliseconds since the epoch). */
export function firstLogIdAt(ms: number): mongoose.Types.ObjectId {
  return idFromMs(ms, undefined);
}

/** When the logged operation started, to the millisecond, read back from its id. */
export function startedOf(id: mongoose.Types.ObjectId): number {
  const buf = Buffer.from(id.id);
  return buf.readUInt32BE(0) * 1000 + buf.readUInt16BE(4);
}
