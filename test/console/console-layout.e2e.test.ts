import type { Page } from 'playwright-core';
import { browserSuite, openConsoleBrowser, type ConsoleBrowser } from '../helpers/console-browser';
import {
  DESKTOP,
  label,
  navigationHidden,
  overflowsHorizontally,
  PHONE,
  shot,
  toast,
} from '../helpers/console-page';
import { GROUP_A } from '../helpers/factories';

/**
 * The console as people use it beyond the seed flows: by keyboard alone, on a 390×844 phone and
 * at 1280×800, with a confirmation before anything destructive; and the API reference page.
 */
jest.setTimeout(120_000);

browserSuite('admin console: keyboard, layout, docs', () => {
  let b: ConsoleBrowser;
  let page: Page;
  let appId = '';
  let auth = '';

  beforeAll(async () => {
    b = await openConsoleBrowser();
    page = b.page;
    const login = await b.srv.api
      .post('/api/admin/v3.0/auth/providers/mongodb-cloud/login')
      .send({ username: b.key.publicKey, apiKey: b.key.privateKey })
      .expect(200);
    auth = `Bearer ${(login.body as { access_token: string }).access_token}`;
    const app = await b.srv.api
      .post(`/api/admin/v3.0/groups/${GROUP_A}/apps`)
      .set('Authorization', auth)
      .send({ name: 'layoutapp' })
      .expect(201);
    appId = (app.body as { _id: string })._id;
    await b.srv.api
      .post(`/api/admin/v3.0/groups/${GROUP_A}/apps/${appId}/api_keys`)
      .set('Authorization', auth)
      .send({ name: 'backend' })
      .expect(201);
    await b.srv.api
      .post(`/api/admin/v3.0/groups/${GROUP_A}/apps/${appId}/services`)
      .set('Authorization', auth)
      .send({
        name: 'mongodb-atlas',
        type: 'mongodb-atlas',
        config: { clusterName: 'Cluster0', readPreference: 'primary', wireProtocolEnabled: false },
      })
      .expect(201);
  }, 600_000);
  afterAll(() => b?.close());

  afterEach(() => {
    expect(b.problems.splice(0)).toEqual([]);
  });

  it('signs in by keyboard alone', async () => {
    await page.goto('/console/');
    await page.getByLabel('Public key').focus();
    await page.keyboard.type(b.key.publicKey);
    await page.keyboard.press('Tab');
    await page.keyboard.type(b.key.privateKey);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: GROUP_A }).waitFor();
    await shot(page, '20-picker');
  });

  it("opens the app's page at the realm_url that `apps describe` prints", async () => {
    const described = await b.srv.api
      .get(`/api/admin/v3.0/groups/${GROUP_A}/apps/${appId}/description`)
      .set('Authorization', auth)
      .expect(200);
    // The origin is supertest's own listener; the browser's server serves the same paths.
    const url = new URL((described.body as { realm_url: string }).realm_url);
    await page.goto(`${url.pathname}${url.hash}`);
    await page.getByTestId('app-name').getByText('layoutapp').waitFor();
  });

  it('asks before deleting, and Escape keeps the key', async () => {
    await page.goto(`/console/#/g/${GROUP_A}/a/${appId}/users/api-keys`);
    await page.getByRole('cell', { name: 'backend' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete API key?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'backend' }).waitFor();

    await page.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete key' }).focus();
    await page.keyboard.press('Enter');
    await toast(page, 'API key deleted');
    await page.getByText('No server API keys.').waitFor();
  });

  it('adds the seed 000 ThisUser rule in the rules editor, and an invalid one shows its error', async () => {
    await page.goto(`/console/#/g/${GROUP_A}/a/${appId}/rules`);
    await page.getByText('No collection rules.').waitFor();
    await page.getByRole('button', { name: 'Add a collection rule' }).click();
    await page.getByLabel(label('Database')).fill('myapp');
    await page.getByLabel(label('Collection')).fill('users');
    const roles = page.getByLabel('Roles (JSON, in order)');
    await roles.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // Typed without brackets the editor closes by itself: it inserts them as it goes.
    await roles.pressSequentially(
      '[{"name": "ThisUser", "apply_when": {"user_id": "%%user.id"}, "read": true, "write": true, "insert": false, "delete": false, "search": false',
    );
    await page.getByRole('button', { name: 'Save Draft' }).click();
    await toast(page, 'Saved to draft');
    await page.getByRole('cell', { name: 'myapp.users' }).waitFor();
    await page.getByRole('cell', { name: 'ThisUser' }).waitFor();
    await shot(page, '15-rules');

    // An expression the server refuses: the error and its code are shown, nothing is saved.
    await page.getByRole('button', { name: 'Add a collection rule' }).click();
    await page.getByLabel(label('Database')).fill('myapp');
    await page.getByLabel(label('Collection')).fill('notes');
    await roles.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await roles.pressSequentially('[{"name": "bad", "apply_when": {"$where": "true"');
    await page.getByRole('button', { name: 'Save Draft' }).click();
    await page
      .getByText(/\$where/)
      .first()
      .waitFor();
    await page.getByText('InvalidParameter').first().waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('cell', { name: 'myapp.users' }).waitFor();
    expect(await page.getByRole('cell', { name: 'myapp.notes' }).count()).toBe(0);
  });

  it('fits a 390×844 phone: no horizontal overflow, navigation behind the menu button', async () => {
    await page.setViewportSize(PHONE);
    for (const [section, name] of [
      ['users', '21-phone-users'],
      ['auth', '22-phone-providers'],
      ['deploy', '23-phone-deploy'],
      ['functions/new', '24-phone-function'],
    ] as const) {
      await page.goto(`/console/#/g/${GROUP_A}/a/${appId}/${section}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await navigationHidden(page);
      if (section === 'functions/new')
        await page.getByRole('textbox', { name: 'Source' }).waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await shot(page, name);
    }
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'App sections' }).getByText('Logs').click();
    await page.getByRole('heading', { name: 'Logs' }).waitFor();
  });

  it('fits 1280×800 on every section', async () => {
    await page.setViewportSize(DESKTOP);
    for (const section of [
      'users',
      'users/settings',
      'auth',
      'functions',
      'values',
      'secrets',
      'triggers',
      'rules',
      'logs',
      'deploy',
    ]) {
      await page.goto(`/console/#/g/${GROUP_A}/a/${appId}/${section}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
    }
    await shot(page, '25-triggers-empty');
  });

  it('serves the API reference offline at /docs', async () => {
    await page.goto('/docs');
    await page
      .getByRole('heading', { name: /Open App Services/ })
      .first()
      .waitFor({ timeout: 30_000 });
    // The reference is very long: the viewport only.
    await shot(page, '26-docs', false);
  });
});
