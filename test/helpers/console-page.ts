import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Screenshots land here (gitignored): one per main screen and viewport. */
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'console');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
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
