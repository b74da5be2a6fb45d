import {
  argumentsJson,
  capMessages,
  capText,
  MAX_ARGUMENTS_BYTES,
  MAX_MESSAGES_BYTES,
} from './app-log.limits';

const bytes = (lines: string[]) => lines.reduce((n, l) => n + Buffer.byteLength(l), 0);

describe('capMessages', () => {
  it('keeps what fits as it is', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`);
    expect(capMessages(lines)).toEqual(lines);
    expect(capMessages([1, null, { a: 1 }])).toEqual(['1', 'null', '[object Object]']);
  });

  it('cuts to 100 lines, the last one a marker', () => {
    const out = capMessages(Array.from({ length: 101 }, (_, i) => `line ${i}`));
    expect(out).toHaveLength(100);
    expect(out[99]).toBe('[truncated: 2 of 101 lines not kept in full]');
  });

  it('cuts to 64 KiB without splitting a character', () => {
    const out = capMessages(['a'.repeat(40_000), '€'.repeat(20_000), 'tail']);
    expect(bytes(out)).toBeLessThanOrEqual(MAX_MESSAGES_BYTES);
    expect(out[1]?.endsWith('€…')).toBe(true);
    expect(out[2]).toBe('[truncated: 2 of 3 lines not kept in full]');
  });
});

describe('capText and argumentsJson', () => {
  it('capText marks a cut with an ellipsis', () => {
    expect(capText('short', 10)).toBe('short');
    expect(capText('abcdefghijkl', 10)).toBe('abcdefg…');
  });

  it('arguments become JSON text; too big or unserializable ones a marker', () => {
    expect(argumentsJson([{ $gt: 1, 'a.b': 2 }])).toBe('[{"$gt":1,"a.b":2}]');
    expect(argumentsJson(undefined)).toBeUndefined();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(argumentsJson(circular)).toBe('"[arguments not serializable]"');
    const big = 'x'.repeat(MAX_ARGUMENTS_BYTES);
    expect(argumentsJson([big])).toBe(`"[arguments of ${MAX_ARGUMENTS_BYTES + 4} bytes not kept]"`);
  });
});
