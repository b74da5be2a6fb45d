/**
 * A duration in milliseconds written as Go's `time.Duration.String()` writes it ("850µs",
 * "12.345678ms", "1.5s", "2m0.25s", "1h0m0s"), to nanosecond precision: App Services is a Go
 * server and clients of the debug API show its `execution_time` as is.
 */
export function goDuration(ms: number): string {
  let ns = Math.round(ms * 1e6);
  const sign = ns < 0 ? '-' : '';
  ns = Math.abs(ns);
  if (ns === 0) return '0s';
  if (ns < 1e3) return `${sign}${ns}ns`;
  if (ns < 1e6) return `${sign}${scaled(ns, 3)}µs`;
  if (ns < 1e9) return `${sign}${scaled(ns, 6)}ms`;
  const seconds = Math.floor(ns / 1e9);
  const s = `${seconds % 60}${fraction(ns % 1e9, 9)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 0) return `${sign}${s}`;
  const hours = Math.floor(minutes / 60);
  return hours === 0 ? `${sign}${minutes}m${s}` : `${sign}${hours}h${minutes % 60}m${s}`;
}

/** `value / 10^digits` with the fraction's trailing zeros (and a bare point) left out. */
function scaled(value: number, digits: number): string {
  const unit = 10 ** digits;
  return `${Math.floor(value / unit)}${fraction(value % unit, digits)}`;
}

function fraction(rest: number, digits: number): string {
  if (rest === 0) return '';
  return `.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}
