import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The flags this machine kind needs (the machine notes): no sandbox as root, and none of
 * Chromium's background connections, which the closed network would refuse.
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const found = (): string | undefined => CANDIDATES.find((p) => fs.existsSync(p));

function loud(message: string): void {
  const bar = '!'.repeat(78);
  process.stderr.write(`\n${bar}\n!! BROWSER TESTS SKIPPED: ${message}\n${bar}\n\n`);
}

/**
 * Debian's Chromium, installed with apt-get when missing and allowed (root): never a browser
 * download. Undefined, after a loud message, only when it cannot be installed.
 */
export function ensureChromium(): string | undefined {
  const existing = found();
  if (existing) return existing;
  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    loud(
      `no /usr/bin/chromium, and it cannot be installed here (${isRoot ? 'no apt-get' : 'not root'}): run \`sudo apt-get install -y chromium\``,
    );
    return undefined;
  }
  process.stderr.write('[browser] /usr/bin/chromium is missing: apt-get install -y chromium\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Two browser test files may get here at once: the second waits for the first's dpkg lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=900'];
  spawnSync('apt-get', [...lock, 'update'], { stdio: 'inherit', env });
  const res = spawnSync(
    'apt-get',
    [...lock, 'install', '-y', '--no-install-recommends', 'chromium'],
    { stdio: 'inherit', env },
  );
  const installed = found();
  if (!installed) loud(`apt-get install chromium failed (exit ${res.status})`);
  return installed;
}

/** Headless Chromium; Playwright gives it a new empty profile (a temporary user data dir). */
export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: FLAGS,
  });
}
