import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const CONSOLE_DIST = path.resolve(__dirname, '..', '..', 'console', 'dist');

const CONSOLE_DIR = path.resolve(__dirname, '..', '..', 'console');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * Builds the console (as `npm run build` does) when a fresh checkout has not built it yet or a
 * source file changed since the last build, so that the tests never drive a stale console.
 */
export function ensureConsoleBuilt(): void {
  const index = path.join(CONSOLE_DIST, 'index.html');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestSource(CONSOLE_DIR)) return;
  process.stderr.write('[console] console/dist is missing or stale: npm run build:console\n');
  execFileSync('npm', ['run', 'build:console'], {
    cwd: path.resolve(__dirname, '..', '..'),
    stdio: 'inherit',
  });
}
