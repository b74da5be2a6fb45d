import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Starts a server fixture (test/fixtures/<name>.ts) in a child process and waits for the line
 * `listening <port>` it prints. Node itself runs the fixture (tsx as a loader), so a SIGKILL hits
 * the server process, not a wrapper.
 */
export async function startChildServer(
  fixture: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'test/fixtures', fixture), ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`${fixture} did not start: ${out}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.once('exit', (code) => reject(new Error(`${fixture} exited (${String(code)}): ${out}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}
