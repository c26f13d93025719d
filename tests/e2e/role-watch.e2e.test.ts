import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, launchBrowser, skipIfNoBrowser } from '../helpers/browser';
import { signUp, type Client } from '../helpers/client';

// An open workspace page follows its viewer's role without a reload: a lead made a viewer loses the
// settings' controls, and a removed member gets the no-access page (web/src/lib/role-watch.ts).

describe.skipIf(skipIfNoBrowser())('a role change reaches an open workspace page', () => {
  let app: TestApp;
  let browser: Browser;
  let lead: Client;
  let other: Client;
  let wid: string;

  beforeAll(async () => {
    app = await startApp();
    lead = await signUp(app.url, 'lead');
    other = await signUp(app.url, 'second');
    wid = (await lead.post('/api/workspaces', { name: 'Role desk' })).body.workspace.id;
    expect((await lead.post(`/api/workspaces/${wid}/members`, { email: other.user!.email, role: 'lead' })).status).toBe(201);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('a lead made a viewer sees the settings read-only, then removed sees the no-access page, without a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(20_000);
    await addSession(context, app.url, other);
    const page = await context.newPage();
    let loads = 0;
    page.on('load', () => loads++);
    await page.goto(`${app.url}/w/${wid}/settings`);
    await page.getByTestId('name-input').waitFor();
    expect(await page.locator('.badge').textContent()).toBe('Lead');

    expect((await lead.patch(`/api/workspaces/${wid}/members/${other.user!.id}`, { role: 'viewer' })).status).toBe(200);
    await page.getByTestId('name-value').waitFor();
    expect(await page.getByTestId('name-input').count()).toBe(0);
    expect(await page.locator('.badge').textContent()).toBe('Viewer');

    expect((await lead.delete(`/api/workspaces/${wid}/members/${other.user!.id}`)).status).toBe(204);
    await page.getByTestId('error-page').waitFor();
    expect(await page.getByTestId('error-message').textContent()).toContain("don't have access");
    // All of it on the page as first loaded: no reload.
    expect(loads).toBe(1);
    await context.close();
  });
});
