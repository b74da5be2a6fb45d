import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const CONSOLE_DIST = path.resolve(__dirname, '..', '..', 'console', 'dist');

/** Builds the console (as `npm run build` does) when a fresh checkout has not built it yet. */
export function ensureConsoleBuilt(): void {
  if (fs.existsSync(path.join(CONSOLE_DIST, 'index.html'))) return;
  process.stderr.write('[console] console/dist is missing: running npm run build:console\n');
  execFileSync('npm', ['run', 'build:console'], {
    cwd: path.resolve(__dirname, '..', '..'),
    stdio: 'inherit',
  });
}
