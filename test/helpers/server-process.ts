import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** One line of the server's log (pino: JSON lines on stderr). */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly base: string;
  /** Every log line so far; lines that are not JSON are kept as `{level: 0, msg: line}`. */
  readonly log: LogLine[];
  /** Settles when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** pino's numbers for `warn` and `error` (`fatal` is above). */
export const WARN_LEVEL = 40;
export const ERROR_LEVEL = 50;

/**
 * Starts the real server, `src/main.ts` (as `npm start` runs it, through tsx instead of the
 * build), with the settings given on top of the environment, and waits for its listening line.
 * PORT=0 takes a free port, which the listening line names.
 */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs: number,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const log: LogLine[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line: ${text(log)}`)), timeoutMs);
    void exited.then(({ code }) => reject(new Error(`exited (${code}): ${text(log)}`)));
    let buffer = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = parseLine(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        log.push(line);
        if (line.msg === 'Open App Services is listening' && typeof line.port === 'number') {
          clearTimeout(timer);
          resolve(line.port);
        }
      }
    });
  });
  return { child, base: `http://127.0.0.1:${await port}`, log, exited };
}

function parseLine(line: string): LogLine {
  try {
    const parsed = JSON.parse(line) as unknown;
    if (typeof parsed === 'object' && parsed !== null && 'level' in parsed)
      return parsed as LogLine;
  } catch {
    // not JSON: kept as is
  }
  return { level: 0, msg: line };
}

function text(log: LogLine[]): string {
  return log.map((l) => JSON.stringify(l)).join('\n');
}
