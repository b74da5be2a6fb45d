import type { LogLine } from './sandbox-types';

/** A chatty function keeps at most this much of its console output. */
const MAX_LOG_LINES = 1000;
const MAX_LOG_BYTES = 256 * 1024;

/**
 * The console output of one execution, in the order it was written. Past the limits the rest is
 * dropped, and one line says so.
 */
export class LogBuffer {
  readonly lines: LogLine[] = [];
  private bytes = 0;
  private full = false;

  add(level: 'log' | 'error', line: string): void {
    if (this.full) return;
    if (this.lines.length >= MAX_LOG_LINES || this.bytes + line.length > MAX_LOG_BYTES) {
      this.full = true;
      this.lines.push({ level: 'error', line: '[further output of this execution was dropped]' });
      return;
    }
    this.bytes += line.length;
    this.lines.push({ level, line });
  }
}
