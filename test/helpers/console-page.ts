import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TestServer } from './test-server';

// The callbacks given to page.evaluate run in the browser; the test project has no DOM types, so
// the little they use is declared here.
interface Box {
  right: number;
}
interface Violation {
  violatedDirective: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
}
declare const document: {
  querySelector(selector: string): { getBoundingClientRect(): Box } | null;
  documentElement: { scrollWidth: number };
  addEventListener(type: 'securitypolicyviolation', listener: (e: Violation) => void): void;
};
declare const window: { innerWidth: number };

/** Screenshots land here (gitignored): one per main screen and viewport. */
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'console');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // Earlier actions' toasts would cover the screen.
  for (const close of await page.locator('.toasts button').all()) await close.click();
  await page.locator('.toasts > *').first().waitFor({ state: 'detached' });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/** Waits until the side navigation has slid out of a phone's screen. */
export async function navigationHidden(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const nav = document.querySelector('nav[aria-label="App sections"]');
    return nav !== null && nav.getBoundingClientRect().right <= 0;
  });
}

/** Whether the page is wider than the viewport (a layout break). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** A label as Mantine renders it: a required field's label ends with " *". */
export const label = (text: string): RegExp =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

/** Picks `option` in the Mantine Select labelled `label`. */
export async function pick(page: Page, text: string, option: string): Promise<void> {
  // The first match is the input; the open dropdown's listbox is labelled by the same label.
  await page.getByLabel(label(text)).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Waits for a toast with this title (an action's result), then closes it. */
export async function toast(page: Page, title: string | RegExp): Promise<void> {
  const note = page.locator('.toasts > *').filter({ hasText: title }).first();
  await note.waitFor();
  await note.getByRole('button').click();
  await note.waitFor({ state: 'detached' });
}

/** Picks options in the Mantine MultiSelect labelled `label`. */
export async function pickMany(page: Page, text: string, options: string[]): Promise<void> {
  await page.getByLabel(label(text)).first().click();
  for (const option of options)
    await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/**
 * Everything the page reported that it should not have: CSP violations, uncaught errors,
 * requests to other hosts.
 */
export function watchProblems(page: Page, origin: string): string[] {
  const problems: string[] = [];
  // Says which style or script a CSP violation was about (the console message does not).
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP ${e.violatedDirective}: ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    );
  });
  page.on('console', (m) => {
    if (
      m.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())
    )
      problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`request to another host: ${url}`);
  });
  return problems;
}

/** Opens a section from the app's side navigation. */
export function navTo(page: Page, section: string): Promise<void> {
  return page
    .getByRole('navigation', { name: 'App sections' })
    .getByText(section, { exact: true })
    .click();
}

/** Draft banner → Review & Deploy Changes → the diff → Deploy; returns the diff's lines. */
export async function deployDraft(page: Page, screenshot?: string): Promise<string> {
  await page.getByTestId('draft-banner').getByRole('button', { name: 'Review & Deploy' }).click();
  await page.getByRole('button', { name: 'Review & Deploy Changes' }).click();
  const diff = page.getByTestId('diff');
  await diff.waitFor();
  const lines = (await diff.locator('li').allInnerTexts()).join('\n');
  if (screenshot) await shot(page, screenshot);
  await page.getByRole('dialog').getByRole('button', { name: 'Deploy', exact: true }).click();
  await toast(page, 'Deployed');
  await page.getByTestId('draft-banner').waitFor({ state: 'detached' });
  return lines;
}

/** GET on the Admin API with a fresh login of the key (what the console did, seen directly). */
export async function adminRead(
  srv: TestServer,
  key: { publicKey: string; privateKey: string },
  path: string,
): Promise<Record<string, unknown> & unknown[]> {
  const login = await srv.api
    .post('/api/admin/v3.0/auth/providers/mongodb-cloud/login')
    .send({ username: key.publicKey, apiKey: key.privateKey })
    .expect(200);
  const res = await srv.api
    .get(path)
    .set('Authorization', `Bearer ${(login.body as { access_token: string }).access_token}`)
    .expect(200);
  return res.body as Record<string, unknown> & unknown[];
}
