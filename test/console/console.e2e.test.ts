import type { Page } from 'playwright-core';
import { clientApp } from '../helpers/client';
import { browserSuite, openConsoleBrowser, type ConsoleBrowser } from '../helpers/console-browser';
import {
  adminRead,
  deployDraft,
  label,
  navTo,
  pick,
  pickMany,
  shot,
  toast,
} from '../helpers/console-page';
import { claimsFor, HS_SECRET, mintHs } from '../helpers/custom-token';
import { GROUP_A } from '../helpers/factories';

/**
 * The admin console in headless Chromium against a real server and database, driving the seed
 * flows in order (each step builds on the one before): sign in, custom user data with a user
 * creation function, Google metadata and a Custom JWT field, review and deploy, roll back, a
 * user found and disabled, a function run, the logs, the docs page.
 */
jest.setTimeout(120_000);

browserSuite('admin console in a browser', () => {
  let b: ConsoleBrowser;
  let page: Page;
  let appId = '';
  const base = () => `/api/admin/v3.0/groups/${GROUP_A}/apps/${appId}`;

  /** The Admin API directly, to check what the console did. */
  const adminGet = (path: string) => adminRead(b.srv, b.key, `${base()}${path}`);
  const nav = (section: string) => navTo(page, section);
  const reviewAndDeploy = (screenshot?: string) => deployDraft(page, screenshot);

  beforeAll(async () => {
    b = await openConsoleBrowser();
    page = b.page;
  }, 600_000);
  afterAll(() => b?.close());

  afterEach(() => {
    // No CSP violation, script error or request to another host on any screen.
    expect(b.problems.splice(0)).toEqual([]);
  });

  it('refuses a wrong key with the error code, then signs in and creates an app', async () => {
    await page.goto('/console');
    await page.getByLabel('Public key').fill(b.key.publicKey);
    await page.getByLabel('Private key').fill('00000000-0000-0000-0000-000000000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/error_code: \w+/).waitFor();
    await shot(page, '01-login-error');

    await page.getByLabel('Private key').fill(b.key.privateKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: GROUP_A }).click();
    await page.getByText('No apps in this group yet.').waitFor();
    await page.getByLabel('New app name').fill('consoleapp');
    await page.getByRole('button', { name: 'Create app' }).click();
    await page.getByTestId('app-name').getByText('consoleapp').waitFor();
    appId = /\/a\/([0-9a-f]{24})\//.exec(page.url())![1]!;
    await shot(page, '02-users-empty');
  });

  it('enables custom user data with a new user creation function (seed 000)', async () => {
    await page.getByRole('tab', { name: 'User Settings' }).click();
    await page.getByRole('button', { name: 'Link the built-in data source' }).click();
    await page.getByTestId('draft-banner').getByText('Draft open: 1 change').waitFor();

    await page.getByRole('switch', { name: 'Enable Custom User Data' }).check();
    await pick(page, 'Cluster Name (data source)', 'mongodb-atlas');
    await page.getByLabel('Database Name').fill('myapp');
    await page.getByLabel('Collection Name').fill('users');
    await page.getByLabel('User ID Field').fill('user_account_id');
    await page.getByText('New function', { exact: true }).click();
    await page.getByLabel('Function source').waitFor(); // the lazily loaded editor
    await shot(page, '03-custom-user-data');
    await page.getByRole('button', { name: 'Save Draft' }).click();
    await toast(page, 'Saved to draft');
    await page.getByTestId('draft-banner').getByText('Draft open: 3 changes').waitFor();

    const lines = await reviewAndDeploy();
    expect(lines).toMatch(/custom.user.data/i);
    expect((await adminGet('/custom_user_data')).enabled).toBe(true);
  });

  it('creates the secrets providers will name', async () => {
    await nav('Secrets');
    for (const [name, value] of [
      ['googleSecret', 'google-client-secret'],
      ['jwtKey', HS_SECRET],
    ]) {
      await page.getByRole('button', { name: 'Create a secret' }).click();
      await page.getByLabel(label('Name')).fill(name!);
      await page.getByLabel(label('Value')).fill(value!);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await toast(page, 'Secret saved');
      await page.getByRole('cell', { name: name, exact: true }).waitFor();
    }
  });

  it('adds Google with metadata checkboxes and its secret picked by name (seeds 000/001)', async () => {
    await nav('Authentication');
    await pick(page, 'Add a provider', 'Google');
    await page.getByRole('button', { name: 'Add provider' }).click();
    await page.getByLabel('Client ID').fill('1234.apps.googleusercontent.com');
    await pick(page, 'Client Secret', 'googleSecret');
    for (const field of ['name', 'email', 'picture'])
      await page.getByRole('checkbox', { name: field, exact: true }).check();
    await shot(page, '04-google-provider');
    await page.getByRole('button', { name: 'Save Draft' }).click();
    await toast(page, 'Saved to draft');
    await page.getByTestId('providers-table').getByText('Google', { exact: true }).waitFor();
  });

  it('adds Custom JWT with an "Add Field" metadata row, and Anonymous', async () => {
    await pick(page, 'Add a provider', 'Custom JWT Authentication');
    await page.getByRole('button', { name: 'Add provider' }).click();
    await pick(page, 'Signing algorithm', 'HS256');
    await pickMany(page, 'Signing keys (secrets)', ['jwtKey']);
    await page.getByRole('button', { name: 'Add Field' }).click();
    await page.getByLabel('Field 1 path').fill('user.email');
    await page.getByLabel('Field 1 field name').fill('email');
    await page.getByRole('checkbox', { name: 'Field 1 required' }).check();
    await shot(page, '05-custom-jwt-provider');
    await page.getByRole('button', { name: 'Save Draft' }).click();
    await toast(page, 'Saved to draft');
    await page
      .getByTestId('providers-table')
      .getByText('Custom JWT Authentication', { exact: true })
      .waitFor();

    await pick(page, 'Add a provider', 'Anonymous');
    await page.getByRole('button', { name: 'Add provider' }).click();
    await page.getByRole('button', { name: 'Save Draft' }).click();
    await page.getByTestId('providers-table').getByText('Anonymous', { exact: true }).waitFor();
    await shot(page, '06-providers');
  });

  it('reviews the diff and deploys the Google and Custom JWT draft', async () => {
    const lines = await reviewAndDeploy('07-review-diff');
    expect(lines).toMatch(/oauth2-google/);
    expect(lines).toMatch(/custom-token/);

    const google = (
      (await adminGet('/auth_providers')) as unknown as { _id: string; type: string }[]
    ).find((p) => p.type === 'oauth2-google')!;
    const full = await adminGet(`/auth_providers/${google._id}`);
    expect(full.metadata_fields).toEqual([
      { name: 'name' },
      { name: 'email' },
      { name: 'picture' },
    ]);
    expect(full.secret_config).toEqual({ clientSecret: 'googleSecret' });
  });

  it('rolls back to the previous deployment and forward again', async () => {
    const rows = page.getByTestId('deployments').locator('tbody tr');
    const before = await rows.count();
    await rows.nth(1).getByRole('button', { name: 'Redeploy' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Redeploy' }).click();
    await toast(page, 'Redeployed');
    await rows.nth(before).waitFor();
    const types = async () =>
      ((await adminGet('/auth_providers')) as unknown as { type: string }[]).map((p) => p.type);
    expect(await types()).not.toContain('oauth2-google');
    expect((await adminGet('/custom_user_data')).enabled).toBe(true);
    await shot(page, '08-deploy-history');

    // Forward again: the providers' deployment is now the second row (newest first).
    await rows.nth(1).getByRole('button', { name: 'Redeploy' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Redeploy' }).click();
    await rows.nth(before + 1).waitFor();
    expect(await types()).toEqual(
      expect.arrayContaining(['oauth2-google', 'custom-token', 'anon-user']),
    );
  });

  it('finds a Custom JWT user, shows their metadata and custom user data, and disables them', async () => {
    const app = (await adminGet('')) as unknown as { client_app_id: string };
    const token = await mintHs({
      ...claimsFor(app.client_app_id),
      sub: 'ada-1',
      user: { email: 'ada@example.com' },
    });
    await b.srv.api
      .post(`${clientApp(app.client_app_id)}/auth/providers/custom-token/login`)
      .send({ token })
      .expect(200);

    // The access token has expired meanwhile: the console refreshes it (InvalidSession) unseen.
    b.srv.clock.advance(31 * 60);
    expect(b.sessionRefreshes()).toBe(0);

    await nav('App Users');
    await page.getByRole('tab', { name: 'Users' }).click();
    await pick(page, 'Provider', 'Custom JWT Authentication');
    await page.getByLabel('Find on this page').fill('ada@');
    const row = page.getByTestId('users-table').locator('tbody tr');
    await row.getByText('ada@example.com').waitFor();
    expect(b.sessionRefreshes()).toBe(1);
    await shot(page, '09-users');
    await row.getByRole('button', { name: 'View' }).click();

    const drawer = page.getByRole('dialog');
    await drawer.getByText('custom-token', { exact: true }).waitFor();
    await drawer
      .getByTestId('custom-data')
      .getByText(/favorite_color/)
      .waitFor();
    expect(await drawer.getByTestId('custom-data').innerText()).toContain('blue');
    await shot(page, '10-user-detail');
    await drawer.getByRole('button', { name: 'Disable' }).click();
    await toast(page, 'User disabled');
    await drawer.getByTestId('user-state').getByText('disabled').waitFor();
    await page.keyboard.press('Escape');

    await pick(page, 'State', 'Disabled');
    await row.getByText('ada@example.com').waitFor();
    const users = (await adminGet('/users')) as unknown as { disabled: boolean }[];
    expect(users.map((u) => u.disabled)).toEqual([true]);
  });

  it('writes a function in the editor and runs it as system with its logs', async () => {
    await nav('Functions');
    await page.getByRole('button', { name: 'Create a function' }).click();
    await page.getByLabel(label('Name')).fill('sum');
    const editor = page.getByLabel('Source');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await editor.pressSequentially(
      'exports = (a, b) => { console.log("adding", a, b); return a + b; };',
    );
    await page.getByRole('button', { name: 'Save Draft' }).click();
    await toast(page, 'Saved to draft');

    await page.getByLabel(/^Arguments/).fill('[1, 2]');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const result = page.getByTestId('run-result');
    await result.getByText('adding 1 2').waitFor();
    expect(await result.innerText()).toMatch(/"\$numberInt": "3"|\b3\b/);
    await shot(page, '11-function-run');
  });

  it('lists the logs with a type filter', async () => {
    await nav('Logs');
    await pickMany(page, 'Type', ['AUTH']);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const table = page.getByTestId('logs-table');
    await table
      .getByText(/login custom-token/)
      .first()
      .waitFor();
    await shot(page, '12-logs');
  });
});
