/** Figures of a process (or one of its threads) read from Linux's /proc. */
import fs from 'node:fs';

/** USER_HZ, the unit of /proc/<pid>/stat times: 100 on Linux on every common architecture. */
const CLOCK_TICKS_PER_SECOND = 100;

/** A field of /proc/<pid>/status in MB (VmRSS: now; VmHWM: the peak since start). */
export function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(match[1]) / 1024;
}

/** CPU time (user + system) the process has used so far, in ms (from /proc/<pid>/stat). */
export function cpuMs(pid: number): number {
  return statCpuMs(`/proc/${pid}/stat`);
}

/**
 * CPU time (user + system) this process's main thread has used so far, in ms: the thread that
 * runs the servers a section measures in process (autocannon runs in a worker thread).
 */
export function mainThreadCpuMs(): number {
  return statCpuMs(`/proc/self/task/${process.pid}/stat`);
}

function statCpuMs(file: string): number {
  const stat = fs.readFileSync(file, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
