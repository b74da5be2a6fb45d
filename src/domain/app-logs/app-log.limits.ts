/**
 * What one log entry may hold, so that a chatty function cannot bloat the store: its messages are
 * cut to 100 lines and 64 KiB (UTF-8) in all, a marker line included; other strings and the
 * function call's arguments are cut too. Cut values end with a marker saying what was left out.
 */
export const MAX_MESSAGE_LINES = 100;
export const MAX_MESSAGES_BYTES = 64 * 1024;
/** error, request_url and other free text; short fields (names, ids, SDK info) get less. */
export const MAX_TEXT_BYTES = 8 * 1024;
export const MAX_SHORT_BYTES = 256;
export const MAX_ARGUMENTS_BYTES = 16 * 1024;

/** Room kept for the marker line when messages are cut. */
const MARKER_RESERVE = 96;
const ELLIPSIS = '…';

/** The longest prefix of `s` whose UTF-8 encoding fits in `bytes` (never splits a character). */
function utf8Prefix(s: string, bytes: number): string {
  if (bytes <= 0) return '';
  const buf = Buffer.from(s, 'utf8');
  if (buf.length <= bytes) return s;
  let end = bytes;
  // Back up to the start of a character: continuation bytes look like 0b10xxxxxx.
  while (end > 0 && ((buf[end] ?? 0) & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString('utf8');
}

/** `s` cut to `bytes` (UTF-8), ending with "…" when it was cut. */
export function capText(s: string, bytes: number): string {
  if (Buffer.byteLength(s) <= bytes) return s;
  return utf8Prefix(s, bytes - Buffer.byteLength(ELLIPSIS)) + ELLIPSIS;
}

export function capOptional(s: unknown, bytes: number): string | undefined {
  return typeof s === 'string' ? capText(s, bytes) : undefined;
}

/**
 * The lines to keep: all of them when they fit, else as many whole lines as fit, a cut part of
 * the next one, and a last line `[truncated: N of M lines not kept in full]`.
 */
export function capMessages(lines: readonly unknown[]): string[] {
  const all = lines.map((l) => (typeof l === 'string' ? l : String(l)));
  const total = all.reduce((sum, l) => sum + Buffer.byteLength(l), 0);
  if (all.length <= MAX_MESSAGE_LINES && total <= MAX_MESSAGES_BYTES) return all;

  const kept: string[] = [];
  let room = MAX_MESSAGES_BYTES - MARKER_RESERVE;
  let whole = 0;
  for (const line of all) {
    if (kept.length === MAX_MESSAGE_LINES - 1) break;
    const size = Buffer.byteLength(line);
    if (size <= room) {
      kept.push(line);
      room -= size;
      whole++;
      continue;
    }
    if (room > Buffer.byteLength(ELLIPSIS)) kept.push(capText(line, room));
    break;
  }
  kept.push(`[truncated: ${all.length - whole} of ${all.length} lines not kept in full]`);
  return kept;
}

/**
 * A function call's arguments as JSON text (stored as text: argument keys may start with `$` or
 * contain `.`, which the database refuses in field names). Over the limit, or not serializable,
 * a marker string takes their place.
 */
export function argumentsJson(args: unknown): string | undefined {
  if (args === undefined) return undefined;
  let json: string | undefined;
  try {
    json = JSON.stringify(args, (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
  } catch {
    return JSON.stringify('[arguments not serializable]');
  }
  if (json === undefined) return undefined;
  const size = Buffer.byteLength(json);
  if (size > MAX_ARGUMENTS_BYTES) return JSON.stringify(`[arguments of ${size} bytes not kept]`);
  return json;
}
