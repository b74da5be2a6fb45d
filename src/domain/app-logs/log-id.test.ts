import { firstLogIdAt, newLogId, startedOf } from './log-id';

describe('app log ids', () => {
  it('encode when the operation started, to the millisecond, and sort by it', () => {
    const t = Date.parse('2024-05-06T07:08:09.123Z');
    const id = newLogId(new Date(t));
    expect(startedOf(id)).toBe(t);
    expect(id.getTimestamp().getTime()).toBe(Math.floor(t / 1000) * 1000);
    expect(firstLogIdAt(t).toHexString() <= id.toHexString()).toBe(true);
    expect(id.toHexString() < firstLogIdAt(t + 1).toHexString()).toBe(true);
    expect(newLogId(new Date(t + 1)).toHexString() > id.toHexString()).toBe(true);
  });

  it('are unique and in write order within one millisecond', () => {
    const at = new Date();
    const ids = Array.from({ length: 1000 }, () => newLogId(at).toHexString());
    expect(new Set(ids).size).toBe(1000);
  });

  it('clamp dates outside what an ObjectId can hold', () => {
    expect(firstLogIdAt(-5).toHexString()).toBe('0'.repeat(24));
    expect(startedOf(firstLogIdAt(2 ** 40 * 1000))).toBe(2 ** 32 * 1000 - 1);
  });
});
