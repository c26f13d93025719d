import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, launchBrowser, screenshotPath, skipIfNoBrowser } from '../helpers/browser';
import { Client, signUp, uniqueEmail, workspaceWithRoles } from '../helpers/client';

// A workspace's settings page (name, quorum, reveal rule, read-only for everyone but a lead) and the
// signed-in person's API tokens page, through the production build against the real server. A token
// made in the browser is then used as a script would use it. The tests share pages and run in order.

const NEW_NAME = 'Harbour desk';

describe.skipIf(skipIfNoBrowser())('workspace settings and API tokens', () => {
  let app: TestApp;
  let browser: Browser;
  let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let lead: Page;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  /** The secret of the token made in the browser, as the page showed it. */
  let secret = '';

  /** A browser page signed in as `client`, `width` pixels wide. */
  async function pageFor(client: Client, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    await addSession(context, app.url, client);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  /** The trimmed text of the first element with this test id, once it is there. */
  const textOf = async (page: Page, testId: string) => {
    const element = page.getByTestId(testId).first();
    await element.waitFor();
    return ((await element.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  };

  /** A script reading the workspace list with the token in the Authorization header, no cookie, no Origin (the answer is checked against the OpenAPI document). */
  const listWithToken = (token: string) => {
    const script = new Client(app.url);
    script.token = token;
    return script.get('/api/workspaces', { noOrigin: true });
  };

  /** Whether the page is wider than its window (a sideways scroll). */
  const scrollsSideways = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  beforeAll(async () => {
    app = await startApp();
    team = await workspaceWithRoles(app.url);
    browser = await launchBrowser();
    lead = await pageFor(team.lead);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  test('a lead renames the workspace and the header and breadcrumbs show the new name without a reload', async () => {
    await lead.goto(`${app.url}/w/${team.wid}/settings`);
    const breadcrumbs = lead.getByRole('navigation', { name: 'Breadcrumbs' });
    await expect.poll(() => breadcrumbs.getByRole('link', { name: 'Newsroom' }).count()).toBe(1);
    await lead.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await lead.getByLabel('Name', { exact: true }).fill(`  ${NEW_NAME}  `);
    await lead.getByTestId('save-name').click();

    expect(await textOf(lead, 'name-saved')).toBe(`Saved: the workspace is now called “${NEW_NAME}”.`);
    await expect.poll(() => breadcrumbs.getByRole('link', { name: NEW_NAME }).count()).toBe(1);
    expect(await breadcrumbs.getByRole('link', { name: 'Newsroom' }).count()).toBe(0);
    await expect.poll(() => lead.title()).toBe(`Settings · ${NEW_NAME} · Corroborate`);
    expect(await lead.getByTestId('name-input').inputValue()).toBe(NEW_NAME);
    expect(await lead.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // The workspace's own page, reached by the breadcrumb, carries the new name as its heading.
    await breadcrumbs.getByRole('link', { name: NEW_NAME }).click();
    await lead.waitForURL(`${app.url}/w/${team.wid}`);
    await expect.poll(() => textOf(lead, 'workspace-name')).toBe(NEW_NAME);
    const stored = await team.lead.get('/api/workspaces');
    expect(stored.body.workspaces.find((w) => w.id === team.wid)?.name).toBe(NEW_NAME);
  });

  test('a blank name is refused with a sentence and the workspace keeps its name', async () => {
    await lead.goto(`${app.url}/w/${team.wid}/settings`);
    await lead.getByTestId('name-input').fill('   ');
    await lead.getByTestId('save-name').click();
    expect(await textOf(lead, 'name-error')).toBe('Give the workspace a name.');
    expect(await lead.getByTestId('name-input').getAttribute('aria-invalid')).toBe('true');
    const stored = await team.lead.get('/api/workspaces');
    expect(stored.body.workspaces.find((w) => w.id === team.wid)?.name).toBe(NEW_NAME);
  });

  test("a rename the server refuses shows the API's own sentence", async () => {
    // A second lead opens the settings, and is made a fact-checker before saving.
    const second = await signUp(app.url, 'second-lead');
    const added = await team.lead.post(`/api/workspaces/${team.wid}/members`, { email: second.user!.email, role: 'lead' });
    expect(added.status).toBe(201);
    const page = await pageFor(second);
    await page.goto(`${app.url}/w/${team.wid}/settings`);
    await page.getByTestId('name-input').waitFor();
    const demoted = await team.lead.patch(`/api/workspaces/${team.wid}/members/${second.user!.id}`, { role: 'factchecker' });
    expect(demoted.status).toBe(200);

    await page.getByTestId('name-input').fill('Taken over');
    await page.getByTestId('save-name').click();
    expect(await textOf(page, 'name-error')).toBe('This needs the role of a lead or higher; you are a fact-checker.');
    const stored = await team.lead.get('/api/workspaces');
    expect(stored.body.workspaces.find((w) => w.id === team.wid)?.name).toBe(NEW_NAME);
  });

  test('the quorum and the reveal rule a lead sets are kept after a reload', async () => {
    await lead.goto(`${app.url}/w/${team.wid}/settings`);
    expect(await lead.getByTestId('reveal-rule-quorum').isChecked()).toBe(true);

    await lead.getByTestId('quorum-input').fill('3');
    await lead.getByTestId('save-quorum').click();
    expect(await textOf(lead, 'quorum-saved')).toBe('Saved: claims are revealed after 3 votes.');

    // By keyboard: the arrow key moves to the other rule, which is saved at once.
    await lead.getByRole('radio', { name: 'Revealed when the quorum is reached' }).focus();
    await lead.keyboard.press('ArrowDown');
    expect(await textOf(lead, 'reveal-saved')).toBe('Saved: only a lead reveals verdicts.');
    // The quorum's explanation follows the rule.
    await expect.poll(() => textOf(lead, 'quorum-settings')).toContain('waits on the dashboard for a lead');

    await lead.reload();
    await lead.getByTestId('quorum-input').waitFor();
    expect(await lead.getByTestId('quorum-input').inputValue()).toBe('3');
    expect(await lead.getByRole('radio', { name: 'Only a lead reveals' }).isChecked()).toBe(true);
    expect(await lead.getByRole('radio', { name: 'Revealed when the quorum is reached' }).isChecked()).toBe(false);
    const stored = await team.lead.get('/api/workspaces');
    expect(stored.body.workspaces.find((w) => w.id === team.wid)).toMatchObject({ quorum: 3, revealRule: 'lead' });
    await lead.screenshot({ path: screenshotPath('settings.png'), fullPage: true });
  });

  test('a fact-checker reads the name, quorum and reveal rule but cannot change them', async () => {
    const page = await pageFor(team.factchecker);
    await page.goto(`${app.url}/w/${team.wid}/settings`);
    expect(await textOf(page, 'settings-read-only')).toBe('Only a lead changes these settings; you can read them.');
    expect(await textOf(page, 'name-value')).toBe(`This workspace is called “${NEW_NAME}”. Only a lead renames it.`);
    expect(await textOf(page, 'quorum-value')).toBe('Claims wait for a lead after 3 votes. Only a lead changes this.');
    expect(await textOf(page, 'reveal-rule-value')).toBe(
      'Only a lead reveals: Verdicts stay blind, however many votes are in, until a lead reveals them. Only a lead changes this.',
    );
    expect(await page.locator('main input, main button[type="submit"]').count()).toBe(0);
  });

  test('the user menu links to the API tokens page, which starts empty', async () => {
    await lead.goto(`${app.url}/w/${team.wid}`);
    await lead.getByRole('banner').getByRole('link', { name: 'API tokens' }).click();
    await lead.waitForURL(`${app.url}/account/tokens`);
    expect(await lead.getByRole('heading', { level: 1 }).textContent()).toBe('API tokens');
    expect(await textOf(lead, 'tokens-empty')).toContain('You have no API tokens.');
  });

  test('a new token’s secret is shown once, with a copy button, and works as a Bearer token', async () => {
    await lead.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await lead.getByLabel('Name', { exact: true }).fill('Nightly export');
    await lead.getByTestId('create-token-button').click();

    const panel = lead.getByTestId('new-token');
    await panel.waitFor();
    expect(await textOf(lead, 'new-token')).toContain('Copy it now: it will not be shown again.');
    secret = await textOf(lead, 'new-token-secret');
    expect(secret.length).toBeGreaterThan(20);
    await lead.getByTestId('copy-token').click();
    await expect.poll(() => textOf(lead, 'copy-token-status')).toBe('Copied to the clipboard.');
    expect(await lead.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // The list shows it, not yet used, and never its secret.
    const row = lead.getByTestId('token-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await textOf(lead, 'token-name-cell')).toBe('Nightly export');
    expect(await textOf(lead, 'token-last-used')).toBe('never used');
    expect(await row.textContent()).not.toContain(secret);

    // A script sends it in the Authorization header and reads the workspaces as the lead.
    const answer = await listWithToken(secret);
    expect(answer.status).toBe(200);
    expect(answer.body.workspaces.map((w) => w.name)).toContain(NEW_NAME);

    // After a reload the secret is gone for good; the list says when the token was last used.
    await lead.reload();
    await lead.getByTestId('token-row').waitFor();
    expect(await lead.getByTestId('new-token').count()).toBe(0);
    expect(await lead.content()).not.toContain(secret);
    const lastUsed = await textOf(lead, 'token-last-used');
    expect(lastUsed).not.toBe('never used');
    expect(await lead.getByTestId('token-last-used').locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await lead.screenshot({ path: screenshotPath('api-tokens.png'), fullPage: true });
  });

  test('a revoked token is refused by the API with 401', async () => {
    await lead.getByTestId('revoke-token').click();
    const dialog = lead.getByTestId('revoke-token-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Revoke “Nightly export”?');
    // Cancel has the focus: Enter alone keeps the token.
    expect(await lead.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await dialog.getByTestId('revoke-token-action').click();

    expect(await textOf(lead, 'token-revoked')).toBe('Revoked “Nightly export”: it no longer works.');
    expect(await textOf(lead, 'tokens-empty')).toContain('You have no API tokens.');
    const refused = await listWithToken(secret);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: { code: 'unauthorized', message: 'The API token is unknown or revoked.' } });
  });

  test('revoking a token already revoked in another window says so and drops it from the list', async () => {
    const made = await team.lead.post('/api/tokens', { name: 'Old script' });
    expect(made.status).toBe(201);
    await lead.reload();
    await lead.getByTestId('token-row').waitFor();
    await lead.getByTestId('revoke-token').click();
    await lead.getByTestId('revoke-token-dialog').waitFor();
    expect((await team.lead.delete(`/api/tokens/${made.body.id}`)).status).toBe(204);

    await lead.getByTestId('revoke-token-action').click();
    expect(await textOf(lead, 'token-revoked')).toBe('“Old script” was already revoked (in another window, perhaps): it no longer works.');
    expect(await textOf(lead, 'tokens-empty')).toContain('You have no API tokens.');
    expect(await lead.getByTestId('revoke-token-dialog').isVisible()).toBe(false);
  });

  test('the export page’s sentence about tokens links to the tokens page', async () => {
    await lead.goto(`${app.url}/w/${team.wid}/export`);
    const link = lead.getByRole('link', { name: 'make one on your API tokens page' });
    await link.click();
    await lead.waitForURL(`${app.url}/account/tokens`);
    expect(await lead.getByRole('heading', { level: 1 }).textContent()).toBe('API tokens');
  });

  test('at 390 px the settings, tokens and export pages fit the width', async () => {
    // A long name, so that the header's account links have to share the width with it.
    const longName = new Client(app.url);
    const signedUp = await longName.post('/api/auth/signup', { email: uniqueEmail('long'), password: 'correct horse battery', name: 'Alexandra Konstantinopoulou-Whitfield' });
    expect(signedUp.status).toBe(201);
    longName.user = signedUp.body.user;
    const added = await team.lead.post(`/api/workspaces/${team.wid}/members`, { email: longName.user!.email, role: 'lead' });
    expect(added.status).toBe(201);
    const phone = await pageFor(longName, 390);
    await phone.goto(`${app.url}/w/${team.wid}/settings`);
    await phone.getByTestId('name-input').waitFor();
    expect(await scrollsSideways(phone)).toBe(false);

    await phone.goto(`${app.url}/account/tokens`);
    await phone.getByTestId('token-name').fill('A phone-sized token with a rather long name to wrap');
    await phone.getByTestId('create-token-button').click();
    await phone.getByTestId('new-token-secret').waitFor();
    await phone.getByTestId('token-row').waitFor();
    expect(await scrollsSideways(phone)).toBe(false);
    expect(await phone.getByRole('banner').getByRole('link', { name: 'API tokens' }).isVisible()).toBe(true);
    await phone.screenshot({ path: screenshotPath('api-tokens-phone.png'), fullPage: true });

    await phone.goto(`${app.url}/w/${team.wid}/export`);
    await phone.getByRole('link', { name: 'make one on your API tokens page' }).waitFor();
    expect(await scrollsSideways(phone)).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
