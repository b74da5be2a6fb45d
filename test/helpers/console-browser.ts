import type { Browser, Page } from 'playwright-core';
import { rolesFor } from '../../src/domain/admins/admin-key.service';
import { ensureChromium, launchChromium } from './chromium';
import { DESKTOP, watchProblems } from './console-page';
import { GROUP_A } from './factories';
import {
  listenOnLoopback,
  startTestServer,
  type ListeningServer,
  type TestServer,
} from './test-server';

/** Debian's Chromium, or undefined (after a loud message) where it cannot be installed. */
export const chromiumPath = ensureChromium();
/** `describe` when a browser is there, else `describe.skip`. */
export const browserSuite = chromiumPath ? describe : describe.skip;

export interface ConsoleBrowser {
  srv: TestServer;
  http: ListeningServer;
  browser: Browser;
  page: Page;
  /** CSP violations, script errors and requests to other hosts seen so far. */
  problems: string[];
  /** How many times the console refreshed its admin session. */
  sessionRefreshes: () => number;
  /** A group owner's admin API key pair. */
  key: { publicKey: string; privateKey: string };
  close(): Promise<void>;
}

/**
 * A real server (its own database) listening on loopback, a group owner's key, and headless
 * Chromium at 1280×800 with reduced motion (dialogs open without a transition, so screenshots
 * show them whole).
 */
export async function openConsoleBrowser(): Promise<ConsoleBrowser> {
  const srv = await startTestServer();
  const http = await listenOnLoopback(srv);
  const created = await srv.deps.adminKeys.create(rolesFor({ groupId: GROUP_A }));
  const browser = await launchChromium(chromiumPath!);
  const context = await browser.newContext({
    viewport: DESKTOP,
    baseURL: http.baseUrl,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  let refreshes = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/admin/v3.0/auth/session')) refreshes++;
  });
  return {
    srv,
    http,
    browser,
    page,
    problems: watchProblems(page, http.baseUrl),
    sessionRefreshes: () => refreshes,
    key: { publicKey: created.publicKey, privateKey: created.privateKey },
    close: async () => {
      await browser.close();
      await http.close();
      await srv.close();
    },
  };
}
